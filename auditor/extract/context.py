"""ConText-style modality: which negation, hedge, condition or history cue governs a token."""

from __future__ import annotations

from dataclasses import dataclass

from auditor.extract.nlp import CATEGORIES


@dataclass(frozen=True)
class Scope:
    category: str
    start: int  # token index, inclusive
    end: int  # token index, exclusive
    cue_start: int
    cue_end: int


def scopes(cues: list[tuple[str, str, int, int]], terminators: list[int], length: int,
           verbal: set[int] = frozenset(), modals: list[int] = (), parentheses=(), clauses=()) -> list[Scope]:
    """Turn cues (category, direction, start, end in tokens) into the token ranges they govern.

    A verbal negation (a cue starting at a token in `verbal`) also stops at the next modal verb. A cue inside a
    conditional clause (`clauses`: token ranges from "if" to the comma that ends it) stops at that comma: in
    "if no laboratory in the United States can perform a test, cells may be sent abroad" the "no" is the
    condition's, not the main clause's.
    """
    out = []
    for category, direction, start, end in cues:
        if direction in ("forward", "both"):
            limits = [t for t in terminators if t >= end]
            if category == "negated" and start in verbal:
                limits += [m for m in modals if m >= end]
            limits += [close for open_, close in parentheses if open_ < start < close]
            if category != "conditional":
                limits += [close for open_, close in clauses if open_ < start < close]
            stop = min(limits + [length])
            out.append(Scope(category, end, stop, start, end))
        if direction in ("backward", "both"):
            begin = max([t + 1 for t in terminators if t < start] + [0]
                        + [open_ + 1 for open_, close in parentheses if open_ < start < close])
            out.append(Scope(category, begin, start, start, end))
    return out


def governing(scope_list: list[Scope], token: int) -> Scope | None:
    """The strongest cue whose scope covers a token (negated > historical > conditional > possible)."""
    covering = [s for s in scope_list if s.start <= token < s.end]
    if not covering:
        return None
    return min(covering, key=lambda s: (CATEGORIES.index(s.category), token - s.cue_start))
