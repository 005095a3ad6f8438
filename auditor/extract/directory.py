"""Where the document locates its recipients: laboratories, vendors and roles named with a place.

A protocol often names "the central laboratory" or "Shanghai Genomics Laboratory" in its shipping sentence
and gives the address elsewhere: in the laboratory table, an address block or an appendix. The directory
maps each recipient named together with a place (in one table row or one short block) to that place.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from auditor.document.scan import FoldedWords
from auditor.extract.model import Mention

_WORD = re.compile(r"[a-z0-9]+")
MAX_BLOCK_WORDS = 80


def org_key(name: str) -> str:
    """A recipient's name without case, punctuation, articles or legal suffixes ("lab" reads "laboratory")."""
    drop, synonyms = _normalisation()
    return " ".join(synonyms.get(w, w) for w in _WORD.findall(name.lower()) if w not in drop)


@lru_cache(maxsize=1)
def _normalisation() -> tuple[frozenset[str], dict[str, str]]:
    """Words dropped from and synonyms unified in recipient names (pack: gazetteers/organisations.yml)."""
    from auditor.pack import load_yaml

    rules = load_yaml("gazetteers/organisations.yml").get("name_normalisation") or {}
    return (frozenset(str(w).lower() for w in rules.get("drop") or []),
            {str(k).lower(): str(v).lower() for k, v in (rules.get("synonyms") or {}).items()})


@dataclass(frozen=True)
class Entry:
    code: str  # ISO code of the place
    place: Mention  # where the document says it (absolute offsets)


@dataclass(frozen=True)
class TablePlaces:
    """A table's block range and the places in its rows (header row excluded)."""

    first: int
    last: int
    entries: tuple[Entry, ...]


class Directory:
    """Recipient key -> the places the document gives for it; tables and the names in their cells."""

    def __init__(self) -> None:
        self._entries: dict[str, list[Entry]] = {}
        self.cell_names: dict[str, str] = {}  # name as written in a table cell -> its key
        self.located_names: dict[str, str] = {}  # a named recipient given with its place -> its key
        self.tables: list[TablePlaces] = []

    def names_in(self, text: str) -> list[tuple[int, int]]:
        """Character ranges in `text` of recipients named in a table cell ("Synlab")."""
        out = []
        for name in self.cell_names:
            for match in re.finditer(rf"(?<!\w){re.escape(name)}(?!\w)", text):
                out.append((match.start(), match.end()))
        return out

    def table_near(self, block: int, direction: str, reach: int) -> Entry | None:
        """The place of the table just below (or above) a block, if all its rows agree on one country."""
        if direction == "this":
            candidates = [t for t in self.tables if t.first - reach <= block <= t.last + reach]
        elif direction == "below":
            candidates = [t for t in self.tables if block < t.first <= block + reach]
        else:
            candidates = [t for t in self.tables if block - reach <= t.last < block]
        for table in sorted(candidates, key=lambda t: abs(t.first - block)):
            codes = {e.code for e in table.entries}
            if len(codes) == 1:
                return table.entries[0]
        return None

    def add(self, key: str, entry: Entry) -> None:
        if key and key not in _unlocated():
            self._entries.setdefault(key, []).append(entry)

    def alias(self, name: str, key: str) -> None:
        """Another name, as written, for the recipient under `key`: found in sentences and located like it."""
        self.cell_names[name] = key
        for entry in self._entries.get(key, []):
            self.add(org_key(name), entry)

    def find(self, key: str) -> Entry | None:
        """The place of a recipient, if the document gives exactly one country for it."""
        from auditor.extract.vocab import vocabulary

        entries = self._entries.get(key) or []
        code = vocabulary().one_country(e.code for e in entries)
        return next((e for e in entries if e.code == code), None) if code else None

    def __len__(self) -> int:
        return len(self._entries)


@lru_cache(maxsize=1)
def _unlocated() -> frozenset[str]:
    """Keys of roles whose address never locates their laboratories (the sponsor's head office)."""
    from auditor.pack import load_yaml

    roles = load_yaml("gazetteers/organisations.yml").get("unlocated_roles") or []
    return frozenset({"", *(org_key(str(r)) for r in roles)})


def prepare() -> None:
    """Load the normalisation data and compile the recipient filter ahead of the first document."""
    _normalisation()
    _unlocated()
    _recipient_filter()


def recipient_keys(span) -> list[str]:
    """Lookup keys of an ORG or ROLE span: the pack's id for a known organisation, else its normalised name."""
    keys = [span.kb_id_] if span.kb_id_ and span.label_ == "ORG" else []
    return keys + [org_key(span.text)]


def build_directory(document, m, facts_of, skipped: set[int]) -> Directory:
    """Scan table rows and short blocks that name a recipient and a place."""
    directory = Directory()
    rows: dict[int, list] = {}
    cue = _recipient_filter()
    for block in document.blocks:
        if block.section in skipped or block.kind == "heading":
            continue
        text = document.text[block.span.start : block.span.end]
        is_row = block.kind == "table_row"
        if not is_row and (len(text.split()) > MAX_BLOCK_WORDS or not cue.search(text)):
            continue
        facts = facts_of(m, m.nlp.make_doc(text), "(" in text, text)
        places = [p for p in facts.groups["DEST"] if p.label_ == "PLACE"]
        if not places:
            continue
        for recipient in facts.groups["ORG"] + facts.groups["ROLE"]:
            # a word of the recipient's own name is not its address ("Moscow Mountain Diagnostics, Inc." may be
            # in Idaho); a sentence that sends to the name still reads its place (flows._named_after)
            outside = [p for p in places if not (recipient.start <= p.start and p.end <= recipient.end)]
            if not outside:
                continue
            place = _place_of(recipient, outside)
            for key in recipient_keys(recipient):
                directory.add(key, _entry(place, block.span.start))
            if recipient.label_ == "ORG":
                directory.located_names.setdefault(recipient.text, org_key(recipient.text))
        # "Translational Medicine Center (TMC), Yangtze Ocular Biopharma Co., Ltd., ..., Shanghai": a name the block
        # abbreviates, with the place after it, is found and located under its abbreviation ("shipped to the TMC")
        for match in _DEFINED.finditer(text):
            short = match.group(2)
            if short in directory.cell_names or sum(c.isupper() for c in short) < 2:
                continue
            after = [p for p in places if p.start_char >= match.end()]
            if after:
                directory.cell_names[short] = org_key(short)
                directory.add(org_key(short), _entry(min(after, key=lambda p: p.start_char), block.span.start))
        if is_row:
            rows.setdefault(block.table, []).append((block, places))
            _cells(directory, document, block, places)
    for table, members in rows.items():
        blocks = [b.index for b in document.blocks if b.kind == "table_row" and b.table == table]
        entries = tuple(_entry(p, b.span.start) for b, places in members if b.row != 0 for p in places)
        if blocks and entries:
            directory.tables.append(TablePlaces(min(blocks), max(blocks), entries))
    _acronyms(directory, document.text)
    return directory


# a capitalised name and its abbreviation in parentheses: "Thameside Ophthalmic Reading Centre (TORC)"
_DEFINED = re.compile(r"((?:[A-Z][\w&'-]*\s+){1,6}[A-Z][\w&'-]*)\s*\(([A-Z][A-Z0-9&-]{1,7})\)")
_ACRONYM = r"\s*\(\s*(?:the\s+)?[\"\u201c]?([A-Z][A-Za-z0-9&-]{1,9})[\"\u201d]?\s*\)"


def _acronyms(directory: Directory, text: str) -> None:
    """A table-named recipient the text abbreviates ("Centro Caribeno de Referencia en Arbovirus (CCRA)") is
    located, and found in sentences, under its abbreviation too ("sent ... to CCRA")."""
    names = {**directory.located_names, **directory.cell_names}
    for name, key in sorted(names.items(), key=lambda item: -len(item[0])):
        for match in re.finditer(rf"(?<!\w){re.escape(name)}{_ACRONYM}", text):
            short = match.group(1)
            if short not in directory.cell_names and sum(c.isupper() for c in short) >= 2:
                directory.alias(short, key)


_ADDRESS_REACH = 30  # tokens: a name's address follows it ("Ob Valley Arbovirus Reference Laboratory, Building 3, ...")


def _place_of(recipient, places):
    """The place a block gives for a recipient: the first after its name, within an address's reach (in a list
    of addresses the place before a name is the previous entry's); else the nearest one."""
    after = [p for p in places if recipient.end <= p.start <= recipient.end + _ADDRESS_REACH]
    if after:
        return min(after, key=lambda p: p.start)
    return min(places, key=lambda p: abs(p.start - recipient.end))


def _entry(place, offset: int) -> Entry:
    from auditor.extract.flows import to_mention

    return Entry(_code(place.kb_id_), to_mention(place, offset))


def _cells(directory: Directory, document, block, places) -> None:
    """Name cells of a row that also gives a place ("Synlab | Moscow | Russia") locate that name."""
    from auditor.extract.vocab import vocabulary

    code = vocabulary().one_country(_code(p.kb_id_) for p in places) if block.cells else None
    if code is None:
        return
    places = [p for p in places if _code(p.kb_id_) == code]
    place_chars = {block.span.start + p.start_char for p in places}
    for cell in block.cells:
        name = document.text[cell.start : cell.end].strip()
        if len(name) < 3 or not name[:1].isupper() or any(cell.start <= c < cell.end for c in place_chars):
            continue
        key = org_key(name)
        if key and len(name.split()) <= 8:
            directory.cell_names[name] = key
            short = _without_legal_form(name)  # the text says "Helix Bioanalytics", the table "... Ltd."
            if short != name and len(short.split()) >= 2:
                directory.cell_names[short] = key
            for short in _short_names(name):
                directory.cell_names.setdefault(short, key)
                directory.add(org_key(short), _entry(places[0], block.span.start))
            directory.add(key, _entry(places[0], block.span.start))


def _short_names(name: str) -> list[str]:
    """Shorter names the text may use for a recipient a table names in full: the part before "of" or "for"
    ("the Alborz Institute" for "Alborz Institute of Ocular Genomics") and the first and last word ("the Lingnan
    Centre" for "Lingnan Neuroimmunology Reference Centre"); only capitalised words, at least two of them."""
    out = []
    head = re.split(r" (?:of|for) ", name)[0]
    words = name.split()
    candidates = [head] + ([f"{words[0]} {words[-1]}"] if len(words) >= 3 and head == name else [])
    for short in candidates:
        parts = short.split()
        if short != name and len(parts) >= 2 and all(w[:1].isupper() for w in parts) and short not in out:
            out.append(short)
    return out


def _without_legal_form(name: str) -> str:
    """The name without trailing legal-form words and punctuation ("Helix Bioanalytics Ltd." -> "Helix
    Bioanalytics"); the words are the pack's name_normalisation drop list."""
    drop, _ = _normalisation()
    words = name.split()
    while len(words) > 1 and words[-1].lower().strip(".,") in drop | {""}:
        words.pop()
    return " ".join(words).rstrip(",;")


def _code(code: str) -> str:
    from auditor.extract.vocab import vocabulary

    return "US" if code in vocabulary().domestic else code


@lru_cache(maxsize=1)
def _recipient_filter() -> FoldedWords:
    """A cheap test for a block that may name a recipient (a lab suffix, a role noun or a known organisation)."""
    from auditor.extract.vocab import vocabulary

    vocab = vocabulary()
    return FoldedWords(set(vocab.lab_suffixes) | {p.text for p in vocab.phrases if p.label in ("ORG", "ROLE")})
