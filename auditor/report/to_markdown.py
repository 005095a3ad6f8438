"""The Markdown report: a review-letter summary whose document text is always inert."""

from __future__ import annotations

import re
from urllib.parse import urlsplit

from auditor.assess.model import SEVERITIES
from auditor.report.where import location_parts

SEVERITY_LABEL = {"critical": "Critical", "major": "Major", "minor": "Minor", "info": "Info"}
_ENTITIES = {"&": "&amp;", "<": "&lt;", ">": "&gt;"}
_BACKSLASHED = set("\\`*_[]|~")
_LINE_START = re.compile(r"^(\d+)([.)])")


def escape(text: str | None, line_start: bool = False) -> str:
    """Make text inert on one line: HTML as entities, Markdown punctuation escaped; line_start defuses block openers."""
    if not text:
        return ""
    flat = " ".join(str(text).split())
    escaped = "".join(_ENTITIES.get(c) or ("\\" + c if c in _BACKSLASHED else c) for c in flat)
    if line_start:
        escaped = _LINE_START.sub(r"\1\\\2", escaped)  # "1. " would start an ordered list
        if escaped[:1] in ("#", "+", "-", "=", ":"):
            escaped = "\\" + escaped
    return escaped


def _code(text: str) -> str:
    """An identifier (hash, fingerprint) as a code span; nothing in it can close the span."""
    return "`" + "".join(c for c in str(text) if c.isalnum() or c in "-_.:") + "`"


def _link(text: str, url: str | None) -> str:
    """A citation, linked only when its URL is plain http(s)."""
    label = escape(text)
    if not url or urlsplit(url).scheme not in ("http", "https"):
        return label
    safe_url = "".join(c if c.isalnum() or c in "-._~:/?#@!$&*+,;=%" else f"%{ord(c):02X}" for c in url)
    return f"[{label}]({safe_url})"


def _where(evidence) -> str:
    parts = location_parts(evidence, "p.", "pp.", "\u00a7", "\u00b6", "\u2013")
    if evidence.section:  # the section comes from the document: escape it
        parts = [f"\u00a7 {escape(evidence.section)}" if p.startswith("\u00a7 ") else p for p in parts]
    return ", ".join([f"**{escape(evidence.document_name)}**", *parts])


def _documents(assessment) -> list[str]:
    lines = ["## Documents", "", "| ID | Document | Role | Format | Pages | SHA-256 |", "| --- | --- | --- | --- | --- | --- |"]
    for doc in assessment.documents:
        pages = "" if doc.pages is None else str(doc.pages)
        lines.append(f"| {escape(doc.id)} | {escape(doc.name)} | {escape(doc.role)} | {escape(doc.format)} | "
                     f"{pages} | {_code(doc.sha256)} |")
    return lines + [""]


def _summary(assessment) -> list[str]:
    lines = ["## Summary", "", "| Severity | Open | Waived |", "| --- | ---: | ---: |"]
    for severity in SEVERITIES:
        of = [f for f in assessment.findings if f.severity == severity]
        waived = sum(1 for f in of if f.status == "waived")
        lines.append(f"| {SEVERITY_LABEL[severity]} | {len(of) - waived} | {waived} |")
    return lines + [""]


def _finding(finding) -> list[str]:
    lines = [f"#### {escape(finding.rule_id)}: {escape(finding.title)}", ""]
    if finding.status == "waived":
        reason = escape(finding.waiver.reason) if finding.waiver else "waived"
        lines += [f"*Waived:* {reason}", ""]
    lines += [escape(finding.message, line_start=True), ""]
    for evidence in finding.evidence:
        if evidence.absence:
            lines += [f"*Not found in* {_where(evidence)}: {escape(evidence.quote)}", ""]
        else:
            lines += [f"> {escape(evidence.quote, line_start=True)}", ">", f"> \u2014 {_where(evidence)}", ""]
    if finding.remediation:
        lines += [f"**Remediation:** {escape(finding.remediation)}", ""]
    if finding.citations:
        lines += ["**Citations:**", ""] + [f"- {_link(c.text, c.url)}" for c in finding.citations] + [""]
    lines += [f"Fingerprint: {_code(finding.fingerprint)}", ""]
    return lines


def render(assessment) -> str:
    """Render the assessment as Markdown for pasting into a review letter."""
    tool = assessment.tool
    lines = ["# Trial audit report", "",
             f"Audited {escape(assessment.audited_at)} against the rules as of {escape(assessment.as_of)} "
             f"({escape(tool.name)} {escape(tool.version)}, pack {escape(tool.pack_name)} "
             f"{escape(tool.pack_version)}).", ""]
    lines += _documents(assessment) + _summary(assessment) + ["## Findings", ""]
    if not assessment.findings:
        lines += ["No findings.", ""]
    for severity in SEVERITIES:
        group = [f for f in assessment.findings if f.severity == severity]
        if group:
            lines += [f"### {SEVERITY_LABEL[severity]} ({len(group)})", ""]
            for finding in group:
                lines += _finding(finding)
    return "\n".join(lines).rstrip() + "\n"
