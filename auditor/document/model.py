"""The analysed document: one canonical text, and everything else as spans into it."""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict

from auditor.ingest.model import BlockKind, Format, Furniture

Role = Literal["protocol", "consent", "unknown"]


class _Frozen(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class Span(_Frozen):
    """Character offsets [start, end) into `Document.text`."""

    start: int
    end: int


class PageSpan(_Frozen):
    """The part of the canonical text that came from one page."""

    page: int
    span: Span


class Section(_Frozen):
    """A heading and the section it opens; `parent` indexes `Document.sections`."""

    index: int
    number: str | None
    title: str
    level: int
    heading: Span
    parent: int | None


class Block(_Frozen):
    """A paragraph, heading, list item or table row of the canonical text."""

    index: int
    kind: BlockKind
    span: Span
    pages: tuple[int, ...] = ()
    section: int | None = None
    cells: tuple[Span, ...] | None = None
    table: int | None = None
    row: int | None = None


class Sentence(_Frozen):
    """A sentence (or a table row) and the block it lies in."""

    span: Span
    block: int


class Document(_Frozen):
    """A document ready for extraction."""

    id: str
    name: str
    path: str
    sha256: str
    format: Format
    role: Role
    role_evidence: str
    pages: int | None
    text: str
    page_spans: tuple[PageSpan, ...]
    blocks: tuple[Block, ...]
    sections: tuple[Section, ...]
    sentences: tuple[Sentence, ...]
    furniture: tuple[Furniture, ...] = ()
    pages_without_text: tuple[int, ...] = ()
