"""Package and document metadata from the spec; a literal ``__all__``; ``model_config`` as a ClassVar."""

from __future__ import annotations

import ast
import json
import shutil
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest

from conftest import GENERATED, MINIMAL_SPEC, generate_text

PACKAGE_DIR = GENERATED / "python"
BIN = Path(sys.executable).parent

WITH_METADATA = MINIMAL_SPEC.replace(
    "  base_url: https://api.example.com\n",
    """\
  base_url: https://api.example.com
  license: Apache-2.0 OR MIT
  authors:
    - {name: Ada "Quote" Lovelace, email: ada@example.com}
    - {name: สมชาย}
  homepage: https://example.com/mini/
  keywords: [mini, "with \\"quotes\\""]
  contact: {name: Mini Support, email: help@example.com, url: https://example.com/help/}
""",
)


def test_committed_pyproject_has_the_specs_metadata() -> None:
    project = tomllib.loads((PACKAGE_DIR / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    assert project["license"] == "MIT"
    assert project["urls"] == {"Homepage": "https://developers.tiktok.com/"}
    assert "tiktok" in project["keywords"]
    assert "Typing :: Typed" in project["classifiers"]
    assert "Programming Language :: Python :: 3.11" in project["classifiers"]
    assert "authors" not in project  # the spec names none


def test_committed_openapi_info_has_license_and_contact() -> None:
    for name in ("openapi.json", "openapi.th.json"):
        info = json.loads((GENERATED / "openapi" / name).read_text(encoding="utf-8"))["info"]
        assert info["license"] == {"name": "MIT", "identifier": "MIT"}
        assert info["contact"] == {"name": "TikTok for Developers", "url": "https://developers.tiktok.com/"}


def test_every_metadata_key_reaches_pyproject_and_openapi() -> None:
    files = generate_text(WITH_METADATA)
    build = tomllib.loads(files["python/pyproject.toml"])
    project = build["project"]
    assert build["build-system"]["requires"] == ["setuptools>=77"]  # PEP 639 license expressions
    assert project["license"] == "Apache-2.0 OR MIT"
    assert project["authors"] == [
        {"name": 'Ada "Quote" Lovelace', "email": "ada@example.com"},
        {"name": "สมชาย"},
    ]
    assert project["keywords"] == ["mini", 'with "quotes"']
    assert project["urls"] == {"Homepage": "https://example.com/mini/"}
    assert not any(c.startswith("License ::") for c in project["classifiers"])  # setuptools refuses both
    for lang in ("", ".th"):
        info = json.loads(files[f"openapi/openapi{lang}.json"])["info"]
        assert info["license"] == {"name": "Apache-2.0 OR MIT", "identifier": "Apache-2.0 OR MIT"}
        assert info["contact"] == {
            "name": "Mini Support",
            "url": "https://example.com/help/",
            "email": "help@example.com",
        }


def test_without_metadata_only_the_classifiers_appear() -> None:
    files = generate_text(MINIMAL_SPEC)
    project = tomllib.loads(files["python/pyproject.toml"])["project"]
    assert not {"license", "authors", "keywords", "urls"} & set(project)
    assert "Typing :: Typed" in project["classifiers"]
    info = json.loads(files["openapi/openapi.json"])["info"]
    assert "license" not in info and "contact" not in info


def _all_of(source: str) -> list[str]:
    for node in ast.parse(source).body:
        if isinstance(node, ast.Assign) and [t.id for t in node.targets if isinstance(t, ast.Name)] == [
            "__all__"
        ]:
            assert isinstance(node.value, ast.List)
            assert all(isinstance(e, ast.Constant) for e in node.value.elts), "__all__ must be a literal"
            return [e.value for e in node.value.elts]  # type: ignore[attr-defined]
    raise AssertionError("no __all__")


def test_package_all_is_literal_and_complete() -> None:
    root = PACKAGE_DIR / "tiktok_v2"
    names = _all_of((root / "__init__.py").read_text(encoding="utf-8"))
    api, scopes, models = (
        _all_of((root / f).read_text(encoding="utf-8")) for f in ("api.py", "scopes.py", "models/__init__.py")
    )
    assert set(api) | set(scopes) | set(models) <= set(names) and len(names) == len(set(names))
    sys.path.insert(0, str(PACKAGE_DIR))
    try:
        import tiktok_v2

        assert all(hasattr(tiktok_v2, name) for name in names)
    finally:
        sys.path.remove(str(PACKAGE_DIR))


def test_model_config_is_a_classvar() -> None:
    for module in sorted((PACKAGE_DIR / "tiktok_v2" / "models").glob("*.py")):
        tree = ast.parse(module.read_text(encoding="utf-8"))
        assigned = [n for n in ast.walk(tree) if isinstance(n, (ast.Assign, ast.AnnAssign))]
        configs = [
            n
            for n in assigned
            if ast.unparse(n.targets[0] if isinstance(n, ast.Assign) else n.target) == "model_config"
        ]
        assert configs, module
        for node in configs:
            assert isinstance(node, ast.AnnAssign) and "ClassVar[ConfigDict]" in ast.unparse(
                node.annotation
            ), module


STAR = """\
from tiktok_v2 import *

granted = [Scope.USER_INFO_BASIC, Scope.USER_INFO_STATS]
fields: str = build_user_fields_param(user_fields_for_scopes(granted))
response = UserInfoResponse.model_validate_json("{}")
user: User | None = response.data.user if response.data else None
print(fields, user, GET_USER_INFO_URL, ErrorCode.SCOPE_NOT_AUTHORIZED, describe(User, "open_id", "th"))
"""


@pytest.fixture()
def star_project(tmp_path: Path) -> Path:
    shutil.copytree(PACKAGE_DIR / "tiktok_v2", tmp_path / "tiktok_v2")
    (tmp_path / "star.py").write_text(STAR, encoding="utf-8")
    return tmp_path


def test_star_import_passes_mypy_strict(star_project: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "mypy", "--strict", "--no-incremental", "star.py"],
        cwd=star_project,
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stdout


@pytest.mark.slow
def test_pyright_reports_nothing(star_project: Path) -> None:
    # pyright's standard checks, with reportUnsupportedDunderAll an error, on the package and a
    # star import of it (basedpyright: pyright shipped in a wheel, nothing fetched at run time).
    config = {"typeCheckingMode": "standard", "pythonVersion": "3.11", "reportUnsupportedDunderAll": "error"}
    (star_project / "pyrightconfig.json").write_text(json.dumps(config), encoding="utf-8")
    result = subprocess.run(
        [str(BIN / "basedpyright"), "--pythonpath", sys.executable, "star.py", "tiktok_v2"],
        cwd=star_project,
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stdout
    assert "0 errors, 0 warnings" in result.stdout
