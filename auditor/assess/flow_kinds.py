"""Rule kinds that compare the documents' sample flows (XBT-001..003, CCN-001) and check page coverage (DOC-001)."""

from __future__ import annotations

from datetime import date
from functools import lru_cache

from auditor.assess.context import AuditContext, Hit, Outcome, join_words, materials_of
from auditor.assess.evidence import span_evidence


def undisclosed_transfer(rule, ctx: AuditContext) -> Outcome:
    """Protocol sends material abroad; the consent form discloses no transfer abroad at all."""
    abroad = ctx.flows("protocol", rule.params.get("materials"), foreign=True)
    if not abroad:
        return Outcome(passed="The protocol states no transfer of these materials abroad.")
    disclosed = ctx.flows("consent", foreign=True)
    where = ctx.places([f for _, f in abroad], prefix=True)
    fields = {"materials": materials_of(abroad), "destinations": where}
    gaps = rule.params.get("gaps") or {}
    if not disclosed:
        return Outcome([Hit({**fields, "gap": gaps.get("undisclosed", "")}, ctx.evidence(abroad))])
    said = f"The consent form discloses a transfer abroad: \"{disclosed[0][1].destination}\""
    named = [f for _, f in abroad if f.destination_kind == "country"]
    if named and not any(f.destination_kind == "country" for _, f in disclosed):
        # Told only "outside the United States" while the protocol names the country (catalogue: the disclosure
        # names the country or countries); the vagueness itself is XBT-002
        return Outcome([Hit({**fields, "gap": gaps.get("no_country", "")}, ctx.evidence(disclosed + abroad),
                            "country_not_named")])
    told = {f.country for _, f in disclosed if f.destination_kind == "country"}
    hidden = [(d, f) for d, f in _concern_flows(ctx, abroad) if f.country not in told]
    if hidden:
        # Told of one country ("a central laboratory in Singapore") while the material goes on to a country of
        # concern the consent never names (BGI, Shenzhen): that transfer is undisclosed
        where = ctx.places([f for _, f in hidden], prefix=True)
        return Outcome([Hit({"materials": materials_of(hidden), "destinations": where,
                             "gap": gaps.get("concern_not_named", "")}, ctx.evidence(hidden + disclosed))])
    fate = rule.params.get("fate_statement")
    if fate:
        from auditor.assess.conditions import matching_text
        from auditor.assess.rules import TextFilter

        if not matching_text(TextFilter(role="consent", any=list(fate)), ctx):
            # Disclosed, but not whether anything comes back (returned, destroyed or kept there)
            return Outcome([Hit({**fields, "gap": gaps.get("no_fate", "")}, ctx.evidence(disclosed + abroad),
                                "fate_of_material_not_stated")])
    return Outcome(passed=f"{said}, and says what becomes of the material.")


def vague_disclosure(rule, ctx: AuditContext) -> Outcome:
    """The consent form's disclosure of transfer abroad is vague or hedged only."""
    told = ctx.flows("consent", rule.params.get("materials"), foreign=True)
    if ctx.flows("protocol", ["genetic_data"], foreign=True):
        # the protocol sends genetic data abroad: "your data" or "your coded information" going abroad in the
        # consent is the disclosure of it ("analysed by our global partners, who may be located outside the US")
        told = told + [(d, f) for d, f in ctx.flows("consent", ["other_data"], foreign=True) if (d, f) not in told]
    if not told:
        return Outcome(passed="The consent form states no transfer abroad, so there is no disclosure to be vague.")
    firm = [f for _, f in told if f.destination_kind == "country" and f.modality == "asserted"]
    if firm:
        # Firm about some places, hedged about a country of concern ("might also be sent to a cooperation partner
        # laboratory in Russia"): hedged language is never specific, even when it names a country (catalogue)
        sure = {f.country for f in firm}
        concern = {f.country for _, f in _concern_flows(ctx, told)}
        unsure = [(d, f) for d, f in told if f.country in concern and f.country not in sure]
        # Firm about one country, and only a vague word for a country the protocol adds ("will be sent to ...
        # Brisbane, Australia. If required, some cells may also be tested by partner laboratories in other
        # countries" while the protocol sends cells to Singapore): the vague words are that destination's only
        # disclosure. (A hedge that names the country, as the protocol's own hedge does, is left alone.)
        uncovered = {f.country for _, f in ctx.flows("protocol", rule.params.get("materials"), foreign=True)
                     if f.destination_kind == "country"} - sure
        if uncovered:
            unsure += [(d, f) for d, f in told if (d, f) not in unsure and f.destination_kind == "vague_foreign"]
        if not unsure:
            return Outcome(passed=f"The consent form names {ctx.places(firm)} in a firm statement.")
        told = unsure
    vague = any(f.destination_kind == "vague_foreign" for _, f in told)
    hedged = any(f.modality != "asserted" for _, f in told)
    how = " and ".join(w for w, on in (("with vague destinations", vague), ("in hedged wording", hedged)) if on)
    quotes = join_words(f"\"{f.destination}\"" + (f" ({f.cue.text})" if f.cue else "") for _, f in told)
    escalate = bool(_concern_flows(ctx, ctx.flows("protocol")))
    return Outcome([Hit({"how": how, "quotes": quotes}, ctx.evidence(told),
                        "protocol_names_country_of_concern" if escalate else None)])


def key_information(rule, ctx: AuditContext) -> Outcome:
    """The consent form has a key-information section, and a transfer abroad that it discloses is told there
    too (catalogue ICF-001: "disclosed only deep in the form" is the second trigger)."""
    import re

    from auditor.assess.conditions import matching_text
    from auditor.assess.rules import TextFilter

    params = rule.params
    messages = params["messages"]
    found = matching_text(TextFilter(role="consent", any=list(params["key_information"])), ctx)
    if not found:
        from auditor.assess.kinds import _absence

        return Outcome([Hit({"detail": messages["missing"]}, [_absence(rule, ctx)])])
    told = ctx.flows("consent", foreign=True)
    if not told:
        # the catalogue: "when XBT rules fire, that section should mention the international transfer or foreign
        # manufacture"; a transfer the protocol states and the form never tells of is missing there too
        sent = ctx.flows("protocol", foreign=True)
        if sent and messages.get("untold"):
            detail = messages["untold"].format(places=ctx.places([f for _, f in sent]))
            return Outcome([Hit({"detail": detail}, ctx.evidence(sent)[:3] + found[:1])])
        return Outcome(passed=f"Key information found (\"{found[0].quote[:80]}\"); the consent form tells of no transfer abroad.")
    heading = re.compile("|".join(f"(?:{p})" for p in params["key_information"]), re.IGNORECASE)
    abroad = re.compile("|".join(f"(?:{p})" for p in params["abroad_words"]), re.IGNORECASE)
    names = {ctx.country_names.get(f.country or "", "") for _, f in told} | {f.destination for _, f in told}
    for document, _ in ctx.by_role("consent"):
        keys = {s.index for s in document.sections if heading.search(s.title)}
        if not keys:
            return Outcome(passed=f"Key information found (\"{found[0].quote[:80]}\"), not as a section whose contents can be read.")
        inside = [b for b in document.blocks if _under(document, b.section, keys)]
        text = " ".join(document.text[b.span.start : b.span.end] for b in inside)
        # a sentence that names the place (or says "abroad") and speaks of material or its sending: "not approved
        # in the United States or Europe" names a place and tells of no transfer
        material = re.compile("|".join(f"(?:{p})" for p in params.get("transfer_words") or [r"\w"]), re.IGNORECASE)
        for sentence in re.split(r"(?<=[.!?])\s+", text):
            if material.search(sentence) and (abroad.search(sentence) or any(
                    n and re.search(rf"(?<!\w){re.escape(n)}(?!\w)", sentence) for n in names)):
                return Outcome(passed="The key-information section tells of the transfer abroad.")
    places = ctx.places([f for _, f in told])
    return Outcome([Hit({"detail": messages["transfer"].format(places=places)}, ctx.evidence(told)[:3] + found[:1])])


def _under(document, section: int | None, keys: set[int]) -> bool:
    while section is not None:
        if section in keys:
            return True
        section = document.sections[section].parent
    return False


def custody_plan(rule, ctx: AuditContext) -> Outcome:
    """Samples are collected but the protocol places none of them; or it sends samples to a recipient that it
    locates only "per the laboratory manual" (or "selected by the sponsor") and nowhere else."""
    import re

    from auditor.assess.conditions import matching_text
    from auditor.assess.rules import TextFilter

    params = rule.params
    collected = matching_text(TextFilter(role="protocol", any=list(params["collected"])), ctx)
    if not collected:
        return Outcome(passed="The protocol describes no sample collection.")
    located = [(d, f) for d, f in ctx.flows("protocol", live=False)
               if f.destination_kind in ("country", "domestic") or (f.destination_kind == "vague_foreign" and f.modality == "negated")]
    if not located:
        return Outcome([Hit({"quote": collected[0].quote[:200], "gap": params["gaps"]["nowhere"]}, collected[:3])])
    noun = re.compile(params["recipient"], re.IGNORECASE)
    # a recipient named in a sentence that places samples is located (even "... to Lima, as the manual specifies")
    placed = " ".join(d.text[f.sentence.start : f.sentence.end].lower() for d, f in located)
    shipping = re.compile(params["shipping"], re.IGNORECASE) if params.get("shipping") else None
    for evidence in matching_text(TextFilter(role="protocol", any=list(params["manual"])), ctx):
        recipients = list(noun.finditer(evidence.quote))
        for match in recipients:
            recipient = " ".join(match.group(1).lower().split())
            if recipient not in placed and not any(recipient in (f.organisation or "").lower() for _, f in located):
                gap = params["gaps"]["manual"].format(recipient=recipient)
                return Outcome([Hit({"quote": evidence.quote[:200], "gap": gap}, [evidence])])
        if (not recipients and shipping is not None and shipping.search(evidence.quote)
                and " ".join(evidence.quote.lower().split()) not in placed):
            return Outcome([Hit({"quote": evidence.quote[:200], "gap": params["gaps"]["shipped"]}, [evidence])])
    return Outcome(passed=f"The protocol places its samples ({ctx.places([f for _, f in located])}).")


_GROUPS = {"biospecimen": "material", "cells": "material", "genetic_data": "data", "other_data": "data"}


def domestic_promise(rule, ctx: AuditContext) -> Outcome:
    """The consent form promises that material does not leave the United States: a pass signal when nothing in
    the documents goes abroad; a note when the promise covers samples but something of the other kind (data, or
    samples when the promise is about data) goes abroad while nothing of its own kind does."""
    promises = [(d, f) for d, f in ctx.flows("consent", live=False)
                if f.destination_kind == "vague_foreign" and f.modality == "negated" and f.action != "reinfuse"]
    # "Your saliva sample will stay in the United States": a promise too, though not a negated one; it counts
    # only for the note that data (or samples) of the other kind go abroad, not as the pass signal
    stays = [(d, f) for d, f in ctx.flows("consent", live=False)
             if f.action == "remain" and f.destination_kind == "domestic" and f.modality == "asserted"]
    if not promises and not stays:
        return Outcome(passed="The consent form makes no negated statement about transfer abroad.")
    abroad = ctx.flows("protocol", foreign=True) + ctx.flows("consent", foreign=True)
    messages = rule.params.get("messages") or {}
    if not promises:
        if not abroad:
            return Outcome(passed="The consent form says material stays in the United States, and nothing goes abroad.")
        promises = stays
    quote = promises[0][1].destination
    if not abroad:
        return Outcome([Hit({"detail": messages.get("consistent", "").format(quote=_said(promises[0]))},
                            ctx.evidence(promises))])
    covered = {_GROUPS.get(f.material, "material") for _, f in promises}
    same = [(d, f) for d, f in abroad if _GROUPS.get(f.material, "material") in covered]
    other = [(d, f) for d, f in abroad if _GROUPS.get(f.material, "material") not in covered]
    if other and not same:
        detail = messages.get("partial", "").format(
            quote=_said(promises[0]), promised=materials_of(promises), others=materials_of(other),
            places=ctx.places([f for _, f in other]))
        return Outcome([Hit({"detail": detail}, ctx.evidence(promises + other))])
    return Outcome(passed=f"The promise (\"{quote}\") does not hold for the documents' transfers abroad; "
                          "XBT-003 compares them.")


def _said(pair) -> str:
    document, flow = pair
    return " ".join(document.text[flow.sentence.start : flow.sentence.end].split())[:200]


def destination_mismatch(rule, ctx: AuditContext) -> Outcome:
    """Consent and protocol disagree: a domestic promise against a foreign destination, or missing countries."""
    abroad = ctx.flows("protocol", rule.params.get("materials"), foreign=True)
    if not abroad:
        return Outcome(passed="The protocol states no transfer abroad to compare.")
    consent_all = ctx.flows("consent", live=False)
    told = [f for _, f in ctx.flows("consent", foreign=True)]  # foreign flows the consent states (not denied)
    promises = [(d, f) for d, f in consent_all if _promises_domestic(f, abroad, d.text, told)
                and _same_kind(f, abroad)]  # "samples will not leave the US" is not contradicted by data going abroad
    places = ctx.places([f for _, f in abroad])
    if not promises and rule.params.get("domestic_statements"):
        from auditor.assess.conditions import matching_text
        from auditor.assess.rules import TextFilter

        stated = matching_text(TextFilter(role="consent", any=list(rule.params["domestic_statements"])), ctx)
        if stated and not told:
            quote = stated[0].quote[:120]
            detail = f"The consent form promises domestic handling (\"{quote}\") but the protocol sends material to {places}."
            return Outcome([Hit({"detail": detail}, [stated[0], *ctx.evidence(abroad)], "consent_promises_domestic_handling")])
    if promises:
        detail = (f"The consent form promises domestic handling (\"{promises[0][1].destination}\", "
                  f"{promises[0][1].modality}) but the protocol sends material to {places}.")
        return Outcome([Hit({"detail": detail}, ctx.evidence(promises + abroad), "consent_promises_domestic_handling")])
    # The catalogue's trigger is the set difference itself: a protocol country the consent form does not name is
    # a disagreement whether the consent names other countries, only places at home, or none at all (the last is
    # also XBT-001's undisclosed transfer; this rule reports the documents' disagreement).
    named = {f.country for _, f in ctx.flows("consent", foreign=True) if f.destination_kind == "country"}
    missing = [(d, f) for d, f in abroad if f.destination_kind == "country" and f.country not in named]
    if missing:
        if named:
            said = f"names {join_words(sorted(ctx.country_names.get(c, c) for c in named))}"
        else:
            said = "names no destination outside the United States"
        detail = f"The consent form {said}, but the protocol also sends material to {ctx.places([f for _, f in missing])}."
        return Outcome([Hit({"detail": detail}, ctx.evidence(missing))])
    return Outcome(passed="The consent form's destinations cover the protocol's.")


def _same_kind(flow, abroad) -> bool:
    group = _GROUPS.get(flow.material, "material")
    return any(_GROUPS.get(f.material, "material") == group for _, f in abroad)


def _promises_domestic(flow, abroad, text: str = "", told=()) -> bool:
    """Does this consent flow promise domestic handling? A denial is no promise when the same consent states a
    transfer there ("... tell the laboratories in Seoul and Taipei to destroy samples that have not been tested"
    beside the disclosure of the Taipei laboratory): it denies something else about that place."""
    if flow.action == "reinfuse":  # "will not be returned" is about coming back, not about going abroad
        return False
    if flow.modality == "negated" and flow.destination_kind == "vague_foreign":
        return not told  # "will not be sent outside the United States"
    if flow.modality == "negated" and flow.destination_kind == "country" and flow.country != "US":
        if any(f.country == flow.country for f in told):
            return False
        return any(f.country == flow.country for _, f in abroad)  # "not to China" against a Chinese lab
    if flow.modality == "asserted" and flow.destination_kind == "domestic":
        # "only in the United States", "within the US", "will remain in the United States"
        label = flow.destination_mention.label if flow.destination_mention else ""
        return label == "DOMESTIC" or flow.action == "remain" or _restricted(flow, text)
    return False


def _restricted(flow, text: str) -> bool:
    """'tested only in laboratories located in the United States': a restrictor between action and place."""
    if flow.destination_mention is None or flow.action_mention is None:
        return False
    low, high = sorted((flow.action_mention.span.start, flow.destination_mention.span.start))
    # "will only be tested in the United States": the restrictor may stand just before the verb too
    return bool(_restrictors().search(text, max(flow.sentence.start, low - 12), high))


@lru_cache(maxsize=1)
def _restrictors():
    import re

    from auditor.pack import load_yaml

    words = load_yaml("context/triggers.yml").get("domestic_restrictors") or []
    return re.compile(r"\b(?:" + "|".join(re.escape(str(w)) for w in words) + r")\b", re.IGNORECASE)


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
