"""Shared fixtures: paths to the bundled samples and the shared real-document corpus."""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "sample_protocols"
CORPUS = ROOT.parent / "shared" / "corpus" / "real"
sys.path.insert(0, str(Path(__file__).resolve().parent))
# The parsed-pack cache (auditor.pack.cache_dir) goes to a temporary folder, not the user's ~/.cache.
os.environ.setdefault("AUDITOR_CACHE_DIR", tempfile.mkdtemp(prefix="auditor-cache-"))


@pytest.fixture(scope="session")
def corpus() -> Path:
    if not CORPUS.is_dir():
        pytest.skip("../shared/corpus/real is absent")
    return CORPUS
