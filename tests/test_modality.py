"""Sentence -> sample flows through the real pipeline: destinations, countries and ConText modality."""

from __future__ import annotations

import pytest

from auditor.document.build import build
from auditor.extract import extract
from auditor.ingest import ingest

NONE: set = set()


def _case(sentence, expected, id):
    return pytest.param(sentence, expected, id=id)


def _bug(sentence, expected, reason, id):
    return pytest.param(sentence, expected, marks=pytest.mark.xfail(strict=True, reason=reason), id=id)


CASES = [
    # modality
    ("Samples will be shipped to a laboratory in Germany.", {("country", "DE", "asserted")}),
    ("Samples will not be sent outside the United States.", {("vague_foreign", None, "negated")}),
    ("No samples will be sent to China.", {("country", "CN", "negated")}),
    ("Samples will never be shipped to Russia.", {("country", "RU", "negated")}),
    ("Your samples won't be sent to China.", {("country", "CN", "negated")}),
    ("Under no circumstances will samples be sent to China.", {("country", "CN", "negated")}),
    ("Shipment of samples to China is not planned.", {("country", "CN", "negated")}),
    # a 'not' before a participle with no auxiliary negates only its phrase, up to the comma (round 15)
    ("To aid interpretation of variants in genes not previously associated with IEI, de-identified variant-level data "
     "are shared with collaborators at the Alborz Institute of Pediatric Immunology, Tehran, for comparison.",
     {("country", "IR", "asserted")}),
    ("Samples not used for the assay, together with the slides, will be shipped to Beijing.", {("country", "CN", "asserted")}),
    ("Samples will not be shipped to Beijing, and data stay here.", {("country", "CN", "negated")}),
    # a negation inside the "if" clause is the condition's, not the main clause's
    ("In rare cases, if no laboratory in the United States can perform a special test, some cells may be sent to a "
     "specialized laboratory abroad.", {("vague_foreign", None, "conditional"),
                                         ("domestic", "US", "conditional")}),  # the condition's own laboratory
    ("Samples will no longer be sent to China.", {("country", "CN", "negated")}),
    ("Samples will not be shipped to China or Russia.", {("country", "CN", "negated"), ("country", "RU", "negated")}),
    ("Samples may be sent to laboratories in Switzerland.", {("country", "CH", "possible")}),
    ("Samples might be transferred to Brazil.", {("country", "BR", "possible")}),
    ("Samples can be sent to Germany.", {("country", "DE", "possible")}),
    ("Samples will be sent to Germany as needed.", {("country", "DE", "possible")}),
    # conditional outranks possible ("If ... could"): the transfer depends on the condition, so this is defensible
    ("If additional testing is needed, RNA could be sent to a lab in Hong Kong.", {("country", "HK", "conditional")}),
    ("Samples will be shipped to Germany if additional testing is needed.", {("country", "DE", "conditional")}),
    ("In the event of a shipping delay, samples will be shipped to Canada.", {("country", "CA", "conditional")}),
    ("Samples will be sent to Germany.  Samples will not be sent to China.",
     {("country", "DE", "asserted"), ("country", "CN", "negated")}),
    ("Samples will not be sold but may be sent to a laboratory in Germany.", {("country", "DE", "possible")}),
    ("Samples will be sent to Germany, not China.", {("country", "DE", "asserted"), ("country", "CN", "negated")}),
    ("Samples will be shipped to Germany but not to China.",
     {("country", "DE", "asserted"), ("country", "CN", "negated")}),
    ("Samples were previously sent to a laboratory in Russia.", {("country", "RU", "historical")}),
    ("Samples were formerly shipped to India; they will now be shipped to Germany.",
     {("country", "IN", "historical"), ("country", "DE", "asserted")}),
    # pseudo-triggers are not cues
    ("If you agree, your samples will be sent to Japan.", {("country", "JP", "asserted")}),
    ("No later than 30 days after collection, samples will be shipped to Germany.", {("country", "DE", "asserted")}),
    ("Samples will be shipped to Germany at no cost to you.", {("country", "DE", "asserted")}),
    # country resolution
    ("Blood samples will be shipped to a laboratory in Taiwan.", {("country", "TW", "asserted")}),
    ("Samples will be sent to Taipei.", {("country", "TW", "asserted")}),
    ("Tissue will be sent to a laboratory in South Korea.", {("country", "KR", "asserted")}),
    ("Samples will be sent to North Korea.", {("country", "KP", "asserted")}),
    # ambiguous between North and South: abroad, but never read as North Korea
    ("Tissue will be sent to a laboratory in Korea.", {("vague_foreign", None, "asserted")}),
    ("Samples will be shipped to Macau.", {("country", "MO", "asserted")}),
    ("Samples will be shipped to Macao.", {("country", "MO", "asserted")}),
    ("Samples will be shipped to a laboratory in Hong Kong.", {("country", "HK", "asserted")}),
    ("Samples will be sent to Hong Kong, China.", {("country", "HK", "asserted")}),
    ("Samples will be shipped to a laboratory in the People's Republic of China.", {("country", "CN", "asserted")}),
    ("Samples will be sent to the PRC.", {("country", "CN", "asserted")}),
    ("Samples will be shipped to the Russian Federation.", {("country", "RU", "asserted")}),
    ("Samples will be sent to a laboratory in the U.K.", {("country", "GB", "asserted")}),
    ("Samples will be shipped to Georgia.", NONE),  # ambiguous: the country or the US state
    ("Samples will be shipped to a laboratory in Shanghai.", {("country", "CN", "asserted")}),
    ("Plasma will be sent to a laboratory in Moscow.", {("country", "RU", "asserted")}),
    ("Samples will be sent to St. Petersburg.", {("country", "RU", "asserted")}),
    ("Serum will be shipped to Tehran.", {("country", "IR", "asserted")}),
    ("Tissue will be sent to Havana.", {("country", "CU", "asserted")}),
    ("DNA will be sent to Caracas for analysis.", {("country", "VE", "asserted")}),
    ("Samples will be sent to Pyongyang.", {("country", "KP", "asserted")}),
    ("Samples will be sent to a Chinese laboratory.", {("country", "CN", "asserted")}),
    ("Samples will be sent to a Taiwanese laboratory.", {("country", "TW", "asserted")}),
    ("Samples will be shipped to China, where they will be sequenced.", {("country", "CN", "asserted")}),
    # domestic
    ("Samples will be stored in Durham, North Carolina.", {("domestic", "US", "asserted")}),
    ("Samples will be shipped to a laboratory in New Mexico.", {("domestic", "US", "asserted")}),
    ("Samples will be shipped to Puerto Rico.", {("domestic", "US", "asserted")}),
    ("Samples will be shipped to the central laboratory in the United States.", {("domestic", "US", "asserted")}),
    # vague foreign
    ("Samples will be sent outside the U.S. for testing.", {("vague_foreign", None, "asserted")}),
    ("Samples may be sent abroad.", {("vague_foreign", None, "possible")}),
    ("Some samples will be shipped overseas.", {("vague_foreign", None, "asserted")}),
    ("Leftover samples could be shared with researchers in other countries.", {("vague_foreign", None, "possible")}),
    ("No blood will be shipped outside the country.", {("vague_foreign", None, "negated")}),
    # a place without material or without a transfer action is no flow
    ("Sites in Germany and France will enrol participants.", NONE),
    ("Participants will be enrolled at sites in Russia.", NONE),
    ("The sponsor is based in Germany.", NONE),
    # known bugs
    _case("Samples that are not used will be shipped to Germany.", {("country", "DE", "asserted")}, "relative-not"),
    _case("Any samples not needed for this study will be sent to a biobank in Germany.", {("country", "DE", "asserted")}, "reduced-relative-not"),
    _case("Samples will not be sold, and may be sent to Germany.", {("country", "DE", "possible")}, "negation-across-and"),
    _case("Samples will not be sent to any laboratory outside the United States except the central laboratory in Germany.",
         {("vague_foreign", None, "negated"), ("country", "DE", "asserted")}, "except-after-negation"),
    _case("Samples will be shipped from Germany to the United States.", {("domestic", "US", "asserted")}, "from-origin"),
    _case("Samples collected at sites in China will be shipped to the central laboratory in the United States.",
         {("domestic", "US", "asserted")}, "collection-site-origin"),
    _case("Samples have been shipped to Germany in the past.", {("country", "DE", "historical")}, "in-the-past-end"),
    _case("Samples had been sent to Russia before the amendment.", {("country", "RU", "historical")}, "had-been-forward"),
    _case("Specimens will be sent to Germany when required.", {("country", "DE", "conditional")}, "when-required-end"),
    _case("Your samples will not leave the United States.", {("vague_foreign", None, "negated")}, "not-leave-us"),
    _case("Your samples will remain in the United States.", {("domestic", "US", "asserted")}, "remain-in-us"),
]


def _flows(tmp_path, sentence):
    path = tmp_path / "case.txt"
    path.write_text(sentence + "\n", encoding="utf-8")
    return extract(build(ingest(path), "D1")).flows


@pytest.mark.parametrize(("sentence", "expected"), CASES)
def test_flows(tmp_path, sentence, expected):
    assert {(f.destination_kind, f.country, f.modality) for f in _flows(tmp_path, sentence)} == expected


def test_flow_keeps_its_evidence(tmp_path):
    sentence = "Samples will not be sold but may be sent to a laboratory in Germany."
    (flow,) = _flows(tmp_path, sentence)
    assert (flow.material_mention.text, flow.action_mention.text, flow.destination_mention.text) == (
        "Samples", "sent", "Germany")
    assert (flow.cue.category, flow.cue.text) == ("possible", "may")
    assert sentence[flow.cue.span.start : flow.cue.span.end] == "may"
    assert flow.foreign


def test_domestic_flow_is_not_foreign(tmp_path):
    (flow,) = _flows(tmp_path, "Samples will be stored in Durham, North Carolina.")
    assert flow.cue is None and not flow.foreign


def test_spacy_imported_without_its_cli_and_the_cli_still_loads():
    """import_spacy leaves no stand-in behind: spacy.cli can still be imported for real."""
    import sys

    from auditor.extract.nlp import import_spacy

    spacy = import_spacy()
    assert spacy.blank("en")("Serum samples")[0].text == "Serum"
    import spacy.cli.info  # noqa: F401 - the real CLI, loaded on demand

    assert hasattr(sys.modules["spacy.cli"], "setup_cli")
    assert callable(sys.modules["spacy.cli.info"].info)


def test_a_negation_between_the_action_and_its_place_governs_that_place(tmp_path):
    from auditor.document.build import build
    from auditor.extract import extract
    from auditor.ingest import ingest

    path = tmp_path / "consent.txt"
    path.write_text("Samples and data might be shared with researchers at companies in the United States, never outside "
                    "the United States.\n")
    flows = extract(build(ingest(path), "D1")).flows
    assert {(f.destination_kind, f.modality) for f in flows if f.destination_kind == "vague_foreign"} == {("vague_foreign", "negated")}
