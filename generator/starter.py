"""``specgen init``: a small, valid, commented starter spec, and ``specgen templates``.

The starter has one scope, one object and one endpoint, every text in every language asked
for, and the ``yaml-language-server`` line that lets editors check it against the schema.
Texts are written for English, Thai and Japanese; any other language gets the English text
to translate, and the docs' interface words under ``labels:`` (also to translate), so the
starter generates as it is. ``init`` never overwrites a spec: it refuses a folder that
already holds ``*.yaml``/``*.yml`` files.
"""

from __future__ import annotations

import argparse
import json
import os
from pathlib import Path

from generator.paths import PACKAGE
from generator.writer import OutputError
from generator.yaml_source import display_name, spec_files

# Every text of the starter, in the languages it is written in; {title} is the package's title.
TEXTS: dict[str, dict[str, str]] = {
    "title": {"en": "{title} API", "th": "เอพีไอ {title}", "ja": "{title} API"},
    "description": {
        "en": "Typed models, scopes and docs for the {title} API.",
        "th": "โมเดลที่มีชนิดข้อมูล ขอบเขต และเอกสารสำหรับเอพีไอ {title}",
        "ja": "{title} API の型付きモデル、スコープ、ドキュメント。",
    },
    "scope": {"en": "Read your items", "th": "อ่านรายการของคุณ", "ja": "あなたのアイテムを読み取る"},
    "object": {"en": "An item.", "th": "รายการหนึ่งรายการ", "ja": "アイテム。"},
    "id": {"en": "The item's unique ID.", "th": "รหัสเฉพาะของรายการ", "ja": "アイテムの一意の ID。"},
    "name": {"en": "The item's name.", "th": "ชื่อของรายการ", "ja": "アイテムの名前。"},
    "summary": {"en": "Get an item", "th": "ดึงข้อมูลรายการ", "ja": "アイテムを取得する"},
    "endpoint": {
        "en": "Returns the fields of an item that the granted scopes allow.",
        "th": "ส่งคืนฟิลด์ของรายการตามขอบเขตที่ได้รับอนุญาต",
        "ja": "許可されたスコープで読めるアイテムのフィールドを返します。",
    },
    "fields": {
        "en": "The fields to return, separated by commas.",
        "th": "ฟิลด์ที่จะส่งคืน คั่นด้วยจุลภาค",
        "ja": "返すフィールド（カンマ区切り）。",
    },
}


def add_parser(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """The ``init`` command's arguments."""
    text = "write a small, commented starter spec into DIR (never over an existing spec)"
    cmd = sub.add_parser("init", help=text, description=text)
    cmd.add_argument("dir", type=Path, nargs="?", default=Path("."), help="folder (default: here)")
    cmd.add_argument("--package", required=True, help="import name of the generated package, e.g. my_api")
    cmd.add_argument(
        "--languages", default="en", help="comma-separated language codes, the source first (default: en)"
    )


def _text(key: str, languages: list[str], indent: int, title: str) -> str:
    pad = " " * indent
    lines = []
    for lang in languages:
        value = TEXTS[key].get(lang)
        note = ""
        if value is None:
            value, note = TEXTS[key]["en"], "  # translate"
        lines.append(f"{pad}{lang}: {_quote(value.format(title=title))}{note}")
    return "\n".join(lines)


def _quote(value: str) -> str:
    """A YAML double-quoted scalar (JSON's escapes are YAML's)."""
    return json.dumps(value, ensure_ascii=False)


def _labels(languages: list[str]) -> str:
    """A ``labels:`` block for the languages the toolkit has no interface words for (English, to translate)."""
    from generator import labels  # imported here: the command line builds its parser on every run

    english = labels.default_labels("en")
    missing = {lang: sorted(labels.LABEL_KEYS - set(labels.default_labels(lang))) for lang in languages}
    missing = {lang: words for lang, words in missing.items() if words}
    if not missing:
        return ""
    out = [
        "",
        "# The docs' interface words for languages the toolkit has none for: translate them.",
        "labels:",
    ]
    for lang, words in missing.items():
        out.append(f"  {lang}:")
        out.extend(f"    {_quote(word)}: {_quote(english[word])}" for word in words)
    return "\n".join(out) + "\n"


def starter_spec(package: str, languages: list[str], schema_ref: str) -> str:
    """The starter spec's text."""
    title = package.removesuffix("_api").replace("_", " ").title()

    def t(key: str, indent: int) -> str:
        return _text(key, languages, indent, title)

    return f"""\
# yaml-language-server: $schema={schema_ref}
#
# A starter spec written by `specgen init`: one scope, one object, one endpoint.
# Every human text is a mapping with one entry per language in `languages`.
# Check it:   specgen validate --spec FOLDER
# Render it:  specgen generate --spec FOLDER --out FOLDER/out
spec_version: 1

languages: [{", ".join(languages)}]  # the first is the source language

package:
  name: {package}  # the import name of the generated Python package
  version: "0.1.0"
  title:
{t("title", 4)}
  description:
{t("description", 4)}
  base_url: https://api.example.com  # replace with your API's base URL

auth:  # OAuth 2.0 authorization-code flow: replace with your API's URLs
  authorize_url: https://example.com/oauth/authorize/
  token_url: https://example.com/oauth/token/

scopes:  # what a user can grant your app
  item.read:
    description:
{t("scope", 6)}

objects:  # PascalCase names; each field: type, scope (optional), description
  Item:
    description:
{t("object", 6)}
    fields:
      id:
        type: string  # string | boolean | int32 | int64 | number | <Object> | array (+ items)
        scope: item.read
        required: true
        description:
{t("id", 10)}
        example: item-1
      name:
        type: string
        scope: item.read
        description:
{t("name", 10)}

endpoints:
  get_item:
    method: GET
    path: /v1/item/
    summary:
{t("summary", 6)}
    description:
{t("endpoint", 6)}
    security: oauth2  # a Bearer access token from `auth`
    fields_parameter:  # the query parameter that selects the object's fields
      name: fields
      object: Item
      required: true
      description:
{t("fields", 8)}
      example: id,name
    response: Item
{_labels(languages)}"""


def _readme(folder: str, package: str, spec_name: str) -> str:
    return f"""\
# {package}: a specgen spec

`{spec_name}` is the spec: edit it, then check it and render every output from it.

```sh
specgen validate --spec {folder}
specgen generate --spec {folder} --out {folder}/out
```

`{folder}/out/` then holds the Python package (`python/`, installable with
`pip install {folder}/out/python`), the docs per language (`docs/`), OpenAPI (`openapi/`) and
the data tables (`data/`). Or, in a Makefile:

```make
generate:
\tspecgen generate --spec {folder} --out {folder}/out
check:
\tspecgen check --spec {folder} --out {folder}/out
```
"""


def init(folder: Path, package: str, languages: list[str]) -> list[Path]:
    """Write the starter spec (and a README if there is none) into ``folder``; return what was written."""
    if folder.is_dir() and spec_files(folder):
        names = ", ".join(p.name for p in spec_files(folder))
        raise OutputError(
            f"{display_name(folder)} already holds a spec ({names}); init never overwrites one: "
            "name another folder"
        )
    if folder.exists() and not folder.is_dir():
        raise OutputError(f"{display_name(folder)} is not a directory; name a folder for the spec")
    spec_path = folder / f"{package}.yaml"
    schema_file = PACKAGE / "spec.schema.json"
    try:  # relative, as editors resolve it from the spec file
        schema = Path(os.path.relpath(schema_file, folder.resolve())).as_posix()
    except ValueError:  # another drive (Windows): no relative path exists
        schema = schema_file.as_uri()
    text = starter_spec(package, languages, schema)
    from generator.spec import parse_spec_text

    parse_spec_text(text, display_name(spec_path))  # refuses a bad package name or language code
    folder.mkdir(parents=True, exist_ok=True)
    written = [spec_path]
    spec_path.write_text(text, encoding="utf-8")
    readme = folder / "README.md"
    if not readme.exists():
        readme.write_text(_readme(display_name(folder), package, spec_path.name), encoding="utf-8")
        written.append(readme)
    return written


def run(args: argparse.Namespace) -> int:
    """``init`` or ``templates``."""
    if args.command == "templates":
        from generator.overrides import builtin_names

        print("\n".join(builtin_names()))
        return 0
    languages = [lang.strip() for lang in args.languages.split(",") if lang.strip()]
    written = init(args.dir, args.package, languages)
    print(f"wrote {', '.join(display_name(p) for p in written)}")
    print(f"next: specgen generate --spec {display_name(args.dir)} --out {display_name(args.dir / 'out')}")
    return 0
