"""Evaluate the conditions of data-defined rules: flows, text patterns, applicability, missing documents."""

from __future__ import annotations

import re
from functools import lru_cache

from auditor.assess.evidence import span_evidence
from auditor.assess.rules import FlowFilter
from auditor.document.scan import sentence_lines


@lru_cache(maxsize=512)
def _compile(pattern: str) -> re.Pattern:
    return re.compile(pattern, re.IGNORECASE)


def check(condition, ctx) -> tuple[bool, list, list]:
    """(holds, evidence, flows) of one condition."""
    if condition.flows is not None:
        pairs = matching_flows(condition.flows, ctx)
        if condition.flows.covers_when_countries and not ctx.when_countries <= {f.country for _, f in pairs}:
            return False, [], []
        return bool(pairs), ctx.evidence(pairs), pairs
    if condition.text is not None:
        evidence = matching_text(condition.text, ctx)
        return bool(evidence), evidence, []
    if condition.applies is not None:
        item = ctx.applicability.get(condition.applies)
        return bool(item and item.status == "applies"), [item.evidence] if item and item.evidence else [], []
    if condition.not_applies is not None:
        item = ctx.applicability.get(condition.not_applies)
        return not (item and item.status == "applies"), [], []
    if condition.no_document is not None:
        return not ctx.by_role(condition.no_document), [], []
    if condition.no_text is not None:
        return not matching_text(condition.no_text, ctx), [], []
    if condition.any_of:
        evidence, flows, held = [], [], False
        for part in condition.any_of:
            holds, found, pairs = check(part, ctx)
            if holds:
                held = True
                evidence += found
                flows += pairs
        return held, evidence, flows
    if condition.all_of:
        evidence, flows = [], []
        for part in condition.all_of:
            holds, found, pairs = check(part, ctx)
            if not holds:
                return False, [], []
            evidence += found
            flows += pairs
        return True, evidence, flows
    return False, [], []


def matching_flows(spec, ctx) -> list:
    """(document, flow) pairs that pass a FlowFilter."""
    from auditor.extract.vocab import vocabulary

    vocab = vocabulary()
    concern = vocab.concern["doj-dsp"]["countries"]
    out = []
    for document, flow in ctx.flows(spec.role, spec.materials or None, spec.foreign, live=False):
        if spec.modalities and flow.modality not in spec.modalities:
            continue
        if spec.actions and flow.action not in spec.actions:
            continue
        if spec.destinations and flow.destination_kind not in spec.destinations:
            continue
        if spec.concern is not None and (flow.country in concern) != spec.concern:
            continue
        if spec.named_country is not None and (flow.destination_kind == "country") != spec.named_country:
            continue
        if spec.watchlisted is not None and _watchlisted(flow, vocab) != spec.watchlisted:
            continue
        if spec.sentence_any and not any(_compile(p).search(document.text, flow.sentence.start, flow.sentence.end)
                                         for p in spec.sentence_any):
            continue
        if spec.block_any:
            # the flow's sentence and the rest of its paragraph ("... shipped to X in Shenzhen. There, DNA is
            # sequenced"): what the paragraph said before is about other material ("DNA for WGS goes to Kansas
            # City. Serum is shipped to Kowloon" is no sequencing in Kowloon)
            # In a sentence that lists recipients between semicolons, only the destination's own entry and what
            # follows the sentence count ("ADA by Formosa BioAnalytica, Hsinchu; RNA-seq by Hanbit Genomics (Seoul)"
            # is no sequencing in Hsinchu)
            block = _block_of(document, flow.sentence.start)
            end = _paragraph_end(document, block)
            regions = [(flow.sentence.start, end)]
            mention = flow.destination_mention
            if (mention is not None and document.blocks[block].kind != "table_row"  # a cell may hold a semicolon
                    and ";" in document.text[flow.sentence.start : flow.sentence.end]):
                text = document.text
                low = text.rfind(";", flow.sentence.start, mention.span.start) + 1 or flow.sentence.start
                high = text.find(";", mention.span.end, flow.sentence.end)
                regions = [(max(low, flow.sentence.start), flow.sentence.end if high < 0 else high),
                           (flow.sentence.end, end)]
            if not any(_compile(p).search(document.text, a, b) for p in spec.block_any for a, b in regions):
                continue
        out.append((document, flow))
    return out


def _paragraph_end(document, index: int) -> int:
    """Where the paragraph of block `index` ends. A paragraph that ends in a colon goes on through the address or
    list set out below it, and through the lowercase clause that resumes after it ("... shipped by courier to:" /
    "Leiden Integration Genomics B.V., ... the Netherlands" / "which performs ... next-generation sequencing")."""
    blocks, text = document.blocks, document.text
    end = blocks[index].span.end
    if not text[blocks[index].span.start : end].rstrip().endswith(":"):
        return end
    following = blocks[index + 1 : index + 4]
    for block in following:
        if text[block.span.start : block.span.end].lstrip()[:1].islower():
            return block.span.end
    return following[0].span.end if following else end


def _block_of(document, offset: int) -> int:
    from bisect import bisect_right

    return max(0, bisect_right(document.blocks, offset, key=lambda b: b.span.start) - 1)


def _watchlisted(flow, vocab) -> bool:
    mention = flow.organisation_mention
    org = vocab.organisations.get(mention.value) if mention is not None else None
    return bool(org and any(entry.get("status") in ("listed", "named") for entry in org.get("lists") or []))


def matching_text(spec, ctx) -> list:
    """Evidence for every sentence of the role's documents that matches the TextFilter (at most a dozen)."""
    if not spec.any and not spec.all:
        return []
    out = []
    places = foreign_place_pattern(ctx) if spec.names_flow_place else None
    if places is None and spec.names_flow_place:
        return []
    for document, extraction in ctx.bundle:
        if spec.role and document.role != spec.role:
            continue
        flow_sentences = {f.sentence.start for f in extraction.flows} if spec.near_flows else None
        for index, hit in _sentences_matching(document, tuple(spec.any or spec.all[:1])):
            sentence = document.sentences[index]
            if flow_sentences is not None and sentence.span.start not in flow_sentences:
                continue
            if not spec.headings and document.blocks[sentence.block].kind == "heading":
                continue
            where = document.blocks[sentence.block].span if spec.within == "block" else sentence.span
            text = document.text[where.start : where.end]
            if spec.all and not all(_compile(p).search(text) for p in spec.all):
                continue
            if places is not None and not places.search(text):
                continue
            said = document.text[sentence.span.start : sentence.span.end]
            if any(_compile(p).search(said) for p in spec.except_in):
                continue
            evidence = span_evidence(document, sentence.span, f"'{hit[2]}'")
            if spec.any:
                evidence = evidence.model_copy(update={"highlights": ((hit[0], hit[1]),)})
            out.append(evidence)
            if len(out) >= 12:
                return out
    return out


def foreign_place_pattern(ctx) -> re.Pattern | None:
    """Where the bundle's foreign flows go, as written (the place, the recipient's located place) and by country
    name: "Straits in Singapore", "CellWorks in Shanghai"."""
    names = set()
    for _, flow in matching_flows(_FOREIGN, ctx):
        for mention in (flow.destination_mention, flow.located_by):
            if mention is not None and len(mention.text) > 2:
                names.add(mention.text)
        if flow.country and flow.country in ctx.country_names:
            names.add(ctx.country_names[flow.country])
    if not names:
        return None
    alternatives = "|".join(re.escape(n) for n in sorted(names, key=len, reverse=True))
    return re.compile(rf"(?<!\w)(?:{alternatives})(?!\w)", re.IGNORECASE)


def _sentences_matching(document, patterns: tuple[str, ...]):
    """(sentence index, (start, end, text) of the first match in it) for sentences matching any pattern, each
    sentence searched on its own; only the sentences holding one of the patterns' literal words are searched."""
    key = (document.id, document.sha256, patterns)
    if key not in _CACHE:
        if len(_CACHE) > 512:  # a long-lived process (tests, a server) audits many documents
            _CACHE.clear()
        _CACHE[key] = sentence_lines(document).first_matches(patterns)
    return _CACHE[key]


_CACHE: dict = {}


def cached_matches() -> dict:
    """The sentence searches made so far: (document id, sha256, patterns) -> `_sentences_matching`'s answer."""
    return dict(_CACHE)


def seed_matches(found: dict) -> None:
    """Take searches another process made of the same documents (assess.prescan)."""
    if len(_CACHE) + len(found) > 512:
        _CACHE.clear()
    _CACHE.update(found)

_FOREIGN = FlowFilter(foreign=True, destinations=["country"])
