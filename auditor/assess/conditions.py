"""Evaluate the conditions of data-defined rules: flows, text patterns, applicability, missing documents."""

from __future__ import annotations

import re
from functools import lru_cache

from auditor.assess.evidence import span_evidence


@lru_cache(maxsize=512)
def _compile(pattern: str) -> re.Pattern:
    return re.compile(pattern, re.IGNORECASE)


def check(condition, ctx) -> tuple[bool, list, list]:
    """(holds, evidence, flows) of one condition."""
    if condition.flows is not None:
        pairs = matching_flows(condition.flows, ctx)
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
        out.append((document, flow))
    return out


def _watchlisted(flow, vocab) -> bool:
    mention = flow.organisation_mention
    org = vocab.organisations.get(mention.value) if mention is not None else None
    return bool(org and any(entry.get("status") in ("listed", "named") for entry in org.get("lists") or []))


def matching_text(spec, ctx) -> list:
    """Evidence for every sentence of the role's documents that matches the TextFilter (at most a dozen)."""
    any_patterns = [_compile(p) for p in spec.any]
    all_patterns = [_compile(p) for p in spec.all]
    out = []
    for document, extraction in ctx.bundle:
        if spec.role and document.role != spec.role:
            continue
        flow_sentences = {f.sentence.start for f in extraction.flows}
        for sentence in document.sentences:
            if spec.near_flows and sentence.span.start not in flow_sentences:
                continue
            text = document.text[sentence.span.start : sentence.span.end]
            hit = next((m for m in (p.search(text) for p in any_patterns) if m), None) if any_patterns else None
            if any_patterns and hit is None:
                continue
            if all_patterns and not all(p.search(text) for p in all_patterns):
                continue
            if not any_patterns and not all_patterns:
                continue
            trigger = f"'{hit.group()}'" if hit else "all patterns"
            evidence = span_evidence(document, sentence.span, trigger)
            if hit:
                evidence = evidence.model_copy(update={"highlights": ((hit.start(), hit.end()),)})
            out.append(evidence)
            if len(out) >= 12:
                return out
    return out
