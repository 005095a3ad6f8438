"""Score the rules on the evaluation corpus: per-rule precision and recall from gold files.

Each case folder holds a protocol, a consent form and `gold.yml` (or `expected.yml`) with `must_fire` and
`must_not_fire` rule lists and an optional `profile`. A rule listed in `must_fire` that fires is a true positive,
one that does not a miss; a rule in `must_not_fire` that fires is a false alarm.
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path

from auditor.evaluate import ratios  # shared with the flow evaluation

GOLD_NAMES = ("gold.yml", "expected.yml")


def cases(root: str | Path) -> list[Path]:
    """Every case folder under `root` that has a gold file, sorted."""
    root = Path(root)
    return sorted({p.parent for name in GOLD_NAMES for p in root.rglob(name)})


def _gold(folder: Path) -> dict:
    import yaml

    for name in GOLD_NAMES:
        if (folder / name).exists():
            return yaml.safe_load((folder / name).read_text())
    raise FileNotFoundError(folder)


def _items(entries) -> list[tuple[str, str]]:
    out = []
    for entry in entries or []:
        out.append((entry["rule"], entry.get("why", "")) if isinstance(entry, dict) else (str(entry), ""))
    return out


def run_case(folder: Path):
    """Audit one case; return (gold, findings by rule id)."""
    from auditor.pipeline import Input, audit

    gold = _gold(folder)
    inputs = [Input(str(folder / gold["protocol"]), "protocol"), Input(str(folder / gold["consent"]), "consent")]
    run, errors = audit(inputs, profile=gold.get("profile"))
    if run is None or errors:
        raise RuntimeError(f"{folder.name}: {errors}")
    fired: dict[str, list] = {}
    for finding in run.assessment.findings:
        fired.setdefault(finding.rule_id, []).append(finding)
    return gold, fired


def evaluate(root: str | Path) -> dict:
    """Counts per rule and the list of misses and false alarms with case and quote."""
    counts: dict[str, Counter] = {}
    problems = []
    folders = cases(root)
    for folder in folders:
        gold, fired = run_case(folder)
        for rule_id, why in _items(gold.get("must_fire")):
            hit = rule_id in fired
            counts.setdefault(rule_id, Counter())["tp" if hit else "fn"] += 1
            if not hit:
                problems.append(("miss", folder.name, rule_id, why, ""))
        ceiling = gold.get("max_severity")
        if ceiling:  # a compliant study: nothing above this severity may fire
            order = ["critical", "major", "minor", "info"]
            above = [f for found in fired.values() for f in found if order.index(f.severity) < order.index(ceiling)]
            counts.setdefault("MAX-SEVERITY", Counter())["fp" if above else "tn"] += 1
            for finding in above:
                problems.append(("false alarm", folder.name, finding.rule_id, f"above {ceiling} in a compliant case",
                                 finding.message[:160]))
        for rule_id, why in _items(gold.get("must_not_fire")):
            counts.setdefault(rule_id, Counter())["fp" if rule_id in fired else "tn"] += 1
            if rule_id in fired:
                quote = fired[rule_id][0].evidence[0].quote[:160] if fired[rule_id][0].evidence else ""
                problems.append(("false alarm", folder.name, rule_id, why, quote))
    return {"cases": len(folders), "counts": counts, "problems": problems}


def totals(counts: dict[str, Counter], prefix: str = "") -> Counter:
    """Sum of the counts of every rule whose id starts with `prefix`."""
    total: Counter = Counter()
    for rule_id, counter in counts.items():
        if rule_id.startswith(prefix):
            total.update(counter)
    return total


def table(result: dict) -> str:
    """Per-rule, per-family and total precision and recall, then every miss and false alarm."""
    counts = result["counts"]
    lines = [f"{result['cases']} cases", f"{'rule':10} {'tp':>4} {'fn':>4} {'fp':>4} {'tn':>4} {'precision':>9} {'recall':>7}"]

    def row(label: str, counter: Counter) -> str:
        precision, recall = ratios(counter)
        return (f"{label:10} {counter['tp']:4} {counter['fn']:4} {counter['fp']:4} {counter['tn']:4} "
                f"{precision:9.3f} {recall:7.3f}")

    lines += [row(rule_id, counts[rule_id]) for rule_id in sorted(counts)]
    lines.append("")
    for family in sorted({r.split("-")[0] for r in counts}):
        lines.append(row(family, totals(counts, family + "-")))
    lines.append(row("TOTAL", totals(counts)))
    for kind, case, rule_id, why, quote in result["problems"]:
        lines.append(f"\n{kind}: {case} {rule_id}: {why}" + (f"\n  quote: {quote}" if quote else ""))
    return "\n".join(lines)
