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
    return _parse_yaml_text(relative, _read(relative))


def _parse_yaml_text(relative: str, text: str):
    import yaml

    try:
        loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # libyaml when present: ~10x faster
        return yaml.load(text, Loader=loader)  # noqa: S506 - a safe loader
    except yaml.YAMLError as exc:
        raise PackError(f"models/{relative}: invalid YAML ({exc})".replace("\n", " ")) from None


def load_jsonl(relative: str) -> tuple[dict, ...]:
    """Parse a JSON-lines file of the pack; blank lines and // comments are skipped."""
    seeded = _SEEDED.get(relative)
    return seeded if seeded is not None else _parse_jsonl(relative)


@lru_cache(maxsize=None)
def _parse_jsonl(relative: str) -> tuple[dict, ...]:
    return _parse_jsonl_text(relative, _read(relative))


def _parse_jsonl_text(relative: str, text: str) -> tuple[dict, ...]:
    rows = []
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip() or line.lstrip().startswith("//"):
            continue
        try:
            rows.append(json.loads(line))
        except json.JSONDecodeError as exc:
            raise PackError(f"models/{relative}:{number}: invalid JSON ({exc.msg})") from None
    return tuple(rows)


def parsed_pack() -> dict[str, object]:
    """Every YAML and JSON-lines file of the pack, parsed: what `seed` takes in another process.

    Parsing the YAML costs about 0.1 s a run; the result is kept in a cache file (JSON, see `_cache_file`)
    keyed by a hash of every pack file's name and bytes, so an edited pack is parsed afresh, and read back in a
    few milliseconds. A cache that cannot be read or written is passed over: the pack is parsed, as without it."""
    texts = _pack_texts()
    key = _pack_key(texts)
    cached = _read_cache(key)
    if cached is not None:
        return cached
    out: dict[str, object] = {}
    for relative, text in texts.items():
        if relative.endswith(".yml"):
            out[relative] = _parse_yaml_text(relative, text.decode("utf-8"))
        else:
            out[relative] = _parse_jsonl_text(relative, text.decode("utf-8"))
    _write_cache(key, out)
    return out


def _pack_texts() -> dict[str, bytes]:
    out: dict[str, bytes] = {}
    for folder in ("", "context", "gazetteers", "patterns", "rules"):  # not build/: the gazetteers' sources
        node = pack_root() / folder if folder else pack_root()
        for child in sorted(node.iterdir(), key=lambda c: c.name):
            if child.name.endswith((".yml", ".jsonl")):
                out[f"{folder}/{child.name}" if folder else child.name] = child.read_bytes()
    return out


_CACHE_FORMAT = "1"  # raise when the cache file's layout changes


def _pack_key(texts: dict[str, bytes]) -> str:
    import hashlib

    digest = hashlib.sha256(f"trial-auditor pack cache {_CACHE_FORMAT}\0".encode())
    for relative, data in texts.items():
        digest.update(relative.encode() + b"\0" + str(len(data)).encode() + b"\0" + data)
    return digest.hexdigest()[:32]


def cache_dir() -> Path | None:
    """Where the parsed pack is cached: $AUDITOR_CACHE_DIR, else $XDG_CACHE_HOME/trial-auditor, else
    ~/.cache/trial-auditor; None when AUDITOR_CACHE_DIR is "off" (or empty). Only the knowledge pack is cached,
    never anything of a document."""
    import os

    chosen = os.environ.get("AUDITOR_CACHE_DIR")
    if chosen is not None:
        return None if chosen.strip() in ("", "off") else Path(chosen)
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "trial-auditor"


def _cache_file(key: str) -> Path | None:
    folder = cache_dir()
    return None if folder is None else folder / f"pack-{key}.json"


def _read_cache(key: str) -> dict[str, object] | None:
    path = _cache_file(key)
    if path is None:
        return None
    try:
        data = json.loads(path.read_bytes())
        if data.get("key") != key:
            return None
        return {relative: tuple(value) if relative.endswith(".jsonl") else value
                for relative, value in data["files"].items()}
    except (OSError, ValueError, TypeError, AttributeError, KeyError):
        return None


def _write_cache(key: str, parsed: dict[str, object]) -> None:
    """Write the cache file only if JSON gives back exactly what was parsed (no dates, no non-string keys)."""
    import os
    import tempfile

    path = _cache_file(key)
    if path is None:
        return
    try:
        text = json.dumps({"key": key, "files": parsed}, ensure_ascii=False, allow_nan=False)
    except (TypeError, ValueError):  # a YAML date or other non-JSON value: parse each time
        return
    back = json.loads(text)["files"]
    if {r: tuple(v) if r.endswith(".jsonl") else v for r, v in back.items()} != parsed or not _same_types(back, parsed):
        return
    temporary = None
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(prefix=".pack-", suffix=".tmp", dir=path.parent)
        with os.fdopen(handle, "w", encoding="utf-8") as out:
            out.write(text)
        os.replace(temporary, path)  # atomic: a concurrent run reads the old file or the new one, never half
        for old in path.parent.glob("pack-*.json"):  # an earlier pack's cache
            if old != path:
                old.unlink(missing_ok=True)
    except OSError:  # a read-only or full disk: no cache
        if temporary is not None:
            try:
                os.unlink(temporary)
            except OSError:
                pass


def _same_types(a, b) -> bool:
    """`==` takes True for 1 and 1.0 for 1: the cache must give back the very types YAML gave."""
    if isinstance(a, dict):
        return isinstance(b, dict) and all(_same_types(v, b[k]) for k, v in a.items())
    if isinstance(a, list):
        return isinstance(b, (list, tuple)) and all(_same_types(x, y) for x, y in zip(a, b))
    return type(a) is type(b)


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
