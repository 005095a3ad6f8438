"""Work in a forked child process, its results handed back through a shared memory file.

The child shares this process's memory as it is at the fork (nothing is pickled to start it) and leaves with
os._exit (no clean-up, no buffered output flushed twice). What it hands back is pickled into an anonymous memory
file (memfd) that both processes hold, and only a 16-byte note of where each result lies goes through a pipe: so
a child with a megabyte to hand back never waits for this process to read it (a pipe holds 64 KiB), and no
thread of this process has to move the data while it is busy elsewhere (what ProcessPoolExecutor needs).
"""

from __future__ import annotations

import os
import struct

_NOTE = struct.Struct("<QQ")  # offset and length of one pickled result in the shared file


def can_fork() -> bool:
    """A second core, fork, and no other thread in this process (forking a threaded process can deadlock)."""
    import threading

    return (os.cpu_count() or 1) >= 2 and hasattr(os, "fork") and threading.active_count() == 1


def _shared_file() -> int:
    if hasattr(os, "memfd_create"):
        return os.memfd_create("trial-auditor", os.MFD_CLOEXEC)
    import tempfile

    handle, path = tempfile.mkstemp(prefix="trial-auditor-")
    os.unlink(path)  # only the two processes' descriptors keep it
    return handle


class Stream:
    """`func(emit, *args)` run in a forked child; each `emit(value)` there is one `next()` here, in order.

    `next()` raises EOFError once the child has ended and every value it emitted has been taken (whether it
    finished or died: a child that dies part way gives the values it emitted before). `close()` ends the child
    (killing it if it still runs) and releases the file and pipe."""

    def __init__(self, func, *args):
        self._pid: int | None = None
        self._file: int | None = _shared_file()
        self._notes: int | None = None
        self._notes, write = os.pipe()
        self.status: int | None = None  # the child's exit status, once it has ended
        try:
            self._pid = os.fork()
        except OSError:  # no process or memory left: nothing started, nothing left open
            os.close(write)
            self.close()
            raise
        if self._pid == 0:  # the child: never returns into the caller's code
            status = 1
            try:
                os.close(self._notes)
                func(_Emitter(self._file, write), *args)
                status = 0
            finally:
                os._exit(status)
        os.close(write)

    def next(self):
        import pickle

        note = b""
        while len(note) < _NOTE.size:
            chunk = os.read(self._notes, _NOTE.size - len(note)) if self._notes is not None else b""
            if not chunk:
                self._reap()
                raise EOFError("the child ended")
            note += chunk
        offset, length = _NOTE.unpack(note)
        return pickle.loads(os.pread(self._file, length, offset))

    def _reap(self) -> None:
        if self._pid is not None:
            _, status = os.waitpid(self._pid, 0)
            self._pid, self.status = None, os.waitstatus_to_exitcode(status)

    def close(self) -> None:
        if getattr(self, "_pid", None) is not None:
            import signal

            try:
                os.kill(self._pid, signal.SIGKILL)
            except OSError:
                pass
            try:
                os.waitpid(self._pid, 0)
            except OSError:
                pass
            self._pid = None
        for name in ("_notes", "_file"):
            handle = getattr(self, name, None)
            if handle is not None:
                try:
                    os.close(handle)
                except OSError:
                    pass
                setattr(self, name, None)

    def __del__(self):
        self.close()


class _Emitter:
    """The child's side: pickle a value into the shared file, then note where it lies."""

    def __init__(self, file: int, notes: int):
        self._file, self._notes, self._offset = file, notes, 0

    def __call__(self, value) -> None:
        import pickle

        data = pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL)
        view, offset = memoryview(data), self._offset
        while view:
            written = os.pwrite(self._file, view, offset)
            view, offset = view[written:], offset + written
        os.write(self._notes, _NOTE.pack(self._offset, len(data)))  # 16 bytes: one atomic write
        self._offset = offset


def _emit_result(emit, func, *args) -> None:
    emit(func(*args))


class Forked:
    """`func(*args)` run in a forked child; `result()` is its return value, or None if the child failed in any
    way (the caller then does the work itself). `close()` kills a child whose result is not wanted."""

    def __init__(self, func, *args):
        self._stream: Stream | None = Stream(_emit_result, func, *args)

    def result(self):
        if self._stream is None:
            return None
        try:
            value = self._stream.next()
            self._stream.close()  # it has handed back its one result: nothing more to wait for
            return value
        except Exception:  # noqa: BLE001 - a broken child, pipe or pickle: the caller does the work itself
            return None
        finally:
            self.close()

    def close(self) -> None:
        if self._stream is not None:
            self._stream.close()
            self._stream = None
