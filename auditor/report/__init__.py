"""Render an Assessment in each output format; every reporter has the signature render(assessment) -> str."""

from __future__ import annotations

from importlib import import_module

FORMATS = ("json", "html", "sarif", "csv", "markdown")
_MODULES = {"json": "to_json", "html": "to_html", "sarif": "to_sarif", "csv": "to_csv", "markdown": "to_markdown"}


def render(assessment, fmt: str) -> str:
    """Render the assessment in the named format."""
    if fmt not in _MODULES:
        raise ValueError(f"unknown format {fmt!r}")
    return import_module(f"auditor.report.{_MODULES[fmt]}").render(assessment)
