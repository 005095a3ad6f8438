"""The evaluation corpus (sample_protocols/ and sample_protocols/eval/): rule precision and recall must hold.

Raise the thresholds as the tool improves; never lower one without saying why in the commit.
Print the table with `auditor eval sample_protocols`.
"""

from __future__ import annotations

import pytest

from auditor.evaluate_rules import cases, evaluate, ratios, table, totals
from conftest import SAMPLES

THRESHOLDS = {  # family prefix ("" = all rules) -> (minimum precision, minimum recall)
    "": (0.95, 0.90),
    "XBT-": (0.95, 0.90),
    "CCN-": (0.95, 0.90),
}


@pytest.fixture(scope="module")
def result():
    if len(cases(SAMPLES)) < 24:
        pytest.skip("evaluation corpus not generated")
    outcome = evaluate(SAMPLES)
    print("\n" + table(outcome))
    return outcome


def test_corpus_is_large_enough():
    assert len(cases(SAMPLES)) >= 24


@pytest.mark.parametrize("prefix", sorted(THRESHOLDS))
def test_thresholds_hold(result, prefix):
    precision, recall = ratios(totals(result["counts"], prefix))
    min_precision, min_recall = THRESHOLDS[prefix]
    assert precision >= min_precision and recall >= min_recall, (prefix or "total", precision, recall)


# The blind rounds (tests/data/holdout_cases*), each: where it is and its thresholds per family prefix.
# Round 1: 14 cases written blind from the catalogue; first run (blind) P 0.750 / R 0.659. Studied and worked on
# after that run, so these are development thresholds, set just below the current figures.
# Round 2: 14 cases written blind from the catalogue; blind run 2026-12-02 P 0.714 / R 0.795. Studied and worked on
# after that run (2026-12-02/03, see its README), so it too is now a development set: thresholds just below the
# current figures.
# Round 3: 14 cases written blind from the catalogue (2026-12-02/03); blind run 2026-12-03 P 0.537 / R 0.592.
# Round 4: 14 cases written blind (2026-12-03); blind run 2026-12-03 P 0.725 / R 0.592.
# Rounds 3 and 4 were studied after their blind runs (see their READMEs), so they are development sets now:
# thresholds just below the current figures.
# Round 5: 14 cases written blind (2026-12-03); blind run 2026-12-03 P 0.703 / R 0.900; re-run unread after the
# changes made for rounds 3-4: P 0.701 / R 0.940; then studied too (development now, thresholds below its figures).
# Round 6: 12 cases written blind (2026-12-03, six house styles); blind run 2026-12-03 P 0.375 / R 0.512; looked at
# afterwards (two general fixes: P 0.419 / R 0.634; then a vector made for a cell product is not the product, and
# ICF-002 reads terse and lettered-template phrasings of the basic elements: P 0.553 / R 0.634; then a shipment whose
# recipient is named in the sentence before, and an industry "Sponsor: X, Inc." field meaning no NIH funding:
# P 0.620 / R 0.756; then the place of a receiving subject ("The Saint Petersburg team downloads the VCF"):
# P 0.648 / R 0.854; then GEN-001 reads denied testing with modifiers, ICF-006 a withheld result by pronoun: P 0.714 /
# R 0.854; then a place that names a street ("Teheran-ro", "Paris Road"): P 0.745 / R 0.854; then XBT-003 reads a
# promise naming no material ("All testing happens in the United States"): P 0.750 / R 0.878; later fixes made for
# round 7 (CCN-004 trigger, ICF-007 denied sequencing): P 0.800 / R 0.878), held as a floor.
# Round 7: 12 cases written blind (2026-12-03, twelve house styles); blind run 2026-12-03 P 0.700 / R 0.727; re-run
# unread after the round-6 fixes P 0.767 / R 0.727 (only totals looked at); then studied (development from here on;
# round 8 is being written blind): genotype files and remote access from abroad, "not FDA-regulated": P 0.800 / R 0.779;
# platform and partner roles, genomic files and calling, run-in numbered titles in text: P 0.812 / R 0.844; XBT-001
# for a country of concern the consent never names beside another it does: P 0.815 / R 0.857; ICF-002 phrasings of
# biobank leaflets and app consents: P 0.857 / R 0.857; CCN-004 follows its trigger (a stated enrolment of 100 or
# fewer): P 0.880 / R 0.857 (round 6: 0.766 / 0.878); XBT-002 for a hedged country of concern beside firm
# allied destinations: P 0.882 / R 0.870; "your data" abroad as the disclosure of genetic data: P 0.885 / R 0.896;
# sequencing read from the flow's sentence on, numbered subsections as paragraphs: P 0.908 / R 0.896.
# Round 8: 12 cases written blind (2026-12-03); blind run 2026-12-03 P 0.644 / R 0.718; then studied (round 9 is
# being written blind): a company named after a foreign city located by its street address: P 0.683 / R 0.718; "No. 12"
# is no negation, "Location"/"Holder" table headers, abbreviated street words: P 0.708 / R 0.808; ICF-002 phrasings of
# question-list consents: P 0.741 / R 0.808; parties placed in the sentence before a receiving verb: P 0.747 / R 0.833;
# XBT-006's disclosure must name every genetic-data country: P 0.753 / R 0.859 (round 7: 0.909 / 0.909); a pathogen's
# genome sequencing is not the participant's: P 0.779 / R 0.859; a "Sponsor: X, Inc." field inside a joined title
# block: P 0.798 / R 0.859; XBT-005's note for "will stay in the United States" beside data abroad: P 0.800 / R 0.872.
# Round 9: 10 cases written blind (2026-12-03); blind run 2026-12-03 P 0.674 / R 0.525, held as a floor.
# Round 12: blind 2026-12-03 P 0.721 / R 0.772, studied 2026-12-04 to P 0.918 / R 0.982 (its README lists the steps).
# Round 13: 10 cases written blind (2026-12-04); blind run P 0.852 / R 0.958, held as a floor; unread.
# Round 14: 10 cases written blind (2026-12-04, varied house styles); blind run P 0.804 / R 0.672; studied the same day to
# P 0.937 / R 0.967 (its README lists the steps).
# Round 15: 10 cases written blind (2026-12-04); blind run P 0.776 / R 0.804; studied the same day to P 0.914 / R 0.946.
# Round 16: 8 cases written blind (2026-12-04); blind run P 0.889 / R 1.000, held as a floor; unread.
# Round 17: 9 cases written blind (2026-12-04, new house styles, over-used scenarios excluded); blind run P 1.000 /
# R 0.921; studied the same day to P 1.000 / R 0.974 (its README lists the steps and the one label not followed).
ROUNDS = {
    "holdout_cases": {"": (0.99, 0.99)},
    "holdout_cases_v2": {"": (0.97, 0.97)},
    "holdout_cases_v3": {"": (0.99, 0.99)},
    "holdout_cases_v4": {"": (0.99, 0.99)},
    "holdout_cases_v5": {"": (0.97, 0.97)},
    "holdout_cases_v6": {"": (0.85, 0.90)},
    "holdout_cases_v7": {"": (0.93, 0.97)},
    "holdout_cases_v8": {"": (0.88, 0.93)},
    "holdout_cases_v9": {"": (0.96, 0.93)},
    "holdout_cases_v10": {"": (0.90, 0.98)},
    "holdout_cases_v11": {"": (0.93, 0.98)},
    "holdout_cases_v12": {"": (0.98, 0.99)},  # studied 2026-12-04 (blind 0.721 / 0.772)
    "holdout_cases_v13": {"": (0.85, 0.95)},  # unread: its blind figures
    "holdout_cases_v14": {"": (0.93, 0.99)},  # studied 2026-12-04 (blind 0.804 / 0.672)
    "holdout_cases_v15": {"": (0.91, 0.94)},  # studied 2026-12-04 (blind 0.776 / 0.804)
    "holdout_cases_v16": {"": (0.88, 0.99)},  # unread: its blind figures
    "holdout_cases_v17": {"": (0.99, 0.97)},  # studied 2026-12-04 (blind 1.000 / 0.921)
}


@pytest.fixture(scope="module")
def rounds():
    return {}


@pytest.mark.parametrize(("folder", "prefix"), [(f, p) for f, t in ROUNDS.items() for p in sorted(t)])
def test_blind_round_thresholds_hold(rounds, folder, prefix):
    path = SAMPLES.parent / "tests" / "data" / folder
    if not path.is_dir():
        pytest.skip(f"tests/data/{folder} is absent")
    if folder not in rounds:
        rounds[folder] = evaluate(path)
        print("\n" + table(rounds[folder]))
    precision, recall = ratios(totals(rounds[folder]["counts"], prefix))
    min_precision, min_recall = ROUNDS[folder][prefix]
    assert precision >= min_precision and recall >= min_recall, (folder, prefix or "total", precision, recall)
