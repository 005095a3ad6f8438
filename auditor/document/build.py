"""Build a Document from a RawDocument: one canonical text with blocks, pages, sections and sentences as spans."""

from __future__ import annotations

from auditor.document.model import Block, Document, PageSpan, Section, Sentence, Span
from auditor.document.role import detect_role
from auditor.document.sections import SectionTracker
from auditor.document.sentences import split
from auditor.ingest.model import RawDocument

_SEPARATOR = "\n\n"


def build(raw: RawDocument, doc_id: str, role: str | None = None) -> Document:
    """Lay the raw blocks end to end and index everything as spans of the canonical text."""
    parts: list[str] = []
    blocks: list[Block] = []
    sections: list[Section] = []
    sentences: list[Sentence] = []
    page_marks: list[tuple[int, int]] = []  # (offset, page) where each page's text begins
    tracker = SectionTracker()
    offset = 0
    for raw_block in raw.blocks:
        text = raw_block.text
        span = Span(start=offset, end=offset + len(text))
        heading = tracker.accept(raw_block.kind, text, raw_block.level)
        kind = raw_block.kind if heading or raw_block.kind != "heading" else "paragraph"
        if heading:
            parent = tracker.push(len(sections), heading)
            sections.append(Section(index=len(sections), number=heading.number, title=heading.title,
                                    level=heading.level, heading=span, parent=parent))
        pages = []
        for start, page in raw_block.page_starts:
            if not page_marks or page_marks[-1][1] != page:
                page_marks.append((offset + start, page))
            pages.append(page)
        cells = _cell_spans(raw_block, offset) if raw_block.cells else None
        index = len(blocks)
        blocks.append(Block(index=index, kind=kind, span=span, pages=tuple(pages), section=tracker.current,
                            cells=cells, table=raw_block.table, row=raw_block.row))
        if kind in ("table_row", "heading"):
            sentences.append(Sentence(span=span, block=index))
        else:
            sentences.extend(Sentence(span=Span(start=offset + s, end=offset + e), block=index) for s, e in split(text))
        parts.append(text)
        offset = span.end + len(_SEPARATOR)
    text = _SEPARATOR.join(parts)
    detected, evidence = (role, "") if role else detect_role(text)  # a given role is not second-guessed
    return Document(
        id=doc_id, name=raw.name, path=raw.path, sha256=raw.sha256, format=raw.format,
        role=role or detected, role_evidence=f"given on the command line as --{role}" if role else evidence,
        pages=raw.pages, text=text, page_spans=_page_spans(page_marks, len(text)), blocks=tuple(blocks),
        sections=tuple(sections), sentences=tuple(sentences), furniture=raw.furniture,
        pages_without_text=raw.pages_without_text,
    )


def _cell_spans(raw_block, offset: int) -> tuple[Span, ...]:
    spans, position = [], offset
    for cell in raw_block.cells:
        spans.append(Span(start=position, end=position + len(cell)))
        position += len(cell) + 3  # " | "
    return tuple(spans)


def _page_spans(marks: list[tuple[int, int]], length: int) -> tuple[PageSpan, ...]:
    spans = []
    for i, (start, page) in enumerate(marks):
        end = marks[i + 1][0] if i + 1 < len(marks) else length
        spans.append(PageSpan(page=page, span=Span(start=start, end=end)))
    return tuple(spans)
