"""Synthetic specs for the benchmark: N objects of F fields, realistic English and Thai texts.

Deterministic (seeded), so every run and every machine benchmarks the same bytes. The
shape follows the TikTok spec: scoped objects with a ``fields`` parameter, plain objects,
nested references, a response envelope and one endpoint. ``hostile=True`` mixes in
descriptions with quotes, backslashes, triple quotes, long lines, tabs and Markdown/HTML
syntax: the tests use it to prove the templates black-stable.

Usage: python bench/synth.py OBJECTS [FIELDS] > spec.yaml
"""

from __future__ import annotations

import random
import sys

EN_WORDS = (
    "the user account video profile count number unique identifier of for in with that "
    "is was has been returned when request response field value link image display name "
    "public private total creator follower following likes comments shares views region "
    "language time stamp seconds since epoch status verified badge description bio url "
    "size resolution higher lower current application developer client partner token "
    "scope granted authorized API endpoint version data list page cursor more next"
).split()
TH_WORDS = (
    "ผู้ใช้ บัญชี วิดีโอ โปรไฟล์ จำนวน รหัส ประจำตัว ที่ไม่ซ้ำกัน ของ สำหรับ ใน กับ ซึ่ง "
    "ได้รับ เมื่อ คำขอ การตอบกลับ ฟิลด์ ค่า ลิงก์ รูปภาพ ชื่อ สาธารณะ ส่วนตัว ทั้งหมด "
    "ผู้สร้าง ผู้ติดตาม การติดตาม ไลก์ ความคิดเห็น การแชร์ ยอดดู ภูมิภาค ภาษา เวลา วินาที "
    "สถานะ ยืนยันแล้ว คำอธิบาย ขนาด ความละเอียด สูง ปัจจุบัน แอปพลิเคชัน นักพัฒนา "
    "ไคลเอนต์ พาร์ทเนอร์ โทเค็น ขอบเขต อนุญาต เอพีไอ เอนด์พอยต์ เวอร์ชัน ข้อมูล รายการ หน้า"
).split()
HOSTILE = (
    'He said "hi" and left.',
    "It's the user's own \"quoted\" 'mixed' text.",
    "Ends with a backslash \\",
    "Triple quotes \"\"\" inside and ''' too.",
    "A Windows path C:\\Users\\name\\new and a tab\there.",
    "Markdown *bold* _it_ `code` | pipe [link](x) <script>alert(1)</script> {{ jinja }} {% raw %}",
    "ข้อความภาษาไทย \"มีเครื่องหมายคำพูด\" และ 'เดี่ยว' กับแบ็กสแลช \\ ท้ายประโยค",
    "A very long line " + "that keeps going " * 12 + "and ends here.",
    '"Starts with a quote',
    'Ends with a quote"',
    "Two\nlines of text",
    "  Leading and trailing spaces  ",
    "1. Looks like a list",
    "# Looks like a heading",
)
SCOPES = (
    ("user.info.basic", "Access your profile info", "เข้าถึงข้อมูลโปรไฟล์ของคุณ"),
    ("user.info.profile", "Read additional profile info", "อ่านข้อมูลโปรไฟล์เพิ่มเติมของคุณ"),
    ("user.info.stats", "Read your user statistics", "อ่านข้อมูลสถิติผู้ใช้ของคุณ"),
    ("video.list", "Read your public videos on TikTok", "อ่านวิดีโอสาธารณะของคุณบน TikTok"),
    ("video.insights", "Read insights about your videos", "อ่านข้อมูลเชิงลึกเกี่ยวกับวิดีโอของคุณ"),
    ("comment.list", "Read comments on your videos", "อ่านความคิดเห็นบนวิดีโอของคุณ"),
)
PRIMITIVES = (
    ("string", None),
    ("int64", None),
    ("boolean", None),
    ("string", "uri"),
    ("number", None),
    ("int32", None),
    ("string", "date-time"),
)


def _sentence(rng: random.Random, words: tuple[str, ...] | list[str], sep: str, end: str) -> str:
    count = rng.randint(5, 24)
    text = sep.join(rng.choice(words) for _ in range(count))
    return text[0].upper() + text[1:] + end


def _texts(rng: random.Random, hostile: bool) -> dict[str, str]:
    if hostile and rng.random() < 0.3:
        return {"en": rng.choice(HOSTILE), "th": rng.choice(HOSTILE)}
    return {"en": _sentence(rng, EN_WORDS, " ", "."), "th": _sentence(rng, TH_WORDS, "", "")}


def _name(i: int) -> str:
    return f"Item{i:04d}"


def _field(
    rng: random.Random, obj: int, index: int, scoped: bool, hostile: bool
) -> tuple[str, dict[str, object]]:
    wire = f"{rng.choice(EN_WORDS)}_{rng.choice(EN_WORDS)}_{index}"
    field: dict[str, object] = {}
    roll = rng.random()
    if obj > 0 and roll < 0.05:
        field["type"] = _name(rng.randrange(obj))  # refer to an earlier object: no cycles
    elif roll < 0.12:
        field["type"] = "array"
        field["items"] = {"type": "string"}
    else:
        kind, fmt = PRIMITIVES[index % len(PRIMITIVES)]
        field["type"] = kind
        if fmt:
            field["format"] = fmt
    if scoped:
        field["scope"] = SCOPES[index % len(SCOPES)][0]
    if rng.random() < 0.1:
        field["required"] = True
    field["description"] = _texts(rng, hostile)
    if field["type"] == "int64" and rng.random() < 0.3:
        field["example"] = rng.randint(0, 10_000)
    return wire, field


def make_spec(objects: int, fields: int = 30, *, hostile: bool = False, seed: int = 5) -> dict[str, object]:
    """A spec of ``objects`` objects (plus a response envelope) of ``fields`` fields each."""
    rng = random.Random(seed)
    objs: dict[str, object] = {}
    for i in range(objects):
        scoped = i % 4 == 0
        objs[_name(i)] = {
            "description": _texts(rng, hostile),
            "fields": dict(_field(rng, i, j, scoped, hostile) for j in range(fields)),
        }
    objs["Item0000Response"] = {
        "description": {"en": "The response of GET /v2/item/.", "th": "การตอบกลับของ GET /v2/item/"},
        "fields": {
            "data": {"type": _name(0), "description": {"en": "The requested item.", "th": "รายการที่ร้องขอ"}},
            "error_code": {
                "type": "string",
                "required": True,
                "description": {"en": "The error code.", "th": "รหัสข้อผิดพลาด"},
            },
        },
    }
    return {
        "spec_version": 1,
        "languages": ["en", "th"],
        "package": {
            "name": "synth",
            "version": "1.0.0",
            "title": {
                "en": f"Synthetic API of {objects} objects",
                "th": f"เอพีไอสังเคราะห์ {objects} ออบเจ็กต์",
            },
            "description": {"en": "A benchmark spec.", "th": "สเปกสำหรับวัดประสิทธิภาพ"},
            "base_url": "https://api.example.com",
        },
        "auth": {"authorize_url": "https://example.com/auth/", "token_url": "https://example.com/token/"},
        "scopes": {name: {"description": {"en": en, "th": th}} for name, en, th in SCOPES},
        "objects": objs,
        "endpoints": {
            "get_item": {
                "method": "GET",
                "path": "/v2/item/",
                "summary": {"en": "Get an item", "th": "ดึงรายการ"},
                "description": {"en": "Returns one item.", "th": "ส่งคืนหนึ่งรายการ"},
                "rate_limit_per_minute": 600,
                "security": "oauth2",
                "fields_parameter": {
                    "name": "fields",
                    "object": _name(0),
                    "required": True,
                    "description": {"en": "Fields to return.", "th": "ฟิลด์ที่จะส่งคืน"},
                },
                "response": "Item0000Response",
            }
        },
    }


def spec_yaml(objects: int, fields: int = 30, *, hostile: bool = False, seed: int = 5) -> str:
    """The spec as YAML text (JSON is YAML; block style would only be slower to write)."""
    import yaml

    return yaml.safe_dump(
        make_spec(objects, fields, hostile=hostile, seed=seed), allow_unicode=True, sort_keys=False, width=100
    )


if __name__ == "__main__":
    n = int(sys.argv[1])
    f = int(sys.argv[2]) if len(sys.argv) > 2 else 30
    sys.stdout.write(spec_yaml(n, f))
