"""Every reporter renders the same Assessment: golden shapes for JSON and SARIF, schema, CSV and Markdown safety."""

from __future__ import annotations

import csv
import inspect
import io
import json
import os
from datetime import date
from pathlib import Path

import pytest

from auditor.assess.model import Waiver
from auditor.pipeline import Input, audit
from auditor.report import FORMATS, render
from conftest import SAMPLES

HERE = Path(__file__).resolve().parent
GOLDEN = HERE / "golden"
SCHEMA = HERE / "data" / "sarif-schema-2.1.0.json"
STUDY = SAMPLES / "undisclosed_ccn"
HOSTILE = '<script>alert(1)</script> [x](javascript:alert(1)) <img src=x onerror=alert(1)> **bold** # head'


@pytest.fixture(scope="module")
def run():
    result, errors = audit([Input(str(STUDY / "protocol.pdf")), Input(str(STUDY / "consent.docx"))],
                           as_of=date(2026, 1, 1), audited_at="2026-01-01T00:00:00+00:00")
    assert not errors
    return result


@pytest.fixture(scope="module")
def assessment(run):
    return run.assessment


def _with_first_finding(assessment, **changes):
    """A copy of the assessment whose first finding (and its first evidence) is changed."""
    first = assessment.findings[0]
    evidence_changes = changes.pop("evidence", {})
    evidence = (first.evidence[0].model_copy(update=evidence_changes),) + first.evidence[1:]
    first = first.model_copy(update=dict(changes, evidence=evidence))
    return assessment.model_copy(update={"findings": (first,) + assessment.findings[1:]})


def _check_golden(name: str, shape: dict) -> None:
    path = GOLDEN / f"{name}.json"
    if os.environ.get("UPDATE_GOLDEN") == "1":
        path.parent.mkdir(exist_ok=True)
        path.write_text(json.dumps(shape, indent=2, sort_keys=True, ensure_ascii=False) + "\n")
    if not path.exists():
        pytest.fail(f"{path} is missing: run with UPDATE_GOLDEN=1 to create it")
    assert shape == json.loads(path.read_text()), f"{name} changed shape; if intended, rerun with UPDATE_GOLDEN=1"


def _keys(items) -> list[str]:
    return sorted({key for item in items for key in item})


def json_shape(report: dict) -> dict:
    """What must not drift in the JSON report: keys, counts and rule ids, not dates or wording."""
    findings = report["findings"]
    evidence = [e for f in findings for e in f["evidence"]]
    return {
        "keys": sorted(report), "schema_version": report["schema_version"], "tool_keys": sorted(report["tool"]),
        "documents": [{k: d[k] for k in ("id", "name", "role", "format", "pages")} for d in report["documents"]],
        "document_keys": _keys(report["documents"]), "finding_keys": _keys(findings), "evidence_keys": _keys(evidence),
        "citation_keys": _keys(c for f in findings for c in f["citations"]),
        "findings": [{"rule_id": f["rule_id"], "severity": f["severity"], "status": f["status"],
                      "evidence": len(f["evidence"]), "absence": sum(e["absence"] for e in f["evidence"])}
                     for f in findings],
        "rules": len(report["rules"]), "rule_ids": sorted(r["rule_id"] for r in report["rules"]),
        "summary": report["summary"], "flows": len(report["flows"]),
        "applicability": {a["key"]: a["status"] for a in report["applicability"]},
    }


def sarif_shape(log: dict) -> dict:
    """What must not drift in the SARIF log: structure, counts, rule ids and levels."""
    (run,) = log["runs"]
    results = run["results"]
    locations = [loc for r in results for loc in r["locations"]]
    return {
        "keys": sorted(log), "version": log["version"], "$schema": log["$schema"], "run_keys": sorted(run),
        "driver_keys": sorted(run["tool"]["driver"]), "rule_keys": _keys(run["tool"]["driver"]["rules"]),
        "rule_ids": [r["id"] for r in run["tool"]["driver"]["rules"]],
        "artifacts": [{"uri": a["location"]["uri"], "hashes": sorted(a["hashes"])} for a in run["artifacts"]],
        "result_keys": _keys(results), "location_keys": _keys(locations),
        "location_property_keys": _keys(loc["properties"] for loc in locations),
        "results": [{"ruleId": r["ruleId"], "level": r["level"], "locations": len(r["locations"]),
                     "regions": sum("region" in loc["physicalLocation"] for loc in r["locations"])} for r in results],
        "run_property_keys": sorted(run["properties"]),
    }


def test_registered_formats_share_one_signature(assessment):
    from auditor.report import to_csv, to_markdown, to_sarif

    assert {"json", "html", "sarif", "csv", "markdown"} <= set(FORMATS)
    for module in (to_csv, to_markdown, to_sarif):
        assert list(inspect.signature(module.render).parameters) == ["assessment"]
    for fmt in ("sarif", "csv", "markdown"):
        assert render(assessment, fmt).strip()
    with pytest.raises(ValueError):
        render(assessment, "docx")


def test_json_report_golden_shape(assessment):
    _check_golden("report_json_shape", json_shape(json.loads(render(assessment, "json"))))


def test_sarif_golden_shape(assessment):
    _check_golden("report_sarif_shape", sarif_shape(json.loads(render(assessment, "sarif"))))


def _validate_sarif(log: dict) -> None:
    jsonschema = pytest.importorskip("jsonschema")
    schema = json.loads(SCHEMA.read_text())
    validator = jsonschema.validators.validator_for(schema)
    validator.check_schema(schema)
    errors = sorted(validator(schema, format_checker=validator.FORMAT_CHECKER).iter_errors(log), key=str)
    assert not errors, "\n".join(f"{list(e.absolute_path)}: {e.message}" for e in errors[:10])


def test_sarif_valid_against_official_schema(assessment):
    _validate_sarif(json.loads(render(assessment, "sarif")))


def test_sarif_locations_point_into_canonical_text(run):
    assessment = run.assessment
    log = json.loads(render(assessment, "sarif"))
    (sarif_run,) = log["runs"]
    texts = [document.text for document, _ in run.bundle]
    levels = {"critical": "error", "major": "error", "minor": "warning", "info": "note"}
    assert len(sarif_run["results"]) == len(assessment.findings)
    for finding, result in zip(assessment.findings, sarif_run["results"]):
        assert result["level"] == levels[finding.severity]
        assert result["partialFingerprints"] == {"trialAuditor/v1": finding.fingerprint}
        assert sarif_run["tool"]["driver"]["rules"][result["ruleIndex"]]["id"] == finding.rule_id
        for evidence, location in zip(finding.evidence, result["locations"], strict=True):
            physical = location["physicalLocation"]
            artifact = sarif_run["artifacts"][physical["artifactLocation"]["index"]]
            assert artifact["location"]["uri"] == physical["artifactLocation"]["uri"]
            assert artifact["hashes"]["sha-256"] == assessment.documents[physical["artifactLocation"]["index"]].sha256
            if evidence.absence:
                assert "region" not in physical and location["message"]["text"]
                continue
            region = physical["region"]
            text = texts[physical["artifactLocation"]["index"]]
            assert text[region["charOffset"]:region["charOffset"] + region["charLength"]] == region["snippet"]["text"]
    assert any(e.absence for f in assessment.findings for e in f.evidence), "the sample should exercise absence"


def test_sarif_waived_finding_is_suppressed(assessment):
    first = assessment.findings[0]
    waiver = Waiver(rule_id=first.rule_id, fingerprint=first.fingerprint, reason="Legal review 2026-02 accepted",
                    reviewer="IRB chair", date="2026-02-01")
    log = json.loads(render(_with_first_finding(assessment, status="waived", waiver=waiver), "sarif"))
    results = log["runs"][0]["results"]
    assert results[0]["suppressions"] == [{"kind": "external", "status": "accepted",
                                           "justification": "Legal review 2026-02 accepted",
                                           "properties": {"reviewer": "IRB chair", "date": "2026-02-01",
                                                          "expires": None}}]
    assert all("suppressions" not in r for r in results[1:])
    _validate_sarif(log)


def _csv_rows(text: str) -> list[dict]:
    return list(csv.DictReader(io.StringIO(text)))


def test_csv_one_row_per_finding_evidence(assessment):
    rows = _csv_rows(render(assessment, "csv"))
    assert list(rows[0]) == ["rule_id", "severity", "status", "title", "message", "document", "page", "section",
                             "quote", "fingerprint", "remediation", "citations"]
    assert len(rows) == sum(max(len(f.evidence), 1) for f in assessment.findings)
    first = assessment.findings[0]
    assert rows[0]["citations"] == "; ".join(c.text for c in first.citations)
    assert rows[0]["quote"] == first.evidence[0].quote


def test_csv_cells_cannot_become_formulas(assessment):
    hostile = _with_first_finding(assessment, title='=HYPERLINK("http://evil.example","x")',
                                  evidence={"quote": "+cmd|' /C calc'!A0", "section": "@SUM(A1:A2)"},
                                  remediation="-2+3")
    text = render(hostile, "csv")
    row = _csv_rows(text)[0]
    assert row["title"] == '\'=HYPERLINK("http://evil.example","x")'
    assert row["quote"] == "'+cmd|' /C calc'!A0"
    assert row["section"] == "'@SUM(A1:A2)"
    assert row["remediation"] == "'-2+3"
    assert '"\'=HYPERLINK(""http://evil.example"",""x"")"' in text  # quoted and its quotes doubled


def test_markdown_report_layout(assessment):
    text = render(assessment, "markdown")
    assert text.startswith("# ")
    assert "## Documents" in text and "| protocol.pdf |" in text and "| consent.docx |" in text
    assert "## Summary" in text and "## Findings" in text
    present = [label for label in ("Critical", "Major", "Minor", "Info")
               if any(f.severity == label.lower() for f in assessment.findings)]
    order = [text.index(f"### {label}") for label in present]
    assert len(order) >= 3 and order == sorted(order)
    for finding in assessment.findings:
        assert f"#### {finding.rule_id}:" in text
    assert "\n> Tumour tissue and plasma samples" in text
    assert "**Remediation:**" in text and "**Citations:**" in text


def test_markdown_document_text_stays_inert(assessment):
    hostile = _with_first_finding(assessment, message="1. " + HOSTILE,
                                  evidence={"quote": HOSTILE + "\n# not a heading", "section": "<b>x</b>"})
    text = render(hostile, "markdown")
    assert "<script" not in text and "<img" not in text and "<b>" not in text
    assert "[x](javascript:" not in text and "[x]" not in text
    assert "&lt;script&gt;" in text and "\\[x\\](javascript:alert(1))" in text
    markdown_it = pytest.importorskip("markdown_it")
    html = markdown_it.MarkdownIt("commonmark").render(text)
    assert "<script" not in html and "<img" not in html and "href=\"javascript" not in html
    assert "<strong>bold</strong>" not in html and "<h1>not a heading" not in html and "<ol>" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
