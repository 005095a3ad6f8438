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


# tests/data/holdout_cases: 14 cases written blind from the catalogue; first run (blind) P 0.750 / R 0.659.
# Studied and worked on after that run, so these are development thresholds, set just below the current figures.
ROUND1 = SAMPLES.parent / "tests" / "data" / "holdout_cases"
ROUND1_THRESHOLDS = {"": (0.70, 0.62)}


@pytest.fixture(scope="module")
def round1():
    if not ROUND1.is_dir():
        pytest.skip("tests/data/holdout_cases is absent")
    outcome = evaluate(ROUND1)
    print("\n" + table(outcome))
    return outcome


@pytest.mark.parametrize("prefix", sorted(ROUND1_THRESHOLDS))
def test_round1_thresholds_hold(round1, prefix):
    precision, recall = ratios(totals(round1["counts"], prefix))
    min_precision, min_recall = ROUND1_THRESHOLDS[prefix]
    assert precision >= min_precision and recall >= min_recall, (prefix or "total", precision, recall)


# tests/data/holdout_cases_v2: 14 cases written blind from the catalogue; blind run 2026-12-02 P 0.714 / R 0.795.
# Never tuned on: this is a floor, so that a change that makes the blind figures worse is noticed.
ROUND2 = SAMPLES.parent / "tests" / "data" / "holdout_cases_v2"
ROUND2_THRESHOLDS = {"": (0.70, 0.78)}


@pytest.mark.parametrize("prefix", sorted(ROUND2_THRESHOLDS))
def test_round2_blind_floor_holds(prefix):
    if not ROUND2.is_dir():
        pytest.skip("tests/data/holdout_cases_v2 is absent")
    precision, recall = ratios(totals(evaluate(ROUND2)["counts"], prefix))
    min_precision, min_recall = ROUND2_THRESHOLDS[prefix]
    assert precision >= min_precision and recall >= min_recall, (prefix or "total", precision, recall)
