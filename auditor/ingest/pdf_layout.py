"""Turn a PDF's body lines into blocks: paragraphs, headings, list items and table rows, in reading order."""

from __future__ import annotations

import re
from statistics import median

from auditor.ingest.headings import is_caps_heading, parse_heading
from auditor.ingest.model import RawBlock

_BULLET = re.compile(r"^(?:[\u2022\u25aa\u25cf\u25e6\u2023\u2043\u2219\uf0b7\uf0a7\uf0d8\u27a2\-\u2013\u2014*o]\s+|"
                     r"\(?[a-zA-Z0-9]{1,3}\)\s+|\d{1,2}\.\s+)")
_SOFT_HYPHENS = ("\ufffe", "\x02", "\u00ad")
_HYPHEN_WORD = re.compile(r"\b([A-Za-z]+)-([A-Za-z]+)\b")
_SOFT = re.compile(r"([A-Za-z]+)\ufffe([A-Za-z]+)")
_LEADER = re.compile(r"(?:\.\s?){5,}")
_SENTENCE_END = re.compile(r"[.!?:;][\"')\]\u201d\u2019]*$")
# "Sponsor: Sonoran Regenerative Institute, LLC (SRI)": a title page's or synopsis's field, its label short
FIELD_LABEL = r"[A-Z][\w/&().,' -]{0,40}:"
_FIELD = re.compile(rf"^{FIELD_LABEL}\s+\S")


class _Block:
    """A block being assembled from lines that may come from several pages."""

    def __init__(self, kind: str, text: str, page: int, **extra):
        self.kind, self.text, self.extra = kind, text, extra
        self.page_starts: list[tuple[int, int]] = [(0, page)]
        self.field_x0: float | None = None  # where the label starts, when the block opens with a field

    def add_line(self, text: str, page: int, hyphenated: set[str]) -> None:
        joined = join_lines(self.text, text, hyphenated)
        if page != self.page_starts[-1][1]:  # the new page begins where the appended line does
            self.page_starts.append((len(joined) - len(text.strip()), page))
        self.text = joined

    def freeze(self) -> RawBlock:
        return RawBlock(kind=self.kind, text=self.text, page_starts=tuple(self.page_starts), **self.extra)


def resolve_soft_hyphens(text: str, hyphenated: set[str]) -> str:
    """pdfium merges a line-end hyphenation into one line with U+FFFE; keep the hyphen only for real compounds."""
    if "\ufffe" not in text:
        return text
    return _SOFT.sub(lambda m: m.group(1) + ("-" if f"{m.group(1)}-{m.group(2)}".lower() in hyphenated else "") + m.group(2),
                     text).replace("\ufffe", "")


def join_lines(left: str, right: str, hyphenated: set[str]) -> str:
    """Join two wrapped lines, undoing end-of-line hyphenation."""
    right = right.strip()
    if left.endswith(_SOFT_HYPHENS):
        return left[:-1] + right
    if left.endswith("-") and len(left) > 1 and left[-2].isalpha() and right[:1].islower():
        head = re.search(r"([A-Za-z]+)-$", left)
        tail = re.match(r"[A-Za-z]+", right)
        if head and tail and f"{head.group(1)}-{tail.group()}".lower() in hyphenated:
            return left + right  # a real compound such as "anti-myeloma": keep the hyphen
        return left[:-1] + right
    return f"{left} {right}" if left else right


def hyphenated_words(pages) -> set[str]:
    """Compounds written with a hyphen inside a line anywhere in the document."""
    words: set[str] = set()
    for page in pages:
        for line in page.lines:
            words.update(f"{a}-{b}".lower() for a, b in _HYPHEN_WORD.findall(line.text))
    return words


def _larger_titles(page, body_size: float, title_page: bool) -> set[int]:
    """Ids of short lines set in a larger font than the body, alone or in a pair (not a large-font paragraph)."""
    if body_size <= 0 or (title_page and page.number == 1):  # a long document's title page is all large type
        return set()
    large = [line.size >= body_size * 1.15 for line in page.lines]
    out = set()
    for i, line in enumerate(page.lines):
        run_start = i
        while run_start > 0 and large[run_start - 1]:
            run_start -= 1
        run_end = i
        while run_end + 1 < len(large) and large[run_end + 1]:
            run_end += 1
        text = line.text.strip()
        if (large[i] and run_end - run_start < 2 and text[:1].isupper() and len(text.split()) <= 10
                and not text.endswith((".", ",", ";", ":"))):
            out.add(id(line))
    return out


def _body_size(pages) -> float:
    sizes = [round(line.size, 1) for page in pages for line in page.lines if line.size > 0]
    return median(sizes) if sizes else 0.0


def _pitch(lines) -> float:
    gaps = [a.bottom - b.bottom for a, b in zip(lines, lines[1:]) if 0 < a.bottom - b.bottom < 40]
    return median(gaps) if gaps else 14.0


def _line_kind(text: str, larger_title: bool = False) -> str:
    if parse_heading(text) or is_caps_heading(text) or larger_title:
        return "heading"
    if _BULLET.match(text.strip()):
        return "list_item"
    return "paragraph"


def _page_items(page, tables):
    """Lines outside tables, with each table placed where its first line would be."""
    pending = sorted(tables, key=lambda t: -t.top)
    for line in page.lines:
        while pending and line.top < pending[0].bottom + 1 and not pending[0].contains(line):
            yield pending.pop(0)
        if any(t.contains(line) for t in tables):
            if pending and pending[0].contains(line):
                yield pending.pop(0)
            continue
        yield line
    yield from pending


def assemble(pages, tables: dict) -> list[RawBlock]:
    """Build the document's blocks from its pages' body lines and tables."""
    hyphenated = hyphenated_words(pages)
    body_size = _body_size(pages)
    blocks: list[_Block] = []
    table_no = 0
    for page in pages:
        pitch = _pitch(page.lines)
        # a contents page (dot leaders on three lines or more): no headings
        toc = sum(1 for line in page.lines if line.text.count(".") >= 5 and _LEADER.search(line.text)) >= 3
        titles = _larger_titles(page, body_size, len(pages) > 5)
        previous = None
        page_first = True
        for item in _page_items(page, tables.get(page.number, [])):
            if hasattr(item, "text"):
                item.text = resolve_soft_hyphens(item.text, hyphenated)
            else:  # a table
                for row_no, row in enumerate(item.rows):
                    blocks.append(_Block("table_row", " | ".join(c for c in row), page.number,
                                         cells=tuple(row), table=table_no, row=row_no))
                table_no += 1
                previous, page_first = None, False
                continue
            kind = "paragraph" if toc else _line_kind(item.text, id(item) in titles)
            if page_first and kind == "paragraph" and _continues(blocks):
                blocks[-1].add_line(item.text, page.number, hyphenated)
            elif (kind == "paragraph" and previous is not None and _same_paragraph(blocks[-1], previous, item, pitch)
                  and not _next_field(blocks[-1], item)):
                blocks[-1].add_line(item.text, page.number, hyphenated)
            elif kind == "heading" and previous is not None and _heading_goes_on(blocks[-1], previous, item, pitch):
                blocks[-1].add_line(item.text, page.number, hyphenated)
            else:
                blocks.append(_Block(kind, item.text.strip(), page.number))
                if kind == "paragraph" and _FIELD.match(item.text.strip()):
                    blocks[-1].field_x0 = item.x0
            previous, page_first = item, False
    return [b.freeze() for b in blocks if b.text]


def _same_paragraph(block: _Block, previous, line, pitch: float) -> bool:
    if block.kind == "heading" or block.kind == "table_row":
        return False
    gap = previous.bottom - line.bottom
    return 0 < gap <= pitch * 1.45


def _next_field(block: _Block, line) -> bool:
    """The next field of a field block ("Partner clinic: Clinica ..., Tijuana" under "Sponsor: Sonoran ..."), its
    label where the block's first label starts: a paragraph of its own, so that one field's places and parties are
    not read as another's. A wrapped value (indented to the value's column) stays with its field."""
    return block.field_x0 is not None and abs(line.x0 - block.field_x0) <= 2 and bool(_FIELD.match(line.text.strip()))


def _heading_goes_on(block: _Block, previous, line, pitch: float) -> bool:
    """A capitals title wrapped over two lines ('INFORMED CONSENT FORM' / 'AND AUTHORIZATION ...') is one heading."""
    if block.kind != "heading" or parse_heading(line.text) or not is_caps_heading(block.text):
        return False
    return 0 < previous.bottom - line.bottom <= pitch * 1.45 and is_caps_heading(line.text)


def _continues(blocks: list[_Block]) -> bool:
    """Does the last block run on from the previous page (no sentence end before the break)?"""
    if not blocks or blocks[-1].kind not in ("paragraph", "list_item"):
        return False
    return not _SENTENCE_END.search(blocks[-1].text)
