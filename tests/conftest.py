"""Shared test helpers: the project root, the committed spec, and in-memory generation."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SPEC = ROOT / "spec"
GENERATED = ROOT / "generated"
# The pages the spec was written from, kept in the repo so a clone with nothing beside it tests itself.
SEEDS = SPEC / "sources"

if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from generator.ir import ProjectIR, build_ir  # noqa: E402
from generator.pipeline import generate_spec  # noqa: E402
from generator.spec import Spec, load_spec, parse_spec_text  # noqa: E402

# The browser tests' session fixtures (one site build and one Chromium for every browser test module).
from site_support import base_url, browser, browser_packages, built, page  # noqa: E402,F401


@pytest.fixture(scope="session")
def spec() -> Spec:
    """The committed spec, validated."""
    return load_spec(SPEC)


@pytest.fixture(scope="session")
def project(spec: Spec) -> ProjectIR:
    """The committed spec's IR."""
    return build_ir(spec)


@pytest.fixture(scope="session")
def files(spec: Spec) -> dict[str, str]:
    """Every output file of the committed spec, generated in memory."""
    return generate_spec(spec)


def generate_text(text: str, name: str = "spec.yaml") -> dict[str, str]:
    """Generate every output of a spec given as YAML text."""
    return generate_spec(parse_spec_text(text, name))


MINIMAL_SPEC = """\
spec_version: 1
languages: [en, th]
package:
  name: mini
  version: "1.0.0"
  title: {en: Mini API, th: เอพีไอเล็ก}
  description: {en: A small API., th: เอพีไอขนาดเล็ก}
  base_url: https://api.example.com
auth:
  authorize_url: https://example.com/auth/
  token_url: https://example.com/token/
scopes:
  thing.read:
    description: {en: Read things, th: อ่านสิ่งของ}
objects:
  Thing:
    description: {en: A thing., th: สิ่งของ}
    fields:
      id:
        type: string
        scope: thing.read
        description: {en: The id., th: รหัส}
  ThingResponse:
    description: {en: The response., th: การตอบกลับ}
    fields:
      thing:
        type: Thing
        description: {en: The thing., th: สิ่งของ}
endpoints:
  get_thing:
    method: GET
    path: /thing/
    summary: {en: Get a thing, th: ดึงสิ่งของ}
    description: {en: Returns a thing., th: ส่งคืนสิ่งของ}
    security: oauth2
    fields_parameter:
      name: fields
      object: Thing
      required: true
      description: {en: Fields to return., th: ฟิลด์ที่จะส่งคืน}
    response: ThingResponse
"""
