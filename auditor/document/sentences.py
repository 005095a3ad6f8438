"""Split block text into sentences with a fast rule-based splitter (no model needed)."""

from __future__ import annotations

import re
from functools import lru_cache

from auditor.pack import load_yaml

# A boundary: sentence-final punctuation, optional closing quotes/brackets, whitespace, then a likely start.
_BOUNDARY = re.compile(r"[.!?][\"'\u201d\u2019)\]]*\s+(?=[\"'\u201c\u2018(\[]?[A-Z0-9\u2022_])")
_INITIALS = re.compile(r"^(?:[A-Za-z]\.)*[A-Za-z]$")  # "J", "N.N", "U.S"
_WORD_BEFORE = re.compile(r"([A-Za-z][A-Za-z.]*)\.$")


@lru_cache(maxsize=1)
def _abbreviations() -> tuple[frozenset[str], frozenset[str]]:
    """(abbreviations, abbreviations that stay open only before a number)."""
    data = load_yaml("patterns/segmentation.yml")
    numeric = frozenset(str(a).lower() for a in data.get("numeric_abbreviations") or [])
    return frozenset(str(a).lower() for a in data["abbreviations"]) - numeric, numeric


@lru_cache(maxsize=1)
def _label_before() -> re.Pattern:
    """A label word right before a single letter ("Appendix D."): the letter is a label, not an initial."""
    words = load_yaml("patterns/segmentation.yml").get("label_words") or ["(?!)"]
    return re.compile(r"\b(?:" + "|".join(re.escape(str(w)) for w in words) + r")\s+$", re.IGNORECASE)


def split(text: str) -> list[tuple[int, int]]:
    """Return (start, end) offsets of the sentences of a paragraph."""
    abbreviations, numeric = _abbreviations()
    spans, start = [], 0
    for match in _BOUNDARY.finditer(text):
        end = match.start() + 1
        word = _WORD_BEFORE.search(text, max(0, end - 20), end)
        initial = word and _INITIALS.match(word.group(1)) and text[word.start() - 1 : word.start()] != "\u00b0"  # not °C
        if initial and len(word.group(1)) == 1 and _label_before().search(text, max(0, word.start() - 20), word.start()):
            initial = False  # "listed in Appendix D. Digital whole-slide images are returned"
        before_number = text[match.end() : match.end() + 1].isdigit()
        lowered = word.group(1).lower().rstrip(".") if word else ""
        if word and (lowered in abbreviations or initial or (lowered in numeric and before_number)):
            continue  # "e.g. Shanghai", "J. Smith": not a boundary
        stop = match.end()
        spans.append((start, _rstrip(text, start, stop)))
        start = stop
    if start < len(text):
        spans.append((start, _rstrip(text, start, len(text))))
    return [(s, e) for s, e in spans if e > s]


def _rstrip(text: str, start: int, end: int) -> int:
    while end > start and text[end - 1].isspace():
        end -= 1
    return end
