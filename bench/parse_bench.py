"""Parse the seed's example response with the generated model, a hand-written one, msgspec and orjson.

Run in its own process by bench/run.py: ``python bench/parse_bench.py GENERATED_PYTHON_DIR
SPEC_FILE ROUNDS``; prints JSON {name: [microseconds per call, one per round]}. The rounds
run the four parsers in turn, each round starting one later (A B C D, B C D A, ...), so a noisy
moment hits all of them and none always runs first.
"""

from __future__ import annotations

import json
import sys
import time
from pathlib import Path

import msgspec
import orjson
import yaml
from pydantic import BaseModel, ConfigDict


# The hand-written pydantic model: what a person would write for this response, with the same
# behaviour as the generated one (unknown fields kept, optional fields default to None).
class HandUser(BaseModel):
    model_config = ConfigDict(extra="allow")

    open_id: str | None = None
    union_id: str | None = None
    avatar_url: str | None = None
    avatar_url_100: str | None = None
    avatar_large_url: str | None = None
    display_name: str | None = None
    bio_description: str | None = None
    profile_deep_link: str | None = None
    is_verified: bool | None = None
    username: str | None = None
    follower_count: int | None = None
    following_count: int | None = None
    likes_count: int | None = None
    video_count: int | None = None


class HandError(BaseModel):
    model_config = ConfigDict(extra="allow")

    code: str
    message: str
    log_id: str


class HandData(BaseModel):
    model_config = ConfigDict(extra="allow")

    user: HandUser | None = None


class HandResponse(BaseModel):
    model_config = ConfigDict(extra="allow")

    data: HandData | None = None
    error: HandError


class StructUser(msgspec.Struct):
    open_id: str | None = None
    union_id: str | None = None
    avatar_url: str | None = None
    avatar_url_100: str | None = None
    avatar_large_url: str | None = None
    display_name: str | None = None
    bio_description: str | None = None
    profile_deep_link: str | None = None
    is_verified: bool | None = None
    username: str | None = None
    follower_count: int | None = None
    following_count: int | None = None
    likes_count: int | None = None
    video_count: int | None = None


class StructError(msgspec.Struct):
    code: str
    message: str
    log_id: str


class StructData(msgspec.Struct):
    user: StructUser | None = None


class StructResponse(msgspec.Struct):
    error: StructError
    data: StructData | None = None


def _per_call_us(fn: object, raw: bytes, number: int) -> float:
    call = fn  # type: ignore[assignment]
    started = time.perf_counter()
    for _ in range(number):
        call(raw)  # type: ignore[operator]
    return (time.perf_counter() - started) / number * 1e6


def main() -> None:
    python_dir, spec_file, rounds = Path(sys.argv[1]), Path(sys.argv[2]), int(sys.argv[3])
    sys.path.insert(0, str(python_dir))
    from tiktok_v2 import UserInfoResponse  # the generated model

    spec = yaml.load(spec_file.read_text(encoding="utf-8"), Loader=yaml.CSafeLoader)
    example = spec["endpoints"]["get_user_info"]["examples"]["user_object_page"]["value"]
    raw = json.dumps(example).encode()
    decoder = msgspec.json.Decoder(StructResponse)
    parsers = {
        "generated UserInfoResponse": UserInfoResponse.model_validate_json,
        "hand-written pydantic": HandResponse.model_validate_json,
        "msgspec Struct": decoder.decode,
        "orjson.loads (floor)": orjson.loads,
    }
    # Same result from both pydantic models, then warm every parser up (and build the deferred schema).
    assert UserInfoResponse.model_validate_json(raw).model_dump(exclude_none=True) == example
    assert HandResponse.model_validate_json(raw).model_dump(exclude_none=True) == example
    for fn in parsers.values():
        _per_call_us(fn, raw, 2000)
    results: dict[str, list[float]] = {name: [] for name in parsers}
    names = list(parsers)
    for round_ in range(rounds):
        # Each round starts with the next parser, so none always runs first (or just after another).
        for name in names[round_ % len(names) :] + names[: round_ % len(names)]:
            results[name].append(_per_call_us(parsers[name], raw, 20000))
    print(json.dumps(results))


if __name__ == "__main__":
    main()
