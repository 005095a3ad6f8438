"""Read a PDF: bulk text and line positions with pypdfium2, tables with pdfplumber on the pages that have them."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from auditor.errors import InputError
from auditor.ingest.model import RawDocument

_LINE = re.compile(r"[^\r\n]+")


@dataclass
class Line:
    """One text line of a page, with its box in PDF points (origin bottom-left)."""

    text: str
    top: float
    bottom: float
    x0: float
    page: int
    size: float = 0.0  # font size of the first glyph

    @property
    def height(self) -> float:
        return self.top - self.bottom


@dataclass
class PageText:
    """The lines of one page and what we know about its layout."""

    number: int
    width: float
    height: float
    lines: list[Line] = field(default_factory=list)
    ruled: bool = False  # has ruling lines or cell rectangles: worth a table search


def open_pdf(path: Path):
    """Open with pdfium, turning its errors into one clear InputError."""
    import pypdfium2 as pdfium

    try:
        return pdfium.PdfDocument(str(path))
    except pdfium.PdfiumError as exc:
        text = str(exc).lower()
        if "password" in text:
            raise InputError(f"{path.name}: the PDF is encrypted with a password; supply an unencrypted copy") from None
        raise InputError(f"{path.name}: corrupt or truncated PDF ({exc})") from None


PARALLEL_PAGES = 200  # from this many pages, a second process reads the second half (~1.5 ms a page each)


def read_pages_split(path: Path, pdf) -> list[PageText]:
    """read_pages, with the second half of a long PDF read by a forked child at the same time; the pages are
    the same either way (each page is read on its own)."""
    from auditor.forked import Forked, can_fork

    count = len(pdf)
    if count < PARALLEL_PAGES or not can_fork():
        return read_pages(pdf)
    middle = count // 2
    try:
        second = Forked(_read_range, str(path), middle, count)
    except OSError:  # no fork: read them all here
        return read_pages(pdf)
    try:
        first = read_pages(pdf, 0, middle)
        rest = second.result()
    finally:
        second.close()
    return first + (rest if rest is not None else read_pages(pdf, middle, count))  # a failed child: read them here


def _read_range(path: str, start: int, stop: int) -> list[PageText]:
    pdf = open_pdf(Path(path))
    try:
        return read_pages(pdf, start, stop)
    finally:
        pdf.close()


def read_pages(pdf, start: int = 0, stop: int | None = None) -> list[PageText]:
    """Read the pages' lines with pypdfium2 (fast: ~700 pages/s)."""
    pages = []
    for index in range(start, len(pdf) if stop is None else stop):
        page = pdf[index]
        try:
            width, height = page.get_size()
            textpage = page.get_textpage()
            try:
                result = PageText(index + 1, width, height, _lines(textpage, index + 1))
            finally:
                textpage.close()
            result.ruled = bool(result.lines) and _is_ruled(_path_bounds(page.raw), width, height)
        finally:
            page.close()
        pages.append(result)
    return pages


def _lines(textpage, page_no: int) -> list[Line]:
    import pypdfium2.raw as pdfium_raw

    text = textpage.get_text_range()
    lines = []
    for match in _LINE.finditer(text):
        raw = match.group()
        stripped = raw.strip()
        if not stripped:
            continue
        first = match.start() + (len(raw) - len(raw.lstrip()))
        try:
            left, bottom, _right, top = textpage.get_charbox(first, loose=True)
        except Exception:  # a glyph without a box: keep the line, position unknown
            left, bottom, top = 0.0, 0.0, 0.0
        size = pdfium_raw.FPDFText_GetFontSize(textpage.raw, first)
        lines.append(Line(raw.rstrip(" "), top, bottom, left, page_no, size))
    # Reading order: top to bottom (content streams may draw the footer first), left to right on a line.
    return sorted(lines, key=lambda line: (-round(line.bottom / 3), line.x0))


def _path_bounds(parent, level: int = 0, form: bool = False):
    """(left, bottom, right, top) of every path object of a page, and of those in its form XObjects one level down:
    what `page.get_objects(filter=[PATH], max_depth=2)` and `get_bounds()` give, through pdfium's C calls without
    a Python object (and finaliser) per object, about twice as fast on a page of table rules."""
    import ctypes

    import pypdfium2.raw as raw

    count, get = (raw.FPDFFormObj_CountObjects, raw.FPDFFormObj_GetObject) if form else \
        (raw.FPDFPage_CountObjects, raw.FPDFPage_GetObject)
    left, bottom, right, top = ctypes.c_float(), ctypes.c_float(), ctypes.c_float(), ctypes.c_float()
    for index in range(max(count(parent), 0)):
        obj = get(parent, index)
        if not obj:
            continue
        kind = raw.FPDFPageObj_GetType(obj)
        if kind == raw.FPDF_PAGEOBJ_PATH and raw.FPDFPageObj_GetBounds(obj, left, bottom, right, top):
            yield left.value, bottom.value, right.value, top.value
        elif kind == raw.FPDF_PAGEOBJ_FORM and level < 1:
            yield from _path_bounds(obj, level + 1, form=True)


def _is_ruled(bounds, width: float, height: float) -> bool:
    """Cheap test for a ruled table: horizontal rules at 3+ heights crossed by vertical rules at 2+ places.

    Page borders, header/footer rules and underlines alone do not qualify, so pdfplumber's (slow) table
    finder only runs where a grid is likely.
    """
    rows, columns = set(), set()
    top_zone, bottom_zone = height * 0.93, height * 0.07
    for left, bottom, right, top in bounds:
        w, h = right - left, top - bottom
        if top > top_zone or bottom < bottom_zone or (w > width * 0.6 and h > height * 0.6):
            continue  # running header/footer rules and page frames
        if w > 15 and h < 3:
            rows.add(round(bottom))
        elif h > 6 and w < 3:
            columns.add(round(left))
        elif w > 15 and h > 6:  # a cell rectangle gives both kinds of edge
            rows.update((round(bottom), round(top)))
            columns.update((round(left), round(right)))
        if len(rows) >= 3 and len(columns) >= 2:
            return True
    return False


def table_worth_reading(page) -> bool:
    """Does a ruled page mention a vendor, shipment, country or legal form (pack: patterns/table_cues.yml)?"""
    text = " ".join(line.text for line in page.lines)
    prefixes, lowered, exact = _table_cues()
    if text.isascii() and lowered is not None:  # lower-casing ASCII is what IGNORECASE does, at a tenth the cost
        found = lowered.search(text.lower())
    else:
        found = prefixes.search(text)
    return bool(found or exact.search(text))


@lru_cache(maxsize=1)
def _table_cues() -> tuple[re.Pattern, re.Pattern | None, re.Pattern]:
    """The cue prefixes (case-insensitive; and lower-cased, for ASCII text, when they are all ASCII) and the
    exact names."""
    from auditor.pack import load_yaml

    data = load_yaml("patterns/table_cues.yml")
    countries = [c["name"] for c in load_yaml("gazetteers/countries.yml")["countries"]]
    prefixes = sorted({str(w) for w in data["prefixes"]}, key=len, reverse=True)
    exact = sorted({*(str(w) for w in data["exact"]), *countries, "USA", "Hong Kong", "Macau"}, key=len, reverse=True)
    alternation = r"\b(?:" + "|".join(re.escape(n) for n in prefixes) + ")"
    lowered = None
    if all(p.isascii() for p in prefixes):
        lowered = re.compile(r"\b(?:" + "|".join(re.escape(n.lower()) for n in prefixes) + ")")
    return (re.compile(alternation, re.IGNORECASE), lowered,
            re.compile(r"(?<!\w)(?:" + "|".join(re.escape(n) for n in exact) + r")(?!\w)"))


def read_pdf(path: Path, name: str, sha256: str) -> RawDocument:
    """Read a PDF into a RawDocument: body blocks, tables, running headers/footers, empty pages."""
    from auditor.ingest.furniture import split_furniture
    from auditor.ingest.pdf_layout import assemble
    from auditor.ingest.pdf_tables import find_tables

    pdf = open_pdf(path)
    try:
        pages = read_pages_split(path, pdf)
    finally:
        pdf.close()
    if not pages:
        raise InputError(f"{path.name}: the PDF has no pages")
    empty = tuple(p.number for p in pages if not p.lines)
    body, furniture = split_furniture(pages)
    tables = find_tables(path, [p for p in pages if p.ruled and table_worth_reading(p)])
    blocks = assemble(body, tables)
    return RawDocument(
        name=name, path=str(path), sha256=sha256, format="pdf", pages=len(pages),
        blocks=tuple(blocks), furniture=tuple(furniture), pages_without_text=empty,
    )
