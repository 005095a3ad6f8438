"""Read plain text and Markdown: blank-line paragraphs, numbered and '#' headings, lists, pipe tables."""

from __future__ import annotations

import re
from pathlib import Path

from auditor.errors import InputError
from auditor.ingest.furniture import text_furniture
from auditor.ingest.headings import is_caps_heading, parse_heading
from auditor.ingest.model import Furniture, RawBlock, RawDocument
from auditor.ingest.pdf_layout import FIELD_LABEL, join_lines

_MD_HEADING = re.compile(r"^(#{1,6})\s+(.*?)\s*#*\s*$")
_LIST = re.compile(r"^\s*(?:[-*+\u2022]|\d{1,2}[.)]|\(?[a-z]\))\s+")
_PIPE_ROW = re.compile(r"\S \| \S")  # "Laboratory | City | Country": a table row written with pipes
_TABLE_RULE = re.compile(r"^\s*\|?\s*:?-{2,}:?\s*(\|\s*:?-{2,}:?\s*)*\|?\s*$")
# bold, code; "__" only as emphasis, not inside a fill-in line ("Signature: ______________")
_EMPHASIS = re.compile(r"(\*\*|(?<!_)__(?!_)|`)")
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
    furniture: list[Furniture] = []
    for number, page in enumerate(pages, start=1):
        page_no = number if len(pages) > 1 else None
        page_blocks = _page_blocks(page, page_no, markdown, len(blocks), furniture)
        if blocks and page_blocks and _runs_over(blocks[-1], page_blocks[0]):
            # a sentence that the page break (and a running header) cuts: "... shipped on dry ice to" / "the Macao
            # Institute of Viral Genomics, ..." is one paragraph, its second page starting where the text goes on
            last, first = blocks[-1], page_blocks.pop(0)
            blocks[-1] = last.model_copy(update={
                "text": f"{last.text} {first.text}",
                "page_starts": (*last.page_starts, *((len(last.text) + 1 + start, p) for start, p in first.page_starts))})
        blocks.extend(page_blocks)
    if not any(b.text.strip() for b in blocks):
        raise InputError(f"{path.name}: the file contains no text")
    return RawDocument(name=name, path=str(path), sha256=sha256, format="markdown" if markdown else "text",
                       pages=len(pages) if len(pages) > 1 else None, blocks=tuple(blocks), furniture=tuple(furniture))


_CELL = re.compile(r"\S+(?: \S+)*")  # a run of words with single spaces: one cell of a space-aligned table
_DASH_RULE = re.compile(r"^\s*-{3,}(?:\s{2,}-{3,})+\s*$")  # "------------  ------------" under a header


def _aligned_rows(lines: list[str]) -> dict[int, tuple[str, ...] | None]:
    """The rows of space-aligned tables (as pdftotext -layout and hand-typed tables write them), by line index:
    the cells of each row, or None for a line that continues the row above it (a cell wrapped onto the next line,
    "Hangzhou, Zhejiang 310052, PRC" under "Building 6, 1180 Bin'an Road,"), whose text joins that row's cells.
    A table is at least three consecutive lines, one with three or more cells split by runs of two or more
    spaces, and at least two thirds of the lines starting each cell at a column of that line (within two
    characters). Two-column "Sponsor:    Helix" blocks and prose with double spaces after full stops do not
    qualify."""
    out: dict[int, tuple[str, ...] | None] = {}
    group: list[int] = []

    def close() -> None:
        if len(group) >= 3:
            starts = {i: [(m.start(), m.group()) for m in _CELL.finditer(lines[i])] for i in group}
            widest = [c for c, _ in max(starts.values(), key=len)]
            # two columns are a table only under a rule of dashes ("Role    Organization" / "-----  -----")
            ruled = any(_DASH_RULE.match(lines[i]) for i in group[:3])
            if len(widest) >= 3 or (len(widest) == 2 and ruled):
                aligned = sum(all(any(abs(c - w) <= 2 for w in widest) for c, _ in cells[1:])
                              for cells in starts.values())
                if aligned * 3 >= len(group) * 2:
                    _rows(group, starts, widest, out)
        group.clear()

    for index, line in enumerate(lines):
        if "  " in line.strip() or "\t" in line.strip() or (group and _continues(line, lines[group[0]])):
            group.append(index)
        else:
            close()
    close()
    return out


def _continues(line: str, first: str) -> bool:
    """A line indented past the table's first column, inside a table being read: a wrapped cell."""
    indent = len(line) - len(line.lstrip())
    return bool(line.strip()) and indent > len(first) - len(first.lstrip()) + 8


def _rows(group: list[int], starts: dict, widest: list[int], out: dict) -> None:
    first_column = min(c for cells in starts.values() for c, _ in cells[:1])
    previous: int | None = None
    merged: dict[int, list[str]] = {}
    for index in group:
        cells = starts[index]
        if previous is not None and cells and (cells[0][0] > first_column + 2 or _wraps(merged[previous], cells)):
            row = merged[previous]
            for column, text in cells:  # join each piece to the cell of the nearest column
                nearest = min(range(len(widest)), key=lambda k: abs(widest[k] - column))
                slot = min(nearest, len(row) - 1) if len(row) < len(widest) else nearest
                row[slot] = f"{row[slot]} {text}".strip()
            out[index] = None
            continue
        merged[index] = [text for _, text in cells]
        previous = index
    for index, row in merged.items():
        out[index] = tuple(row)


_NAME_TAILS = ("Co.", "Co,", "Ltd", "Inc.", "Inc,", "LLC", "GmbH", "Limited", "Corp", "S.A.", "B.V.", "AG,", "plc")
_OPEN_ENDINGS = frozenset({"of", "and", "or", "the", "to", "for", "in", "at", "with", "by", "from", "a", "an"})


def _wraps(row: list[str], cells: list[tuple[int, str]]) -> bool:
    """Does a line whose first cell is filled go on with the row above? When every cell wraps, as in
    '(the "Manufacturing | (Orchidstone Vector Therapeutics Limited) | Centre, 9 Pak Shek Kok Road, Shatin,'
    under 'Manufacture, QC release | Orchidstone Cell Processing Facility | Units 701-712, Harbourview Biotech':
    the line opens with a parenthesis, or a cell above is left open (a comma or a word such as "of" at its end, a
    parenthesis or quotation not closed), or it opens in lowercase and another of its cells goes on with a name
    ("Co., Ltd."). A line that opens in lowercase may otherwise be a new row ("plasma", "gVCF")."""
    if cells[0][1][:1] == "(":
        return True
    if cells[0][1][:1].islower() and any(text[:1].islower() or text.startswith(_NAME_TAILS) for _, text in cells[1:]):
        return True  # "laboratory | Co., Ltd., Building 3, ..." under "Bioanalytical and biomarker | ... Biopharma"
    for cell in row:
        text = cell.rstrip()
        if not text or set(text) <= set("-=_ "):
            continue
        words = text.split()
        if (text.endswith(",") or words[-1].lower() in _OPEN_ENDINGS or text.count("(") > text.count(")")
                or text.count('"') % 2):
            return True
    return False


def _pipe_cells(line: str) -> list[str]:
    """The cells of a pipe row: outer pipes ("| a | b |") are dropped; a row starting with spaces and a pipe
    ("      | | Chengdu, China |", a wrapped row of a table without outer pipes) keeps its empty first cells."""
    text = line.strip()
    if text.startswith("|") and text.endswith("|"):
        return text[1:-1].split("|")
    if text.startswith("|") and line[:1].isspace():
        return line.rstrip().split("|")
    return text.strip("|").split("|")


def _numbered(line: str) -> bool:
    heading = parse_heading(line)
    # "7.2 Genotyping", not "2. Signed consent" (a list item) or "Appendix B"
    return heading is not None and heading.number is not None and heading.number[:1].isdigit() and "." in heading.number


# a title's sentence ends and another begins after it ("Secondary analysis. Alignment ..."; "Shipment: two aliquots")
_RUN_IN = re.compile(r"(?:\.\s+[A-Z(]|:\s+[A-Za-z(])\S*\s+\S")


def _run_in(line: str, following: str) -> int:
    """Where the run-in numbered title ends in the first line of a paragraph that opens with one ("6.2 Secondary
    analysis. Alignment, joint calling, ...") and wraps onto the next line; 0 if the line is no such thing."""
    heading = parse_heading(line)
    if heading is None or heading.number is None:
        return 0
    found = _RUN_IN.search(line, line.find(heading.title))
    if found is None or not _runs_on(following):
        return 0
    title = line[line.find(heading.title) : found.start()].split()
    if len(title) > 6 or any(w.lower() in _VERBS for w in title):
        return 0  # "9.4 No genetic testing is performed. The dose is": a sentence, not a title
    return found.start() + 1


def _wrapped_sentence(line: str, following: str) -> bool:
    """A numbered line that reads as a title but holds a sentence break and runs on into the next line; or one
    that is a sentence cut mid-clause ("8.3  Serum aliquots are therefore shipped on dry ice every" / "6 months
    to:"): six words or more with a verb, ending on a lower-case word, the next line going on in lower case or a
    number."""
    heading = parse_heading(line)
    if heading is None or heading.number is None:
        return False
    if re.search(r"[.:]\s+\S", heading.title):
        return _runs_on(following)
    words, nxt = heading.title.split(), following.strip()
    cut = (len(words) >= 6 and any(w.lower() in _VERBS for w in words) and words[-1][:1].islower()
           and (nxt[:1].islower() or nxt[:1].isdigit()))
    return cut and _runs_on(following)


def _runs_on(following: str) -> bool:
    """Does the next line carry on the paragraph (not blank, a heading, a list item or a table row)?"""
    nxt = following.strip()
    return bool(nxt) and not (parse_heading(nxt) or is_caps_heading(nxt) or _LIST.match(nxt) or _PIPE_ROW.search(nxt))


_VERBS = frozenset({"is", "are", "was", "were", "will", "be", "been", "has", "have", "had", "may", "can", "must",
                    "shall", "should", "does", "do"})


_SUBSECTION = re.compile(r"^\s*\d{1,2}(?:\.\d{1,2}){1,4}\.?\s+[A-Z]")  # "9.1.3 Shipment: ..." (not "2.5 mg")


_SENTENCE_END = re.compile(r"[.!?:;)\]\"\u201d]\s*$")

# "Sponsor:                 Sonoran Regenerative Institute, LLC (SRI)": a label, a colon and its value set off by
# a tab or two or more spaces, as title pages and synopses write their fields (not "Note: the ...")
_FIELD = re.compile(rf"^\s*{FIELD_LABEL}(?:\t|\s{{2,}})\S")


def _runs_over(last: RawBlock, first: RawBlock) -> bool:
    """Does a page's first paragraph carry on the last paragraph of the page before (no sentence end there, and
    the text goes on in lower case, or after a lower-case word or a comma)?"""
    if last.kind not in ("paragraph", "list_item") or first.kind != "paragraph" or not last.text or not first.text:
        return False
    end = last.text.rstrip()
    if _SENTENCE_END.search(end) or end.endswith(":"):
        return False
    return first.text[:1].islower() or end[-1:] == "," or end.split()[-1].islower()


def _page_blocks(text: str, page: int | None, markdown: bool, offset: int, furniture: list) -> list[RawBlock]:
    """The blocks of one page. A running header or footer inside it (text exported without form feeds) is set
    aside, and a paragraph it cuts in the middle of a sentence goes on after it."""
    starts = ((0, page),) if page else ()
    blocks: list[RawBlock] = []
    current: list[str] = []
    table_no, row_no, in_table = offset, 0, False
    lines = text.split("\n")
    running = text_furniture(lines) if not markdown else set()
    aligned = {i: row for i, row in _aligned_rows([line.expandtabs(8) for line in lines]).items() if i not in running}
    carried: RawBlock | None = None  # a paragraph cut by a running header, waiting for its rest

    def flush() -> None:
        if current:
            joined = ""
            for line in current:
                joined = join_lines(joined, line, set())
            kind = "list_item" if _LIST.match(current[0]) else "paragraph"
            blocks.append(RawBlock(kind=kind, text=_clean(joined, markdown), page_starts=starts))
            current.clear()

    for index, raw in enumerate(lines):
        line = raw.rstrip()
        if index in running:
            flush()
            furniture.append(Furniture(kind="header", text=line.strip(), page=page))
            if carried is None and blocks and blocks[-1].kind == "paragraph" and not _SENTENCE_END.search(blocks[-1].text):
                carried = blocks.pop()
            continue
        if carried is not None:
            if not line.strip():
                continue  # the blank lines around the header
            if not (_PIPE_ROW.search(line) or parse_heading(line) or is_caps_heading(line) or _LIST.match(line)):
                current.append(carried.text)
            else:
                blocks.append(carried)
            carried = None
        if ((markdown and line.lstrip().startswith("|")) or _PIPE_ROW.search(line) or index in aligned
                or (in_table and _TABLE_RULE.match(line))):  # "|-----|-----|" under a plain-text table's header
            flush()
            # pipe rows are Markdown-style; a space-aligned row is plain text ("Signature: ______" keeps its line)
            plain = index in aligned and "|" not in line
            if plain and aligned[index] is None:
                continue  # joined to the row above
            if not _TABLE_RULE.match(line):
                parts = aligned[index] if plain else _pipe_cells(line)
                cells = tuple(_clean(c.strip(), markdown or not plain) for c in parts)
                previous = blocks[-1] if blocks and in_table and blocks[-1].kind == "table_row" else None
                if previous is not None and row_no > 1 and not cells[0] and len(cells) == len(previous.cells or ()):
                    # a wrapped row ("| | Chengdu, Sichuan 610041, China |" under the address it ends): join it
                    joined = tuple(f"{a} {b}".strip() for a, b in zip(previous.cells, cells))
                    blocks[-1] = previous.model_copy(update={"cells": joined, "text": " | ".join(joined)})
                    continue
                blocks.append(RawBlock(kind="table_row", text=" | ".join(cells), cells=cells,
                                       table=table_no, row=row_no, page_starts=starts))
                row_no += 1
            in_table = True
            continue
        if in_table:
            table_no, row_no, in_table = table_no + 1, 0, False
        heading = _MD_HEADING.match(line) if markdown else None
        following = lines[index + 1] if index + 1 < len(lines) else ""
        if heading:
            flush()
            blocks.append(RawBlock(kind="heading", text=_clean(heading.group(2), True),
                                   level=len(heading.group(1)), page_starts=starts))
        elif not line.strip():
            flush()
        elif current and _FIELD.match(line):
            # the next field of a title page's or synopsis's field block ("Partner clinic:   Clinica ..., Tijuana"
            # under "Sponsor:   Sonoran Regenerative Institute, LLC (SRI)") is a paragraph of its own, so that one
            # field's places and parties are not read as another's; a wrapped value's lines stay with its field
            flush()
            current.append(line.strip())
        elif (not current or _SENTENCE_END.search(current[-1])) and (cut := _run_in(line, following)):
            # "6.2 Secondary analysis. Alignment, joint calling, imputation and" wrapping on: the run-in title is the
            # section's heading, and the paragraph goes on after it
            flush()
            blocks.append(RawBlock(kind="heading", text=line[:cut].strip(), page_starts=starts))
            current.append(line[cut:].strip())
        elif _wrapped_sentence(line, following):
            # "9.4 No genetic testing is performed. The dose is" / "2.5 mg daily.": a numbered paragraph, not a title
            if current and _SENTENCE_END.search(current[-1]):
                flush()
            current.append(line.strip())
        elif not current and (parse_heading(line) or (not markdown and is_caps_heading(line))):
            blocks.append(RawBlock(kind="heading", text=line.strip(), page_starts=starts))
        elif current and _SENTENCE_END.search(current[-1]) and _numbered(line):
            # "...co-investigator on the R01 award.\n7.2 Genotyping\n": a numbered heading with no blank line before
            flush()
            blocks.append(RawBlock(kind="heading", text=line.strip(), page_starts=starts))
        elif (_LIST.match(line) or _SUBSECTION.match(line)) and current and \
                (_LIST.match(line) or _SENTENCE_END.search(current[-1])):
            # a list item; or "9.1.3 Shipment: two aliquots ..." after a sentence end, a numbered subsection that
            # is its own paragraph though no blank line sets it off
            flush()
            current.append(line.strip())
        else:
            current.append(line.strip())
    flush()
    if carried is not None:
        blocks.append(carried)
    return blocks


def _clean(text: str, markdown: bool) -> str:
    if not markdown:
        return text.strip()
    return _EMPHASIS.sub("", _LINK.sub(r"\1", text)).strip()
