"""Fast regex scanning of a document: find the sentences a pattern can match before running the pattern.

Python's `re` tries every alternative at every position, so a rule's pattern costs the same on a 300-page
protocol whether it matches or not. Most patterns, though, cannot match without one of a few literal words
("coded", "dbgap", "sequencing"). `required_literals` reads those words out of the parsed pattern; the scanner
finds them with `str.find` on the lower-cased text and runs the pattern only on the sentences that hold one.
The answer is the same as searching every sentence (tested against a plain scan); a pattern with no such words,
or a text whose case folding would not be a plain `str.lower`, gets the plain scan.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from functools import lru_cache

try:  # the regex parser is private to `re`; without it every pattern gets the plain scan
    from re import _constants as C  # noqa: N812  (the sre opcodes)
    from re import _parser as sre_parse
except ImportError:  # pragma: no cover
    C = sre_parse = None


def _fold_table() -> dict[int, int] | None:
    """Characters that IGNORECASE treats as equal beyond str.lower ("ſ" and "s", "µ" and "μ"), mapped to one of
    each class; None if this Python hides the list (then only ASCII text is folded)."""
    try:
        from re._compiler import _EXTRA_CASES
    except ImportError:  # pragma: no cover
        return None
    table: dict[int, int] = {}
    for key, others in _EXTRA_CASES.items():
        group = {key, *others}
        for code in list(group):
            group |= set(_EXTRA_CASES.get(code, ()))
        for code in group:
            table[code] = min(group)
    return table


_FOLD = _fold_table()


def fold(text: str) -> str | None:
    """The text as IGNORECASE compares it, character for character; None if that is not length-preserving."""
    lowered = text.lower()
    if len(lowered) != len(text):
        return None
    if _FOLD is None:
        return lowered if text.isascii() else None
    return lowered if lowered.isascii() else lowered.translate(_FOLD)

_REPEATS = {C.MAX_REPEAT, C.MIN_REPEAT, getattr(C, "POSSESSIVE_REPEAT", C.MAX_REPEAT)} if C else set()
_ZERO_WIDTH = {C.AT} if C else set()
MIN_LITERAL = 3  # shorter words are in nearly every sentence: not worth looking for


@lru_cache(maxsize=2048)
def required_literals(pattern: str) -> frozenset[str] | None:
    """Lower-case strings at least one of which is in every match of `pattern` (compiled case-insensitively),
    or None when no such set of words of at least MIN_LITERAL characters is known."""
    if sre_parse is None:
        return None
    try:
        parsed = sre_parse.parse(pattern, re.IGNORECASE)
    except re.error:
        return None
    found = _sequence(list(parsed))
    if found is None or min(len(s) for s in found) < MIN_LITERAL:
        return None
    # a text holding "vcf files" holds "vcf": looking for the longer one too finds nothing more
    return frozenset(w for w in found if not any(o != w and o in w for o in found))


def _sequence(items) -> frozenset[str] | None:
    """A required set for a sequence: the most selective of its literal runs and its required sub-items."""
    options: list[frozenset[str]] = []
    run: list[str] = []

    def flush():
        if run:
            options.append(frozenset(["".join(run)]))
            run.clear()

    for op, av in items:
        if op is C.LITERAL and fold(chr(av)) is not None:
            run.append(fold(chr(av)))
        elif op in _ZERO_WIDTH:  # \b, ^, $: consume nothing, so the letters either side are adjacent
            continue
        elif op is C.SUBPATTERN:
            flush()
            _add(options, _sequence(list(av[-1])))
        elif op is getattr(C, "ATOMIC_GROUP", None):
            flush()
            _add(options, _sequence(list(av)))
        elif op is C.BRANCH:
            flush()
            branches = [_sequence(list(b)) for b in av[1]]
            if all(b is not None for b in branches):
                _add(options, frozenset().union(*branches))
        elif op in _REPEATS:
            flush()
            low, _high, inner = av
            if low >= 1:
                _add(options, _sequence(list(inner)))
        else:  # a class, any character, a look-around, a back-reference: no literal known, and the run ends
            flush()
    flush()
    if not options:
        return None
    return max(options, key=lambda s: (min(len(x) for x in s), -len(s)))


def _add(options: list, found: frozenset[str] | None) -> None:
    if found:
        options.append(found)


class Lines:
    """Texts (sentences, blocks) joined by newlines, where each starts, and the folded copy literals are looked
    for in. A text may hold newlines of its own; they matter only to patterns using "^", "$" or "." (which the
    sentence lines avoid by turning them into spaces)."""

    def __init__(self, texts: list[str]):
        self.starts: list[int] = []
        position = 0
        for text in texts:
            self.starts.append(position)
            position += len(text) + 1
        self.text = "\n".join(texts)
        self.folded = fold(self.text)

    def end(self, index: int) -> int:
        return self.starts[index + 1] - 1 if index + 1 < len(self.starts) else len(self.text)

    def lines_with(self, literal: str) -> list[int]:
        """Indices of the lines holding the literal, in order."""
        hits: list[int] = []
        text, starts = self.folded, self.starts
        position = text.find(literal)
        while position >= 0:
            index = bisect_right(starts, position) - 1
            hits.append(index)
            position = text.find(literal, self.end(index) + 1)
        return hits

    def first_matches(self, patterns: tuple[str, ...]) -> list[tuple[int, tuple[int, int, str]]]:
        """(line index, (start, end, text) of the leftmost match in that line) for every line that any of the
        patterns matches; each line is searched on its own, so "^", "$" and "." stay inside it.

        Each line is searched with only the patterns whose literal words it holds, joined in their given order:
        a pattern left out cannot match anywhere in the line, so the leftmost-first match is the same as that of
        all the patterns joined, at a fraction of the cost (most lines hold the words of one or two of them)."""
        literal_sets = [required_literals(p) for p in patterns]
        if self.folded is None or any(s is None for s in literal_sets):
            combined = _combined(patterns)
            return [hit for index in range(len(self.starts)) if (hit := self._search(combined, index))]
        holders: dict[int, set[int]] = {}  # line index -> indices of the patterns whose words it holds
        for number, literals in enumerate(literal_sets):
            for literal in literals:
                for index in self.lines_with(literal):
                    holders.setdefault(index, set()).add(number)
        out = []
        for index in sorted(holders):
            hit = self._search(_combined(tuple(patterns[n] for n in sorted(holders[index]))), index)
            if hit:
                out.append(hit)
        return out

    def _search(self, combined: re.Pattern, index: int):
        start = self.starts[index]
        match = combined.search(self.text, start, self.end(index))
        return (index, (match.start() - start, match.end() - start, match.group())) if match else None


@lru_cache(maxsize=4096)
def _combined(patterns: tuple[str, ...]) -> re.Pattern:
    """The patterns as one alternation, in their order, compiled as the rules' text patterns are."""
    return re.compile("|".join(f"(?:{p})" for p in patterns), re.IGNORECASE | re.MULTILINE)


def prepare(patterns: tuple[str, ...]) -> None:
    """Work out, ahead of the first document, what `Lines.first_matches(patterns)` caches: each pattern's literal
    words and the compiled search of each pattern on its own (what a line holding one pattern's words is searched
    with)."""
    for pattern in patterns:
        required_literals(pattern)
        _combined((pattern,))


def may_match(pattern: re.Pattern, text: str) -> bool:
    """False only when the pattern certainly does not match anywhere in text (none of its words is there)."""
    literals = required_literals(pattern.pattern)
    if literals is None or not (pattern.flags & re.IGNORECASE):
        return True
    folded = _fold_kept(text)
    return folded is None or any(literal in folded for literal in literals)


@lru_cache(maxsize=16)  # applicability asks about the same document text for every cue
def _fold_kept(text: str) -> str | None:
    return fold(text)


class FoldedWords:
    """A word-list pattern, "(?<!\\w)(?:word|word...)(?!\\w)" matched case-insensitively, run case-sensitively on
    folded text: the same matches, about five times faster than IGNORECASE on a list of hundreds of words."""

    def __init__(self, words):
        words = sorted(set(words), key=len, reverse=True)
        self._words = words
        self._ignorecase: re.Pattern | None = None  # compiled on first need: only a text fold cannot keep needs it
        folded = [fold(w) for w in words]
        self.folded = re.compile(self._alternation(
            re.escape(f) if f is not None else f"(?i:{re.escape(w)})" for w, f in zip(words, folded)))

    @property
    def ignorecase(self) -> re.Pattern:
        if self._ignorecase is None:
            self._ignorecase = re.compile(self._alternation(re.escape(w) for w in self._words), re.IGNORECASE)
        return self._ignorecase

    @staticmethod
    def _alternation(parts) -> str:
        return r"(?<!\w)(?:" + "|".join(parts) + r")(?!\w)"

    def search(self, text: str) -> bool:
        """True if any of the words is in text as a whole word, in any case."""
        folded = fold(text)
        return bool(self.ignorecase.search(text) if folded is None else self.folded.search(folded))


def sentence_lines(document) -> Lines:
    """The document's sentences as Lines, built once per document (the last few are kept)."""
    key = (document.id, document.sha256)
    cached = _LINES.get(key)
    if cached is None:
        if len(_LINES) >= 8:
            _LINES.clear()
        cached = _LINES[key] = Lines([document.text[s.span.start : s.span.end].replace("\n", " ")
                                      for s in document.sentences])
    return cached


_LINES: dict = {}
