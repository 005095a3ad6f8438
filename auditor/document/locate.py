"""Turn a character span into a human location: pages, section path, paragraph and verbatim quote."""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass

from auditor.document.model import Document, Span


@dataclass(frozen=True)
class Location:
    page: int | None
    pages: tuple[int, ...]
    section: str | None
    paragraph: int
    quote: str


_STARTS: dict[tuple[int, str], tuple[list[int], list[int]]] = {}


def _starts(document: Document) -> tuple[list[int], list[int]]:
    """Start offsets of the pages and of the blocks, computed once per document."""
    key = (id(document), document.sha256)
    if key not in _STARTS:
        if len(_STARTS) > 64:
            _STARTS.clear()
        _STARTS[key] = ([p.span.start for p in document.page_spans], [b.span.start for b in document.blocks])
    return _STARTS[key]


def pages_of(document: Document, span: Span) -> tuple[int, ...]:
    """Every page the span touches, in order."""
    if not document.page_spans:
        return ()
    starts = _starts(document)[0]
    first = max(0, bisect_right(starts, span.start) - 1)
    last = max(first, bisect_right(starts, max(span.start, span.end - 1)) - 1)
    return tuple(dict.fromkeys(p.page for p in document.page_spans[first : last + 1]))


def block_at(document: Document, offset: int) -> int:
    """Index of the block that contains (or precedes) a character offset."""
    return max(0, bisect_right(_starts(document)[1], offset) - 1)


def section_path(document: Document, section: int | None) -> str | None:
    """'8 Sample Handling › 8.4 Shipment' for a section index."""
    names = []
    while section is not None:
        node = document.sections[section]
        names.append(f"{node.number} {node.title}" if node.number and node.number not in node.title else node.title)
        section = node.parent
    return " › ".join(reversed(names)) or None


def locate(document: Document, span: Span) -> Location:
    """Where a span is, as a reviewer would look it up."""
    pages = pages_of(document, span)
    block = document.blocks[block_at(document, span.start)] if document.blocks else None
    return Location(
        page=pages[0] if pages else None,
        pages=pages,
        section=section_path(document, block.section) if block else None,
        paragraph=block.index + 1 if block else 0,
        quote=document.text[span.start : span.end],
    )
