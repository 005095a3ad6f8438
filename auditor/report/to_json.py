"""The JSON report: the Assessment dumped as is (schema_version "1")."""

from __future__ import annotations

import json


def render(assessment) -> str:
    """Serialise the assessment as indented JSON."""
    return json.dumps(assessment.model_dump(mode="json"), indent=2, ensure_ascii=False) + "\n"
