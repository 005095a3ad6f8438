"""Find ruled tables with pdfplumber, only on the pages that have ruling lines."""

from __future__ import annotations

import os
import re
from dataclasses import dataclass
from pathlib import Path

_SPACE = re.compile(r"\s+")


@dataclass
class Table:
    """A table on a page: its box in PDF points (origin bottom-left) and its rows of cell texts."""

    page: int
    x0: float
    bottom: float
    x1: float
    top: float
    rows: list[list[str]]

    def contains(self, line) -> bool:
        """True if the line's first glyph lies inside the table box."""
        middle = (line.top + line.bottom) / 2
        return self.bottom - 1 <= middle <= self.top + 1 and self.x0 - 1 <= line.x0 <= self.x1 + 1


def _clean(cell: str | None) -> str:
    return _SPACE.sub(" ", (cell or "").replace("\u00ad", "")).strip()


PARALLEL_FROM = 12  # pages: below this, a second process costs more than it saves


def find_tables(path: Path, pages) -> dict[int, list[Table]]:
    """Return the tables of the given PageText pages, keyed by page number.

    pdfplumber parses each page in pure Python (~0.1 s a page), so many table pages are split between two
    worker processes; the result is the same as reading them in one.
    """
    numbers = sorted(p.number for p in pages)
    if len(numbers) < PARALLEL_FROM or (os.cpu_count() or 1) < 2:
        return _find(str(path), numbers)
    halves = [numbers[0::2], numbers[1::2]]
    try:
        import multiprocessing
        from concurrent.futures import ProcessPoolExecutor

        with ProcessPoolExecutor(max_workers=2, mp_context=multiprocessing.get_context("fork")) as pool:
            parts = list(pool.map(_find, [str(path)] * 2, halves))
    except Exception:  # no fork or no second process here: read them in this one
        return _find(str(path), numbers)
    merged = {**parts[0], **parts[1]}
    return {number: merged[number] for number in sorted(merged)}


def _find(path: str, numbers: list[int]) -> dict[int, list[Table]]:
    """The tables of some pages, read with pdfplumber, keyed by page number."""
    if not numbers:
        return {}
    import pdfplumber

    found: dict[int, list[Table]] = {}
    try:
        pdf = pdfplumber.open(path, pages=numbers)
    except Exception:  # pdfium read the text; a table-finder failure must not lose it
        return {}
    with pdf:
        for page in pdf.pages:
            try:
                tables = page.find_tables()
                found[page.page_number] = [_table(page.page_number, page.height, t) for t in tables]
            except Exception:
                continue
            finally:
                page.close()
    return {k: [t for t in v if t.rows] for k, v in found.items() if v}


def _table(number: int, height: float, table) -> Table:
    x0, top, x1, bottom = table.bbox
    rows = [[_clean(c) for c in row] for row in table.extract()]
    rows = [row for row in rows if any(row)]
    if rows and max(len(r) for r in rows) < 2:  # a framed paragraph, not a table
        rows = []
    return Table(number, x0, height - bottom, x1, height - top, rows)
