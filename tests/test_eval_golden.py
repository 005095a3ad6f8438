"""Speed-ups must not change results: every evaluation case gives exactly the findings recorded in a golden file.

Regenerate deliberately with UPDATE_GOLDEN=1 (and say why in the commit) when a rule or the extractor changes
on purpose; a speed-up must leave this file untouched.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from auditor.evaluate_rules import cases, run_case
from conftest import SAMPLES

GOLDEN = Path(__file__).parent / "golden" / "eval_findings.json"


def _snapshot() -> dict:
    out = {}
    for folder in cases(SAMPLES):
        _, fired = run_case(folder)
        out[str(folder.relative_to(SAMPLES))] = sorted(
            f"{f.rule_id} {f.severity} {f.fingerprint}" for found in fired.values() for f in found)
    return out


def test_findings_match_the_golden_file():
    if len(cases(SAMPLES)) < 24:
        pytest.skip("evaluation corpus not generated")
    snapshot = _snapshot()
    if os.environ.get("UPDATE_GOLDEN") or not GOLDEN.exists():
        GOLDEN.write_text(json.dumps(snapshot, indent=1, sort_keys=True) + "\n")
    assert snapshot == json.loads(GOLDEN.read_text())
