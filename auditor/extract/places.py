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
        code = code or _address_country(doc, place, settled, unsettled, vocab)
        code = code or _shared_reading(place, candidates, unsettled) or vocab.ambiguous_default.get(place.text)
        if code:
            out.append(SpacySpan(doc, place.start, place.end, label="PLACE", kb_id=code))
        elif len(candidates) > 1 and "US" not in candidates:  # "Korea": abroad, but which country is not said
            out.append(SpacySpan(doc, place.start, place.end, label="VAGUE_FOREIGN", kb_id="FOREIGN"))
    return _us_namesakes(doc, sorted(out, key=lambda s: s.start))


def _us_namesakes(doc, places: list) -> list:
    """A foreign name written as a US address is the US town of that name: "Canton, Massachusetts", "Lima,
    Ohio", "Mexico, Missouri 65265". For a country's name ("Mexico", "Lebanon") the state must end the address
    (no list of places going on after it), so that a list ("to Mexico, Texas and Peru") keeps Mexico."""
    from spacy.tokens import Span as SpacySpan

    vocab = vocabulary()
    foreign_starts = {p.start for p in places if p.kb_id_ not in vocab.domestic}  # "Tbilisi, Georgia": the country
    starts = {p.start for p in places}
    us_starts = frozenset(p.start for p in places if p.kb_id_ in vocab.domestic and p.text in vocab.country_words)
    out = []
    for place in places:
        state = _state_after(doc, place.end, vocab) if place.kb_id_ not in vocab.domestic else None
        if state is not None and place.end + 1 in foreign_starts:
            state = None
        if state is not None:
            is_country = place.text in vocab.country_words
            if not is_country or not _list_goes_on(doc, state, starts, us_starts):
                out.append(SpacySpan(doc, place.start, place.end, label="PLACE", kb_id="US"))
                continue
        out.append(place)
    return out


def _list_goes_on(doc, index: int, starts: set[int], us_starts: frozenset[int] = frozenset()) -> bool:
    """After "Mexico, Texas": does a list of places go on ("and Peru", ", Peru")? Then Mexico is the country.
    The country closing a US address ("China, Maine, USA") ends it; it goes on no list."""
    if index >= len(doc):
        return False
    word = doc[index].text.lower()
    if word in ("and", "or", "&"):
        return True
    return word == "," and index + 1 in starts and index + 1 not in us_starts


def _state_after(doc, index: int, vocab) -> int | None:
    """The token index after a US state name or code that follows ", " at `index`, or None."""
    if index >= len(doc) or doc[index].text != ",":
        return None
    for width in (3, 2, 1):  # "New Hampshire", "District of Columbia", "Ohio", "MA"
        words = doc[index + 1 : index + 1 + width]
        if len(words) == width and (words.text in vocab.us_state_names or (width == 1 and words.text in vocab.us_state_codes)):
            return index + 1 + width
    return None


def _address_country(doc, place, settled, unsettled, vocab) -> str | None:
    """The foreign country that ends the comma-separated address an ambiguous name stands in: "Edificio Forum II,
    Santa Ana, San Jose, Costa Rica" puts this Santa Ana in Costa Rica, though the gazetteer knows only the
    Californian and the Salvadoran one (the address, not the name, says where it is). Places joined by anything
    but commas ("Paris and Berlin, Germany") are no address."""
    starts = {p.start: p for p in (*settled, *unsettled)}
    settled_starts = {p.start for p in settled}
    index = place.end
    while index + 1 < len(doc) and doc[index].text == ",":
        following = starts.get(index + 1)
        if following is None:
            return None
        if following.start in settled_starts:
            code = "US" if following.kb_id_ in vocab.domestic else following.kb_id_
            return code if code != "US" else None
        index = following.end
    return None


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
        if _accessed_from(doc, end):
            continue
        index = end
        while index < len(doc) and doc[index].lower_ not in stops:
            covered.add(index)
            index += 1
    return [p for p in places if p.start not in covered]


_PASSIVE = frozenset({"is", "are", "was", "were", "be", "been", "being"})


def _accessed_from(doc, end: int) -> bool:
    """'From Caracas they access, remotely, the genotype matrix': a sentence opening with "from" whose clause has an
    active receiving verb ('access', 'download') says where the receiver works, not where material comes from."""
    from auditor.extract.flows import _receiving_actions

    opening = [t for t in doc[: max(0, end - 1)] if not (t.like_num or t.is_punct)]
    if opening or end == 0 or doc[end - 1].lower_ != "from":
        return False
    receiving = _receiving_actions()
    for index in range(end, min(len(doc), end + 8)):
        if doc[index].lower_ in receiving:
            return doc[index - 1].lower_ not in _PASSIVE
    return False
