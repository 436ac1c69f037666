"""The generated package's and documents' metadata: license, authors, contact, home page, keywords.

All optional, under ``package:`` in the spec. They reach the generated ``pyproject.toml``
(``license`` as a PEP 639 SPDX expression, ``authors``, ``keywords``, ``[project.urls]``,
and the classifiers) and the OpenAPI ``info`` (``license`` and ``contact``).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from generator.problems import Problem
from generator.yaml_document import Document

# What the generated package declares it runs on (pyproject's requires-python is >=3.11).
PYTHON_VERSIONS = ("3.11", "3.12", "3.13")


@dataclass(frozen=True)
class Person:
    """Someone who answers for the package or the API; every part optional (at least one given)."""

    name: str | None = None
    email: str | None = None
    url: str | None = None


@dataclass(frozen=True)
class PackageMetadata:
    """The optional metadata of ``package:``."""

    license: str | None = None
    authors: tuple[Person, ...] = ()
    homepage: str | None = None
    keywords: tuple[str, ...] = ()
    contact: Person | None = None

    @property
    def classifiers(self) -> tuple[str, ...]:
        """Trove classifiers of the generated package.

        The license is not among them: PEP 639 replaced license classifiers with the
        ``license`` expression, and setuptools refuses a package that has both.
        """
        return (
            "Programming Language :: Python :: 3",
            "Programming Language :: Python :: 3 :: Only",
            *(f"Programming Language :: Python :: {v}" for v in PYTHON_VERSIONS),
            "Typing :: Typed",
        )

    def openapi_info(self) -> dict[str, Any]:
        """The OpenAPI ``info`` entries: ``license`` (with its SPDX identifier) and ``contact``."""
        info: dict[str, Any] = {}
        if self.license:
            info["license"] = {"name": self.license, "identifier": self.license}
        if self.contact:
            info["contact"] = _person(self.contact)
        return info


def _person(person: Person) -> dict[str, str]:
    return {k: v for k, v in (("name", person.name), ("url", person.url), ("email", person.email)) if v}


def _read_person(raw: dict[str, Any]) -> Person:
    return Person(raw.get("name"), raw.get("email"), raw.get("url"))


def package_metadata(package: dict[str, Any]) -> PackageMetadata:
    """The metadata of a validated spec's ``package:`` mapping."""
    contact = package.get("contact")
    return PackageMetadata(
        license=package.get("license"),
        authors=tuple(_read_person(a) for a in package.get("authors", ())),
        homepage=package.get("homepage"),
        keywords=tuple(package.get("keywords", ())),
        contact=_read_person(contact) if contact else None,
    )


def metadata_problems(doc: Document) -> list[Problem]:
    """A license that is not an SPDX expression (pip and PyPI would refuse the package), in canonical form."""
    package = doc.data.get("package") if isinstance(doc.data, dict) else None
    value = package.get("license") if isinstance(package, dict) else None
    if not isinstance(value, str) or not value:
        return []
    from packaging.licenses import InvalidLicenseExpression, canonicalize_license_expression

    path = ("package", "license")
    try:
        canonical = canonicalize_license_expression(value)
    except InvalidLicenseExpression as exc:
        return [
            doc.problem(
                path,
                f"{value!r} is not an SPDX license expression ({exc}); write an SPDX identifier such as "
                "MIT or Apache-2.0 (https://spdx.org/licenses/)",
            )
        ]
    if canonical != value:
        return [doc.problem(path, f"write the license as {canonical!r}, its canonical SPDX form")]
    return []
