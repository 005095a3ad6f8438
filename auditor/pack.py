"""Load the knowledge pack (models/, installed as auditor.models): YAML, JSONL and its version."""

from __future__ import annotations

import json
from functools import lru_cache
from importlib import resources
from pathlib import Path

from auditor.errors import PackError


def pack_root():
    """The models/ folder: the installed data package, or the source checkout's folder."""
    try:
        return resources.files("auditor.models")
    except ModuleNotFoundError:
        return Path(__file__).resolve().parent.parent / "models"


def template_root():
    """The report_templates/ folder, installed or in the source checkout."""
    try:
        return resources.files("auditor.report_templates")
    except ModuleNotFoundError:
        return Path(__file__).resolve().parent.parent / "report_templates"


def _read(relative: str) -> str:
    node = pack_root()
    for part in relative.split("/"):
        node = node / part
    try:
        return node.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise PackError(f"models/{relative}: missing from the knowledge pack") from None


# Parsed pack files handed over by another process (see `parsed_pack`): a reader process parses the pack while
# this one imports spaCy, and its result is the same as parsing here.
_SEEDED: dict[str, object] = {}


def load_yaml(relative: str):
    """Parse a YAML file of the pack; a syntax error names the file and line."""
    seeded = _SEEDED.get(relative)
    return seeded if seeded is not None else _parse_yaml(relative)


@lru_cache(maxsize=None)
def _parse_yaml(relative: str):
    import yaml

    try:
        loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # libyaml when present: ~10x faster
        return yaml.load(_read(relative), Loader=loader)  # noqa: S506 - a safe loader
    except yaml.YAMLError as exc:
        raise PackError(f"models/{relative}: invalid YAML ({exc})".replace("\n", " ")) from None


def load_jsonl(relative: str) -> tuple[dict, ...]:
    """Parse a JSON-lines file of the pack; blank lines and // comments are skipped."""
    seeded = _SEEDED.get(relative)
    return seeded if seeded is not None else _parse_jsonl(relative)


@lru_cache(maxsize=None)
def _parse_jsonl(relative: str) -> tuple[dict, ...]:
    rows = []
    for number, line in enumerate(_read(relative).splitlines(), start=1):
        if not line.strip() or line.lstrip().startswith("//"):
            continue
        try:
            rows.append(json.loads(line))
        except json.JSONDecodeError as exc:
            raise PackError(f"models/{relative}:{number}: invalid JSON ({exc.msg})") from None
    return tuple(rows)


def parsed_pack() -> dict[str, object]:
    """Every YAML and JSON-lines file of the pack, parsed: what `seed` takes in another process."""
    out: dict[str, object] = {}
    for folder in ("", "context", "gazetteers", "patterns", "rules"):  # not build/: the gazetteers' sources
        node = pack_root() / folder if folder else pack_root()
        for child in sorted(node.iterdir(), key=lambda c: c.name):
            relative = f"{folder}/{child.name}" if folder else child.name
            if child.name.endswith(".yml"):
                out[relative] = load_yaml(relative)
            elif child.name.endswith(".jsonl"):
                out[relative] = load_jsonl(relative)
    return out


def seed(parsed: dict[str, object]) -> None:
    """Take the pack files another process parsed (`parsed_pack`), so this one need not parse them again."""
    _SEEDED.update(parsed)


def list_files(folder: str, suffix: str) -> list[str]:
    """Relative paths of the pack files in a folder with the given suffix, sorted."""
    node = pack_root() / folder
    return sorted(f"{folder}/{p.name}" for p in node.iterdir() if p.name.endswith(suffix))


@lru_cache(maxsize=1)
def pack_info() -> dict:
    """The pack's name, version and as-of date from pack.yml."""
    info = load_yaml("pack.yml")
    for key in ("name", "version", "as_of"):
        if key not in info:
            raise PackError(f"models/pack.yml: missing field '{key}'")
    return info
