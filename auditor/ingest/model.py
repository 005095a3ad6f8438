"""The raw document: what a reader took out of a file, before any analysis."""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict

BlockKind = Literal["heading", "paragraph", "list_item", "table_row"]
Format = Literal["pdf", "docx", "text", "markdown"]


class _Frozen(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class RawBlock(_Frozen):
    """One unit of body text in reading order.

    `page_starts` lists (offset in `text`, page number) for every page the block touches,
    so a paragraph that runs across a page break knows where the new page begins.
    """

    kind: BlockKind
    text: str
    page_starts: tuple[tuple[int, int], ...] = ()
    level: int | None = None  # heading level from a style (DOCX/Markdown), None if unknown
    style: str | None = None
    cells: tuple[str, ...] | None = None  # table_row only
    table: int | None = None
    row: int | None = None


class Furniture(_Frozen):
    """A running header or footer line kept out of the body text."""

    kind: Literal["header", "footer"]
    text: str
    page: int | None = None


class RawDocument(_Frozen):
    """Everything a reader extracted from one file."""

    name: str
    path: str
    sha256: str
    format: Format
    pages: int | None
    blocks: tuple[RawBlock, ...]
    furniture: tuple[Furniture, ...] = ()
    pages_without_text: tuple[int, ...] = ()
    warnings: tuple[str, ...] = ()  # e.g. a file whose name says PDF but whose bytes are DOCX
