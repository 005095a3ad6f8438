"""Gather the pack's vocabularies into phrase lists for the matchers: materials, actions, places, cues."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from auditor.errors import PackError
from auditor.pack import load_jsonl, load_yaml


@dataclass(frozen=True)
class Phrase:
    label: str  # MATERIAL, ACTION, PLACE, VAGUE_FOREIGN, DOMESTIC
    text: str
    value: str  # material class, action class, ISO code
    exact_case: bool  # proper names are matched on their exact spelling


@dataclass(frozen=True)
class Vocabulary:
    phrases: tuple[Phrase, ...]
    demonyms: dict[str, str]  # "Chinese" -> "CN"
    demonym_nouns: frozenset[str]
    concern: dict[str, dict]  # regime id -> regime (countries, effective, citation)
    country_names: dict[str, str]  # ISO code -> common name
    domestic: frozenset[str]  # ISO codes that count as the United States (US and territories)


def _jsonl_phrases(relative: str) -> list[Phrase]:
    out = []
    for row in load_jsonl(relative):
        try:
            out.append(Phrase(row["label"], row["pattern"], row["id"], bool(row.get("exact_case", False))))
        except KeyError as exc:
            raise PackError(f"models/{relative}: a row lacks field {exc}") from None
    return out


def _country_phrases(countries: list[dict]) -> tuple[list[Phrase], dict[str, str], dict[str, str]]:
    phrases, demonyms, names = [], {}, {}
    for entry in countries:
        code = entry["code"]
        names[code] = entry["name"]
        ambiguous = set(entry.get("ambiguous") or [])
        for name in {entry["name"], entry.get("official") or entry["name"], *(entry.get("aliases") or [])}:
            if name and name not in ambiguous and name.lower() != "korea":
                phrases.append(Phrase("PLACE", name, code, True))
        for demonym in entry.get("demonyms") or []:
            if demonym not in ambiguous:
                demonyms[demonym] = code
    return phrases, demonyms, names


def _city_phrases(cities: list[dict]) -> list[Phrase]:
    return [Phrase("PLACE", name, city["country"], True)
            for city in cities if not city.get("ambiguous")
            for name in [city["name"], *(city.get("aliases") or [])] if name]


def _us_phrases(us: dict) -> list[Phrase]:
    out = []
    for group in ("states", "territories", "cities"):
        for place in us.get(group) or []:
            if not place.get("ambiguous"):
                out.extend(Phrase("PLACE", n, "US", True) for n in [place["name"], *(place.get("aliases") or [])] if n)
    return out


@lru_cache(maxsize=1)
def vocabulary() -> Vocabulary:
    """The whole vocabulary of the pack, loaded once."""
    phrases = []
    for name in ("materials", "actions", "destinations"):
        phrases += _jsonl_phrases(f"patterns/{name}.jsonl")
    countries, demonyms, names = _country_phrases(load_yaml("gazetteers/countries.yml")["countries"])
    phrases += countries
    phrases += _city_phrases(load_yaml("gazetteers/cities.yml")["cities"])
    phrases += _us_phrases(load_yaml("gazetteers/us_places.yml"))
    regimes = load_yaml("gazetteers/regimes.yml")
    return Vocabulary(
        phrases=tuple(phrases), demonyms=demonyms,
        demonym_nouns=frozenset(n.lower() for n in regimes["demonym_nouns"]),
        concern={r["id"]: r for r in regimes["regimes"]}, country_names=names,
        domestic=frozenset(regimes.get("domestic_codes") or ["US"]),
    )
