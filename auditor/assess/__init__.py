"""Assess documents against the rule pack: findings with evidence and the status of every rule."""

from __future__ import annotations

from collections import Counter
from datetime import date, datetime, timezone

from auditor.assess.context import AuditContext
from auditor.assess.evidence import fingerprint
from auditor.assess.kinds import KINDS
from auditor.assess.model import SEVERITIES, Assessment, DocumentInfo, Finding, FlowView, RuleResult, ToolInfo
from auditor.errors import PackError


class _Blank(dict):
    def __missing__(self, key: str) -> str:
        return "{" + key + "}"


def prepare() -> None:
    """Load the applicability cues and the pack vocabulary ahead of the first assessment."""
    from auditor.assess.applicability import _keys

    _keys()


def prescan(documents, as_of: date | None = None, rules=None, profile: dict | None = None) -> dict:
    """The scans an assessment of these documents makes whatever their flows are: the rules run over the documents
    with no flows, and what that searched the text for (and the applicability it found) is kept, for `seed`.

    A worker runs this while the main process extracts the flows (pipeline.analyse); seeding the main process with
    the result saves it those searches, and the assessment is the same (each result is a function of a
    document's text and the patterns alone). Searches that only a flow leads to are made later, as usual."""
    from auditor.assess import applicability, conditions
    from auditor.extract.model import Extraction

    bundle = [(d, Extraction(document=d.id, mentions=(), flows=())) for d in documents]
    found = applicability.infer(bundle, profile)
    applicability.seed(bundle, profile, found)
    assess(bundle, as_of, rules, "", profile)
    ours = {(d.id, d.sha256) for d in documents}
    return {"matches": {k: v for k, v in conditions.cached_matches().items() if k[:2] in ours},
            "applicability": (applicability.bundle_key(bundle, profile), found)}


def seed(scanned: dict) -> None:
    """Take what `prescan` found in another process."""
    from auditor.assess import applicability, conditions

    conditions.seed_matches(scanned["matches"])
    applicability.seed_key(*scanned["applicability"])


def assess(bundle, as_of: date | None = None, rules=None, audited_at: str | None = None,
           profile: dict | None = None, waivers=None) -> Assessment:
    """Run every rule over the (Document, Extraction) pairs and gather the Assessment."""
    from auditor.assess.applicability import infer
    from auditor.assess.waivers import apply_waivers
    from auditor import __version__
    from auditor.assess.rules import load_rules
    from auditor.extract.vocab import vocabulary
    from auditor.pack import pack_info

    as_of = as_of or date.today()
    ctx = AuditContext(bundle=list(bundle), as_of=as_of, country_names=vocabulary().country_names)
    ctx.applicability = infer(ctx.bundle, profile)
    findings, results = [], []
    for rule in rules if rules is not None else load_rules():
        status, detail, new = _run(rule, ctx)
        findings.extend(new)
        results.append(RuleResult(rule_id=rule.id, title=rule.title, severity=rule.severity, status=status, detail=detail))
    findings.sort(key=lambda f: (SEVERITIES.index(f.severity), f.rule_id))
    findings, waiver_statuses = apply_waivers(findings, list(waivers or []), as_of)
    counts = Counter(f.severity for f in findings if f.status == "open")
    info = pack_info()
    return Assessment(
        tool=ToolInfo(version=__version__, pack_name=info["name"], pack_version=str(info["version"]),
                      pack_as_of=str(info["as_of"])),
        audited_at=audited_at or datetime.now(timezone.utc).replace(microsecond=0).isoformat(),
        as_of=as_of.isoformat(),
        documents=tuple(DocumentInfo(id=d.id, name=d.name, sha256=d.sha256, role=d.role, role_evidence=d.role_evidence,
                                     format=d.format, pages=d.pages, pages_without_text=d.pages_without_text)
                        for d, _ in ctx.bundle),
        findings=tuple(findings), rules=tuple(results), flows=tuple(_flow_views(ctx)),
        applicability=tuple(ctx.applicability.values()), waivers=tuple(waiver_statuses), study=_study(ctx),
        summary={s: counts.get(s, 0) for s in SEVERITIES},
    )


def _flow_views(ctx: AuditContext):
    """Every flow of every document, for the "where the samples go" table."""
    from auditor.assess.evidence import flow_evidence
    from auditor.extract.vocab import vocabulary

    concern = vocabulary().concern["doj-dsp"]["countries"]
    told = [f for _, f in ctx.flows("consent", foreign=True)]
    named = {f.country for f in told if f.destination_kind == "country" and f.modality == "asserted"}
    for document, extraction in ctx.bundle:
        for flow in extraction.flows:
            disclosed = "n/a"
            if document.role == "protocol" and flow.foreign:
                disclosed = "yes" if flow.country in named else "vaguely" if told else "no"
            yield FlowView(
                document=document.id, document_name=document.name, role=document.role, material=flow.material,
                action=flow.action, destination_kind=flow.destination_kind, country=flow.country,
                country_name=ctx.country_names.get(flow.country or "") if flow.country else None,
                destination=flow.destination, organisation=flow.organisation, modality=flow.modality,
                foreign=flow.foreign, country_of_concern=flow.country in concern, disclosed=disclosed,
                evidence=flow_evidence(document, flow),
            )


def _study(ctx: AuditContext):
    """Title, protocol number and sponsor from the first pages of the protocol (or of any document)."""
    import re

    from auditor.assess.model import StudyInfo
    from auditor.pack import load_yaml

    patterns = load_yaml("patterns/study_info.yml")
    documents = [d for d, _ in ctx.bundle if d.role == "protocol"] + [d for d, _ in ctx.bundle if d.role != "protocol"]
    found: dict[str, str] = {}
    for key in ("title", "protocol_number", "sponsor"):
        for document in documents:
            head = document.text[:6000]
            match = next((m for m in (re.search(p, head, re.IGNORECASE | re.MULTILINE) for p in patterns[key]) if m), None)
            if match:
                found[key] = " ".join(match.group(1).split()).strip(" .,;")
                break
    return StudyInfo(**found)


def _run(rule, ctx: AuditContext):
    if rule.effective and ctx.as_of < date.fromisoformat(str(rule.effective)):
        return "not_applicable", f"Not in force on {ctx.as_of} (effective {rule.effective}).", []
    gate = [_applicability(ctx, key, rule.id) for key in rule.applies_when]
    off = [a for a in gate if a.status == "does_not_apply"]
    if off:
        return "not_applicable", f"{off[0].title} does not apply ({off[0].detail}).", []
    roles = {d.role for d, _ in ctx.bundle}
    missing = [r for r in rule.requires if r not in roles]
    if missing:
        return "skipped", f"No {' or '.join(m.replace('consent', 'consent form') for m in missing)} was given.", []
    kind = KINDS.get(rule.kind)
    if kind is None:
        raise PackError(f"rule {rule.id}: unknown kind '{rule.kind}' (known: {', '.join(sorted(KINDS))})")
    outcome = kind(rule, ctx)
    if not outcome.hits:
        return "passed", outcome.passed, []
    unknown = [a for a in gate if a.status == "unknown"]
    findings = [_finding(rule, hit, unknown) for hit in outcome.hits]
    return "finding", f"{len(findings)} finding(s).", findings


def _applicability(ctx: AuditContext, key: str, rule_id: str):
    if key not in ctx.applicability:
        raise PackError(f"rule {rule_id}: unknown applicability key '{key}' (known: {', '.join(sorted(ctx.applicability))})")
    return ctx.applicability[key]


def _finding(rule, hit, unknown=()) -> Finding:
    severity = hit.severity or (rule.escalations.get(hit.escalation, rule.severity) if hit.escalation else rule.severity)
    message = " ".join(rule.message.format_map(_Blank(hit.fields)).split())
    why = rule.why
    if severity != rule.severity:
        reason = hit.reason or (hit.escalation or "").replace("_", " ")
        why = f"{why} Severity {'raised' if SEVERITIES.index(severity) < SEVERITIES.index(rule.severity) else 'set'} to {severity}: {reason}."
    if unknown and severity != "info":
        lowered = SEVERITIES[SEVERITIES.index(severity) + 1]
        why = (f"{why} Severity lowered from {severity} to {lowered}: whether the study is "
               f"{' / '.join(a.title for a in unknown)} is unknown (give it in --profile).")
        severity = lowered
    return Finding(
        rule_id=rule.id, severity=severity, title=rule.title, message=message,
        fingerprint=fingerprint(rule.id, [e.quote for e in hit.evidence]), why=" ".join(why.split()),
        evidence=tuple(hit.evidence), citations=tuple(rule.citations), remediation=" ".join(rule.remediation.split()),
    )
