"""Stages import only from the stages before them (ingest < document < extract < assess < report)."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parent.parent / "auditor"
ORDER = ["ingest", "document", "extract", "assess", "report"]
SHARED = {"auditor", "auditor.errors", "auditor.forked", "auditor.pack"}


def _imports(path: Path):
    tree = ast.parse(path.read_text())
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.module and node.module.startswith("auditor"):
            yield node.module
        elif isinstance(node, ast.Import):
            yield from (a.name for a in node.names if a.name.startswith("auditor"))


@pytest.mark.parametrize("stage", ORDER)
def test_stage_imports_only_earlier_stages(stage):
    allowed = {f"auditor.{s}" for s in ORDER[: ORDER.index(stage) + 1]}
    for path in (PACKAGE / stage).glob("*.py"):
        for module in _imports(path):
            if module in SHARED:
                continue
            top = ".".join(module.split(".")[:2])
            assert top in allowed, f"{path.name} imports {module}"


def test_reporters_share_one_signature():
    import inspect

    from auditor.report import to_html, to_json

    for module in (to_html, to_json):
        assert list(inspect.signature(module.render).parameters) == ["assessment"]
