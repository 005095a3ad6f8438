"""Extract mentions and sample flows from a Document: cheap pre-filter, then spaCy matching on candidates."""

from __future__ import annotations

from auditor.document.model import Document
from auditor.extract.model import Extraction, Mention, SampleFlow


def extract(document: Document) -> Extraction:
    """Find where the document says specimens, cells and genetic data go, and how firmly it says so."""
    from auditor.extract.flows import flows_of, sentence_mentions, to_mention
    from auditor.extract.nlp import matchers

    m = matchers()
    text = document.text
    candidates = [s for s in document.sentences if m.material_filter.search(text, s.span.start, s.span.end)]
    mentions: list[Mention] = []
    flows: list[SampleFlow] = []
    seen = set()
    docs = m.nlp.tokenizer.pipe(text[s.span.start : s.span.end] for s in candidates)
    for sentence, doc in zip(candidates, docs):
        base = sentence.span.start
        chosen, scope_list = sentence_mentions(m, doc, base)
        if not chosen["DEST"]:
            continue
        for group in chosen.values():
            mentions.extend(to_mention(span, base) for span in group)
        for flow in flows_of(document.id, doc, base, sentence.span, chosen, scope_list):
            key = (flow.sentence.start, flow.material, flow.action, flow.destination_kind, flow.country, flow.modality)
            if key not in seen:
                seen.add(key)
                flows.append(flow)
    mentions.sort(key=lambda x: (x.span.start, x.span.end))
    return Extraction(document=document.id, mentions=tuple(mentions), flows=tuple(flows))
