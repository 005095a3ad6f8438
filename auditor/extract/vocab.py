"""Gather the pack's vocabularies into phrase lists for the matchers: materials, actions, places, cues."""

from __future__ import annotations

from dataclasses import dataclass, field
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
    ambiguous: dict[str, frozenset[str]]  # "Georgia" -> {"GE", "US"}: matched, then resolved by context
    ambiguous_default: dict[str, str]  # "Moscow" -> "RU": the reading when the context does not decide
    us_state_codes: frozenset[str]  # "GA", "CA": a state code after a city settles it in the US
    organisations: dict[str, dict]  # organisation id -> entry of organisations.yml
    lab_suffixes: tuple[str, ...]  # words that end a laboratory or company name ("GmbH", "Laboratories")
    parts_of: dict[str, str] = field(default_factory=dict)  # "MO" -> "CN": an address naming both is in the part
    us_state_names: frozenset[str] = frozenset()  # "Massachusetts", "Georgia": a state after a city settles it in the US
    country_words: frozenset[str] = frozenset()  # every name, official name and alias of a country

    def one_country(self, codes) -> str | None:
        """The country a set of place codes names, if one: {"MO", "CN"} (Macau, China) is MO."""
        codes = set(codes)
        if len(codes) == 2:
            parts = {c for c in codes if self.parts_of.get(c) in codes}
            if len(parts) == 1:
                return parts.pop()
        return next(iter(codes)) if len(codes) == 1 else None


def seed(built: Vocabulary) -> None:
    """Take the vocabulary another process built from this pack, unless this one has built it already."""
    if vocabulary.cache_info().currsize == 0:
        _SEEDED[:] = [built]


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


def _ambiguous_names(countries, cities, us: dict, domestic) -> dict[str, frozenset[str]]:
    """Every name marked ambiguous in a gazetteer, with all the places (ISO codes) it can name."""
    names: dict[str, set[str]] = {}
    for entry in countries:
        for name in entry.get("ambiguous") or []:
            names.setdefault(name, set()).add(entry["code"])
    for city in cities:
        if city.get("ambiguous"):
            for name in [city["name"], *(city.get("aliases") or [])]:
                names.setdefault(name, set()).add(city["country"])
    for group in ("states", "territories", "cities"):
        for place in us.get(group) or []:
            if place.get("ambiguous"):
                for name in [place["name"], *(place.get("aliases") or [])]:
                    names.setdefault(name, set()).add("US")
    # A name with one candidate is ambiguous with a word or a person ("Chad", "Jordan"), not another place.
    return {n: frozenset("US" if c in domestic else c for c in codes) for n, codes in names.items()}


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


_SEEDED: list[Vocabulary] = []  # built by another process from the same pack (see auditor.pipeline.read_all)


@lru_cache(maxsize=1)
def vocabulary() -> Vocabulary:
    """The whole vocabulary of the pack, loaded once."""
    if _SEEDED:
        return _SEEDED[0]
    phrases = []
    for name in ("materials", "actions", "destinations"):
        phrases += _jsonl_phrases(f"patterns/{name}.jsonl")
    country_entries = load_yaml("gazetteers/countries.yml")["countries"]
    countries, demonyms, names = _country_phrases(country_entries)
    phrases += countries
    cities = load_yaml("gazetteers/cities.yml")["cities"]
    us = load_yaml("gazetteers/us_places.yml")
    phrases += _city_phrases(cities)
    phrases += _us_phrases(us)
    orgs = load_yaml("gazetteers/organisations.yml")
    organisations = {o["id"]: o for o in orgs["organisations"]}
    for org in organisations.values():
        phrases += [Phrase("ORG", n, org["id"], True) for n in [org["name"], *(org.get("aliases") or [])] if n]
    phrases += [Phrase("ROLE", str(r), str(r).lower(), False) for r in orgs.get("role_nouns") or []]
    regimes = load_yaml("gazetteers/regimes.yml")
    domestic = frozenset(regimes.get("domestic_codes") or ["US"])
    ambiguous = _ambiguous_names(country_entries, cities, us, domestic)
    regions = load_yaml("gazetteers/regions.yml")
    phrases += [Phrase("VAGUE_FOREIGN", str(r), "FOREIGN", True) for r in regions.get("vague_regions") or []]
    for name, codes in (regions.get("ambiguous_foreign") or {}).items():
        ambiguous[name] = frozenset(ambiguous.get(name, frozenset()) | set(codes))
    plain = {p.text: p.value for p in phrases if p.label == "PLACE"}
    defaults = {name: plain[name] for name in ambiguous if name in plain}
    ambiguous = {name: codes | ({defaults[name]} if name in defaults else set()) for name, codes in ambiguous.items()}
    phrases = [p for p in phrases if not (p.label == "PLACE" and p.text in ambiguous)]
    phrases += [Phrase("AMBIG", name, "/".join(sorted(codes)), True) for name, codes in ambiguous.items()]
    return Vocabulary(
        phrases=tuple(phrases), demonyms=demonyms,
        demonym_nouns=frozenset(n.lower() for n in regimes["demonym_nouns"]),
        concern={r["id"]: r for r in regimes["regimes"]}, country_names=names,
        domestic=domestic, ambiguous=ambiguous, ambiguous_default=defaults, organisations=organisations,
        lab_suffixes=tuple(str(x) for x in orgs.get("lab_name_suffixes") or []),
        parts_of={str(k): str(v) for k, v in (regimes.get("parts_of_countries") or {}).items()},
        country_words=frozenset(names.values()) | frozenset(
            str(n) for c in country_entries for n in [c.get("official"), *(c.get("aliases") or [])] if n),
        us_state_names=frozenset(n for p in [*(us.get("states") or []), *(us.get("territories") or [])]
                                 for n in [p["name"], *(p.get("aliases") or [])] if n),
        us_state_codes=frozenset(p["code"] for p in [*(us.get("states") or []), *(us.get("territories") or [])]
                                 if p.get("code")),
    )
