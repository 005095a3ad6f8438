"""Build the section tree from heading blocks, rejecting numbered lines that break the numbering."""

from __future__ import annotations

from auditor.ingest.headings import Heading, is_caps_heading, parse_heading


class SectionTracker:
    """Accept headings in document order and say which are real, keeping the current path."""

    def __init__(self) -> None:
        self.stack: list[tuple[int, int, tuple[int, ...] | None]] = []  # (section index, level, number parts)
        self.last_numbers: tuple[int, ...] | None = None
        self.caps_seen = False
        # (in capitals?, written "4."?) of this document's numbered top-level headings, once one is seen
        self.top_style: tuple[bool, bool] | None = None

    def accept(self, block_kind: str, text: str, style_level: int | None) -> Heading | None:
        """Return the heading this block opens, or None if it should be read as body text."""
        if block_kind != "heading":
            return None
        heading = parse_heading(text)
        if style_level is not None:
            return Heading(heading.number if heading else None, heading.title if heading else text, style_level)
        if heading is None:
            if is_caps_heading(text):
                self.caps_seen = True
                return Heading(None, text.strip(), 1)
            # A title the reader found by its font (larger or bold): one level below capitals titles, if any.
            return Heading(None, text.strip(), 2 if self.caps_seen else 1)
        if heading.number and heading.number[0].isdigit():
            if not self._fits(heading.number, heading.title):
                return None  # "2. Age >= 18" inside 5.1 is a list item, not section 2
            if heading.level == 1:
                style = (heading.title.upper() == heading.title, heading.dotted)
                if self.top_style is not None and style != self.top_style:
                    return None  # "4. Prior therapy" among "3 INVESTIGATIONAL PLAN" headings is a list item
                self.top_style = style
        return heading

    def _fits(self, number: str, title: str) -> bool:
        parts = tuple(int(p) for p in number.split("."))
        last, depth = self.last_numbers, len(parts)
        if last is None or (parts == (1,) and is_caps_heading(title)):
            return all(p <= 3 for p in parts) or is_caps_heading(title)
        if depth == len(last) + 1 and parts[:-1] == last:  # first child: 8.4 -> 8.4.1
            return parts[-1] <= 3
        if depth <= len(last) and parts[:-1] == last[: depth - 1]:  # sibling or an ancestor's sibling
            return 0 < parts[-1] - last[depth - 1] <= 3
        return parts[0] == last[0] + 1 and all(p <= 1 for p in parts[1:])  # 8.4 -> 9.1 (9 not detected)

    def push(self, index: int, heading: Heading) -> int | None:
        """Open a section; return its parent's index."""
        while self.stack and self.stack[-1][1] >= heading.level:
            self.stack.pop()
        parent = self.stack[-1][0] if self.stack else None
        numbers = None
        digits = (heading.number or "").split()[-1] if heading.number else ""
        if digits and all(p.isdigit() for p in digits.split(".")):  # "8.4" or "SECTION 8"
            numbers = tuple(int(p) for p in digits.split("."))
            self.last_numbers = numbers
        self.stack.append((index, heading.level, numbers))
        return parent

    @property
    def current(self) -> int | None:
        return self.stack[-1][0] if self.stack else None
