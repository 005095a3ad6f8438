"""Render an Assessment in each output format; every reporter has the signature render(assessment) -> str."""

from __future__ import annotations

FORMATS = ("json", "html")


def render(assessment, fmt: str) -> str:
    """Render the assessment in the named format."""
    if fmt == "json":
        from auditor.report.to_json import render as render_json

        return render_json(assessment)
    if fmt == "html":
        from auditor.report.to_html import render as render_html

        return render_html(assessment)
    raise ValueError(f"unknown format {fmt!r}")
