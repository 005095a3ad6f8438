"""Every bundled sample study gives the findings its expected.yml promises, with quotes and locations."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from auditor.document.locate import pages_of
from auditor.pipeline import Input, audit
from conftest import SAMPLES

STUDIES = sorted(p.parent for p in SAMPLES.glob("*/expected.yml"))


def _audit(study: Path):
    expected = yaml.safe_load((study / "expected.yml").read_text())
    run, errors = audit([Input(str(study / expected["protocol"]), "protocol"),
                         Input(str(study / expected["consent"]), "consent")])
    assert not errors
    return expected, run


@pytest.fixture(scope="module", params=STUDIES, ids=[s.name for s in STUDIES])
def study(request):
    return _audit(request.param)


def test_at_least_four_studies_in_pdf_and_docx():
    assert len(STUDIES) >= 4
    suffixes = {p.suffix for s in STUDIES for p in s.iterdir()}
    assert {".pdf", ".docx"} <= suffixes


def test_must_fire(study):
    expected, run = study
    fired = {f.rule_id for f in run.assessment.findings}
    for item in expected.get("must_fire") or []:
        assert item["rule"] in fired, f"{item['rule']} should fire: {item['why']}"


def test_must_not_fire(study):
    expected, run = study
    fired = {f.rule_id for f in run.assessment.findings}
    for item in expected.get("must_not_fire") or []:
        assert item["rule"] not in fired, f"{item['rule']} must not fire: {item['why']}"


def test_every_finding_has_located_evidence(study):
    _, run = study
    formats = {d.id: d.format for d in run.assessment.documents}
    for finding in run.assessment.findings:
        assert finding.evidence, finding.rule_id
        for evidence in finding.evidence:
            assert evidence.quote.strip()
            if evidence.absence:  # "not found in consent.docx": nothing to locate
                continue
            if formats[evidence.document] == "pdf":
                assert evidence.page is not None
            else:
                assert evidence.section or evidence.paragraph


def test_page_break_sentence_knows_both_pages(study):
    expected, run = study
    marker = expected.get("page_break_sentence")
    if not marker:
        pytest.skip("no page-break sentence in this study")
    document = next(d for d, _ in run.bundle if d.name == marker["document"])
    start = document.text.index(marker["text_start"])
    sentence = next(s for s in document.sentences if s.span.start <= start < s.span.end)
    assert list(pages_of(document, sentence.span)) == marker["pages"]
