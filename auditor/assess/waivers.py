"""Waivers: a reviewer's recorded decision on a finding, matched by fingerprint (rule id + normalised quotes)."""

from __future__ import annotations

from datetime import date

from auditor.assess.model import Waiver
from auditor.errors import InputError


def load_waivers(path: str) -> list[Waiver]:
    """Read a waivers file: a YAML list (or {waivers: [...]}) of rule_id, fingerprint, reason, reviewer, date, expires."""
    import yaml
    from pydantic import ValidationError

    try:
        data = yaml.safe_load(open(path, encoding="utf-8").read()) or []
    except OSError as exc:
        raise InputError(f"--waivers {path}: cannot read ({exc.strerror or exc})") from None
    except yaml.YAMLError as exc:
        raise InputError(f"--waivers {path}: invalid YAML ({exc})".replace("\n", " ")) from None
    entries = data.get("waivers", []) if isinstance(data, dict) else data
    waivers = []
    for number, entry in enumerate(entries or [], start=1):
        try:
            waivers.append(Waiver.model_validate({k: str(v) if v is not None else None for k, v in entry.items()}))
        except (ValidationError, AttributeError) as exc:
            detail = exc.errors()[0] if isinstance(exc, ValidationError) else {"loc": ("entry",), "msg": "not a mapping"}
            field = ".".join(str(p) for p in detail["loc"])
            raise InputError(f"--waivers {path}: waiver #{number}: field '{field}': {detail['msg']}") from None
    return waivers


def apply_waivers(findings: list, waivers: list[Waiver], as_of: date) -> tuple[list, list[Waiver]]:
    """Mark waived findings; report every waiver as applied, expired or unmatched."""
    by_key = {(f.rule_id, f.fingerprint): f for f in findings}
    used: dict[tuple[str, str], Waiver] = {}
    statuses = []
    for waiver in waivers:
        key = (waiver.rule_id, waiver.fingerprint)
        if key not in by_key:
            statuses.append(waiver.model_copy(update={"status": "unmatched"}))
        elif waiver.expires and date.fromisoformat(waiver.expires) < as_of:
            statuses.append(waiver.model_copy(update={"status": "expired"}))
        else:
            used[key] = waiver
            statuses.append(waiver.model_copy(update={"status": "applied"}))
    out = [f.model_copy(update={"status": "waived", "waiver": used[(f.rule_id, f.fingerprint)]})
           if (f.rule_id, f.fingerprint) in used else f for f in findings]
    return out, statuses


def waiver_entry(report: dict, fingerprint: str, reason: str, reviewer: str, expires: str | None, today: str) -> dict:
    """A waivers-file entry for one finding of a previous JSON report."""
    finding = next((f for f in report.get("findings", []) if f.get("fingerprint") == fingerprint), None)
    if finding is None:
        raise InputError(f"no finding with fingerprint {fingerprint} in the report")
    entry = {"rule_id": finding["rule_id"], "fingerprint": fingerprint, "reason": reason, "reviewer": reviewer,
             "date": today}
    if expires:
        entry["expires"] = expires
    return entry
