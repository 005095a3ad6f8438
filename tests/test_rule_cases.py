"""One case file per rule id (tests/rules/<ID>.yml): snippets that must fire the rule and snippets that must not.

A case gives `protocol` and/or `consent` text, optionally a `profile` (applicability keys as for --profile),
`fires` (true/false), the expected `severity` when it fires, and the expected `status` when it does not
(passed by default; skipped or not_applicable).
"""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from auditor.assess.rules import load_rules
from auditor.pipeline import Input, audit

CASES_DIR = Path(__file__).parent / "rules"


def _cases():
    for path in sorted(CASES_DIR.glob("*.yml")):
        data = yaml.safe_load(path.read_text())
        for number, case in enumerate(data["cases"], start=1):
            yield pytest.param(data["rule"], case, id=f"{data['rule']}-{number}-{case['name'][:40]}")


def test_every_rule_has_a_case_file_with_both_kinds_of_case():
    for rule in load_rules():
        path = CASES_DIR / f"{rule.id}.yml"
        assert path.exists(), f"no case file for {rule.id}"
        cases = yaml.safe_load(path.read_text())["cases"]
        assert any(c["fires"] for c in cases) and any(not c["fires"] for c in cases), rule.id


@pytest.mark.parametrize("rule_id,case", list(_cases()))
def test_rule_case(rule_id, case, tmp_path):
    inputs = []
    for role in ("protocol", "consent"):
        if case.get(role):
            path = tmp_path / f"{role}.txt"
            path.write_text(case[role])
            inputs.append(Input(str(path), role))
    for extra in case.get("pdf_pages") or []:
        from builders import write_lines_pdf

        path = write_lines_pdf(tmp_path / "scan.pdf", extra["pages"], blank_pages=tuple(extra["blank"]))
        inputs.append(Input(str(path), "protocol"))
    run, errors = audit(inputs, profile=case.get("profile"))
    assert not errors
    hits = [f for f in run.assessment.findings if f.rule_id == rule_id]
    assert bool(hits) == case["fires"], [f.message for f in hits] or case["name"]
    if hits and case.get("severity"):
        assert {f.severity for f in hits} == {case["severity"]}
    status = {r.rule_id: r.status for r in run.assessment.rules}[rule_id]
    assert status == ("finding" if case["fires"] else case.get("status", "passed"))
