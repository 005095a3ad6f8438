"""The forked child's hand-back (auditor.forked) and the parsed-pack cache (auditor.pack.parsed_pack)."""

from __future__ import annotations

import json
import os
import time

import pytest

from auditor import pack
from auditor.forked import Forked, Stream

needs_fork = pytest.mark.skipif(not hasattr(os, "fork"), reason="no fork here")


def _emit_all(emit, values, then_die=False):
    for value in values:
        emit(value)
    if then_die:
        os._exit(7)  # a child crashing in native code after handing back some values


@needs_fork
def test_a_stream_gives_the_child_s_values_in_order_then_eof():
    stream = Stream(_emit_all, [1, "two", {"three": (3,)}])
    try:
        assert [stream.next(), stream.next(), stream.next()] == [1, "two", {"three": (3,)}]
        with pytest.raises(EOFError):
            stream.next()
        assert stream.status == 0
    finally:
        stream.close()


@needs_fork
def test_a_child_that_dies_part_way_gives_what_it_handed_back_before():
    stream = Stream(_emit_all, ["kept"], True)
    try:
        assert stream.next() == "kept"
        with pytest.raises(EOFError):
            stream.next()
        assert stream.status == 7
    finally:
        stream.close()


def _big(emit, size):
    emit(b"x" * size)
    emit("after")


@needs_fork
def test_a_large_value_does_not_wait_for_the_parent_to_read():
    """Several megabytes go through the shared file: the child finishes before anything is read here."""
    stream = Stream(_big, 8 * 2**20)
    try:
        deadline = time.monotonic() + 20
        while time.monotonic() < deadline:
            pid, _ = os.waitpid(stream._pid, os.WNOHANG)
            if pid:
                stream._pid = None  # reaped here: the child ended with nothing read
                break
            time.sleep(0.01)
        else:
            pytest.fail("the child waited for its value to be read")
        assert len(stream.next()) == 8 * 2**20 and stream.next() == "after"
    finally:
        stream.close()


@needs_fork
def test_forked_gives_a_value_or_none():
    assert Forked(sum, [1, 2]).result() == 3
    assert Forked(os._exit, 0).result() is None


# The parsed-pack cache.

@pytest.fixture
def cache(tmp_path, monkeypatch):
    monkeypatch.setenv("AUDITOR_CACHE_DIR", str(tmp_path / "cache"))
    return tmp_path / "cache"


def test_the_cached_pack_is_what_parsing_gives(cache):
    parsed = pack.parsed_pack()
    files = list(cache.glob("pack-*.json"))
    assert len(files) == 1
    again = pack.parsed_pack()  # now read from the cache file
    assert again == parsed and type(again["patterns/materials.jsonl"]) is tuple
    assert pack._same_types(again, parsed)


def test_a_corrupt_cache_file_is_passed_over(cache):
    parsed = pack.parsed_pack()
    (path,) = cache.glob("pack-*.json")
    path.write_text("{not json")
    assert pack.parsed_pack() == parsed
    assert json.loads(path.read_text())["key"]  # written afresh


def test_a_cache_of_another_pack_is_not_used(cache, monkeypatch):
    parsed = pack.parsed_pack()
    (path,) = cache.glob("pack-*.json")
    texts = pack._pack_texts()
    edited = {**texts, "pack.yml": texts["pack.yml"] + b"\n# edited\n"}
    monkeypatch.setattr(pack, "_pack_texts", lambda: edited)
    assert pack.parsed_pack() == parsed  # a comment changes nothing parsed, but the key
    assert list(cache.glob("pack-*.json")) != [path]  # the earlier pack's cache is replaced


def test_the_cache_can_be_turned_off(tmp_path, monkeypatch):
    monkeypatch.setenv("AUDITOR_CACHE_DIR", "off")
    assert pack.cache_dir() is None
    assert pack.parsed_pack()["pack.yml"]["name"]


def test_what_json_cannot_give_back_is_not_cached(cache):
    import datetime

    pack._write_cache("k1", {"a.yml": {"as_of": datetime.date(2026, 1, 1)}})
    pack._write_cache("k2", {"a.yml": {1: "an integer key"}})
    assert not list(cache.glob("pack-*.json"))


def test_an_unwritable_cache_folder_is_no_error(tmp_path, monkeypatch):
    blocker = tmp_path / "a-file"
    blocker.write_text("")
    monkeypatch.setenv("AUDITOR_CACHE_DIR", str(blocker / "cache"))
    assert pack.parsed_pack()["pack.yml"]["name"]


def test_no_fork_available_means_reading_here(monkeypatch):
    """os.fork failing (no memory or processes left) is no error: the files are read in this process."""
    from auditor import pipeline
    from conftest import SAMPLES

    def refuse():
        raise OSError(11, "Resource temporarily unavailable")

    monkeypatch.setattr(pipeline, "PARALLEL_FROM_BYTES", 0)
    monkeypatch.setattr(os, "fork", refuse)
    study = SAMPLES / "undisclosed_ccn"
    readable, errors = pipeline.read_all([pipeline.Input(str(study / "protocol.pdf"), "protocol")], {},
                                         lambda parsed=None: None)
    assert errors == [] and len(readable) == 1
