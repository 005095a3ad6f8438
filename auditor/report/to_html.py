"""The HTML report: one self-contained, autoescaped page rendered from report_templates/."""

from __future__ import annotations

from auditor.assess.model import SEVERITIES

SEVERITY_LABEL = {"critical": "Critical", "major": "Major", "minor": "Minor", "info": "Info"}
MATERIAL_LABEL = {"biospecimen": "specimens", "cells": "cells", "genetic_data": "genetic data", "other_data": "other data"}


def segments(quote: str, highlights) -> list[tuple[str, bool]]:
    """Split a quote into (text, highlighted) runs; the template escapes every run."""
    out, position = [], 0
    for start, end in sorted(highlights):
        start, end = max(start, position), min(end, len(quote))
        if start >= end:
            continue
        if start > position:
            out.append((quote[position:start], False))
        out.append((quote[start:end], True))
        position = end
    if position < len(quote):
        out.append((quote[position:], False))
    return out


def _environment():
    from jinja2 import Environment, FileSystemLoader, select_autoescape

    from auditor.pack import template_root

    root = template_root()
    env = Environment(loader=FileSystemLoader(str(root)), autoescape=select_autoescape(default=True, default_for_string=True))
    env.globals.update(segments=segments, SEVERITIES=SEVERITIES, SEVERITY_LABEL=SEVERITY_LABEL,
                       MATERIAL_LABEL=MATERIAL_LABEL)
    return env


def render(assessment) -> str:
    """Render the assessment as a standalone HTML page (inline CSS and script, no network access)."""
    import base64
    import hashlib

    from auditor.report.diagram import layout

    environment = _environment()
    script = environment.loader.get_source(environment, "report.js")[0]
    digest = base64.b64encode(hashlib.sha256(script.encode("utf-8")).digest()).decode()
    verdict = next((s for s in SEVERITIES if assessment.summary.get(s)), None)
    families = sorted({f.rule_id.split("-")[0] for f in assessment.findings})
    return environment.get_template("report.html.j2").render(
        a=assessment, verdict=verdict, script=script, script_hash=f"sha256-{digest}", families=families,
        diagram=layout(assessment.flows))
