"""The CSV report: one row per finding and evidence, spreadsheet-safe, for IRB trackers."""

from __future__ import annotations

import csv
import io

COLUMNS = ("rule_id", "severity", "status", "title", "message", "document", "page", "section", "quote",
           "fingerprint", "remediation", "citations")
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def safe(value) -> str:
    """A cell as text; one a spreadsheet would run as a formula is prefixed with a single quote."""
    text = "" if value is None else str(value)
    return "'" + text if text.startswith(FORMULA_STARTS) else text


def _page(evidence) -> str:
    if evidence.pages and len(evidence.pages) > 1:
        return f"{evidence.pages[0]}\u2013{evidence.pages[-1]}"  # an en dash: "9-10" would become a date
    return "" if evidence.page is None else str(evidence.page)


def rows(assessment):
    """Yield one dict per (finding, evidence) pair; a finding without evidence still gets one row."""
    for finding in assessment.findings:
        common = {"rule_id": finding.rule_id, "severity": finding.severity, "status": finding.status,
                  "title": finding.title, "message": finding.message, "fingerprint": finding.fingerprint,
                  "remediation": finding.remediation, "citations": "; ".join(c.text for c in finding.citations)}
        for evidence in finding.evidence or (None,):
            row = dict(common, document="", page="", section="", quote="")
            if evidence is not None:
                row.update(document=evidence.document_name, page=_page(evidence), section=evidence.section or "",
                           quote=evidence.quote)
            yield row


def render(assessment) -> str:
    """Serialise the findings as CSV with a header row."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n", quoting=csv.QUOTE_MINIMAL)
    writer.writerow(COLUMNS)
    for row in rows(assessment):
        writer.writerow([safe(row[column]) for column in COLUMNS])
    return buffer.getvalue()
