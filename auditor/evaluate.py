"""Measure sample-flow extraction against a labelled set: precision and recall per label.

Run `python -m auditor.evaluate [tests/data/flows_labelled.yml]` to print the table.
"""

from __future__ import annotations

import hashlib
import sys
from collections import Counter
from pathlib import Path

CONCERN = {"CN", "HK", "MO", "CU", "IR", "KP", "RU", "VE"}


def predict(text: str, role: str) -> list[tuple[str, str, str]]:
    """(destination, modality, material) of every flow the extractor finds in one labelled item."""
    from auditor.document.build import build
    from auditor.extract import extract
    from auditor.ingest.text import read_text

    data = text.encode("utf-8")
    raw = read_text(Path("item.txt"), "item.txt", hashlib.sha256(data).hexdigest(), data, markdown=False)
    out = set()
    for flow in extract(build(raw, "D1", role)).flows:
        if flow.destination_kind == "unknown":
            continue
        destination = {"vague_foreign": "FOREIGN", "domestic": "US"}.get(flow.destination_kind, flow.country)
        out.add((destination, flow.modality, flow.material))
    return sorted(out)


def destination_class(code: str) -> str:
    if code == "FOREIGN":
        return "vague foreign"
    if code == "US":
        return "domestic (US)"
    return "country of concern" if code in CONCERN else "other named country"


def evaluate(path: str | Path) -> dict:
    """Score the extractor on a labelled file; returns counts per label and the misses and false alarms."""
    import yaml

    items = yaml.safe_load(Path(path).read_text())["items"]
    counts: dict[str, Counter] = {}
    errors = []
    material_right = material_total = 0
    for item in items:
        gold = {(f["destination"], f["modality"]): f["material"] for f in item["flows"]}
        found = {(d, m): mat for d, m, mat in predict(item["text"], item["role"])}
        _score(counts, "all (destination + modality)", set(gold), set(found))
        for label in {m for _, m in gold} | {m for _, m in found}:
            _score(counts, f"modality: {label}", {k for k in gold if k[1] == label}, {k for k in found if k[1] == label})
        gold_places, found_places = {d for d, _ in gold}, {d for d, _ in found}
        for label in {destination_class(d) for d in gold_places | found_places}:
            _score(counts, f"destination: {label}", {d for d in gold_places if destination_class(d) == label},
                   {d for d in found_places if destination_class(d) == label})
        for key in set(gold) & set(found):
            material_total += 1
            material_right += gold[key] == found[key]
        if set(gold) != set(found):
            errors.append({"id": item["id"], "text": item["text"], "missed": sorted(set(gold) - set(found)),
                           "false": sorted(set(found) - set(gold))})
    return {"items": len(items), "flows": sum(len(i["flows"]) for i in items), "counts": counts, "errors": errors,
            "material_accuracy": material_right / material_total if material_total else 1.0}


def _score(counts: dict, label: str, gold: set, found: set) -> None:
    counter = counts.setdefault(label, Counter())
    counter["tp"] += len(gold & found)
    counter["fp"] += len(found - gold)
    counter["fn"] += len(gold - found)


def ratios(counter: Counter) -> tuple[float, float]:
    """(precision, recall); 1.0 when there is nothing to get wrong."""
    tp, fp, fn = counter["tp"], counter["fp"], counter["fn"]
    return (tp / (tp + fp) if tp + fp else 1.0, tp / (tp + fn) if tp + fn else 1.0)


def table(result: dict) -> str:
    """The figures as a fixed-width table."""
    lines = [f"{result['items']} items, {result['flows']} labelled flows",
             f"{'label':42} {'tp':>4} {'fp':>4} {'fn':>4} {'precision':>9} {'recall':>7}"]
    for label in sorted(result["counts"], key=lambda k: (not k.startswith("all"), k)):
        counter = result["counts"][label]
        precision, recall = ratios(counter)
        lines.append(f"{label:42} {counter['tp']:4} {counter['fp']:4} {counter['fn']:4} {precision:9.3f} {recall:7.3f}")
    lines.append(f"material class accuracy on matched flows: {result['material_accuracy']:.3f}")
    return "\n".join(lines)


def main(argv: list[str]) -> int:
    path = argv[0] if argv else "tests/data/flows_labelled.yml"
    result = evaluate(path)
    print(table(result))
    if "-v" in argv:
        for error in result["errors"]:
            print(f"\n{error['id']}: {error['text']}\n  missed {error['missed']}\n  false  {error['false']}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
