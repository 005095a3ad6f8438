"""The literal pre-filter finds exactly what a plain sentence-by-sentence regex search finds."""

from __future__ import annotations

import re
from functools import lru_cache

import pytest
from auditor.document.scan import Lines, fold, may_match, required_literals
from auditor.pack import list_files, load_yaml
from conftest import SAMPLES


@lru_cache(maxsize=1)
def text_filters() -> tuple[dict, ...]:
    """Every text filter of the rule catalogue (the mappings under `text:` and `no_text:`)."""
    found: list[dict] = []

    def walk(node, under_text=False):
        if isinstance(node, dict):
            if under_text:
                found.append(node)
            for key, value in node.items():
                if key in ("elements", "foreign_elements", "statements") and isinstance(value, dict):
                    # a kind's labelled pattern lists, each scanned as one text filter (ICF-002's elements,
                    # ICF-004's two statements)
                    found.extend({"any": list(v)} for v in value.values() if isinstance(v, list))
                    continue
                walk(value, key in ("text", "no_text"))
        elif isinstance(node, list):
            for item in node:
                walk(item)

    for relative in list_files("rules", ".yml"):
        walk(load_yaml(relative))
    return tuple(found)


@lru_cache(maxsize=1)
def pack_patterns() -> list[str]:
    """Every text pattern in the rule catalogue and the applicability cues."""
    found = [str(p) for spec in text_filters() for key in ("any", "all") for p in spec.get(key) or []]
    for spec in load_yaml("applicability.yml")["keys"].values():
        found.extend(spec.get("cues") or [])
        found.extend(spec.get("negative") or [])
    return found


def plain(lines: Lines, pattern: str):
    compiled = re.compile(pattern, re.IGNORECASE | re.MULTILINE)
    out = []
    for index, start in enumerate(lines.starts):
        match = compiled.search(lines.text, start, lines.end(index))
        if match:
            out.append((index, (match.start() - start, match.end() - start, match.group())))
    return out


@pytest.mark.parametrize(("pattern", "expected"), [
    (r"\b(?:key[- ])?coded\b", {"coded"}),
    (r"\bde-?identifi", {"identifi"}),
    (r"^(?!.*\bnot\b).*\b(?:BGI|MGI Tech)\b", {"bgi", "mgi tech"}),
    (r"\bgenetic (?:test(?:s|ing)?|research)\b", {"genetic "}),
    (r"(?:x|)abc", {"abc"}),
    (r"a?b", None),            # nothing is required
    (r"(?:foo|b)", None),       # one alternative is too short to look for
    (r"[a-z]+ing", {"ing"}),
    (r"(?:sample)+s", {"sample"}),
])
def test_required_literals(pattern, expected):
    assert required_literals(pattern) == (frozenset(expected) if expected is not None else None)


def test_case_folding_beyond_lower():
    """IGNORECASE matches "ſ" with "s" and "µ" with "μ"; the folded text must too, or fall back."""
    assert fold("Conſent µg") == fold("consent μg")
    assert fold("İstanbul") is None  # lower() would lengthen it: no literal search on such text
    for text in ("The ſample was coded.", "İstanbul: samples were coded.", "The SAMPLE was CODED."):
        lines = Lines([text, "Nothing here."])
        for pattern in (r"\bsample\b", r"\bcoded\b"):
            assert lines.first_matches((pattern,)) == plain(lines, pattern), (text, pattern)
            assert may_match(re.compile(pattern, re.IGNORECASE), text) or not plain(lines, pattern)


SYNTHETIC = [
    "Coded samples will be shipped to BGI in Shenzhen for whole genome sequencing.",
    "Samples will not be sent to BGI.",
    "The FDA may inspect your research records.",
    "Your de-identified samples may be used for future research without additional consent.",
    "We will not sell your samples. Genetic testing results will not be returned to you.",
    "A copy of this form will be given to you.",
    "This study is funded by the National Institutes of Health (NIH).",
    "Whole-genome sequencing will be performed; data will be deposited in dbGaP under controlled access.",
    "Samples may be sent across the border; you may be asked to carry your cell product.",
]


@lru_cache(maxsize=1)
def pack_pattern_lists() -> list[tuple[str, ...]]:
    """Every "any" list of the rule catalogue, as the rules scan it (several patterns joined), and one long
    list of many rules' patterns together, so that lines holding the words of several patterns are met."""
    found = {tuple(str(v) for v in spec["any"]) for spec in text_filters() if len(spec.get("any") or []) > 1}
    return sorted(found) + [tuple(pack_patterns()[::3])]


@pytest.mark.parametrize("patterns", pack_pattern_lists())
def test_pattern_lists_find_what_one_alternation_finds(patterns, sample_texts):
    """Searching each line with only the patterns whose words it holds gives the leftmost-first match of the
    whole alternation."""
    for texts in sample_texts:
        lines = Lines(texts)
        assert lines.first_matches(patterns) == plain(lines, "|".join(f"(?:{p})" for p in patterns))


@pytest.mark.parametrize("pattern", pack_patterns())
def test_prefilter_equals_plain_scan_on_pack_patterns(pattern, sample_texts):
    for texts in sample_texts:
        lines = Lines(texts)
        assert lines.first_matches((pattern,)) == plain(lines, pattern)


@pytest.fixture(scope="module")
def sample_texts():
    """Sentences of the bundled sample and evaluation documents, plus a few written to hit the patterns."""
    from auditor.document.build import build
    from auditor.ingest import ingest

    out = [SYNTHETIC]
    for path in sorted(SAMPLES.rglob("*.txt"))[:40]:
        document = build(ingest(path), "D1", None)
        out.append([document.text[s.span.start : s.span.end].replace("\n", " ") for s in document.sentences])
    return out


def test_folded_words_match_like_ignorecase():
    from auditor.document.scan import FoldedWords

    words = ["Synlab", "central laboratory", "BGI", "Laboratoire Cerba", "İnönü Lab", "µ-Lab", "ſpecial"]
    finder = FoldedWords(words)
    texts = ["Samples go to SYNLAB.", "the Central  Laboratory", "the central laboratory", "BGIs are not",
             "İnönü Lab, Ankara", "inönü lab", "μ-LAB", "special", "Laboratoire cerba, Paris", "nothing"]
    plain = re.compile(r"(?<!\w)(?:" + "|".join(re.escape(w) for w in words) + r")(?!\w)", re.IGNORECASE)
    for text in texts:
        assert finder.search(text) == bool(plain.search(text)), text


def test_demonym_filter_never_hides_a_matcher_match(sample_texts):
    """The token Matcher (demonyms, lab names) is skipped on sentences the filter rejects: on every sample
    sentence, and on words glued to punctuation, hyphens and digits, the Matcher finds nothing there."""
    from auditor.extract.nlp import matchers

    m = matchers()
    tricky = ["German-based Labs, Inc. tested them.", "(Chinese)investigators", "Helix Genomics' lab", "10Lab",
              "THE CHINESE LAB", "Synlab Ltd.'s Biobank", "Kyiv/Ukrainian partners", "a Lab-on-chip", "Co.,Ltd."]
    sentences = [s for texts in sample_texts for s in texts] + tricky
    rejected = 0
    for text in sentences:
        doc = m.nlp.make_doc(text)
        if not m.demonym_filter.search(text):
            rejected += 1
            assert not m.demonym(doc), text
    assert rejected > len(sentences) // 2  # the filter must also be worth having


def test_required_literals_drop_words_that_hold_another_of_them():
    from auditor.document.scan import required_literals

    assert required_literals(r"\b(?:VCF files|VCF|gVCF|FASTQ files|FASTQ)\b") == frozenset({"vcf", "fastq"})
