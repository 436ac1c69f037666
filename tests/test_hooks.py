"""The pre-commit hooks (.pre-commit-hooks.yaml), run by ``pre-commit try-repo`` on a project of a user's."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from conftest import MINIMAL_SPEC, ROOT

BIN = Path(sys.executable).parent


def test_the_hooks_are_declared() -> None:
    hooks = {
        h["id"]: h for h in yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    }
    assert set(hooks) == {"specgen-validate", "specgen-check"}
    assert hooks["specgen-validate"]["entry"] == "specgen validate"
    assert hooks["specgen-check"]["entry"] == "specgen check"
    assert all(h["language"] == "python" and h["pass_filenames"] is False for h in hooks.values())


def _git(*args: str, cwd: Path) -> None:
    subprocess.run(["git", *args], cwd=cwd, check=True, capture_output=True)


@pytest.mark.slow
def test_try_repo(tmp_path: Path) -> None:
    project = tmp_path / "project"
    (project / "spec").mkdir(parents=True)
    (project / "spec" / "api.yaml").write_text(MINIMAL_SPEC, encoding="utf-8")
    env = {
        **os.environ,
        "PRE_COMMIT_HOME": str(tmp_path / "pre-commit-home"),
        "XDG_CACHE_HOME": str(tmp_path / "cache"),
        "PYTHONPATH": "",
        "GIT_CONFIG_GLOBAL": str(tmp_path / "gitconfig"),
    }
    (tmp_path / "gitconfig").write_text("[user]\n\tname = t\n\temail = t@example.com\n", encoding="utf-8")
    generate = subprocess.run(
        [sys.executable, "-m", "generator", "generate"],
        cwd=project,
        env={**env, "PYTHONPATH": str(ROOT)},
        capture_output=True,
        text=True,
    )
    assert generate.returncode == 0, generate.stderr
    _git("init", "-q", cwd=project)
    _git("add", "-A", cwd=project)
    _git("commit", "-qm", "start", cwd=project)

    def hook(name: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [str(BIN / "pre-commit"), "try-repo", str(ROOT), name, "--all-files"],
            cwd=project,
            env=env,
            capture_output=True,
            text=True,
        )

    for name in ("specgen-validate", "specgen-check"):
        result = hook(name)
        assert result.returncode == 0, result.stdout + result.stderr
        assert "Passed" in result.stdout
    # A stale output fails the check hook, with the diff; a bad spec fails both, at FILE:LINE:COL.
    (project / "spec" / "api.yaml").write_text(
        MINIMAL_SPEC.replace("Read things", "Read all things"), encoding="utf-8"
    )
    stale = hook("specgen-check")
    assert stale.returncode == 1 and "Read all things" in stale.stdout and "is stale" in stale.stdout
    (project / "spec" / "api.yaml").write_text(MINIMAL_SPEC.replace("scope: thing.read", "scope: thing.reed"))
    bad = hook("specgen-validate")
    assert bad.returncode == 1
    assert (
        "spec/api.yaml:21:16: objects.Thing.fields.id.scope: scope 'thing.reed' is not declared" in bad.stdout
    )
