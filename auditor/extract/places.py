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
    unsettled = [p for p in places if p.label_ == "AMBIG"]
    for place in unsettled:
        candidates = set(place.kb_id_.split("/"))
        code = _from_neighbours(doc, place, settled, candidates, vocab.us_state_codes)
        code = code or _shared_reading(place, candidates, unsettled) or vocab.ambiguous_default.get(place.text)
        if code:
            out.append(SpacySpan(doc, place.start, place.end, label="PLACE", kb_id=code))
        elif len(candidates) > 1 and "US" not in candidates:  # "Korea": abroad, but which country is not said
            out.append(SpacySpan(doc, place.start, place.end, label="VAGUE_FOREIGN", kb_id="FOREIGN"))
    return sorted(out, key=lambda s: s.start)


def _shared_reading(place, candidates: set[str], unsettled) -> str | None:
    """Two ambiguous names side by side with one reading in common ("Columbus, Georgia" -> US)."""
    for other in unsettled:
        if other is not place and (abs(other.start - place.end) <= 2 or abs(place.start - other.end) <= 2):
            common = candidates & set(other.kb_id_.split("/"))
            if len(common) == 1:
                return common.pop()
    return None


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
def _origin_stops() -> frozenset[str]:
    return frozenset(str(w).lower() for w in load_yaml("context/origins.yml")["origin_stops"])


def drop_origins(doc, places: list, origin_ends: list[int]) -> list:
    """Remove places inside an origin phrase ("collected at sites in China", "from the facility in China")."""
    if not origin_ends:
        return places
    stops = _origin_stops()
    covered: set[int] = set()
    for end in origin_ends:
        index = end
        while index < len(doc) and doc[index].lower_ not in stops:
            covered.add(index)
            index += 1
    return [p for p in places if p.start not in covered]
