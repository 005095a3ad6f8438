"""Ingest a file (PDF, DOCX, text, Markdown) into a RawDocument, sniffing its type from its bytes."""

from __future__ import annotations

import hashlib
from pathlib import Path

from auditor.errors import InputError
from auditor.ingest.model import RawDocument
from auditor.ingest.sniff import sniff

MAX_BYTES = 512 * 1024 * 1024


def ingest(path: str | Path) -> RawDocument:
    """Read one document; any problem with the file is raised as a one-line InputError."""
    path = Path(path)
    if not path.exists():
        raise InputError(f"{path}: no such file")
    if path.is_dir():
        raise InputError(f"{path}: is a directory, not a document")
    try:
        size = path.stat().st_size
        if size > MAX_BYTES:
            raise InputError(f"{path.name}: {size // 2**20} MiB is larger than the {MAX_BYTES // 2**20} MiB limit")
        data = path.read_bytes()
    except PermissionError:
        raise InputError(f"{path}: permission denied") from None
    except OSError as exc:
        raise InputError(f"{path}: cannot read ({exc.strerror or exc})") from None
    kind = sniff(path, data[:65536])
    raw = _read(kind, path, data)
    claimed = _SUFFIX_KIND.get(path.suffix.lower())
    if claimed and claimed != kind and not {claimed, kind} <= {"text", "markdown"}:
        note = f"{path.name}: the content is {kind.upper()} although the name says {claimed.upper()}; read as {kind.upper()}"
        raw = raw.model_copy(update={"warnings": (*raw.warnings, note)})
    return raw


_SUFFIX_KIND = {".pdf": "pdf", ".docx": "docx", ".txt": "text", ".md": "markdown", ".markdown": "markdown"}


def _read(kind: str, path: Path, data: bytes) -> RawDocument:
    sha256 = hashlib.sha256(data).hexdigest()
    name = path.name
    if kind == "pdf":
        from auditor.ingest.from_pdf import read_pdf

        return read_pdf(path, name, sha256)
    if kind == "docx":
        from auditor.ingest.from_docx import read_docx

        return read_docx(path, name, sha256)
    from auditor.ingest.text import read_text

    return read_text(path, name, sha256, data, markdown=(kind == "markdown"))
