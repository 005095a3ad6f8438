"""Read a DOCX in body order: paragraphs, headings (styled or numbered), list items, tables; headers and footers."""

from __future__ import annotations

import re
import zipfile
from pathlib import Path

from auditor.errors import InputError
from auditor.ingest.headings import parse_heading
from auditor.ingest.model import Furniture, RawBlock, RawDocument

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_HEADING_STYLE = re.compile(r"^(?:heading|titre|überschrift|encabezado)\s*(\d)$", re.IGNORECASE)
_SPACE = re.compile(r"[ \t\u00a0]+")


def read_docx(path: Path, name: str, sha256: str) -> RawDocument:
    """Read a DOCX file into a RawDocument; a broken file is one clear InputError."""
    import docx
    from docx.opc.exceptions import PackageNotFoundError

    try:
        document = docx.Document(str(path))
    except (PackageNotFoundError, zipfile.BadZipFile, KeyError, ValueError, OSError) as exc:
        raise InputError(f"{path.name}: corrupt or truncated DOCX file ({type(exc).__name__})") from None
    except Exception as exc:  # lxml syntax errors and the like from a damaged part
        raise InputError(f"{path.name}: unreadable DOCX file ({type(exc).__name__}: {exc})") from None
    blocks = list(_body_blocks(document))
    return RawDocument(
        name=name, path=str(path), sha256=sha256, format="docx", pages=None,
        blocks=tuple(blocks), furniture=tuple(_furniture(document)),
    )


def _body_blocks(document):
    from docx.table import Table
    from docx.text.paragraph import Paragraph

    table_no = 0
    style_names: dict[str | None, str] = {}  # style id -> name: python-docx looks a style up by scanning them all
    for element in _walk(document.element.body):
        if element.tag == f"{_W}p":
            block = _paragraph_block(Paragraph(element, document), style_names)
            if block:
                yield block
        elif element.tag == f"{_W}tbl":
            yield from _table_blocks(Table(element, document), table_no)
            table_no += 1


def _walk(parent):
    """Paragraphs and tables in body order, looking inside content controls."""
    for child in parent.iterchildren():
        if child.tag in (f"{_W}p", f"{_W}tbl"):
            yield child
        elif child.tag == f"{_W}sdt":
            content = child.find(f"{_W}sdtContent")
            if content is not None:
                yield from _walk(content)


def _paragraph_block(paragraph, style_names: dict) -> RawBlock | None:
    text = _SPACE.sub(" ", paragraph.text.replace("\u00ad", "")).strip()
    if not text:
        return None
    style_id = paragraph._p.style
    if style_id not in style_names:
        found = paragraph.style
        style_names[style_id] = found.name if found is not None else ""
    style = style_names[style_id]
    level = _style_level(style)
    if level is not None:
        return RawBlock(kind="heading", text=text, level=level, style=style)
    if _is_list(paragraph, style):
        return RawBlock(kind="list_item", text=text, style=style)
    if len(text) < 100 and len(text.split()) <= 12 and not text.endswith((".", ",", ";", ":")) and _all_bold(paragraph):
        return RawBlock(kind="heading", text=text, level=None if parse_heading(text) else 2, style=style)
    return RawBlock(kind="paragraph", text=text, style=style)


def _style_level(style: str) -> int | None:
    if style.lower() == "title":
        return 1
    match = _HEADING_STYLE.match(style.strip())
    return int(match.group(1)) if match else None


def _is_list(paragraph, style: str) -> bool:
    if "list" in style.lower():
        return True
    ppr = paragraph._p.pPr
    return ppr is not None and ppr.numPr is not None


def _all_bold(paragraph) -> bool:
    runs = [r for r in paragraph.runs if r.text.strip()]
    return bool(runs) and all(r.bold for r in runs)


def _table_blocks(table, table_no: int):
    for row_no, row in enumerate(table.rows):
        cells, seen = [], []
        for cell in row.cells:
            if any(cell._tc is other for other in seen):  # a merged cell repeats; keep it once
                continue
            seen.append(cell._tc)
            cells.append(_SPACE.sub(" ", cell.text.replace("\n", " ")).strip())
        if any(cells):
            yield RawBlock(kind="table_row", text=" | ".join(cells), cells=tuple(cells), table=table_no, row=row_no)


def _furniture(document):
    seen = set()
    for section in document.sections:
        for kind, part in (("header", section.header), ("footer", section.footer)):
            try:
                paragraphs = part.paragraphs
            except Exception:  # a missing or broken header part is not the body's problem
                continue
            for paragraph in paragraphs:
                text = paragraph.text.strip()
                if text and (kind, text) not in seen:
                    seen.add((kind, text))
                    yield Furniture(kind=kind, text=text)
