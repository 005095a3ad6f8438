"""Recognise running headers and footers: lines in the page margins that repeat across pages."""

from __future__ import annotations

import re
from collections import Counter

from auditor.ingest.model import Furniture

_DIGITS = re.compile(r"\d+")
_SPACE = re.compile(r"\s+")
# Lines that are page furniture wherever they repeat or not: page numbers and bare confidentiality marks.
_ALWAYS = re.compile(
    r"^(?:page\s*#(?:\s*(?:of|/)\s*#)?|#\s*(?:of|/)\s*#|-\s*#\s*-|#|confidential|strictly confidential)$"
)
_MARGIN = 0.11  # fraction of the page height that counts as header or footer zone


def always_furniture(text: str) -> bool:
    """A page number or a bare confidentiality mark ("Page 3 of 40", "- 3 -", "CONFIDENTIAL")."""
    return bool(_ALWAYS.match(_key(text)))


# A running header or footer in text exported from a paginated document: a short line ending in "Page 38 of 96".
_PAGE_MARK = re.compile(r"(?:^|\s)page\s*#\s*(?:of|/)\s*#$")


def text_furniture(lines: list[str]) -> set[int]:
    """Indices of the running-header and footer lines of a text without form feeds: lines ending in a page
    count ("Protocol X | Version 3.0    Page 38 of 96"), and page numbers or confidentiality marks next to one."""
    marks = [i for i, line in enumerate(lines) if len(line) <= 160 and _PAGE_MARK.search(_key(line))]
    out = set(marks)
    beside: Counter = Counter()  # a line that recurs beside the page marks is a running header or footer
    neighbours = [{j for j in range(max(0, i - 2), min(len(lines), i + 3)) if j != i and lines[j].strip()}
                  for i in marks]
    for near in neighbours:
        out.update(j for j in near if always_furniture(lines[j]))
        beside.update({_key(lines[j]) for j in near if len(lines[j]) <= 160})
    if len(marks) >= 2:
        running = {key for key, count in beside.items() if count >= max(2, (len(marks) + 1) // 2)}
        out.update(j for near in neighbours for j in near if _key(lines[j]) in running)
    return out


def _key(text: str) -> str:
    return _SPACE.sub(" ", _DIGITS.sub("#", text.strip().lower()))


def _zones(page) -> list[tuple[str, object]]:
    """Candidate lines: those lying in the top or bottom margin zone of the page."""
    top_limit = page.height * (1 - _MARGIN)
    bottom_limit = page.height * _MARGIN
    out = [("header", line) for line in page.lines if line.bottom >= top_limit]
    out += [("footer", line) for line in page.lines if line.top <= bottom_limit and line.bottom < top_limit]
    return out


def split_furniture(pages):
    """Return (pages with body lines only, furniture lines) for a list of PageText."""
    candidates = [_zones(page) for page in pages]
    counts: Counter = Counter()
    for lines in candidates:  # count each (zone, text) once per page
        counts.update({(zone, _key(line.text)) for zone, line in lines})
    threshold = max(2, round(0.3 * len(pages)))
    furniture: list[Furniture] = []
    for page, lines in zip(pages, candidates):
        drop = set()
        for zone, line in lines:
            key = _key(line.text)
            if _ALWAYS.match(key) or (len(pages) > 2 and counts[(zone, key)] >= threshold):
                drop.add(id(line))
                furniture.append(Furniture(kind=zone, text=line.text.strip(), page=page.number))
        if drop:
            page.lines = [line for line in page.lines if id(line) not in drop]
    return pages, furniture
