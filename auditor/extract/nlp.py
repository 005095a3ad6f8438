"""The spaCy side: a blank English tokenizer with phrase and token matchers built from the pack."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from auditor.extract.vocab import vocabulary
from auditor.pack import load_yaml

CATEGORIES = ("negated", "historical", "hypothetical", "conditional", "possible")  # precedence, strongest first


@dataclass
class Matchers:
    nlp: object
    lower: object  # PhraseMatcher on LOWER: vocabulary and cues
    exact: object  # PhraseMatcher on ORTH: proper names
    demonym: object  # Matcher: demonym + organisation noun; capitalised name + lab suffix
    material_filter: re.Pattern  # cheap pre-filter: does a sentence mention a material at all?
    demonym_filter: re.Pattern  # cheap pre-filter: can `demonym` match at all (is one of its required words there)?


def import_spacy():
    """Import spaCy without its command-line stack.

    `import spacy` runs `from .cli.info import info`, which imports spaCy's whole CLI (weasel, typer, httpx,
    requests): about a quarter of spaCy's import time, and none of it is used here (a blank tokenizer and the
    matchers). While spaCy imports, `spacy.cli` and `spacy.cli.info` are stand-ins; afterwards they are taken out
    of `sys.modules` again, so a later `import spacy.cli` loads the real one, and `spacy.info` loads it on first
    call. If anything about this fails (another spaCy version), spaCy is imported the ordinary way."""
    import sys
    import types

    if "spacy" in sys.modules:
        return sys.modules["spacy"]
    cli, info = types.ModuleType("spacy.cli"), types.ModuleType("spacy.cli.info")
    cli.__path__ = []  # a package, so that "spacy.cli.info" can be its submodule

    def real_info(*args, **kwargs):
        from spacy.cli.info import info as loaded

        return loaded(*args, **kwargs)

    info.info = real_info
    cli.info = info
    stand_ins = {"spacy.cli": cli, "spacy.cli.info": info}
    sys.modules.update(stand_ins)
    try:
        import spacy
    except Exception:  # pragma: no cover - a spaCy that needs more of its CLI at import
        for name in [n for n in sys.modules if n == "spacy" or n.startswith("spacy.")]:
            del sys.modules[name]
        import spacy

        return spacy
    finally:
        for name, module in stand_ins.items():
            if sys.modules.get(name) is module:
                del sys.modules[name]
    if getattr(spacy, "cli", None) is cli:
        del spacy.cli
    return spacy


@lru_cache(maxsize=1)
def matchers() -> Matchers:
    """Build the tokenizer and matchers once per process."""
    spacy = import_spacy()
    from spacy.matcher import Matcher, PhraseMatcher

    nlp = spacy.blank("en")
    vocab = vocabulary()
    lower = PhraseMatcher(nlp.vocab, attr="LOWER")
    exact = PhraseMatcher(nlp.vocab, attr="ORTH")
    groups: dict[tuple[str, str, bool], set[str]] = {}
    for phrase in vocab.phrases:
        key = (f"{phrase.label}|{phrase.value}", phrase.exact_case)
        variants = {phrase.text}
        if phrase.exact_case and len(phrase.text) >= 4:
            variants.add(phrase.text.upper())  # headings and table cells in capitals
        variants |= {v.replace("'", "\u2019") for v in variants if "'" in v}  # typographic apostrophes in PDFs
        groups.setdefault((*key,), set()).update(variants)
    for (key, exact_case), texts in groups.items():
        (exact if exact_case else lower).add(key, list(nlp.tokenizer.pipe(sorted(texts))))
    _add_cues(nlp, lower)
    demonym = Matcher(nlp.vocab)
    demonym.add("DEMONYM", [[{"ORTH": {"IN": sorted(vocab.demonyms)}}, {"LOWER": {"IN": sorted(vocab.demonym_nouns)}}]])
    suffixes = sorted({t.text for s in vocab.lab_suffixes for t in nlp.make_doc(s)[-1:]})
    # "Moscow Mountain Bioinformatics, LLC": the legal form may follow a comma
    demonym.add("LABNAME", [[{"IS_TITLE": True}, {"IS_TITLE": True, "OP": "*"}, {"ORTH": ",", "OP": "?"},
                             {"ORTH": {"IN": suffixes}}]], greedy="LONGEST")
    words = sorted({p.text.lower() for p in vocab.phrases if p.label == "MATERIAL"}, key=len, reverse=True)
    material_filter = re.compile(r"\b(?:" + "|".join(re.escape(w) for w in words) + r")\b", re.IGNORECASE)
    return Matchers(nlp, lower, exact, demonym, material_filter, required_words_filter([*vocab.demonyms, *suffixes]))


def required_words_filter(words) -> re.Pattern:
    """A pattern that finds, case-sensitively, every place where one of `words` could be a whole token.

    Every pattern of the token Matcher needs a token whose ORTH is one of these words (a demonym, or a lab suffix
    ending a name), and spaCy splits a token off inside a run of word characters only for contractions and
    units after numbers, which none of these words is; so a sentence with no such word (not touching a word
    character either side) cannot match, and the Matcher, about a third of extraction's time, is skipped for it.
    (tests/test_scan.py checks the filter against the Matcher on every sample sentence.)"""
    alternatives = "|".join(re.escape(w) for w in sorted(set(words), key=len, reverse=True))
    return re.compile(rf"(?<!\w)(?:{alternatives})(?!\w)")


def _add_cues(nlp, matcher) -> None:
    data = load_yaml("context/triggers.yml")
    matcher.add("TERM", list(nlp.tokenizer.pipe([str(t) for t in data["terminators"]])))
    matcher.add("PSEUDO", list(nlp.tokenizer.pipe([str(t) for t in data.get("pseudo") or []])))
    matcher.add("MODAL", list(nlp.tokenizer.pipe([str(t) for t in data.get("modal_verbs") or []])))
    matcher.add("VERBAL", list(nlp.tokenizer.pipe([str(t) for t in data.get("verbal_negation") or []])))
    origins = load_yaml("context/origins.yml")
    matcher.add("ORIGIN", list(nlp.tokenizer.pipe([str(t) for t in origins["origin_cues"] + origins["authority_cues"]])))
    for category, directions in data["triggers"].items():
        if category not in CATEGORIES:
            continue
        for direction, phrases in directions.items():
            matcher.add(f"CUE|{category}|{direction}", list(nlp.tokenizer.pipe([str(p) for p in phrases])))
