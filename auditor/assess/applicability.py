"""Which regimes a study falls under: inferred from the documents, or stated by a --profile file."""

from __future__ import annotations

import re
from functools import lru_cache

from auditor.assess.evidence import span_evidence
from auditor.assess.model import Applicability
from auditor.document.model import Span
from auditor.document.scan import may_match
from auditor.errors import InputError
from auditor.pack import load_yaml


@lru_cache(maxsize=1)
def _keys() -> dict[str, dict]:
    data = load_yaml("applicability.yml")["keys"]
    return {k: {**v, "_cues": [re.compile(c, re.IGNORECASE) for c in v.get("cues") or []],
                "_negative": [re.compile(c, re.IGNORECASE) for c in v.get("negative") or []],
                "_otherwise": [re.compile(c) for c in v.get("negative_unless_cue") or []]} for k, v in data.items()}


def known_keys() -> list[str]:
    return sorted(_keys())


def infer(bundle, profile: dict | None = None) -> dict[str, Applicability]:
    """The status of every applicability key: the profile's word first, then cues in the documents."""
    seeded = _SEEDED.get(bundle_key(bundle, profile))
    if seeded is not None:
        return dict(seeded)
    keys = _keys()
    out: dict[str, Applicability] = {}
    for key, spec in keys.items():
        stated = (profile or {}).get(key)
        if stated is not None and str(stated).lower() != "unknown":
            status = "applies" if _truthy(stated) else "does_not_apply"
            out[key] = Applicability(key=key, title=spec["title"], status=status, source="profile",
                                     detail="stated in the study profile")
            continue
        out[key] = _detect(key, spec, bundle)
    for key, spec in keys.items():  # implied keys: NIH funding implies federal funding implies the Common Rule
        if out[key].status == "unknown" and out[key].source != "profile":
            for other in spec.get("implied_by") or []:
                if out.get(other) and out[other].status == "applies":
                    out[key] = Applicability(key=key, title=spec["title"], status="applies", source="implied",
                                             detail=f"implied by {other}", evidence=out[other].evidence)
                    break
    return out


# What `infer` found in another process for the same documents and profile (assess.prescan): the last few.
_SEEDED: dict = {}


def bundle_key(bundle, profile: dict | None) -> tuple:
    """What `infer`'s answer depends on: each document's id, content, role and name, and the profile."""
    return (tuple((d.id, d.sha256, d.role, d.name) for d, _ in bundle),
            tuple(sorted((str(k), str(v)) for k, v in (profile or {}).items())))


def seed(bundle, profile: dict | None, found: dict) -> None:
    seed_key(bundle_key(bundle, profile), found)


def seed_key(key: tuple, found: dict) -> None:
    if len(_SEEDED) >= 8:
        _SEEDED.clear()
    _SEEDED[key] = dict(found)


def _detect(key: str, spec: dict, bundle) -> Applicability:
    roles = spec.get("roles")
    documents = [(d, e) for d, e in bundle if not roles or d.role in roles] or list(bundle)
    # A stated negative wins; then a cue; then a weaker negative ("funded by Acme, Inc.") that only counts when
    # no cue for the key is anywhere in the documents.
    for pattern_list, status in ((spec["_negative"], "does_not_apply"), (spec["_cues"], "applies"),
                                 (spec["_otherwise"], "does_not_apply")):
        for document, _ in documents:
            headings = _headings(document) if status == "applies" else ()  # once per document, not per cue
            for pattern in pattern_list:
                match = _first(pattern, document.text, status == "applies", headings)
                if match:
                    evidence = span_evidence(document, _sentence_of(document, match.start(), match.end()),
                                             f"'{match.group()}'")
                    return Applicability(key=key, title=spec["title"], status=status, source="detected",
                                         detail=f"'{match.group()}' in {document.name}", evidence=evidence)
    return Applicability(key=key, title=spec["title"], status="unknown", source="detected",
                         detail="no cue found in the documents")


def _first(pattern: re.Pattern, text: str, affirmative: bool, headings=()):
    """The first match of a cue; for a cue that makes a key apply, the first not in a heading and not denied
    just before or after it in its sentence ("No genomic analysis is planned", "is not an FDA-regulated study",
    "Genotyping is not repeated in this trial")."""
    if not may_match(pattern, text):
        return None
    if not affirmative:
        return pattern.search(text)
    from bisect import bisect_right

    denied, pathogen_before, pathogen_after, denied_after = _denial()
    starts = [s for s, _ in headings]
    for match in pattern.finditer(text):
        at = bisect_right(starts, match.start()) - 1
        if at >= 0 and headings[at][0] <= match.start() < headings[at][1]:
            continue
        before = text[max(0, match.start() - 60) : match.start()]
        before = re.split(r"[.;:!?]\s|\n", before)[-1]
        if not (denied.search(before) or pathogen_before.search(before)
                or pathogen_after.match(text, match.end(), min(len(text), match.end() + 40))
                or denied_after.match(text, match.end(), min(len(text), match.end() + 50))):
            return match
    return None


def _headings(document) -> tuple[tuple[int, int], ...]:
    """(start, end) of the document's heading blocks, in order."""
    return tuple((b.span.start, b.span.end) for b in document.blocks if b.kind == "heading")


@lru_cache(maxsize=1)
def _denial() -> tuple[re.Pattern, re.Pattern, re.Pattern, re.Pattern]:
    """A denial just before a cue; a pathogen's name just before it, or in "of the ..." right after it; a denial
    just after it."""
    data = load_yaml("applicability.yml")
    pathogens = "|".join(re.escape(str(w)) for w in data.get("pathogen_words") or ["(?!)"])
    after = "|".join(re.escape(str(w)).replace(r"\ ", r"\s+") for w in data.get("denial_after_cue") or ["(?!)"])
    verbs = "|".join(re.escape(str(w)).replace(r"\ ", r"\s+") for w in data.get("denied_after_verbs") or ["(?!)"])
    # the denial, then a list of items of at most three words ending at the cue ("No germline or tumor genome, exome
    # or transcriptome sequencing"), then at most three words; a comma before "and" or "but" starts a new clause
    item = r"(?:\W+\w+){1,3}?(?:\s*,(?!\s*(?:and|but)\b)|\s+(?:or|nor)\b)"
    return (re.compile(r"\b(?:" + "|".join(data["denial_before_cue"]) + r")\b(?:" + item + r")*(?:\W+\w+){0,3}\W*$",
                       re.IGNORECASE),
            re.compile(r"(?<![\w-])(?:" + pathogens + r")(?![\w-])(?:\W+\w+){0,2}\W*$", re.IGNORECASE),
            re.compile(r"\w*\s+of\s+(?:the\s+|a\s+)?(?:" + pathogens + r")(?![\w-])", re.IGNORECASE),
            # the cue's word goes on, then at most four words, then the denial: "Genotyping is not repeated"
            re.compile(r"\w*(?:\s+[\w'-]+){0,4}?\s+(?:" + after + r")\s+(?:" + verbs + r")\b", re.IGNORECASE))


def _sentence_of(document, start: int, end: int) -> Span:
    for sentence in document.sentences:
        if sentence.span.start <= start < sentence.span.end:
            return sentence.span
    return Span(start=start, end=end)


def _truthy(value) -> bool:
    return str(value).strip().lower() in {"true", "yes", "1", "applies"}


def load_profile(path: str) -> dict:
    """Read a study profile (YAML mapping of applicability keys to true / false / unknown)."""
    import yaml

    try:
        data = yaml.safe_load(open(path, encoding="utf-8").read()) or {}
    except OSError as exc:
        raise InputError(f"--profile {path}: cannot read ({exc.strerror or exc})") from None
    except yaml.YAMLError as exc:
        raise InputError(f"--profile {path}: invalid YAML ({exc})".replace("\n", " ")) from None
    if not isinstance(data, dict):
        raise InputError(f"--profile {path}: expected a mapping such as 'fda: true'")
    unknown = sorted(set(data) - set(_keys()))
    if unknown:
        raise InputError(f"--profile {path}: unknown key(s) {', '.join(unknown)} (known: {', '.join(known_keys())})")
    return data
