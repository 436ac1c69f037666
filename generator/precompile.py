"""Templates compiled by a forked child while this process reads and checks the spec: a speed-only
seam of runs that have no Jinja bytecode cache (``SPECGEN_CACHE=off``).

Compiling the 20 built-in templates takes about 0.14 s, half of a cold run of the TikTok spec
and a tenth of the work before a large spec renders. A child forked at the start of the run
compiles each built-in template as Jinja's bytecode cache would keep it (a bucket's bytes: a
header, the source's checksum, the marshalled code) and sends them down a pipe, in the order the
renderers first ask for them. :class:`ChildBytecode`, the run's bytecode cache, hands a template
its bytes when they have come (waiting for them while the child is still at it). Jinja itself
checks the header and the source's checksum, so a template changed meanwhile, or one the child
could not compile, is compiled here as it would be without this module; the code is the one
Jinja compiles here (``tests/test_precompile.py`` compares every template's code both ways).
"""

from __future__ import annotations

import os
import select
import signal
import threading
from typing import Any

import jinja2
from jinja2.bccache import Bucket

from generator.templating import environment

WAIT = 5.0  # seconds without a word from the child before this process compiles the rest


class ChildBytecode(jinja2.BytecodeCache):
    """Jinja's bytecode cache for one run: the buckets a forked child compiled (nothing is stored)."""

    def __init__(self, pid: int, fd: int) -> None:
        self.pid, self.fd = pid, fd
        self.owner = os.getpid()  # a process forked from this one never reads the pipe
        self.entries: dict[str, bytes] = {}
        self.done = False
        self.buffer = b""

    @classmethod
    def start(cls) -> ChildBytecode | None:
        """Fork the child that compiles the built-in templates (None where it cannot or need not:
        one core, no fork, ``SPECGEN_JOBS=1``, or threads running that a fork could stop mid-lock)."""
        if (
            not hasattr(os, "fork")
            or (os.cpu_count() or 1) < 2
            or os.environ.get("SPECGEN_JOBS") == "1"
            or not _alone()
        ):
            return None
        env = environment()  # the built-in templates (no override is active yet)
        names = sorted(env.list_templates(), key=_first_asked)
        read, write = os.pipe()
        _widen(write)
        pid = os.fork()
        if pid == 0:  # the child: compile, send, and leave without running anything of the parent's
            os.close(read)
            try:
                _compile_into(write, env, names)
            finally:
                os._exit(0)
        os.close(write)
        return cls(pid, read)

    def load_bytecode(self, bucket: Bucket) -> None:
        while bucket.key not in self.entries and not self.done and os.getpid() == self.owner:
            self._receive()
        found = self.entries.get(bucket.key)
        if found is not None:
            try:
                bucket.bytecode_from_string(found)  # (Jinja checks its header and checksum)
            except Exception:  # noqa: BLE001 - compiled here instead
                bucket.reset()

    def dump_bytecode(self, bucket: Bucket) -> None:
        """Nothing is kept beyond the run."""

    def receive_all(self) -> None:
        """Read everything the child sends, waiting for it to finish (before this process forks a
        renderer: the renderer, which never reads the pipe, then has every template)."""
        while not self.done and os.getpid() == self.owner:
            self._receive()

    def _receive(self) -> None:
        """Read one entry (a key and its bytes, each after its length) from the child; at the
        end of the stream, or anything malformed, there are no more."""
        head = self._read(8)
        if head is not None:
            key_size, size = int.from_bytes(head[:4], "big"), int.from_bytes(head[4:], "big")
            key, body = self._read(key_size), self._read(size)
            if key is not None and body is not None:
                self.entries[key.decode("ascii", "replace")] = body
                return
        self.done = True

    def _read(self, size: int) -> bytes | None:
        while len(self.buffer) < size:
            # A child that sends nothing for this long is stuck (one template compiles in a few
            # hundredths of a second): this process compiles the rest itself.
            if not select.select([self.fd], [], [], WAIT)[0]:
                return None
            chunk = os.read(self.fd, max(65536, size - len(self.buffer)))
            if not chunk:
                return None
            self.buffer += chunk
        data, self.buffer = self.buffer[:size], self.buffer[size:]
        return data

    def close(self) -> None:
        """Stop the child (if it is still at work) and collect it; from then on, nothing is handed out."""
        self.done = True
        self.entries.clear()
        os.close(self.fd)
        try:
            os.kill(self.pid, signal.SIGKILL)
        except ProcessLookupError:
            pass
        os.waitpid(self.pid, 0)


def _alone() -> bool:
    """Whether this is the process's only thread (a fork copies no other thread, and a lock one
    of them held would stay held in the child)."""
    return threading.active_count() == 1


def before_fork() -> None:
    """Called before this process forks a renderer: the run's templates received in full, if a child compiles them."""
    bytecode = environment().bytecode_cache
    if isinstance(bytecode, ChildBytecode):
        bytecode.receive_all()


def _widen(fd: int) -> None:
    """Let the pipe hold every compiled template (about 300 KB), so the child never waits for this
    process to read (it reads only when it first renders); where it cannot, the child waits."""
    try:
        import fcntl

        fcntl.fcntl(fd, fcntl.F_SETPIPE_SZ, 1 << 20)
    except (ImportError, AttributeError, OSError):
        pass


def _first_asked(name: str) -> tuple[bool, bool, str]:
    """The order the renderers first ask for templates in: the Python package's, the docs', the client's."""
    return (name.startswith("python/client/"), not name.startswith("python/"), name)


def _compile_into(fd: int, env: jinja2.Environment, names: list[str]) -> None:
    """Compile each template and write its bucket's bytes to ``fd`` (the child's whole work)."""
    keys = jinja2.BytecodeCache()
    loader: Any = env.loader
    for name in names:
        try:
            source, filename, _ = loader.get_source(env, name)
            bucket = Bucket(env, keys.get_cache_key(name, filename), keys.get_source_checksum(source))
            bucket.code = env.compile(source, name, filename)
            body = bucket.bytecode_to_string()
        except Exception:  # noqa: BLE001 - the parent compiles what it does not get
            continue
        key = bucket.key.encode("ascii")
        record = len(key).to_bytes(4, "big") + len(body).to_bytes(4, "big") + key + body
        try:
            while record:
                record = record[os.write(fd, record) :]
        except OSError:
            return  # the parent stopped listening
