"""The few generic rule kinds; the rules themselves (ids, wording, parameters) are YAML in models/rules/."""

from __future__ import annotations

from datetime import date

from auditor.assess.context import AuditContext, Hit, Outcome, join_words, materials_of
from auditor.assess.evidence import span_evidence


def undisclosed_transfer(rule, ctx: AuditContext) -> Outcome:
    """Protocol sends material abroad; the consent form discloses no transfer abroad at all."""
    abroad = ctx.flows("protocol", rule.params.get("materials"), foreign=True)
    if not abroad:
        return Outcome(passed="The protocol states no transfer of these materials abroad.")
    disclosed = ctx.flows("consent", foreign=True)
    if disclosed:
        return Outcome(passed=f"The consent form discloses a transfer abroad: \"{disclosed[0][1].destination}\".")
    where = ctx.places([f for _, f in abroad], prefix=True)
    return Outcome([Hit({"materials": materials_of(abroad), "destinations": where}, ctx.evidence(abroad))])


def vague_disclosure(rule, ctx: AuditContext) -> Outcome:
    """The consent form's disclosure of transfer abroad is vague or hedged only."""
    told = ctx.flows("consent", rule.params.get("materials"), foreign=True)
    if not told:
        return Outcome(passed="The consent form states no transfer abroad, so there is no disclosure to be vague.")
    firm = [f for _, f in told if f.destination_kind == "country" and f.modality == "asserted"]
    if firm:
        return Outcome(passed=f"The consent form names {ctx.places(firm)} in a firm statement.")
    vague = any(f.destination_kind == "vague_foreign" for _, f in told)
    hedged = any(f.modality != "asserted" for _, f in told)
    how = " and ".join(w for w, on in (("with vague destinations", vague), ("in hedged wording", hedged)) if on)
    quotes = join_words(f"\"{f.destination}\"" + (f" ({f.cue.text})" if f.cue else "") for _, f in told)
    escalate = bool(_concern_flows(ctx, ctx.flows("protocol")))
    return Outcome([Hit({"how": how, "quotes": quotes}, ctx.evidence(told),
                        "protocol_names_country_of_concern" if escalate else None)])


def destination_mismatch(rule, ctx: AuditContext) -> Outcome:
    """Consent and protocol disagree: a domestic promise against a foreign destination, or missing countries."""
    abroad = ctx.flows("protocol", rule.params.get("materials"), foreign=True)
    if not abroad:
        return Outcome(passed="The protocol states no transfer abroad to compare.")
    consent_all = ctx.flows("consent", live=False)
    promises = [(d, f) for d, f in consent_all if _promises_domestic(f, abroad)]
    places = ctx.places([f for _, f in abroad])
    if promises:
        detail = (f"The consent form promises domestic handling (\"{promises[0][1].destination}\", "
                  f"{promises[0][1].modality}) but the protocol sends material to {places}.")
        return Outcome([Hit({"detail": detail}, ctx.evidence(promises + abroad), "consent_promises_domestic_handling")])
    named = {f.country for _, f in ctx.flows("consent", foreign=True) if f.destination_kind == "country"}
    missing = [(d, f) for d, f in abroad if f.destination_kind == "country" and f.country not in named]
    if named and missing:
        detail = (f"The consent form names {join_words(sorted(ctx.country_names.get(c, c) for c in named))} "
                  f"but the protocol also sends material to {ctx.places([f for _, f in missing])}.")
        return Outcome([Hit({"detail": detail}, ctx.evidence(missing))])
    return Outcome(passed="The consent form's destinations cover the protocol's.")


def _promises_domestic(flow, abroad) -> bool:
    if flow.action == "reinfuse":  # "will not be returned" is about coming back, not about going abroad
        return False
    if flow.modality == "negated" and flow.destination_kind == "vague_foreign":
        return True  # "will not be sent outside the United States"
    if flow.modality == "negated" and flow.destination_kind == "country" and flow.country != "US":
        return any(f.country == flow.country for _, f in abroad)  # "not to China" against a Chinese lab
    if flow.modality == "asserted" and flow.destination_kind == "domestic":
        # "only in the United States", "within the US", "will remain in the United States"
        label = flow.destination_mention.label if flow.destination_mention else ""
        return label == "DOMESTIC" or flow.action == "remain"
    return False


def _concern_flows(ctx: AuditContext, pairs, regime_id: str = "doj-dsp"):
    from auditor.extract.vocab import vocabulary

    countries = vocabulary().concern[regime_id]["countries"]
    return [(d, f) for d, f in pairs if f.destination_kind == "country" and f.country in countries]


def country_of_concern(rule, ctx: AuditContext) -> Outcome:
    """A live destination in a country of concern under the rule's regime; one finding per country."""
    from auditor.extract.vocab import vocabulary

    regime = vocabulary().concern[rule.params["regime"]]
    if ctx.as_of < date.fromisoformat(str(regime["effective"])):
        return Outcome(passed=f"{regime['name']} was not in force on {ctx.as_of}.")
    pairs = _concern_flows(ctx, ctx.flows(None, rule.params.get("materials")), rule.params["regime"])
    if not pairs:
        return Outcome(passed="No live destination in a country of concern.")
    hits = []
    for code in dict.fromkeys(f.country for _, f in pairs):
        group = [(d, f) for d, f in pairs if f.country == code]
        names = list(dict.fromkeys(f"the {d.role if d.role != 'unknown' else 'document'} ({d.name})" for d, _ in group))
        roles = join_words(names) + (" place" if len(names) > 1 else " places")
        hits.append(Hit({"documents": roles[0].upper() + roles[1:], "materials": materials_of(group),
                         "countries": regime["countries"][code]}, ctx.evidence(group)))
    return Outcome(hits)


def pages_without_text(rule, ctx: AuditContext) -> Outcome:
    """PDF pages with no text layer: the audit could not read them."""
    hits = []
    for document, _ in ctx.bundle:
        pages = document.pages_without_text
        if pages:
            from auditor.document.model import Span

            ev = span_evidence(document, Span(start=0, end=min(len(document.text), 80)), "no text layer")
            ev = ev.model_copy(update={"page": pages[0], "pages": tuple(pages), "section": None, "absence": True,
                                       "quote": f"[no extractable text on pages {_ranges(pages)}]"})
            hits.append(Hit({"document": document.name, "count": str(len(pages)), "pages": _ranges(pages)}, [ev]))
    return Outcome(hits, passed="Every page has a text layer.")


def _ranges(pages) -> str:
    out, start = [], None
    for i, page in enumerate(pages):
        if start is None:
            start = page
        if i + 1 == len(pages) or pages[i + 1] != page + 1:
            out.append(str(start) if start == page else f"{start}-{page}")
            start = None
    return ", ".join(out)


def conditional(rule, ctx: AuditContext) -> Outcome:
    """Fires when every `when` condition holds and no `unless` condition does (a required element is a
    conditional rule with no `when`; a forbidden statement one with no `unless`)."""
    from auditor.assess.conditions import check

    evidence, flows = [], []
    for condition in rule.when:
        holds, found, pairs = check(condition, ctx)
        if not holds:
            return Outcome(passed=f"Does not arise: {_describe(condition)}.")
        evidence += [e for e in found if e is not None]
        flows += pairs
    for condition in rule.unless:
        holds, found, _ = check(condition, ctx)
        if holds:
            where = f" ({found[0].document_name}{_page(found[0])})" if found else ""
            quote = f": \"{found[0].quote[:160]}\"" if found else ""
            return Outcome(passed=f"Satisfied{where}{quote}")
    if not evidence:
        evidence = [_absence(rule, ctx)]
    severity, reason = _escalation(rule, ctx)
    fields = {"places": ctx.places([f for _, f in flows]) or "the destinations named", "materials": materials_of(flows)
              or "material", "quote": evidence[0].quote[:200]}
    return Outcome([Hit(fields, evidence[:12], severity=severity, reason=reason)])


def _describe(condition) -> str:
    if condition.flows is not None:
        return "no matching sample flow"
    if condition.text is not None:
        return f"no matching statement in the {condition.text.role or 'documents'}"
    if condition.applies is not None:
        return f"'{condition.applies}' does not apply"
    if condition.not_applies is not None:
        return f"'{condition.not_applies}' applies"
    return f"a {condition.no_document} was given"


def _page(evidence) -> str:
    return f", page {evidence.page}" if evidence.page else (f", section {evidence.section}" if evidence.section else "")


def _absence(rule, ctx: AuditContext):
    """Evidence for something missing: the document that should have said it, with no quote."""
    from auditor.assess.model import Evidence

    roles = [c.text.role for c in rule.unless if c.text is not None and c.text.role] or rule.applies_to
    document = next((d for d, _ in ctx.bundle if d.role in roles), ctx.bundle[0][0])
    return Evidence(document=document.id, document_name=document.name, page=None, section=None,
                    quote=f"[no statement found in {document.name}: {rule.title.lower()}]", start=0, end=0,
                    trigger="absence of every pattern in the rule's 'unless' list", absence=True)


def _escalation(rule, ctx: AuditContext):
    from auditor.assess.conditions import check

    for step in rule.escalate:
        if all(check(condition, ctx)[0] for condition in step.when):
            return step.to, step.reason
    return None, None


def exact_statement(rule, ctx: AuditContext) -> Outcome:
    """A statement required word for word (whitespace, quotes, case and http/https normalised); a paraphrase
    is reported at the rule's `paraphrase_severity`."""
    from auditor.assess.conditions import matching_text

    wanted = _normal(rule.params["statement"])
    for document, _ in ctx.by_role(rule.params.get("role", "consent")):
        if wanted in _normal(document.text):
            return Outcome(passed=f"The exact statement is in {document.name}.")
    paraphrase = [e for c in rule.unless if c.text is not None for e in matching_text(c.text, ctx)]
    if paraphrase:
        quote = paraphrase[0].quote[:200]
        return Outcome([Hit({"quote": quote, "found": f'; the closest text is a paraphrase: "{quote}"'}, paraphrase[:3],
                            severity=rule.paraphrase_severity, reason="only a paraphrase of the required statement was found")])
    return Outcome([Hit({"quote": "", "found": " and no paraphrase of it either"}, [_absence(rule, ctx)])])


def required_elements(rule, ctx: AuditContext) -> Outcome:
    """Several elements a document must state (45 CFR 46.116(b)(1)-(8) and the like): one finding lists every
    element not found; the rule passes with the evidence of each element found."""
    from auditor.assess.conditions import check, matching_text
    from auditor.assess.rules import TextFilter

    for condition in rule.when:
        if not check(condition, ctx)[0]:
            return Outcome(passed=f"Does not arise: {_describe(condition)}.")
    role = rule.params.get("role", "consent")
    found, missing = {}, []
    for label, patterns in rule.params["elements"].items():
        evidence = matching_text(TextFilter(role=role, any=list(patterns)), ctx)
        if evidence:
            found[label] = evidence[0]
        else:
            missing.append(label)
    if not missing:
        return Outcome(passed="All elements found: " + "; ".join(
            f"{label} (\"{e.quote[:60]}\"{_page(e)})" for label, e in found.items()))
    severity, reason = _escalation(rule, ctx)
    evidence = [_absence(rule, ctx)]
    evidence[0] = evidence[0].model_copy(update={"quote": f"[not found in {evidence[0].document_name}: {'; '.join(missing)}]"})
    return Outcome([Hit({"missing": "; ".join(missing), "found": str(len(found)), "quote": ""}, evidence,
                        severity=severity, reason=reason)])


def _normal(text: str) -> str:
    import re

    text = text.lower().replace("https://", "http://").replace("\u201c", '"').replace("\u201d", '"')
    text = text.replace("\u2019", "'").replace("www.", "")
    return re.sub(r"\s+", " ", text)


KINDS = {
    "undisclosed_transfer": undisclosed_transfer,
    "vague_disclosure": vague_disclosure,
    "destination_mismatch": destination_mismatch,
    "country_of_concern": country_of_concern,
    "pages_without_text": pages_without_text,
    "conditional": conditional,
    "exact_statement": exact_statement,
    "required_elements": required_elements,
}
