"""Read plain text and Markdown: blank-line paragraphs, numbered and '#' headings, lists, pipe tables."""

from __future__ import annotations

import re
from pathlib import Path

from auditor.errors import InputError
from auditor.ingest.headings import is_caps_heading, parse_heading
from auditor.ingest.model import RawBlock, RawDocument
from auditor.ingest.pdf_layout import join_lines

_MD_HEADING = re.compile(r"^(#{1,6})\s+(.*?)\s*#*\s*$")
_LIST = re.compile(r"^\s*(?:[-*+\u2022]|\d{1,2}[.)]|\(?[a-z]\))\s+")
_PIPE_ROW = re.compile(r"\S \| \S")  # "Laboratory | City | Country": a table row written with pipes
_TABLE_RULE = re.compile(r"^\s*\|?\s*:?-{2,}:?\s*(\|\s*:?-{2,}:?\s*)*\|?\s*$")
_EMPHASIS = re.compile(r"(\*\*|__|`)")
_LINK = re.compile(r"\[([^\]]+)\]\([^)]*\)")


def decode(data: bytes, name: str) -> str:
    """Decode UTF-8 (with or without BOM), falling back to Windows-1252."""
    for encoding in ("utf-8-sig", "cp1252"):
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    raise InputError(f"{name}: text is neither UTF-8 nor Windows-1252")


def read_text(path: Path, name: str, sha256: str, data: bytes, markdown: bool) -> RawDocument:
    """Read a text or Markdown file; form feeds (as pdftotext writes them) separate pages."""
    text = decode(data, path.name).replace("\r\n", "\n").replace("\r", "\n")
    pages = text.split("\f")
    blocks: list[RawBlock] = []
    for number, page in enumerate(pages, start=1):
        page_no = number if len(pages) > 1 else None
        blocks.extend(_page_blocks(page, page_no, markdown, len(blocks)))
    if not any(b.text.strip() for b in blocks):
        raise InputError(f"{path.name}: the file contains no text")
    return RawDocument(name=name, path=str(path), sha256=sha256, format="markdown" if markdown else "text",
                       pages=len(pages) if len(pages) > 1 else None, blocks=tuple(blocks))


def _page_blocks(text: str, page: int | None, markdown: bool, offset: int) -> list[RawBlock]:
    starts = ((0, page),) if page else ()
    blocks: list[RawBlock] = []
    current: list[str] = []
    table_no, row_no, in_table = offset, 0, False

    def flush() -> None:
        if current:
            joined = ""
            for line in current:
                joined = join_lines(joined, line, set())
            kind = "list_item" if _LIST.match(current[0]) else "paragraph"
            blocks.append(RawBlock(kind=kind, text=_clean(joined, markdown), page_starts=starts))
            current.clear()

    for raw in text.split("\n"):
        line = raw.rstrip()
        if (markdown and line.lstrip().startswith("|")) or _PIPE_ROW.search(line):
            flush()
            if not _TABLE_RULE.match(line):
                cells = tuple(_clean(c.strip(), True) for c in line.strip().strip("|").split("|"))
                blocks.append(RawBlock(kind="table_row", text=" | ".join(cells), cells=cells,
                                       table=table_no, row=row_no, page_starts=starts))
                row_no += 1
            in_table = True
            continue
        if in_table:
            table_no, row_no, in_table = table_no + 1, 0, False
        heading = _MD_HEADING.match(line) if markdown else None
        if heading:
            flush()
            blocks.append(RawBlock(kind="heading", text=_clean(heading.group(2), True),
                                   level=len(heading.group(1)), page_starts=starts))
        elif not line.strip():
            flush()
        elif not current and (parse_heading(line) or (not markdown and is_caps_heading(line))):
            blocks.append(RawBlock(kind="heading", text=line.strip(), page_starts=starts))
        elif _LIST.match(line) and current:
            flush()
            current.append(line.strip())
        else:
            current.append(line.strip())
    flush()
    return blocks


def _clean(text: str, markdown: bool) -> str:
    if not markdown:
        return text.strip()
    return _EMPHASIS.sub("", _LINK.sub(r"\1", text)).strip()
