"""The rule pack: YAML rule files validated by a pydantic schema when loaded."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, ConfigDict, ValidationError

from auditor.assess.model import Citation, Severity
from auditor.errors import PackError
from auditor.pack import list_files, load_yaml


class FlowFilter(BaseModel):
    """Which sample flows a condition looks at."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    role: str | None = None  # protocol | consent | None (any document)
    materials: list[str] = []
    actions: list[str] = []
    destinations: list[str] = []  # country | domestic | vague_foreign | unknown
    foreign: bool | None = None
    concern: bool | None = None  # destination in a country of concern (regime doj-dsp)
    named_country: bool | None = None  # a named foreign country (not vague)
    modalities: list[str] = ["asserted", "possible", "conditional"]
    watchlisted: bool | None = None  # recipient is an organisation on a list in organisations.yml
    sentence_any: list[str] = []  # only flows whose sentence matches one of these (case-insensitive regexes)
    block_any: list[str] = []  # only flows whose sentence or the rest of its paragraph (or table row) matches one
    # an `unless` that holds only when its flows name every country the rule's `when` flows go to (a disclosure
    # must name where the protocol sends it, not another country)
    covers_when_countries: bool = False


class TextFilter(BaseModel):
    """Sentences of a document role that match one of the patterns (case-insensitive regular expressions)."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    role: str | None = None
    any: list[str] = []
    all: list[str] = []  # every one of these must match the same sentence (or paragraph, with within: block)
    within: Literal["sentence", "block"] = "sentence"
    except_in: list[str] = []  # a sentence matching any of these does not count ("will not include sequencing")
    near_flows: bool = False  # only sentences that also carry a sample flow
    names_flow_place: bool = False  # only sentences that also name where a foreign flow goes (place or country)
    headings: bool = True  # false: a heading ("8.5 Genetic Testing") names a topic and states nothing


class Condition(BaseModel):
    """One test of a conditional rule; exactly one field is set."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    flows: FlowFilter | None = None
    text: TextFilter | None = None
    applies: str | None = None  # an applicability key (fda, nih, common_rule, genomic, cell_therapy, ...)
    not_applies: str | None = None
    no_document: str | None = None  # true when no document of this role was given
    no_text: TextFilter | None = None  # true when no sentence matches
    all_of: list["Condition"] = []  # true when every one of these holds (an `unless` alternative of several tests)
    any_of: list["Condition"] = []  # true when one of these holds (a `when` that can arise in several ways)


class Escalation(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")

    to: Severity
    when: list[Condition]
    reason: str


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
    applies_when: list[str] = []  # applicability keys that must hold (unknown lowers severity one step)
    when: list[Condition] = []  # conditional kinds: all must hold for the rule to fire
    unless: list[Condition] = []  # any of these satisfies the rule
    escalate: list[Escalation] = []
    paraphrase_severity: Severity | None = None  # exact_statement: severity when only a paraphrase is found
    effective: str | None = None
    message: str
    what: str
    why: str
    remediation: str
    citations: list[Citation]
    edge_cases: list[str] = []
    may_over_report: str | None = None
    may_under_report: str | None = None


@lru_cache(maxsize=8)
def load_rules(extra_dir: str | None = None) -> tuple[Rule, ...]:
    """Every rule of the pack (and of a user's rule folder), in id order; a broken file is a PackError naming
    the file and the field."""
    import yaml

    rules: dict[str, Rule] = {}
    sources = [(f"models/{r}", lambda r=r: load_yaml(r)) for r in list_files("rules", ".yml")]
    if extra_dir:
        folder = Path(extra_dir)
        if not folder.is_dir():
            raise PackError(f"--rules {extra_dir}: not a folder")
        sources += [(str(p), lambda p=p: yaml.safe_load(p.read_text(encoding="utf-8"))) for p in sorted(folder.glob("*.yml"))]
    for relative, read in sources:
        try:
            data = read() or {}
        except yaml.YAMLError as exc:
            raise PackError(f"{relative}: invalid YAML ({exc})".replace("\n", " ")) from None
        for number, entry in enumerate(data.get("rules") or [], start=1):
            try:
                rule = Rule.model_validate(entry)
            except ValidationError as exc:
                error = exc.errors()[0]
                field = ".".join(str(p) for p in error["loc"])
                ident = entry.get("id", f"rule #{number}") if isinstance(entry, dict) else f"rule #{number}"
                raise PackError(f"{relative}: {ident}: field '{field}': {error['msg']}") from None
            if rule.id in rules:
                raise PackError(f"{relative}: duplicate rule id {rule.id}")
            rules[rule.id] = rule
    return tuple(sorted(rules.values(), key=lambda r: r.id))
