"""Where the document locates its recipients: laboratories, vendors and roles named with a place.

A protocol often names "the central laboratory" or "Shanghai Genomics Laboratory" in its shipping sentence
and gives the address elsewhere: in the laboratory table, an address block or an appendix. The directory
maps each recipient named together with a place (in one table row or one short block) to that place.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from auditor.extract.model import Mention

_LEGAL = {"co", "ltd", "limited", "inc", "incorporated", "gmbh", "ag", "llc", "sa", "s.a", "bv", "b.v", "nv", "n.v",
          "corp", "corporation", "plc", "kk", "pty", "the", "and", "&"}
_WORD = re.compile(r"[a-z0-9]+")
MAX_BLOCK_WORDS = 80


def org_key(name: str) -> str:
    """A recipient's name without case, punctuation, articles or legal suffixes."""
    return " ".join(w for w in _WORD.findall(name.lower()) if w not in _LEGAL)


@dataclass(frozen=True)
class Entry:
    code: str  # ISO code of the place
    place: Mention  # where the document says it (absolute offsets)


class Directory:
    """Recipient key -> the places the document gives for it."""

    def __init__(self) -> None:
        self._entries: dict[str, list[Entry]] = {}

    def add(self, key: str, entry: Entry) -> None:
        if key:
            self._entries.setdefault(key, []).append(entry)

    def find(self, key: str) -> Entry | None:
        """The place of a recipient, if the document gives exactly one country for it."""
        entries = self._entries.get(key) or []
        codes = {e.code for e in entries}
        return entries[0] if len(codes) == 1 else None

    def __len__(self) -> int:
        return len(self._entries)


def recipient_keys(span) -> list[str]:
    """Lookup keys of an ORG or ROLE span: the pack's id for a known organisation, else its normalised name."""
    keys = [span.kb_id_] if span.kb_id_ and span.label_ == "ORG" else []
    return keys + [org_key(span.text)]


def build_directory(document, m, facts_of, skipped: set[int]) -> Directory:
    """Scan table rows and short blocks that name a recipient and a place."""
    from auditor.extract.flows import to_mention

    directory = Directory()
    cue = _recipient_filter(m)
    for block in document.blocks:
        if block.section in skipped or block.kind == "heading":
            continue
        text = document.text[block.span.start : block.span.end]
        if len(text.split()) > MAX_BLOCK_WORDS and block.kind != "table_row":
            continue
        if not cue.search(text):
            continue
        facts = facts_of(m, m.nlp.make_doc(text))
        places = [p for p in facts.groups["DEST"] if p.label_ == "PLACE"]
        if not places:
            continue
        for recipient in facts.groups["ORG"] + facts.groups["ROLE"]:
            place = min(places, key=lambda p: abs(p.start - recipient.end))
            entry = Entry(_code(place.kb_id_), to_mention(place, block.span.start))
            for key in recipient_keys(recipient):
                directory.add(key, entry)
    return directory


def _code(code: str) -> str:
    from auditor.extract.vocab import vocabulary

    return "US" if code in vocabulary().domestic else code


_FILTERS: dict[int, re.Pattern] = {}


def _recipient_filter(m) -> re.Pattern:
    """A cheap test for a block that may name a recipient (a lab suffix, a role noun or a known organisation)."""
    if id(m) not in _FILTERS:
        from auditor.extract.vocab import vocabulary

        vocab = vocabulary()
        words = set(vocab.lab_suffixes) | {p.text for p in vocab.phrases if p.label in ("ORG", "ROLE")}
        pattern = "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))
        _FILTERS[id(m)] = re.compile(rf"(?<!\w)(?:{pattern})(?!\w)", re.IGNORECASE)
    return _FILTERS[id(m)]
