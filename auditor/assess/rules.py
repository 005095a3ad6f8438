"""The rule pack: YAML rule files validated by a pydantic schema when loaded."""

from __future__ import annotations

from functools import lru_cache

from pydantic import BaseModel, ConfigDict, ValidationError

from auditor.assess.model import Citation, Severity
from auditor.errors import PackError
from auditor.pack import list_files, load_yaml


class Rule(BaseModel):
    """One catalogue rule, as written in models/rules/*.yml."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    id: str
    title: str
    family: str
    kind: str
    severity: Severity
    escalations: dict[str, Severity] = {}
    applies_to: list[str]
    requires: list[str] = []
    params: dict = {}
    effective: str | None = None
    message: str
    what: str
    why: str
    remediation: str
    citations: list[Citation]
    edge_cases: list[str] = []
    may_over_report: str | None = None
    may_under_report: str | None = None


@lru_cache(maxsize=1)
def load_rules() -> tuple[Rule, ...]:
    """Every rule of the pack, in id order; a broken file is a PackError naming file and field."""
    rules: dict[str, Rule] = {}
    for relative in list_files("rules", ".yml"):
        data = load_yaml(relative) or {}
        for number, entry in enumerate(data.get("rules") or [], start=1):
            try:
                rule = Rule.model_validate(entry)
            except ValidationError as exc:
                error = exc.errors()[0]
                field = ".".join(str(p) for p in error["loc"])
                ident = entry.get("id", f"rule #{number}") if isinstance(entry, dict) else f"rule #{number}"
                raise PackError(f"models/{relative}: {ident}: field '{field}': {error['msg']}") from None
            if rule.id in rules:
                raise PackError(f"models/{relative}: duplicate rule id {rule.id}")
            rules[rule.id] = rule
    return tuple(sorted(rules.values(), key=lambda r: r.id))
