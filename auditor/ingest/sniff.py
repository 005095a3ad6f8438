"""Tell a file's type from its bytes, never from its name."""

from __future__ import annotations

import zipfile
from pathlib import Path

from auditor.errors import InputError

_TEXT_SAMPLE = 64 * 1024


def sniff(path: Path, head: bytes) -> str:
    """Return "pdf", "docx", "markdown" or "text", or raise InputError naming what the file is."""
    if not head:
        raise InputError(f"{path.name}: the file is empty (0 bytes)")
    if head.lstrip(b"\x00\t\r\n ")[:5] == b"%PDF-" or b"%PDF-" in head[:1024]:
        return "pdf"
    if head[:4] == b"PK\x03\x04":
        return _sniff_zip(path)
    if head[:8] == b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1":
        raise InputError(f"{path.name}: legacy binary Word/Office (.doc) file; save it as .docx or PDF")
    if head[:5] == b"{\\rtf":
        raise InputError(f"{path.name}: RTF is not supported; save it as .docx or PDF")
    for magic, kind in ((b"\x89PNG", "PNG image"), (b"\xff\xd8\xff", "JPEG image"), (b"GIF8", "GIF image"),
                        (b"II*\x00", "TIFF image"), (b"MM\x00*", "TIFF image"), (b"\x1f\x8b", "gzip archive")):
        if head.startswith(magic):
            raise InputError(f"{path.name}: {kind} is not a supported document type (PDF, DOCX, text, Markdown)")
    return _sniff_text(path, head[:_TEXT_SAMPLE])


def _sniff_zip(path: Path) -> str:
    try:
        with zipfile.ZipFile(path) as archive:
            names = set(archive.namelist())
    except (zipfile.BadZipFile, OSError, ValueError) as exc:
        raise InputError(f"{path.name}: corrupt or truncated ZIP/DOCX file ({exc})") from None
    if "word/document.xml" in names:
        return "docx"
    if "xl/workbook.xml" in names or "ppt/presentation.xml" in names:
        raise InputError(f"{path.name}: Excel/PowerPoint files are not supported (PDF, DOCX, text, Markdown)")
    if "content.xml" in names:
        raise InputError(f"{path.name}: OpenDocument files are not supported; save it as .docx or PDF")
    raise InputError(f"{path.name}: a ZIP archive, not a DOCX document")


def _sniff_text(path: Path, head: bytes) -> str:
    if b"\x00" in head:
        raise InputError(f"{path.name}: binary data of an unsupported type (PDF, DOCX, text, Markdown)")
    try:
        sample = head.decode("utf-8")
    except UnicodeDecodeError as exc:
        if exc.start < len(head) - 4:  # a cut multi-byte character at the end is fine
            try:
                sample = head.decode("cp1252")
            except UnicodeDecodeError:
                raise InputError(f"{path.name}: not UTF-8 or Windows-1252 text") from None
        else:
            sample = head[: exc.start].decode("utf-8")
    lowered = sample.lstrip().lower()
    if lowered.startswith(("<!doctype html", "<html")):
        raise InputError(f"{path.name}: HTML is not supported; save it as PDF, DOCX or text")
    if path.suffix.lower() in {".md", ".markdown"} or _looks_like_markdown(sample):
        return "markdown"
    return "text"


def _looks_like_markdown(sample: str) -> bool:
    lines = sample.splitlines()[:400]
    headings = sum(1 for line in lines if line.startswith("#") and line[:7].lstrip("#").startswith(" "))
    return headings >= 2
