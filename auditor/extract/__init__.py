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
    skipped = _skipped_sections(document)
    candidates = [s for s in document.sentences
                  if document.blocks[s.block].section not in skipped
                  and m.material_filter.search(text, s.span.start, s.span.end)]
    mentions: list[Mention] = []
    flows: list[SampleFlow] = []
    seen = set()
    docs = m.nlp.tokenizer.pipe(text[s.span.start : s.span.end] for s in candidates)
    for sentence, doc in zip(candidates, docs):
        base = sentence.span.start
        chosen, scope_list, terminators = sentence_mentions(m, doc, base)
        if not chosen["DEST"]:
            continue
        for group in chosen.values():
            mentions.extend(to_mention(span, base) for span in group)
        for flow in flows_of(document.id, doc, base, sentence.span, chosen, scope_list, terminators):
            key = (flow.sentence.start, flow.material, flow.action, flow.destination_kind, flow.country, flow.modality)
            if key not in seen:
                seen.add(key)
                flows.append(flow)
    mentions.sort(key=lambda x: (x.span.start, x.span.end))
    return Extraction(document=document.id, mentions=tuple(mentions), flows=tuple(flows))


def _skipped_sections(document: Document) -> set[int]:
    """Sections (and their subsections) that list abbreviations or references: no destinations there."""
    from auditor.pack import load_yaml

    titles = {t.lower() for t in load_yaml("patterns/skip_sections.yml")["titles"]}
    skipped: set[int] = set()
    for section in document.sections:
        title = section.title.lower().strip(" :.")
        if title in titles or (section.parent is not None and section.parent in skipped):
            skipped.add(section.index)
    return skipped
