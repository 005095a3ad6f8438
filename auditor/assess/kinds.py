"""The few generic rule kinds; the rules themselves (ids, wording, parameters) are YAML in models/rules/."""

from __future__ import annotations


from auditor.assess import flow_kinds
from auditor.assess.context import AuditContext, Hit, Outcome, materials_of


def conditional(rule, ctx: AuditContext) -> Outcome:
    """Fires when every `when` condition holds and no `unless` condition does (a required element is a
    conditional rule with no `when`; a forbidden statement one with no `unless`)."""
    from auditor.assess.conditions import check

    results = {}
    for condition in sorted(rule.when, key=_cost):  # cheap tests first: a failing one spares the text scans
        holds, found, pairs = check(condition, ctx)
        if not holds:
            return Outcome(passed=f"Does not arise: {_describe(condition)}.")
        results[id(condition)] = (found, pairs)
    evidence, flows = [], []
    for condition in rule.when:  # evidence in the rule's own order
        found, pairs = results[id(condition)]
        evidence += [e for e in found if e is not None]
        flows += pairs
    ctx.when_countries = {f.country for _, f in flows if f.destination_kind == "country"}
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


def _cost(condition) -> int:
    """Applicability and document checks are free, flow filters cheap, text scans dear."""
    if condition.text is not None or condition.no_text is not None or condition.all_of or condition.any_of:
        return 2
    return 1 if condition.flows is not None else 0


def _describe(condition) -> str:
    if condition.flows is not None:
        return "no matching sample flow"
    if condition.text is not None:
        return f"no matching statement in the {condition.text.role or 'documents'}"
    if condition.applies is not None:
        return f"'{condition.applies}' does not apply"
    if condition.not_applies is not None:
        return f"'{condition.not_applies}' applies"
    if condition.no_text is not None:
        return f"a matching statement in the {condition.no_text.role or 'documents'}"
    if condition.all_of:
        return "; ".join(_describe(part) for part in condition.all_of)
    if condition.any_of:
        return " and ".join(_describe(part) for part in condition.any_of)
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


def one_of_statements(rule, ctx: AuditContext) -> Outcome:
    """Exactly one of two alternative statements must be present (45 CFR 46.116(b)(9): (i) or (ii)); neither is
    a finding, and so are both, which contradict each other (catalogue ICF-004)."""
    from auditor.assess.conditions import matching_text
    from auditor.assess.rules import TextFilter

    params = rule.params
    role = params.get("role", "consent")
    found = {label: matching_text(TextFilter(role=role, any=list(patterns)), ctx)
             for label, patterns in params["statements"].items()}
    present = [label for label, evidence in found.items() if evidence]
    if len(present) > 1:  # a contradiction needs each statement in its own full form (params.contradiction)
        import re

        for label, patterns in (params.get("contradiction") or {}).items():
            strong = [e for e in found.get(label) or [] if any(re.search(p, e.quote, re.IGNORECASE) for p in patterns)]
            if not strong and label in present:
                present.remove(label)
            found[label] = strong or found.get(label) or []
    if len(present) == 1:
        evidence = found[present[0]][0]
        return Outcome(passed=f"{present[0]} (\"{evidence.quote[:100]}\"{_page(evidence)}).")
    if not present:
        return Outcome([Hit({"detail": params["messages"]["neither"]}, [_absence(rule, ctx)])])
    quotes = "; ".join(f"{label}: \"{found[label][0].quote[:120]}\"" for label in present)
    return Outcome([Hit({"detail": params["messages"]["both"].format(quotes=quotes)},
                        [found[label][0] for label in present])])


def _in_sections(evidence, titles: list[str], ctx: AuditContext, role: str):
    """The evidence inside a section whose title (or an ancestor's) matches one of `titles`; all of it when no
    document of the role has such a section."""
    import re

    pattern = re.compile("|".join(f"(?:{t})" for t in titles), re.IGNORECASE)
    # the form's own title ("CONSENT ... AND AUTHORIZATION TO USE AND DISCLOSE HEALTH INFORMATION") makes the whole
    # form the authorization: only a section of its own narrows it
    titled = any(pattern.search(s.title) and s.heading.start > _body_start(d)
                 for d, _ in ctx.by_role(role) for s in d.sections)
    if not titled:
        return evidence
    return [e for e in evidence if e.section and pattern.search(e.section)]


def _vague_abroad_within(titles: list[str], ctx: AuditContext, role: str) -> bool:
    """A live flow of the role's documents to a vague place abroad, inside a section of its own whose title (or an
    ancestor's) matches one of `titles`."""
    import re

    from auditor.assess.conditions import _block_of
    from auditor.assess.flow_kinds import _under

    pattern = re.compile("|".join(f"(?:{t})" for t in titles), re.IGNORECASE)
    for document, flow in ctx.flows(role, foreign=True):
        if flow.destination_kind != "vague_foreign":
            continue
        keys = {s.index for s in document.sections if pattern.search(s.title) and s.heading.start > _body_start(document)}
        if _under(document, document.blocks[_block_of(document, flow.sentence.start)].section, keys):
            return True
    return False


def _body_start(document) -> int:
    """Where the document's first paragraph, list item or table row begins: headings before it are its title."""
    return next((b.span.start for b in document.blocks if b.kind != "heading"), len(document.text))


def required_elements(rule, ctx: AuditContext) -> Outcome:
    """Several elements a document must state (45 CFR 46.116(b)(1)-(8) and the like): one finding lists every
    element not found; the rule passes with the evidence of each element found."""
    from auditor.assess.conditions import check, foreign_place_pattern, matching_text
    from auditor.assess.rules import TextFilter

    for condition in rule.when:
        if not check(condition, ctx)[0]:
            return Outcome(passed=f"Does not arise: {_describe(condition)}.")
    role = rule.params.get("role", "consent")
    found, missing = {}, []
    elements = [(label, patterns, False) for label, patterns in rule.params["elements"].items()]
    # Elements owed only when material goes to a named foreign country: a sentence that also names that place
    elements += [(label, patterns, True) for label, patterns in (rule.params.get("foreign_elements") or {}).items()]
    # Elements owed only when some conditions hold ("(d)(1) includes (c)(9) where appropriate": when the protocol
    # sequences whole genomes, the broad consent must say whether the research will or might do so)
    from auditor.assess.rules import Condition

    for group in rule.params.get("conditional_elements") or []:
        if all(check(Condition.model_validate(c), ctx)[0] for c in group["when"]):
            elements += [(label, patterns, False) for label, patterns in group["elements"].items()]
    # A foreign recipient counts only inside the authorization's own section when the document has one
    # (params.foreign_within_sections: title patterns); a shipping paragraph elsewhere in the form is no authorization
    within = rule.params.get("foreign_within_sections") or []
    for label, patterns, foreign in elements:
        if foreign and foreign_place_pattern(ctx) is None:
            # no foreign country anywhere; but an authorization section that itself names recipients abroad with
            # no country ("laboratories, some of which may be located outside the United States") lacks the country
            if within and _vague_abroad_within(within, ctx, role):
                missing.append(label)
            continue
        evidence = matching_text(TextFilter(role=role, any=list(patterns), names_flow_place=foreign), ctx)
        if foreign and within:
            evidence = _in_sections(evidence, within, ctx, role)
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
    "undisclosed_transfer": flow_kinds.undisclosed_transfer,
    "vague_disclosure": flow_kinds.vague_disclosure,
    "destination_mismatch": flow_kinds.destination_mismatch,
    "domestic_promise": flow_kinds.domestic_promise,
    "custody_plan": flow_kinds.custody_plan,
    "key_information": flow_kinds.key_information,
    "country_of_concern": flow_kinds.country_of_concern,
    "pages_without_text": flow_kinds.pages_without_text,
    "conditional": conditional,
    "exact_statement": exact_statement,
    "one_of_statements": one_of_statements,
    "required_elements": required_elements,
}
