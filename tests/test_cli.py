"""The command line end to end: reports, exit codes, and one clear line with exit 2 for every bad input."""

from __future__ import annotations

import json
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from builders import write_docx, write_lines_pdf
from conftest import SAMPLES

STUDY = SAMPLES / "undisclosed_ccn"


def run(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "auditor", *args], capture_output=True, text=True, cwd=cwd, timeout=120)


def assert_one_line_error(result, *words: str) -> None:
    assert result.returncode == 2, result.stderr
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert "Traceback" not in result.stderr
    for word in words:
        assert word.lower() in lines[0].lower(), lines[0]


def test_json_report_has_findings_with_quote_and_page(tmp_path):
    out = tmp_path / "out.json"
    result = run("audit", str(STUDY / "protocol.pdf"), str(STUDY / "consent.docx"), "--format", "json", "-o", str(out))
    assert result.returncode == 0, result.stderr
    report = json.loads(out.read_text())
    assert report["schema_version"] == "1"
    assert {d["role"] for d in report["documents"]} == {"protocol", "consent"}
    rules = {f["rule_id"] for f in report["findings"]}
    assert {"XBT-001", "CCN-001"} <= rules
    for finding in report["findings"]:
        assert finding["evidence"] and finding["citations"] and finding["remediation"] and finding["fingerprint"]
        for evidence in finding["evidence"]:
            assert evidence["quote"]
            if not evidence["absence"]:  # a DOCX has no pages; the PDF protocol's quotes have one
                assert evidence["section"] and (evidence["page"] or evidence["document_name"].endswith(".docx"))
    assert {r["rule_id"] for r in report["rules"]} >= {"XBT-001", "XBT-002", "XBT-003", "CCN-001", "DOC-001"}
    assert report["summary"]["critical"] >= 2


def test_docx_evidence_has_section_and_no_page(tmp_path):
    sample = SAMPLES / "hong_kong_hedged"
    result = run("audit", "--protocol", str(sample / "protocol.docx"), "--consent", str(sample / "consent.docx"),
                 "--format", "json")
    report = json.loads(result.stdout)
    evidence = [e for f in report["findings"] for e in f["evidence"] if not e["absence"]]
    assert evidence and all(e["page"] is None and e["section"] for e in evidence)


def test_fail_on_sets_exit_code(tmp_path):
    args = ["audit", str(STUDY / "protocol.pdf"), str(STUDY / "consent.docx"), "--format", "json", "-o",
            str(tmp_path / "out.json")]
    assert run(*args, "--fail-on", "critical").returncode == 1
    clean = SAMPLES / "clean_domestic"
    assert run("audit", str(clean / "protocol.txt"), str(clean / "consent.md"), "--format", "json",
               "--fail-on", "minor").returncode == 0


def test_html_report_is_self_contained(tmp_path):
    out = tmp_path / "report.html"
    assert run("audit", str(STUDY / "protocol.pdf"), str(STUDY / "consent.docx"), "-o", str(out)).returncode == 0
    html = out.read_text()
    assert "Content-Security-Policy" in html and "XBT-001" in html and "<mark>" in html
    assert "default-src 'none'" in html and "script-src 'sha256-" in html  # only our own inline script runs
    assert "<script src" not in html and "src=\"http" not in html and "<link" not in html
    assert html.count("<script") == 1


def test_hostile_text_is_inert_in_the_report(tmp_path):
    protocol = tmp_path / "protocol.txt"
    protocol.write_text("8.4 Sample Shipment\n\nPlasma samples will be shipped to a laboratory in Shanghai, China "
                        "<script>alert(1)</script> <img src=x onerror=alert(2)> <a href=\"javascript:alert(3)\">x</a>.\n")
    consent = tmp_path / "consent.txt"
    consent.write_text("Your samples will be tested. You may stop at any time.\n")
    result = run("audit", "--protocol", str(protocol), "--consent", str(consent), "--format", "html")
    assert "<script>alert" not in result.stdout and "<img src=x" not in result.stdout
    assert result.stdout.count("<script") == 1  # the report's own filter script, allowed by its hash only
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in result.stdout
    assert 'href="javascript' not in result.stdout


def test_extract_prints_outline_and_flows():
    result = run("extract", str(STUDY / "protocol.pdf"))
    payload = json.loads(result.stdout)
    assert any(s["number"] == "8.4.2" for s in payload["sections"])
    assert any(f["country"] == "CN" and f["modality"] == "asserted" for f in payload["flows"])


def test_rules_lists_the_catalogue():
    result = run("rules")
    assert result.returncode == 0 and "XBT-001" in result.stdout and "28 CFR 202.601" in result.stdout


def test_writing_to_a_device_does_not_replace_it(tmp_path):
    fifo = tmp_path / "pipe"
    import os
    import threading

    os.mkfifo(fifo)
    received = []
    reader = threading.Thread(target=lambda: received.append(fifo.read_text()))
    reader.start()
    result = run("audit", str(SAMPLES / "clean_domestic" / "protocol.txt"), "--format", "json", "-o", str(fifo))
    reader.join(timeout=60)
    assert result.returncode == 0 and fifo.is_fifo() and '"schema_version"' in received[0]


def test_help_answers():
    assert run("--help").returncode == 0


def _truncated_pdf(tmp_path: Path) -> Path:
    good = write_lines_pdf(tmp_path / "good.pdf", [["Hello samples."]] * 3)
    path = tmp_path / "truncated.pdf"
    path.write_bytes(good.read_bytes()[:300])
    return path


def _corrupt_docx(tmp_path: Path) -> Path:
    good = write_docx(tmp_path / "good.docx")
    path = tmp_path / "corrupt.docx"
    path.write_bytes(good.read_bytes()[:2000])
    return path


def _bad_zip_member(tmp_path: Path) -> Path:
    path = tmp_path / "broken.docx"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("word/document.xml", "<w:document><unclosed>")
    return path


def _write(path: Path, data: bytes) -> Path:
    path.write_bytes(data)
    return path


BAD_INPUTS = {
    "missing": (lambda p: p / "nope.pdf", ["no such file"]),
    "zero bytes": (lambda p: _write(p / "empty.pdf", b""), ["empty"]),
    "truncated pdf": (_truncated_pdf, ["pdf"]),
    "garbage pdf": (lambda p: _write(p / "g.pdf", b"%PDF-1.7\n" + b"\x00garbage" * 50), ["pdf"]),
    "encrypted pdf": (lambda p: write_lines_pdf(p / "enc.pdf", [["Secret samples."]], encrypt="s3cret"), ["encrypted"]),
    "corrupt docx": (_corrupt_docx, ["docx"]),
    "broken docx part": (_bad_zip_member, ["docx"]),
    "png image": (lambda p: _write(p / "x.pdf", b"\x89PNG\r\n\x1a\n" + b"\x00" * 64), ["png"]),
    "directory": (lambda p: p, ["directory"]),
    "binary junk": (lambda p: _write(p / "junk.txt", bytes(range(256)) * 4), ["binary"]),
    "whitespace only": (lambda p: _write(p / "blank.txt", b"   \n\n  \n"), ["no text"]),
}


@pytest.mark.parametrize("case", sorted(BAD_INPUTS))
def test_bad_input_is_one_line_and_exit_2(case, tmp_path):
    make, words = BAD_INPUTS[case]
    path = make(tmp_path)
    result = run("audit", str(path), "--format", "json")
    assert_one_line_error(result, *words)


def test_bad_document_does_not_lose_the_good_one(tmp_path):
    out = tmp_path / "out.json"
    result = run("audit", "--protocol", str(STUDY / "protocol.pdf"), "--consent", str(tmp_path / "missing.docx"),
                 "--format", "json", "-o", str(out))
    assert result.returncode == 2 and "no such file" in result.stderr
    report = json.loads(out.read_text())
    assert [d["role"] for d in report["documents"]] == ["protocol"]
    statuses = {r["rule_id"]: r["status"] for r in report["rules"]}
    assert statuses["XBT-001"] == "skipped" and statuses["CCN-001"] == "finding"


def test_docx_named_pdf_is_read_by_its_content(tmp_path):
    renamed = tmp_path / "consent.pdf"
    renamed.write_bytes((STUDY / "consent.docx").read_bytes())
    result = run("audit", "--protocol", str(STUDY / "protocol.pdf"), "--consent", str(renamed), "--format", "json")
    assert result.returncode == 0
    assert "content is DOCX" in result.stderr and "Traceback" not in result.stderr
    assert json.loads(result.stdout)["documents"][1]["format"] == "docx"


def test_bad_option_values_exit_2(tmp_path):
    result = run("audit", str(STUDY / "protocol.pdf"), "--as-of", "yesterday")
    assert_one_line_error(result, "as-of")
    assert run("audit").returncode == 2


def test_a_reader_that_leaves_early_gets_no_error_message():
    """`auditor rules | head -1`: the closed pipe is no internal error, and the exit is quiet."""
    import subprocess
    import sys

    result = subprocess.run(f"'{sys.executable}' -m auditor rules | head -c 10", shell=True, capture_output=True,
                            text=True)
    assert len(result.stdout) == 10 and result.stderr == ""
