"""The assessment: findings with evidence, the status of every rule, and the summary."""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

Severity = Literal["critical", "major", "minor", "info"]
SEVERITIES: tuple[Severity, ...] = ("critical", "major", "minor", "info")
RuleStatus = Literal["finding", "passed", "not_applicable", "skipped"]


class _Frozen(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class Citation(_Frozen):
    """A structured reference to the authority behind a rule."""

    authority: str
    instrument: str
    section: str | None = None
    url: str | None = None
    as_of: str | None = None
    text: str  # how the citation reads in a report, e.g. "28 CFR 202.601"


class Evidence(_Frozen):
    """A verbatim quote and its exact location, and why it counted."""

    document: str  # Document.id
    document_name: str
    page: int | None
    pages: tuple[int, ...] = ()
    section: str | None
    paragraph: int | None = None
    quote: str
    start: int
    end: int
    highlights: tuple[tuple[int, int], ...] = ()  # offsets into `quote` of the matched words
    trigger: str | None = None  # matched words that made this evidence count
    cue: str | None = None  # negation / hedge / condition cue, if any
    modality: str | None = None
    absence: bool = False  # evidence that something is missing: the document that should say it, no quote


class Waiver(_Frozen):
    """A reviewer's decision to accept a finding, matched by fingerprint."""

    rule_id: str
    fingerprint: str
    reason: str
    reviewer: str
    date: str
    expires: str | None = None
    status: Literal["applied", "expired", "unmatched"] = "applied"


class Finding(_Frozen):
    """One problem the audit found."""

    rule_id: str
    severity: Severity
    title: str
    message: str
    status: Literal["open", "waived"] = "open"
    waiver: Waiver | None = None
    fingerprint: str
    why: str
    evidence: tuple[Evidence, ...]
    citations: tuple[Citation, ...]
    remediation: str


class FlowView(_Frozen):
    """One sample flow as reported: what goes where, how firmly, and where the document says so."""

    document: str
    document_name: str
    role: str
    material: str
    action: str
    destination_kind: str
    country: str | None
    country_name: str | None
    destination: str
    organisation: str | None
    modality: str
    foreign: bool
    country_of_concern: bool
    disclosed: Literal["yes", "vaguely", "no", "n/a"] = "n/a"  # protocol flows abroad: does the consent say so?
    evidence: Evidence


class Applicability(_Frozen):
    """Whether a regime applies to the study, and why the tool thinks so."""

    key: str
    title: str
    status: Literal["applies", "does_not_apply", "unknown"]
    source: Literal["detected", "implied", "profile"]
    detail: str
    evidence: Evidence | None = None


class RuleResult(_Frozen):
    """The status of one rule in this audit."""

    rule_id: str
    title: str
    severity: Severity
    status: RuleStatus
    detail: str


class ToolInfo(_Frozen):
    name: str = "trial-auditor"
    version: str
    pack_name: str
    pack_version: str
    pack_as_of: str


class StudyInfo(_Frozen):
    """What the protocol says about itself, for the report header (None when not found)."""

    title: str | None = None
    protocol_number: str | None = None
    sponsor: str | None = None


class DocumentInfo(_Frozen):
    id: str
    name: str
    sha256: str
    role: str
    role_evidence: str
    format: str
    pages: int | None
    pages_without_text: tuple[int, ...] = ()


class Assessment(_Frozen):
    """The whole result of an audit; the JSON report is this model dumped."""

    schema_version: Literal["1"] = "1"
    tool: ToolInfo
    audited_at: str
    as_of: str
    documents: tuple[DocumentInfo, ...]
    findings: tuple[Finding, ...]
    rules: tuple[RuleResult, ...]
    flows: tuple[FlowView, ...] = ()
    applicability: tuple[Applicability, ...] = ()
    waivers: tuple[Waiver, ...] = ()
    study: StudyInfo = Field(default_factory=StudyInfo)
    summary: dict[str, int] = Field(default_factory=dict)
