"""Benchmark: a full audit of a generated protocol PDF + consent DOCX against pdfplumber and pdftotext.

Run `python benchmarks/bench.py [--pages 300] [--scaling] [--corpus] [--repeat 3]`. It prints wall time, peak memory and
per-stage times of `auditor audit`, the time pdfplumber and poppler's pdftotext need to read the same PDF, and the
ratios. `--corpus` does the same for the largest real protocols in ../shared/corpus/real (when present).

The stages overlap: with two cores the files are read in a worker process while the main process loads spaCy
and builds its matchers ("warm_up"), so "ingest" is the wall time of that shared phase.
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
    """(wall seconds, peak memory MiB, stderr) of one child process and the workers it starts.

    The memory is the largest sum of resident set sizes over the child's process tree, sampled every 50 ms
    (pages a forked worker shares with its parent are counted twice, so this errs high); a sample costs
    about 1.5 ms, 3 % of a core."""
    import threading

    start = time.perf_counter()
    process = subprocess.Popen(args, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    peak = [0]
    done = threading.Event()

    def sample():
        while not done.wait(0.05):
            peak[0] = max(peak[0], _tree_rss(process.pid))

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    _, status, usage = os.wait4(process.pid, 0)
    wall = time.perf_counter() - start
    done.set()
    sampler.join()
    stderr = process.stderr.read()
    if os.waitstatus_to_exitcode(status) not in (0, 1):
        raise SystemExit(f"failed: {' '.join(args)}\n{stderr}")
    return wall, max(usage.ru_maxrss * 1024, peak[0]) / 2**20, stderr


def _tree_rss(root: int) -> int:
    """Bytes resident in a process and all its descendants (Linux /proc; 0 where it is missing)."""
    page = os.sysconf("SC_PAGE_SIZE")
    parents, resident = {}, {}
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                with open(f"/proc/{entry}/stat") as handle:
                    fields = handle.read().rsplit(")", 1)[1].split()
            except OSError:
                continue
            parents[int(entry)], resident[int(entry)] = int(fields[1]), int(fields[21]) * page
    total, stack = 0, [root]
    while stack:
        pid = stack.pop()
        total += resident.get(pid, 0)
        stack.extend(child for child, parent in parents.items() if parent == pid)
    return total


REPEAT = 1  # runs per measurement; the median run is reported (--repeat)


def _median_run(runs: list, key) -> object:
    return sorted(runs, key=key)[len(runs) // 2]


def audit(protocol: Path, consent: Path) -> dict:
    runs = []
    for _ in range(REPEAT):
        wall, rss, stderr = _child([sys.executable, "-m", "auditor", "audit", "--protocol", str(protocol),
                                    "--consent", str(consent), "--format", "json", "-o", os.devnull, "--timings"])
        stages = dict(part.split("=") for part in stderr.strip().splitlines()[-1].split())
        runs.append({"wall": wall, "rss": rss, "stages": {k: float(v.rstrip("s")) for k, v in stages.items()}})
    return _median_run(runs, lambda run: run["wall"])


def pdfplumber_text(protocol: Path) -> float:
    code = ("import pdfplumber,sys\nwith pdfplumber.open(sys.argv[1]) as pdf:\n for p in pdf.pages:\n"
            "  p.extract_text(); p.close()\n")
    return _child([sys.executable, "-c", code, str(protocol)])[0]  # once: 15 s and more, the noise is small


def pdftotext(protocol: Path) -> float | None:
    if not shutil.which("pdftotext"):
        return None
    return _median_run([_child(["pdftotext", str(protocol), os.devnull])[0] for _ in range(REPEAT)], float)


CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "real"


def largest_protocols(count: int) -> list[tuple[Path, int]]:
    """The corpus PDFs with the most pages (that pdfium can open), largest first."""
    import pypdfium2

    found = []
    for path in sorted(CORPUS.rglob("*.pdf")):
        try:
            pdf = pypdfium2.PdfDocument(str(path))
        except Exception:
            continue
        found.append((path, len(pdf)))
        pdf.close()
    return sorted(found, key=lambda item: -item[1])[:count]


def corpus_table(count: int) -> None:
    if not CORPUS.is_dir():
        print("\ncorpus: ../shared/corpus/real is absent")
        return
    print("\nreal protocols (audit of the protocol alone):")
    print("pages  audit s  pdfplumber s  pdftotext s  audit/pdfplumber  audit/pdftotext  file")
    for path, pages in largest_protocols(count):
        run = audit_one(path)
        plumber = pdfplumber_text(path)
        poppler = pdftotext(path)
        print(f"{pages:5}  {run:7.2f}  {plumber:12.2f}  {poppler or 0:11.2f}  {run / plumber:16.3f}  "
              f"{run / poppler if poppler else float('nan'):14.1f}x  {path.parent.parent.name}/{path.name}")


def audit_one(protocol: Path) -> float:
    return _median_run([_child([sys.executable, "-m", "auditor", "audit", "--protocol", str(protocol), "--format",
                                "json", "-o", os.devnull])[0] for _ in range(REPEAT)], float)


def _byte_compile() -> None:
    """Byte-compile the auditor package, as `pip install` does for a regular (non-editable) install.

    An editable install under PYTHONDONTWRITEBYTECODE=1 (set on these machines) never writes .pyc files, so each
    run would compile the package's source again (about 0.08 s of a run, partly on its critical path)."""
    import auditor

    package = Path(auditor.__file__).resolve().parent
    subprocess.run([sys.executable, "-m", "compileall", "-q", str(package)], check=True)
    if os.environ.get("PYTHONDONTWRITEBYTECODE"):
        print(f"(byte-compiled {package.name}/ first, as pip does on a regular install; --no-compile to skip)")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--pages", type=int, default=300)
    parser.add_argument("--scaling", action="store_true", help="also run 30, 100, 300 and 1,000 pages")
    parser.add_argument("--corpus", type=int, nargs="?", const=5, default=0, metavar="N",
                        help="also compare on the N largest real protocols of ../shared/corpus (default 5)")
    parser.add_argument("--repeat", type=int, default=3, help="runs per measurement, median reported (default 3)")
    parser.add_argument("--no-compile", action="store_true",
                        help="do not byte-compile the auditor package first (measures source compilation too)")
    args = parser.parse_args()
    global REPEAT
    REPEAT = max(1, args.repeat)
    if not args.no_compile:
        _byte_compile()
    consent = consent_docx(30)
    protocol = protocol_pdf(args.pages)
    # The runs share a fresh parsed-pack cache (auditor.pack.cache_dir), filled by one run that is not timed;
    # one run without it shows what the first run after installing (or editing the pack) costs.
    import tempfile

    os.environ["AUDITOR_CACHE_DIR"] = "off"
    repeat, REPEAT = REPEAT, 1
    cold = audit(protocol, consent)
    REPEAT = repeat
    os.environ["AUDITOR_CACHE_DIR"] = tempfile.mkdtemp(prefix="auditor-bench-cache-")
    _child([sys.executable, "-m", "auditor", "audit", "--protocol", str(protocol), "--consent", str(consent),
            "--format", "json", "-o", os.devnull])
    result = audit(protocol, consent)
    plumber = pdfplumber_text(protocol)
    poppler = pdftotext(protocol)
    print(f"interpreter: {_interpreter()}")
    print(f"protocol: {args.pages} pages ({protocol.stat().st_size // 1024} KiB); consent: 30-page DOCX")
    print(f"auditor audit (protocol + consent): {result['wall']:.2f} s wall, peak memory {result['rss']:.0f} MiB (all processes)")
    print("  stages: " + ", ".join(f"{k} {v:.2f} s" for k, v in result["stages"].items()))
    print(f"  one run without the parsed-pack cache (the first after installing): {cold['wall']:.2f} s")
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
    if args.corpus:
        corpus_table(args.corpus)
    return 0


def _interpreter() -> str:
    """The Python the audit runs under, and whether it runs on a shared libpython.

    The build matters as much as anything here: on these machines pyenv's CPython 3.11 (libpython as a shared
    library, no link-time optimisation) audits the 300-page protocol about 20 % slower than Debian's python3.11
    (statically linked, profile-guided), and pdfplumber runs twice as slow; run the benchmark under each to
    compare (`/usr/bin/python3 -m venv ...`)."""
    import platform

    try:
        with open("/proc/self/maps", encoding="utf-8", errors="replace") as maps:
            shared = any("libpython" in line for line in maps)
        linkage = "on a shared libpython" if shared else "libpython linked in"
    except OSError:
        linkage = "linkage unknown"
    return f"{sys.executable} (CPython {platform.python_version()}, {linkage})"


if __name__ == "__main__":
    raise SystemExit(main())
