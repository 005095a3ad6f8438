"""Decide what a place mention means: resolve ambiguous names from their neighbours, drop origins."""

from __future__ import annotations

from functools import lru_cache

from auditor.extract.vocab import vocabulary
from auditor.pack import load_yaml

_NEIGHBOURHOOD = 4  # tokens: "Atlanta, Georgia", "Paris, Texas", "Valencia, Spain"


def resolve_ambiguous(doc, places: list) -> list:
    """Give each ambiguous name the reading its neighbours support, its default, or drop it.

    "Atlanta, Georgia" is the US state; "Tbilisi, Georgia" the country; a bare "Georgia" is dropped; "Moscow"
    alone is Russia unless "Idaho" or ", ID" is next to it. A bare "Korea" never matches at all.
    """
    from spacy.tokens import Span as SpacySpan

    vocab = vocabulary()
    settled = [p for p in places if p.label_ != "AMBIG"]
    out = list(settled)
    for place in places:
        if place.label_ != "AMBIG":
            continue
        candidates = set(place.kb_id_.split("/"))
        code = _from_neighbours(doc, place, settled, candidates, vocab.us_state_codes)
        code = code or vocab.ambiguous_default.get(place.text)
        if code:
            out.append(SpacySpan(doc, place.start, place.end, label="PLACE", kb_id=code))
    return sorted(out, key=lambda s: s.start)


def _from_neighbours(doc, place, settled, candidates: set[str], state_codes) -> str | None:
    near = [s for s in settled if abs(s.start - place.end) <= _NEIGHBOURHOOD or abs(place.start - s.end) <= _NEIGHBOURHOOD]
    for other in sorted(near, key=lambda s: min(abs(s.start - place.end), abs(place.start - s.end))):
        code = "US" if other.kb_id_ in vocabulary().domestic else other.kb_id_
        if code in candidates:
            return code
    following = [t.text for t in doc[place.end : place.end + 3]]
    if "US" in candidates and len(following) >= 2 and following[0] == "," and following[1] in state_codes:
        return "US"  # "Moscow, ID 83843"
    return None


@lru_cache(maxsize=1)
def _list_words() -> frozenset[str]:
    return frozenset(str(w).lower() for w in load_yaml("context/origins.yml")["list_words"])


def drop_origins(doc, places: list, origin_ends: list[int]) -> list:
    """Remove places that follow an origin cue ("collected at sites in China", "shipped from Germany")."""
    if not origin_ends:
        return places
    words = _list_words()
    kept = []
    for place in places:
        if not any(_in_origin_list(doc, end, place, places, words) for end in origin_ends if end <= place.start):
            kept.append(place)
    return kept


def _in_origin_list(doc, cue_end: int, place, places, words) -> bool:
    """True if only list words and other places lie between the origin cue and this place."""
    covered = {i for p in places for i in range(p.start, p.end)}
    return all(i in covered or doc[i].lower_ in words for i in range(cue_end, place.start))
