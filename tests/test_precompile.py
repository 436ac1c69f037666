"""The templates a forked child compiles (generator/precompile.py) are the code Jinja compiles
here; anything the child did not send, or sent for another source, is compiled here as usual."""

from __future__ import annotations

import os
import time
from pathlib import Path

import pytest
from jinja2.bccache import Bucket

from conftest import ROOT
from generator import cli, precompile
from generator.templating import environment


@pytest.fixture(autouse=True)
def _alone(monkeypatch: pytest.MonkeyPatch) -> None:
    """The test process may have idle threads left by other tests; the child forks all the same."""
    monkeypatch.setattr(precompile, "_alone", lambda: True)


def _bucket(cache: precompile.ChildBytecode, name: str, source: str | None = None) -> Bucket:
    env = environment()
    assert env.loader is not None
    real, filename, _ = env.loader.get_source(env, name)
    return cache.get_bucket(env, name, filename or name, real if source is None else source)


def test_every_template_compiled_by_the_child_is_the_code_compiled_here() -> None:
    cache = precompile.ChildBytecode.start()
    assert cache is not None
    env = environment()
    assert env.loader is not None
    try:
        names = env.list_templates()
        for name in reversed(names):  # (not in the order the child sends them)
            source, filename, _ = env.loader.get_source(env, name)
            bucket = _bucket(cache, name)
            assert bucket.code is not None, name
            assert bucket.code == env.compile(source, name, filename), name
        assert len(cache.entries) == len(names)
        # A template edited since the child read it: its source's checksum differs, so the
        # bucket is left empty and Jinja compiles the new source here.
        assert _bucket(cache, names[0], "{{ edited }}").code is None
    finally:
        cache.close()
    assert _bucket(cache, names[0]).code is None  # closed: nothing is handed out


def test_a_child_that_sends_nothing_leaves_every_template_to_this_process(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(precompile, "_compile_into", lambda fd, env, names: None)
    cache = precompile.ChildBytecode.start()
    assert cache is not None
    try:
        assert _bucket(cache, "docs/object.md.j2").code is None and cache.done
    finally:
        cache.close()


def test_a_run_without_a_bytecode_cache_uses_the_child_and_leaves_nothing_behind(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    started: list[precompile.ChildBytecode] = []
    start = precompile.ChildBytecode.start

    def recording() -> precompile.ChildBytecode | None:
        made = start()
        if made is not None:
            started.append(made)
        return made

    monkeypatch.setattr(precompile.ChildBytecode, "start", staticmethod(recording))
    monkeypatch.setenv("SPECGEN_CACHE", "off")
    environment().cache.clear()  # every template loaded anew, through the run's bytecode cache
    assert cli.main(["generate", "--spec", str(ROOT / "spec"), "--out", str(tmp_path / "out")]) == 0
    (child,) = started
    assert child.done and child.entries == {}  # closed at the end of the run
    assert environment().bytecode_cache is None
    assert cli.main(["check", "--spec", str(ROOT / "spec"), "--out", str(ROOT / "generated")]) == 0


def test_a_forked_renderer_never_reads_the_childs_pipe() -> None:
    """The renderer forked by a large run inherits the run's bytecode cache: it takes what had been
    received (all of it: the run reads everything before it forks) and never reads the pipe, whose
    records would otherwise be split between two readers (found by an audit)."""
    cache = precompile.ChildBytecode.start()
    assert cache is not None
    names = environment().list_templates()
    try:
        pid = os.fork()
        if pid == 0:  # a process forked before anything was received: it reads nothing
            bucket = _bucket(cache, "docs/object.md.j2")
            os._exit(0 if bucket.code is None and not cache.entries else 1)
        assert os.waitstatus_to_exitcode(os.waitpid(pid, 0)[1]) == 0
        cache.receive_all()  # (what the run does before it forks its renderer)
        assert cache.done and len(cache.entries) == len(names)
        pid = os.fork()
        if pid == 0:
            whole = all(_bucket(cache, name).code is not None for name in names)
            os._exit(0 if whole else 1)
        assert os.waitstatus_to_exitcode(os.waitpid(pid, 0)[1]) == 0
        assert all(_bucket(cache, name).code is not None for name in names)  # the stream was whole
    finally:
        cache.close()


def test_a_stuck_child_is_given_up_on(monkeypatch: pytest.MonkeyPatch) -> None:
    """A child that sends nothing (stuck) holds the run up for WAIT seconds at most, once."""
    monkeypatch.setattr(precompile, "WAIT", 0.2)
    monkeypatch.setattr(precompile, "_compile_into", lambda fd, env, names: time.sleep(60))
    cache = precompile.ChildBytecode.start()
    assert cache is not None
    try:
        assert _bucket(cache, "docs/object.md.j2").code is None and cache.done
        assert _bucket(cache, "docs/index.md.j2").code is None
    finally:
        cache.close()  # (the child is stopped and collected)
