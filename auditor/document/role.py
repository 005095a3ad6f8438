"""Decide from its content whether a document is a protocol or a consent form."""

from __future__ import annotations

import re
from functools import lru_cache

from auditor.pack import load_yaml

_WORD = re.compile(r"[a-z']+")


@lru_cache(maxsize=1)
def _cues() -> dict[str, dict[str, re.Pattern]]:
    data = load_yaml("patterns/roles.yml")
    out = {}
    for role in ("consent", "protocol"):
        out[role] = {
            part: re.compile(r"\b(?:" + "|".join(re.escape(c) for c in data[role][part]) + r")\b")
            for part in ("title", "body")
        }
    return out


def detect_role(text: str) -> tuple[str, str]:
    """Return (role, evidence): "consent", "protocol" or "unknown", and why."""
    lowered = text.lower()
    words = max(1, len(_WORD.findall(lowered[:400_000])))
    scores, reasons, hits, rates = {}, {}, {}, {}
    for role, cues in _cues().items():
        title_hits = sorted(set(cues["title"].findall(lowered[:3000])))
        body_rate = 1000 * len(cues["body"].findall(lowered[:400_000])) / words
        scores[role] = 10 * len(title_hits) + body_rate
        hits[role], rates[role] = len(title_hits), body_rate
        reasons[role] = f"title cues {title_hits[:4]}, body cues {body_rate:.0f} per 1,000 words"
    role = max(scores, key=scores.get)
    other = "protocol" if role == "consent" else "consent"
    titles, rate = hits[role], rates[role]
    # A consent form speaks to "you" throughout; a protocol names itself or speaks of subjects and investigators.
    confident = (rate >= 15 and (titles or rate >= 35)) if role == "consent" else (titles or rate >= 10)
    if not confident or scores[role] < 5 or scores[role] < 1.3 * scores[other]:
        return "unknown", f"no clear signal (consent: {reasons['consent']}; protocol: {reasons['protocol']})"
    return role, f"detected from content: {reasons[role]}"
