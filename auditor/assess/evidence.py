"""Turn flows and spans into Evidence: verbatim quote, page, section, highlights and the reason it counted."""

from __future__ import annotations

import hashlib
import re

from auditor.assess.model import Evidence
from auditor.document.locate import locate
from auditor.document.model import Document, Span
from auditor.extract.model import SampleFlow

_NORMAL = re.compile(r"\W+")


def flow_evidence(document: Document, flow: SampleFlow) -> Evidence:
    """Evidence for one flow: its sentence, with material, action, destination and cue highlighted."""
    location = locate(document, flow.sentence)
    start = flow.sentence.start
    marks = [m.span for m in (flow.material_mention, flow.action_mention, flow.destination_mention,
                              flow.organisation_mention, flow.cue)
             if m is not None and any(c.isalpha() for c in m.text)]  # not a table's "|" standing in for a verb
    end = flow.sentence.end
    highlights = tuple(sorted({(m.start - start, m.end - start) for m in marks if start <= m.start and m.end <= end}))
    verb = flow.action_mention.text
    action = f"action '{verb}'" if any(c.isalpha() for c in verb) else "a shipment stated by the table's column header"
    trigger = f"material '{flow.material_mention.text}' + {action} + destination '{flow.destination}'"
    if flow.organisation:
        trigger += f" + recipient '{flow.organisation}'"
    if flow.located_by:
        trigger += f" (located by '{flow.located_by.text}' elsewhere in the document)"
    return Evidence(
        document=document.id, document_name=document.name, page=location.page, pages=location.pages,
        section=location.section, paragraph=location.paragraph, quote=location.quote,
        start=flow.sentence.start, end=flow.sentence.end, highlights=highlights, trigger=trigger,
        cue=f"{flow.cue.category}: '{flow.cue.text}'" if flow.cue else None, modality=flow.modality,
    )


def span_evidence(document: Document, span: Span, trigger: str) -> Evidence:
    """Evidence for a plain span (no flow)."""
    location = locate(document, span)
    return Evidence(
        document=document.id, document_name=document.name, page=location.page, pages=location.pages,
        section=location.section, paragraph=location.paragraph, quote=location.quote,
        start=span.start, end=span.end, trigger=trigger,
    )


def fingerprint(rule_id: str, quotes: list[str]) -> str:
    """A finding's identity that survives re-pagination and small edits: rule id + normalised quotes."""
    normal = "|".join(sorted({_NORMAL.sub(" ", q.lower()).strip() for q in quotes}))
    return hashlib.sha256(f"{rule_id}|{normal}".encode()).hexdigest()[:16]
