"""Recognise numbered and lettered headings ("8.4.2 Sample Shipment", "SECTION 8", "Appendix B")."""

from __future__ import annotations

import re
from dataclasses import dataclass

_NUMBERED = re.compile(r"^(?P<num>\d{1,2}(?:\.\d{1,2}){0,5})(?P<dot>\.?)\s+(?P<title>\S.*)$")
_NAMED = re.compile(
    r"^(?P<word>section|article|appendix|annex|attachment|chapter|part|schedule)\s+"
    r"(?P<num>[A-Z0-9]{1,3}(?:\.\d{1,2})*)\b\.?\s*[-:\u2013\u2014.]?\s*(?P<title>.*)$",
    re.IGNORECASE,
)
# The first letters of _NAMED's words in any case IGNORECASE allows ("\u017f" is the long s): a line starting
# with none of them nor a digit is no heading, and needs no other test (tests/test_ingest_text.py checks this).
_NAMED_INITIALS = frozenset("sSaAcCpP\u017f")
_TOC_LEADER = re.compile(r"(?:\.\s*){4,}\s*\d+\s*$|\s{3,}\d+\s*$|\t\d+\s*$")
_END_PUNCT = (".", ",", ";", "?", "!")
MAX_HEADING_WORDS = 14


@dataclass(frozen=True)
class Heading:
    number: str | None
    title: str
    level: int
    dotted: bool = False  # written "4. Title" rather than "4 Title"


def parse_heading(text: str) -> Heading | None:
    """Return the heading a line states, or None if the line reads as body text."""
    line = text.strip()
    if not line or len(line) > 120 or not (line[0].isdigit() or line[0] in _NAMED_INITIALS):
        return None  # most lines: neither a number nor a heading word first
    if _TOC_LEADER.search(line):
        return None
    named = _NAMED.match(line)
    if named and (named.group("word").isupper() or named.group("word")[0].isupper()):
        title = named.group("title").strip()
        if _titleish(title, allow_empty="." not in named.group("num")):  # a bare "Section 6.3" is a reference
            word = named.group("word").capitalize()
            return Heading(f"{word} {named.group('num')}", title or f"{word} {named.group('num')}", 1)
    numbered = _NUMBERED.match(line)
    if numbered:
        number, title = numbered.group("num"), numbered.group("title").strip()
        if _titleish(title) and not _looks_like_quantity(title):
            return Heading(number, title, number.count(".") + 1, bool(numbered.group("dot")))
    return None


# A consent form's numbered headings are often questions ("2. Why is this study being done?"): a title ending in
# "?" is a heading when it opens with one of these words.
_QUESTION_WORDS = frozenset({"what", "why", "how", "who", "whom", "when", "where", "which", "will", "can", "do", "does",
                             "are", "is", "may", "should", "could", "would"})


def _titleish(title: str, allow_empty: bool = False) -> bool:
    if not title:
        return allow_empty
    if len(title.split()) > MAX_HEADING_WORDS:
        return False
    if title.endswith(_END_PUNCT) and not (title.endswith("?") and title.split()[0].lower() in _QUESTION_WORDS):
        return False
    first = title[0]
    return first.isupper() or first.isdigit() and not title[:1].isspace()


def _looks_like_quantity(title: str) -> bool:
    """'12 mg tablets', '3 months' after a number are quantities, not headings."""
    word = title.split()[0].lower().strip(",")
    return word in {"mg", "ml", "g", "kg", "mcg", "µg", "mm", "cm", "days", "weeks", "months", "years",
                    "hours", "%", "x", "mmol/l", "mg/dl", "patients", "subjects", "participants"}


def is_caps_heading(text: str) -> bool:
    """A short all-capitals line such as 'SYNOPSIS' or 'STUDY DESIGN' reads as a heading.

    Table debris such as 'CBC X X' or 'PO IV PO IV' and joiners such as 'AND' or 'NOTE:' do not.
    """
    line = text.strip()
    if len(line) > 120 or line.upper() != line or line.endswith((".", ",", ";", ":")):  # most lines stop here
        return False
    words = [w for w in line.split() if any(c.isalpha() for c in w)]
    if not words or len(words) > 16:
        return False
    long_words = [w for w in words if sum(c.isalpha() for c in w) >= 4]
    return bool(long_words) and len(long_words) * 2 >= len(words)
