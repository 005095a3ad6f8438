"""Benchmark: a full audit of a generated protocol PDF + consent DOCX against pdfplumber and pdftotext.

Run `python benchmarks/bench.py [--pages 300] [--scaling]`. It prints wall time, peak memory and per-stage
times of `auditor audit`, the time pdfplumber and poppler's pdftotext need to read the same PDF, and the ratios.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from make_docs import consent_docx, protocol_pdf  # noqa: E402


def _child(args: list[str]) -> tuple[float, float, str]:
    """(wall seconds, peak RSS MiB, stderr) of one child process."""
    start = time.perf_counter()
    process = subprocess.Popen(args, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    _, status, usage = os.wait4(process.pid, 0)
    wall = time.perf_counter() - start
    stderr = process.stderr.read()
    if os.waitstatus_to_exitcode(status) not in (0, 1):
        raise SystemExit(f"failed: {' '.join(args)}\n{stderr}")
    return wall, usage.ru_maxrss / 1024, stderr


def audit(protocol: Path, consent: Path) -> dict:
    wall, rss, stderr = _child([sys.executable, "-m", "auditor", "audit", "--protocol", str(protocol), "--consent",
                                str(consent), "--format", "json", "-o", os.devnull, "--timings"])
    stages = dict(part.split("=") for part in stderr.strip().splitlines()[-1].split())
    return {"wall": wall, "rss": rss, "stages": {k: float(v.rstrip("s")) for k, v in stages.items()}}


def pdfplumber_text(protocol: Path) -> float:
    code = ("import pdfplumber,sys\nwith pdfplumber.open(sys.argv[1]) as pdf:\n for p in pdf.pages:\n"
            "  p.extract_text(); p.close()\n")
    return _child([sys.executable, "-c", code, str(protocol)])[0]


def pdftotext(protocol: Path) -> float | None:
    if not shutil.which("pdftotext"):
        return None
    return _child(["pdftotext", str(protocol), os.devnull])[0]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--pages", type=int, default=300)
    parser.add_argument("--scaling", action="store_true", help="also run 30, 100, 300 and 1,000 pages")
    args = parser.parse_args()
    consent = consent_docx(30)
    protocol = protocol_pdf(args.pages)
    result = audit(protocol, consent)
    plumber = pdfplumber_text(protocol)
    poppler = pdftotext(protocol)
    print(f"protocol: {args.pages} pages ({protocol.stat().st_size // 1024} KiB); consent: 30-page DOCX")
    print(f"auditor audit (protocol + consent): {result['wall']:.2f} s wall, peak RSS {result['rss']:.0f} MiB")
    print("  stages: " + ", ".join(f"{k} {v:.2f} s" for k, v in result["stages"].items()))
    print(f"pdfplumber extract_text (protocol only): {plumber:.2f} s")
    print(f"  ratio audit / pdfplumber: {result['wall'] / plumber:.3f} (target <= 0.25, aim 0.10)")
    if poppler is not None:
        print(f"pdftotext (protocol only): {poppler:.2f} s")
        print(f"  ratio audit / pdftotext: {result['wall'] / poppler:.1f}x (target <= 5x, aim 3x)")
    else:
        print("pdftotext: not installed (apt-get install poppler-utils)")
    if args.scaling:
        print("\npages  audit s  s/page  peak MiB")
        for pages in (30, 100, 300, 1000):
            run = audit(protocol_pdf(pages), consent)
            print(f"{pages:5}  {run['wall']:7.2f}  {run['wall'] / pages:6.4f}  {run['rss']:8.0f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
