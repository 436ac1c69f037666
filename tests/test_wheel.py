"""The toolkit as a user installs it: a wheel and an sdist that carry every template and work anywhere.

The slow test builds both, installs the wheel into a fresh venv outside the repo, and proves
that ``specgen generate`` there writes exactly the bytes of the repo's ``generated/``, that
``specgen init`` starts a spec that generates, and that ``twine check --strict`` passes on
the toolkit's and the generated package's distributions.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tarfile
import tomllib
import venv
import zipfile
from pathlib import Path

import pytest

from conftest import GENERATED, ROOT, SPEC

BIN = Path(sys.executable).parent
TEMPLATE_NAMES = sorted(
    p.relative_to(ROOT / "templates").as_posix() for p in (ROOT / "templates").rglob("*.j2")
)


def test_every_template_folder_is_a_package_of_the_wheel() -> None:
    # templates/ is mapped into the package as generator/templates; a new sub-folder must be
    # listed in pyproject.toml or its templates would be missing from the wheel.
    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["tool"]["setuptools"]
    assert config["package-dir"] == {"generator.templates": "templates"}
    folders = {ROOT / "templates"} | {p for p in (ROOT / "templates").rglob("*") if p.is_dir()}
    expected = {
        ".".join(("generator", "templates", *p.relative_to(ROOT / "templates").parts)) for p in folders
    }
    assert expected <= set(config["packages"])
    assert config["package-data"]["generator.templates"] == ["**/*.j2"]


def _run(*args: str | Path, cwd: Path, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    result = subprocess.run([str(a) for a in args], cwd=cwd, env=env, capture_output=True, text=True)
    assert result.returncode == 0, f"{args}\n{result.stdout}\n{result.stderr}"
    return result


def _tree(folder: Path) -> dict[str, bytes]:
    return {
        p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()
    }


def _committed() -> dict[str, bytes]:
    """generated/ as make generate writes it (without what a local pip install may leave there)."""
    import json

    manifest = json.loads((GENERATED / "MANIFEST.json").read_text(encoding="utf-8"))
    names = [*manifest["files"], "MANIFEST.json"]
    return {name: (GENERATED / name).read_bytes() for name in sorted(names)}


@pytest.mark.slow
def test_wheel_in_a_fresh_venv(tmp_path: Path) -> None:
    source = tmp_path / "source"
    shutil.copytree(
        ROOT,
        source,
        ignore=shutil.ignore_patterns(
            ".venv", ".git", "generated", "site", "build", ".cache", "*.egg-info", "node_modules"
        ),
    )
    dist = tmp_path / "dist"
    _run(BIN / "python", "-m", "build", "--no-isolation", "--outdir", dist, source, cwd=tmp_path)
    wheels, sdists = sorted(dist.glob("*.whl")), sorted(dist.glob("*.tar.gz"))
    assert len(wheels) == 1 and len(sdists) == 1
    in_wheel = set(zipfile.ZipFile(wheels[0]).namelist())
    assert {f"generator/templates/{name}" for name in TEMPLATE_NAMES} <= in_wheel
    assert {"generator/spec.schema.json", "generator/labels.yaml"} <= in_wheel
    with tarfile.open(sdists[0]) as sdist:
        in_sdist = {name.split("/", 1)[1] for name in sdist.getnames() if "/" in name}
    assert {f"templates/{name}" for name in TEMPLATE_NAMES} <= in_sdist
    _run(BIN / "twine", "check", "--strict", *wheels, *sdists, cwd=tmp_path)

    env_dir = tmp_path / "venv"
    venv.create(env_dir, with_pip=True)
    pip = [env_dir / "bin" / "python", "-m", "pip", "install", "--quiet", "--disable-pip-version-check"]
    _run(*pip, "-c", ROOT / "requirements" / "dev.lock", wheels[0], cwd=tmp_path)
    specgen = env_dir / "bin" / "specgen"
    work = tmp_path / "elsewhere"  # nothing of the repo in sight
    (work / "spec").mkdir(parents=True)
    shutil.copy(SPEC / "tiktok_v2.yaml", work / "spec" / "tiktok_v2.yaml")
    cache = tmp_path / "user-cache"
    env = {**os.environ, "XDG_CACHE_HOME": str(cache), "SPECGEN_CACHE": ""}
    env.pop("PYTHONPATH", None)
    _run(specgen, "generate", "--spec", work / "spec", "--out", work / "out", cwd=work, env=env)
    assert _tree(work / "out") == _committed()
    # An installed toolkit caches in the user's cache folder, never in site-packages.
    assert (cache / "specgen" / "runs").is_dir()
    site = next((env_dir / "lib").glob("python3*/site-packages"))
    assert not (site / ".cache").exists()

    _run(specgen, "init", "demo", "--package", "demo_api", "--languages", "en,th", cwd=work, env=env)
    _run(specgen, "generate", "--spec", "demo", "--out", "demo/out", cwd=work, env=env)
    assert (work / "demo" / "out" / "python" / "demo_api" / "models" / "__init__.py").is_file()

    package_dist = tmp_path / "package-dist"
    _run(
        BIN / "python", "-m", "build", "--no-isolation", "--outdir", package_dist, work / "out" / "python",
        cwd=tmp_path,
    )  # fmt: skip
    built = sorted(package_dist.iterdir())
    assert sorted(p.suffix for p in built) == [".gz", ".whl"]
    _run(BIN / "twine", "check", "--strict", *built, cwd=tmp_path)
