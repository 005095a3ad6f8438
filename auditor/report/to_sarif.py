"""The SARIF 2.1.0 report: one run, a rule per audited rule, a result per finding, a location per evidence."""

from __future__ import annotations

import json
import re
from urllib.parse import quote as url_quote

from auditor.report.where import location_parts

SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
LEVEL = {"critical": "error", "major": "error", "minor": "warning", "info": "note"}
MIME = {"pdf": "application/pdf", "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        "txt": "text/plain", "text": "text/plain", "md": "text/markdown", "html": "text/html"}
OFFSETS = ("charOffset and charLength count characters in the canonical text the auditor extracted from each "
           "document (pages joined in reading order), not bytes of the original file")
FINGERPRINT_KEY = "trialAuditor/v1"


def _uri(name: str) -> str:
    """A relative URI reference for a document name (spaces and reserved characters percent-encoded)."""
    return url_quote(name, safe="/._-~")


def _identifier(title: str) -> str:
    """A PascalCase rule name from a title, as SARIF viewers expect of reportingDescriptor.name."""
    words = re.findall(r"[A-Za-z0-9]+", title)
    return "".join(w[:1].upper() + w[1:] for w in words) or "Rule"


def _artifacts(assessment) -> list[dict]:
    out = []
    for doc in assessment.documents:
        artifact = {"location": {"uri": _uri(doc.name)}, "roles": ["analysisTarget"],
                    "hashes": {"sha-256": doc.sha256},
                    "properties": {"documentId": doc.id, "role": doc.role, "format": doc.format, "pages": doc.pages}}
        if doc.format in MIME:
            artifact["mimeType"] = MIME[doc.format]
        out.append(artifact)
    return out


def _rule_help(assessment) -> dict[str, tuple]:
    """Each rule's citations, taken from the first finding that carries them."""
    found: dict[str, tuple] = {}
    for finding in assessment.findings:
        if finding.citations and finding.rule_id not in found:
            found[finding.rule_id] = finding.citations
    return found


def _rules(assessment) -> list[dict]:
    cited = _rule_help(assessment)
    out = []
    for rule in assessment.rules:
        descriptor = {"id": rule.rule_id, "name": _identifier(rule.title), "shortDescription": {"text": rule.title},
                      "defaultConfiguration": {"level": LEVEL[rule.severity]},
                      "properties": {"severity": rule.severity, "status": rule.status, "detail": rule.detail}}
        citations = cited.get(rule.rule_id, ())
        if citations:
            lines = [c.text + (f" <{c.url}>" if c.url else "") for c in citations]
            descriptor["help"] = {"text": "Authority: " + "; ".join(lines)}
            url = next((c.url for c in citations if c.url), None)
            if url:
                descriptor["helpUri"] = url
        out.append(descriptor)
    return out


def _where(evidence) -> str:
    return ", ".join([evidence.document_name, *location_parts(evidence)])


def _location(evidence, index: dict[str, int]) -> dict:
    artifact = {"uri": _uri(evidence.document_name)}
    if evidence.document in index:
        artifact["index"] = index[evidence.document]
    properties = {"page": evidence.page, "pages": list(evidence.pages), "section": evidence.section,
                  "paragraph": evidence.paragraph, "trigger": evidence.trigger, "cue": evidence.cue,
                  "modality": evidence.modality, "absence": evidence.absence}
    if evidence.absence:
        return {"physicalLocation": {"artifactLocation": artifact},
                "message": {"text": f"Missing from {evidence.document_name}: {evidence.quote}"},
                "properties": properties}
    region = {"charOffset": evidence.start, "charLength": max(evidence.end - evidence.start, 0),
              "snippet": {"text": evidence.quote}}
    if evidence.highlights:
        region["properties"] = {"highlights": [list(span) for span in evidence.highlights]}
    return {"physicalLocation": {"artifactLocation": artifact, "region": region},
            "message": {"text": _where(evidence)}, "properties": properties}


def _result(finding, rule_index: dict[str, int], doc_index: dict[str, int]) -> dict:
    result = {"ruleId": finding.rule_id, "level": LEVEL[finding.severity], "message": {"text": finding.message},
              "locations": [_location(e, doc_index) for e in finding.evidence],
              "partialFingerprints": {FINGERPRINT_KEY: finding.fingerprint},
              "properties": {"severity": finding.severity, "status": finding.status, "title": finding.title,
                             "why": finding.why, "remediation": finding.remediation,
                             "citations": [c.text for c in finding.citations]}}
    if finding.rule_id in rule_index:
        result["ruleIndex"] = rule_index[finding.rule_id]
    if finding.status == "waived":
        suppression = {"kind": "external", "status": "accepted",
                       "justification": finding.waiver.reason if finding.waiver else "waived"}
        if finding.waiver:
            suppression["properties"] = {"reviewer": finding.waiver.reviewer, "date": finding.waiver.date,
                                         "expires": finding.waiver.expires}
        result["suppressions"] = [suppression]
    return result


def sarif(assessment) -> dict:
    """The assessment as a SARIF 2.1.0 log (a plain dict)."""
    tool = assessment.tool
    doc_index = {doc.id: number for number, doc in enumerate(assessment.documents)}
    rule_index = {rule.rule_id: number for number, rule in enumerate(assessment.rules)}
    driver = {"name": tool.name, "version": tool.version, "semanticVersion": tool.version, "rules": _rules(assessment),
              "properties": {"pack": {"name": tool.pack_name, "version": tool.pack_version, "as_of": tool.pack_as_of}}}
    run = {
        "tool": {"driver": driver},
        "invocations": [{"executionSuccessful": True, "endTimeUtc": assessment.audited_at}],
        "artifacts": _artifacts(assessment),
        "columnKind": "unicodeCodePoints",
        "results": [_result(f, rule_index, doc_index) for f in assessment.findings],
        "properties": {
            "schema_version": assessment.schema_version, "as_of": assessment.as_of,
            "audited_at": assessment.audited_at, "pack_name": tool.pack_name, "pack_version": tool.pack_version,
            "pack_as_of": tool.pack_as_of, "offsets": OFFSETS, "summary": dict(assessment.summary),
            "applicability": [a.model_dump(mode="json") for a in assessment.applicability],
        },
    }
    return {"$schema": SCHEMA, "version": "2.1.0", "runs": [run]}


def render(assessment) -> str:
    """Serialise the assessment as an indented SARIF 2.1.0 log."""
    return json.dumps(sarif(assessment), indent=2, ensure_ascii=False) + "\n"
