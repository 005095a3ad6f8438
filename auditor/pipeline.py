"""The only module that runs every stage: ingest, build, extract, assess."""

from __future__ import annotations

import os
import time
from dataclasses import dataclass, field
from datetime import date
from typing import TYPE_CHECKING

from auditor.forked import Forked, Stream, can_fork

if TYPE_CHECKING:  # imported lazily: the reading worker is forked before the heavier modules load
    from auditor.assess.model import Assessment


@dataclass
class Input:
    path: str
    role: str | None = None  # "protocol" / "consent" when given on the command line


@dataclass
class Run:
    """An audit's result and what each stage cost, for --timings and benchmarks."""

    assessment: Assessment
    bundle: list
    timings: dict[str, float] = field(default_factory=dict)
    warnings: list[str] = field(default_factory=list)


def read_all(inputs: list[Input], timings: dict[str, float], warm_up=None) -> tuple[list, list[str]]:
    """Ingest every input; a file that cannot be read is one message, and the others still go on.

    When there is a second core and enough to read, the files are read in a forked child process while this
    process runs `warm_up` (importing spaCy and building the matchers, about a second); the child first parses
    the knowledge pack, which `warm_up` takes over once spaCy is imported. The documents read are the same
    either way. A child that dies on a hostile file is reported as that file's error, and the files after it are
    read here. (Building the Documents there too does not pay: unpickling one costs more than building it.) The
    child is forked before this process imports the readers' pydantic models, which would delay it by 0.1 s.
    """
    if warm_up is None or not _worth_a_worker(inputs):
        from auditor.ingest import ingest

        result = _read_serially(inputs, timings, ingest)
        if warm_up is not None:
            _timed(timings, "warm_up", warm_up)
        return result
    start = time.perf_counter()
    readable, errors = [], []
    try:
        stream = Stream(_read_in_child, [item.path for item in inputs])
    except OSError:  # no process or memory to fork with: read here, as without a second core
        from auditor.ingest import ingest

        result = _read_serially(inputs, timings, ingest)
        _timed(timings, "warm_up", warm_up)
        return result
    try:
        parsed = _First(stream)
        _timed(timings, "warm_up", warm_up, parsed)
        if parsed.ended():  # the child ended before it parsed the pack: read everything here, as without it
            from auditor.ingest import ingest

            return _read_serially(inputs, timings, ingest)
        for number, item in enumerate(inputs):
            try:
                raw, error = stream.next()
            except EOFError:  # the child died on this file (it reads them in order): read the rest here
                from auditor.ingest import ingest

                errors.append(f"{item.path}: the reader stopped unexpectedly on this file")
                more, more_errors = _read_serially(inputs[number + 1 :], {}, ingest)
                readable.extend(more)
                errors.extend(more_errors)
                break
            if raw is not None:
                readable.append((item, raw))
            else:
                errors.append(error)
    finally:
        stream.close()
    timings["ingest"] = timings.get("ingest", 0.0) + time.perf_counter() - start
    return readable, errors


def _read_in_child(emit, paths: list[str]) -> None:
    """The reading child: the parsed pack first, then (RawDocument, None) or (None, message) for each path."""
    emit(_parse_pack())
    for path in paths:
        emit(_ingest_one(path))


class _First:
    """The reading child's first value (its parsed pack), taken when `result()` is first asked for, or by
    `ended()` after the warm-up if it never was; `result()` raises if the child ended without one."""

    def __init__(self, stream):
        self._stream, self._taken, self._value, self._ended = stream, False, None, False

    def result(self):
        if not self._taken:
            self._taken = True
            try:
                self._value = self._stream.next()
            except EOFError:
                self._ended = True
        if self._ended:
            raise EOFError("the reading child ended before it parsed the pack")
        return self._value

    def ended(self) -> bool:
        try:
            self.result()
        except EOFError:
            return True
        return False


# Below this many bytes of PDF or DOCX input, reading takes less time than starting a worker; text is read here
# (it needs none of the PDF and DOCX libraries). The environment variable is for tests and benchmarks.
PARALLEL_FROM_BYTES = int(os.environ.get("AUDITOR_PARALLEL_FROM_BYTES", 16 * 1024))


def _worth_a_worker(inputs: list[Input]) -> bool:
    if not can_fork():
        return False
    total = 0
    for item in inputs:
        try:
            with open(item.path, "rb") as handle:
                if handle.read(4) in (b"%PDF", b"PK\x03\x04"):
                    total += os.fstat(handle.fileno()).st_size
        except OSError:
            continue
    return total >= PARALLEL_FROM_BYTES


def _parse_pack():
    """The parsed pack files and the vocabulary built from them, for the main process; None if that fails (the
    main process then reads the pack itself and reports what is wrong with it)."""
    from auditor.extract.vocab import vocabulary
    from auditor.pack import parsed_pack, seed

    try:
        parsed = parsed_pack()
        seed(parsed)  # the vocabulary is built from the same parsed files
        return parsed, vocabulary()
    except Exception:  # noqa: BLE001 - a broken pack is reported by the main process, with its message
        return None


def _take_parsed_pack(parsed) -> None:
    """Seed this process's pack and vocabulary caches with what the worker parsed (a future), if it could."""
    from auditor.extract import vocab
    from auditor import pack

    try:
        result = parsed.result()
    except Exception:  # noqa: BLE001 - the worker died: parse here, as without one
        return
    if result is not None:
        pack.seed(result[0])
        vocab.seed(result[1])


def _seed_pack() -> None:
    """Seed this process's pack cache from `parsed_pack` (its cache file makes that a few milliseconds); a broken
    pack is left to the loaders, which report it file by file."""
    from auditor import pack
    from auditor.errors import PackError

    try:
        pack.seed(pack.parsed_pack())
    except PackError:
        pass


def _ingest_one(path: str):
    """(RawDocument, None) or (None, one-line message): run in a worker, so errors travel as values."""
    from auditor.errors import InputError
    from auditor.ingest import ingest

    try:
        return ingest(path), None
    except InputError as exc:
        return None, str(exc)


def _read_serially(inputs: list[Input], timings: dict[str, float], ingest) -> tuple[list, list[str]]:
    from auditor.errors import InputError

    readable, errors = [], []
    for item in inputs:
        try:
            readable.append((item, _timed(timings, "ingest", ingest, item.path)))
        except InputError as exc:
            errors.append(str(exc))
    return readable, errors


def _warm() -> bool:
    """True once this process has built the matchers (a long-lived process: tests, a server)."""
    import sys

    nlp = sys.modules.get("auditor.extract.nlp")
    return nlp is not None and nlp.matchers.cache_info().currsize > 0


def warm_up(rules_dir: str | None = None, parsed=None) -> None:
    """Load what extraction and assessment need (spaCy, the matchers, the rules), to overlap with reading.

    `parsed` is a future of the reading worker's `_parse_pack`: spaCy is imported first, and by then the worker
    has parsed the pack, so this process takes its result instead of parsing the pack too."""
    import gc

    import auditor.document.build  # noqa: F401 - loaded now, while the worker reads
    from auditor.assess import prepare as prepare_assess
    from auditor.assess.rules import load_rules
    from auditor.extract import prepare as prepare_extract
    from auditor.extract.nlp import import_spacy

    enabled = gc.isenabled()
    gc.disable()  # imports and the matchers make long-lived objects only: nothing for the collector to find
    try:
        if parsed is not None:
            import_spacy()
            _take_parsed_pack(parsed)
        else:
            _seed_pack()
        prepare_extract()
        load_rules(rules_dir)
        prepare_assess()
    finally:
        gc.freeze()  # and they live as long as the process: later collections need not rescan them
        if enabled:
            gc.enable()


def warnings_of(readable) -> list[str]:
    """Non-fatal notes from the readers (e.g. a mislabelled file read by its content)."""
    return [note for _, raw in readable for note in raw.warnings]


def analyse(readable, timings: dict[str, float], while_extracting=None) -> list:
    """Build and extract every ingested document; return (Document, Extraction) pairs in input order.

    `while_extracting(documents)` is called once the documents are built, before any is extracted (to start
    work on the other core)."""
    from auditor.document.build import build
    from auditor.extract import extract

    documents = [_timed(timings, "document", build, raw, f"D{number}", item.role)
                 for number, (item, raw) in enumerate(readable, start=1)]
    if while_extracting is not None:
        while_extracting(documents)
    return [(document, _timed(timings, "extract", extract, document)) for document in documents]


# Below this many sentences in all, the rules' searches cost less than forking a worker to make them in advance.
PRESCAN_FROM_SENTENCES = int(os.environ.get("AUDITOR_PRESCAN_FROM_SENTENCES", 2000))


class _Prescan:
    """A `while_extracting` for analyse: when the documents are long and a second core is free, a forked child
    makes the rules' flow-independent searches (assess.prescan) while this process extracts the flows; `take`
    seeds this process with them before it assesses. The assessment is the same with or without it."""

    def __init__(self, as_of, rules_dir, profile):
        self.as_of, self.rules_dir, self.profile = as_of, rules_dir, profile
        self.forked = None

    def __call__(self, documents) -> None:
        if sum(len(d.sentences) for d in documents) < PRESCAN_FROM_SENTENCES or not can_fork():
            return
        from auditor.assess import prescan
        from auditor.assess.rules import load_rules
        try:
            self.forked = Forked(prescan, documents, self.as_of, load_rules(self.rules_dir), self.profile)
        except OSError:  # no fork: the assessment makes the searches itself
            self.forked = None

    def take(self, timings: dict[str, float]) -> None:
        if self.forked is None:
            return
        from auditor.assess import seed

        scanned = _timed(timings, "prescan_wait", self.forked.result)
        if scanned is not None:
            seed(scanned)

    def close(self) -> None:
        if self.forked is not None:
            self.forked.close()


def audit(inputs: list[Input], as_of: date | None = None, audited_at: str | None = None, profile: dict | None = None,
          waivers=None, rules_dir: str | None = None) -> tuple[Run | None, list[str]]:
    """Audit what can be read, together (protocol and consent are compared).

    Returns the run (None when no document could be read) and one message per unreadable file.
    """
    timings: dict[str, float] = {}
    readable, errors = read_all(inputs, timings, None if _warm() else lambda parsed=None: warm_up(rules_dir, parsed))
    if not readable:
        return None, errors
    from auditor.assess import assess  # not before reading: pydantic (~0.15 s) loads during the warm-up instead
    from auditor.assess.rules import load_rules

    prescan = _Prescan(as_of, rules_dir, profile)
    try:
        bundle = analyse(readable, timings, prescan)
        prescan.take(timings)
        rules = load_rules(rules_dir)
        assessment = _timed(timings, "assess", assess, bundle, as_of, rules, audited_at, profile, waivers)
    finally:
        prescan.close()
    return Run(assessment=assessment, bundle=bundle, timings=timings, warnings=warnings_of(readable)), errors


def _timed(timings: dict, stage: str, func, *args):
    start = time.perf_counter()
    try:
        return func(*args)
    finally:
        timings[stage] = timings.get(stage, 0.0) + time.perf_counter() - start


def outline(document, extraction) -> dict:
    """What the tool understood of one document: its sections and its sample flows, with locations."""
    from auditor.document.locate import locate, section_path

    flows = []
    for flow in extraction.flows:
        where = locate(document, flow.sentence)
        flows.append({
            "material": flow.material, "action": flow.action, "destination_kind": flow.destination_kind,
            "country": flow.country, "destination": flow.destination, "organisation": flow.organisation, "modality": flow.modality,
            "cue": flow.cue.text if flow.cue else None, "pages": list(where.pages), "section": where.section,
            "quote": where.quote,
        })
    return {
        "document": {"name": document.name, "role": document.role, "role_evidence": document.role_evidence,
                     "format": document.format, "pages": document.pages, "sha256": document.sha256,
                     "pages_without_text": list(document.pages_without_text)},
        "sections": [{"number": s.number, "title": s.title, "level": s.level, "path": section_path(document, s.index)}
                     for s in document.sections],
        "flows": flows,
    }
