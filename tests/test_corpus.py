"""Every real document in ../shared/corpus/real ingests, builds and extracts without error (skipped if absent)."""

from __future__ import annotations

import pytest

from auditor.document.build import build
from auditor.extract import extract
from auditor.ingest import ingest
from conftest import CORPUS

DOCUMENTS = sorted(p for p in CORPUS.rglob("*") if p.is_file() and p.name != "SOURCES.md") if CORPUS.is_dir() else []


@pytest.mark.corpus
@pytest.mark.skipif(not DOCUMENTS, reason="../shared/corpus/real is absent")
@pytest.mark.parametrize("path", DOCUMENTS, ids=[str(p.relative_to(CORPUS)) for p in DOCUMENTS])
def test_real_document_ingests(path):
    raw = ingest(path)
    document = build(raw, "D1")
    assert document.text.strip() or raw.pages_without_text
    extraction = extract(document)
    for flow in extraction.flows:
        assert document.text[flow.sentence.start : flow.sentence.end]
    if raw.format == "pdf":
        assert document.pages == raw.pages and raw.pages > 0
