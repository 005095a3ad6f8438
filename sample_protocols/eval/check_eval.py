#!/usr/bin/env python3
"""Run trial-auditor on every evaluation case and compare the findings with gold.yml.

    python sample_protocols/eval/check_eval.py [CASE ...] [--verbose]

A rule "fires" when the JSON report has at least one finding with that rule_id (any severity,
any status). For a gold file with ``max_severity``, no finding may be above that severity.
Exit status 1 if any expectation fails. Expectations listed in KNOWN_FAILURES.md are still
reported as failures (they are tool bugs, not gold errors), but marked "(known)".
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
import tempfile
from pathlib import Path

import yaml

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
ORDER = ["info", "minor", "major", "critical"]


def known_failures():
    path = HERE / "KNOWN_FAILURES.md"
    if not path.exists():
        return set()
    return set(re.findall(r"^\|\s*`?([a-z0-9_]+)`?\s*\|\s*([A-Z]{3}-\d{3})", path.read_text(), re.M))


def run_case(folder: Path):
    gold = yaml.safe_load((folder / "gold.yml").read_text())
    cmd = [sys.executable, "-m", "auditor", "audit", "--protocol", str(folder / gold["protocol"]),
           "--consent", str(folder / gold["consent"]), "--format", "json"]
    with tempfile.TemporaryDirectory() as tmp:
        if gold.get("profile"):
            prof = Path(tmp) / "profile.yml"
            prof.write_text(yaml.safe_dump(gold["profile"]))
            cmd += ["--profile", str(prof)]
        res = subprocess.run(cmd, cwd=ROOT, capture_output=True, text=True)
    if res.returncode not in (0, 1):
        raise RuntimeError(f"{folder.name}: auditor failed: {res.stderr}")
    report = json.loads(res.stdout)
    fired = {}
    for f in report["findings"]:
        fired.setdefault(f["rule_id"], set()).add(f["severity"])
    return gold, fired


def main(argv):
    verbose = "--verbose" in argv
    names = [a for a in argv if not a.startswith("--")]
    folders = sorted(d for d in HERE.iterdir() if (d / "gold.yml").exists())
    if names:
        folders = [d for d in folders if d.name in names]
    known = known_failures()
    total = held = 0
    failures = []
    for folder in folders:
        gold, fired = run_case(folder)
        results = []
        for item in gold.get("must_fire") or []:
            results.append((item["rule"], "must fire", item["rule"] in fired))
        for item in gold.get("must_not_fire") or []:
            results.append((item["rule"], "must not fire", item["rule"] not in fired))
        if gold.get("max_severity"):
            cap = ORDER.index(gold["max_severity"])
            above = sorted(r for r, sev in fired.items() if any(ORDER.index(s) > cap for s in sev))
            results.append((",".join(above) or "-", f"nothing above {gold['max_severity']}", not above))
        ok_case = all(ok for *_, ok in results)
        total += len(results)
        held += sum(ok for *_, ok in results)
        fired_txt = ", ".join(f"{r}({'/'.join(sorted(s))})" for r, s in sorted(fired.items()))
        print(f"{'PASS' if ok_case else 'FAIL'} {folder.name}: fired {fired_txt or 'nothing'}")
        for rule, what, ok in results:
            if not ok:
                tag = " (known)" if (folder.name, rule) in known else ""
                print(f"     x {rule} {what}{tag}")
                failures.append((folder.name, rule, what))
            elif verbose:
                print(f"     ok {rule} {what}")
    print(f"\n{held}/{total} gold expectations hold across {len(folders)} cases; {len(failures)} fail")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
