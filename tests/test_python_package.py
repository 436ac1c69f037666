"""The generated package: black-clean, mypy --strict clean, warning-free, and usable when installed."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
import textwrap
import venv
from pathlib import Path

import pytest

from conftest import GENERATED, SEEDS

PACKAGE_DIR = GENERATED / "python"


@pytest.fixture()
def package_copy(tmp_path: Path) -> Path:
    """A copy of generated/python, so that caches and bytecode never land in generated/."""
    copy = tmp_path / "python"
    shutil.copytree(PACKAGE_DIR, copy)
    return copy


def test_black_check() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "black", "--check", "--quiet", str(PACKAGE_DIR)],
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stderr


def test_mypy_strict(package_copy: Path) -> None:
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "mypy",
            "--strict",
            "--cache-dir",
            str(package_copy / ".mypy_cache"),
            "tiktok_v2",
        ],
        cwd=package_copy,
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stdout


def test_compiles_and_imports_with_warnings_as_errors(package_copy: Path) -> None:
    code = "import compileall, sys; sys.exit(not compileall.compile_dir(sys.argv[1], quiet=1, force=True))"
    subprocess.run([sys.executable, "-W", "error", "-c", code, str(package_copy)], check=True)
    build = "import tiktok_v2 as t; [m.model_rebuild() for m in (t.User, t.Error, t.UserInfoData, t.UserInfoResponse)]"
    subprocess.run([sys.executable, "-W", "error", "-c", build], cwd=package_copy, check=True)


USAGE = textwrap.dedent("""
    import importlib.util, json, re, sys, warnings
    warnings.simplefilter("error")
    import tiktok_v2 as t

    # Only the declared dependency is installed: the generator's tools are not.
    for tool in ("jinja2", "yaml", "black", "generator", "datamodel_code_generator"):
        assert importlib.util.find_spec(tool) is None, tool

    seeds = sys.argv[1]
    page = open(seeds + "/000_1aceb33ad3542c66.txt", encoding="utf-8").read()
    first = json.loads(re.search(r"Example Response\\n\\n```\\n(.*?)\\n```", page, re.S).group(1))
    endpoint = open(seeds + "/001_08cb268bdd9ee89c.txt", encoding="utf-8").read()
    second = json.loads(endpoint.rsplit("\\nExample\\n", 1)[1])

    r = t.UserInfoResponse.model_validate(first)
    assert r.data.user.display_name == "User Name" and r.data.user.follower_count == 100
    assert r.error.code == t.ErrorCode.OK and r.error.log_id == "20220829194722CBE87ED59D524E727021"
    assert r.model_dump(exclude_none=True) == first
    r2 = t.UserInfoResponse.model_validate_json(json.dumps(second))
    assert r2.data.user.open_id == "723f24d7-e717-40f8-a2b6-cb8464cd23b4" and r2.data.user.username is None

    # A field TikTok adds later is kept, not rejected.
    new = t.User.model_validate({"open_id": "x", "brand_new_field": [1, 2]})
    assert new.model_extra == {"brand_new_field": [1, 2]}

    # Scopes and fields.
    assert len(t.Scope) == 6 and len(t.UserField) == 14
    assert t.scopes_for_user_fields(["open_id", "bio_description", "video_count"]) == {
        t.Scope.USER_INFO_BASIC, t.Scope.USER_INFO_PROFILE, t.Scope.USER_INFO_STATS}
    assert t.user_fields_for_scopes([t.Scope.USER_INFO_PROFILE]) == (
        t.UserField.BIO_DESCRIPTION, t.UserField.PROFILE_DEEP_LINK, t.UserField.IS_VERIFIED, t.UserField.USERNAME)
    assert t.user_fields_for_scopes(["video.list"]) == ()
    granted = ["user.info.basic", "user.info.stats"]
    assert t.build_user_fields_param(["open_id", "union_id", "open_id", "likes_count"], granted) == "open_id,union_id,likes_count"
    try:
        t.build_user_fields_param(["open_id", "username"], granted)
        raise AssertionError("a field outside the granted scopes was accepted")
    except t.ScopeNotGrantedError as e:
        assert e.field == "username" and e.scope is t.Scope.USER_INFO_PROFILE
        assert "'username'" in str(e) and "'user.info.profile'" in str(e)
    try:
        t.build_user_fields_param(["open_id", "avatar"])
        raise AssertionError("an unknown field was accepted")
    except t.UnknownFieldError as e:
        assert e.field == "avatar" and "avatar_url" in str(e)
    assert t.USER_FIELD_SCOPES[t.UserField.IS_VERIFIED] is t.Scope.USER_INFO_PROFILE
    # Comma-separated strings, as the token response lists the granted scopes, are split.
    token_scope = "user.info.basic,user.info.stats"
    assert t.user_fields_for_scopes(token_scope) == t.user_fields_for_scopes(granted)
    assert t.build_user_fields_param("open_id, likes_count", token_scope) == "open_id,likes_count"
    assert t.scopes_for_user_fields("open_id,username") == {t.Scope.USER_INFO_BASIC, t.Scope.USER_INFO_PROFILE}
    try:
        t.user_fields_for_scopes("user.info.basic,user.info.bogus")
        raise AssertionError("an unknown scope was accepted")
    except t.UnknownScopeError as e:
        assert e.scope == "user.info.bogus" and "user.info.profile" in str(e)
    try:
        t.build_user_fields_param(t.user_fields_for_scopes(["video.list"]))
        raise AssertionError("an empty fields parameter was built")
    except ValueError as e:
        assert "needs at least one" in str(e)

    # Every language at run time and in the JSON Schema.
    assert t.LANGUAGES == ("en", "th")
    assert t.describe(t.User, "open_id", "th") == "รหัสประจำตัวผู้ใช้ที่ไม่ซ้ำกันในแอปพลิเคชันปัจจุบัน"
    assert t.describe(t.User, "open_id") == t.User.model_fields["open_id"].description
    assert t.field_scope(t.User, "follower_count") == "user.info.stats"
    assert t.field_scope(t.Error, "code") is None
    assert t.describe_model(t.User, "th") == "ออบเจ็กต์ผู้ใช้มีข้อมูลเกี่ยวกับผู้ใช้ TikTok"
    prop = t.User.model_json_schema()["properties"]["union_id"]
    assert prop["x-scope"] == "user.info.basic" and prop["x-descriptions"]["th"].endswith("สำหรับผู้ใช้นั้น")
    assert t.SCOPE_DESCRIPTIONS[t.Scope.VIDEO_LIST]["th"] == "อ่านวิดีโอสาธารณะของคุณบน TikTok"

    # API constants.
    assert t.GET_USER_INFO_URL == "https://open.tiktokapis.com/v2/user/info/"
    assert t.AUTHORIZE_URL == "https://www.tiktok.com/v2/auth/authorize/"
    assert t.TOKEN_URL == "https://open.tiktokapis.com/v2/oauth/token/"
    assert t.GET_USER_INFO_URL_RATE_LIMIT_PER_MINUTE == 600
    assert t.ERROR_HTTP_STATUS[t.ErrorCode.SCOPE_NOT_AUTHORIZED] == 401
    assert t.ERROR_HTTP_STATUS[t.ErrorCode.RATE_LIMIT_EXCEEDED] == 429
    print("ok")
    """)


@pytest.mark.slow
def test_installed_in_a_fresh_venv(tmp_path: Path, package_copy: Path) -> None:
    env_dir = tmp_path / "venv"
    venv.create(env_dir, with_pip=True)
    python = env_dir / "bin" / "python"
    install = subprocess.run(
        [str(python), "-m", "pip", "install", "--quiet", "--disable-pip-version-check", str(package_copy)],
        capture_output=True,
        text=True,
    )
    assert install.returncode == 0, install.stderr
    installed = subprocess.run(
        [str(python), "-m", "pip", "list", "--format=freeze"], capture_output=True, text=True
    ).stdout
    names = {re.sub(r"[-_.]+", "-", line.split("==")[0]).lower() for line in installed.splitlines()}
    assert {"tiktok-v2", "pydantic"} <= names and not names & {"jinja2", "pyyaml", "black"}
    script = tmp_path / "usage.py"
    script.write_text(USAGE, encoding="utf-8")
    result = subprocess.run(
        [str(python), str(script), str(SEEDS)], cwd=tmp_path, capture_output=True, text=True
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout == "ok\n"
    typed = subprocess.run(
        [
            str(python),
            "-c",
            "import importlib.resources as r; print(r.files('tiktok_v2').joinpath('py.typed').is_file())",
        ],
        cwd=tmp_path,
        capture_output=True,
        text=True,
    )
    assert typed.stdout == "True\n"
