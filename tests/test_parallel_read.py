"""Reading in a forked worker (while spaCy loads) gives what reading in-process gives, and fails as cleanly."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from auditor import pipeline
from auditor.pipeline import Input, read_all
from conftest import SAMPLES

STUDY = SAMPLES / "undisclosed_ccn"
pytestmark = pytest.mark.skipif(not hasattr(os, "fork") or (os.cpu_count() or 1) < 2,
                                reason="no fork or a single core: the worker is never used")


@pytest.fixture
def always_parallel(monkeypatch):
    monkeypatch.setattr(pipeline, "PARALLEL_FROM_BYTES", 0)


def _inputs(*extra):
    return [Input(str(STUDY / "protocol.pdf"), "protocol"), *extra, Input(str(STUDY / "consent.docx"), "consent")]


def test_worker_reads_the_same_documents(always_parallel):
    from auditor.extract.vocab import vocabulary
    from auditor.pack import parsed_pack

    warmed = []
    parallel, errors = read_all(_inputs(), {}, lambda parsed=None: warmed.append(parsed.result()))
    serial, serial_errors = read_all(_inputs(), {})
    assert len(warmed) == 1 and errors == serial_errors == []
    # what the worker parsed of the pack while the documents were read is what this process parses
    assert warmed[0] == (parsed_pack(), vocabulary())
    assert [raw for _, raw in parallel] == [raw for _, raw in serial]


def test_unreadable_file_in_the_worker_is_one_message_and_the_rest_is_read(always_parallel, tmp_path):
    broken = tmp_path / "broken.pdf"
    broken.write_bytes(b"%PDF-1.7\n garbage")
    readable, errors = read_all(_inputs(Input(str(broken))), {}, lambda parsed=None: None)
    assert [item.path for item, _ in readable] == [str(STUDY / "protocol.pdf"), str(STUDY / "consent.docx")]
    assert len(errors) == 1 and "broken.pdf" in errors[0] and "\n" not in errors[0]


def _die_on_pdf(path):
    if path.endswith(".pdf"):
        os._exit(3)  # what a reader crashing inside native code looks like from the parent
    return _ingest_one(path)


_ingest_one = pipeline._ingest_one


def test_a_worker_that_dies_is_that_file_s_error_and_the_rest_is_read(always_parallel, monkeypatch):
    monkeypatch.setattr(pipeline, "_ingest_one", _die_on_pdf)
    readable, errors = read_all(_inputs(), {}, lambda parsed=None: None)
    assert [item.path for item, _ in readable] == [str(STUDY / "consent.docx")]
    assert len(errors) == 1 and "protocol.pdf: the reader stopped unexpectedly" in errors[0]


def test_cli_audit_through_the_worker_matches_in_process(tmp_path):
    """A fresh process (matchers not built) takes the worker path for files above the threshold."""
    out = {}
    for mode, env in (("worker", {"AUDITOR_PARALLEL_FROM_BYTES": "0", "AUDITOR_PRESCAN_FROM_SENTENCES": "0"}),
                      ("serial", {"AUDITOR_PARALLEL_FROM_BYTES": str(2**40),
                                  "AUDITOR_PRESCAN_FROM_SENTENCES": str(2**40)})):
        target = tmp_path / f"{mode}.json"
        result = subprocess.run([sys.executable, "-m", "auditor", "audit", "--protocol", str(STUDY / "protocol.pdf"),
                                 "--consent", str(STUDY / "consent.docx"), "--format", "json", "-o", str(target),
                                 "--as-of", "2026-11-01", "--timings"], capture_output=True, text=True,
                                env={**os.environ, **env})
        assert result.returncode in (0, 1), result.stderr
        # with the worker, the warm-up is timed while the files are read, so it is reported first
        assert result.stderr.startswith("warm_up=" if mode == "worker" else "ingest="), result.stderr
        assert ("prescan_wait=" in result.stderr) == (mode == "worker"), result.stderr
        out[mode] = target.read_text().split('"audited_at"')[0]
    assert out["worker"] == out["serial"]


# The prescan: a forked child makes the rules' flow-independent searches while this process extracts.

EVAL_CASES = sorted(p.parent for p in (SAMPLES / "eval").glob("*/gold.yml"))[:8]


def _assessment(case, monkeypatch, prescan: bool):
    import yaml

    from auditor.assess import applicability, conditions

    monkeypatch.setattr(pipeline, "PRESCAN_FROM_SENTENCES", 0 if prescan else 2**40)
    conditions._CACHE.clear()  # what another run of this process left would hide a wrong seed
    applicability._SEEDED.clear()
    used = []
    original = pipeline.Forked.result
    monkeypatch.setattr(pipeline.Forked, "result", lambda self: used.append(1) or original(self))
    gold = yaml.safe_load((case / "gold.yml").read_text())
    inputs = [Input(str(case / gold["protocol"]), "protocol"), Input(str(case / gold["consent"]), "consent")]
    run, errors = pipeline.audit(inputs, audited_at="fixed", profile=gold.get("profile"))
    assert errors == [] and len(used) == (1 if prescan else 0)
    return run.assessment.model_dump()


@pytest.mark.parametrize("case", EVAL_CASES, ids=lambda p: p.name)
def test_prescan_gives_the_same_assessment(case, monkeypatch):
    assert _assessment(case, monkeypatch, True) == _assessment(case, monkeypatch, False)


def _boom():
    raise RuntimeError("the child fails")


def test_a_forked_child_that_fails_gives_none():
    assert pipeline.Forked(_boom).result() is None
    assert pipeline.Forked(os._exit, 0).result() is None  # left without writing anything
    assert pipeline.Forked(sum, [1, 2]).result() == 3


def test_an_unwanted_child_is_killed():
    import time

    child = pipeline.Forked(time.sleep, 60)
    started = time.perf_counter()
    child.close()
    assert time.perf_counter() - started < 5 and child.result() is None
