"""Problems found in a spec: values collected and reported together, never raised one by one."""

from __future__ import annotations

import difflib
import json
from collections.abc import Iterable
from dataclasses import asdict, dataclass

# How alike a misspelling must be to be suggested: "descripton" -> "description" (0.95) and
# "feild" -> "field" (0.8) are, "servers" -> "spec_version" (0.63) is not.
SUGGESTION_CUTOFF = 0.7


@dataclass(frozen=True, order=True)
class Problem:
    """One thing wrong with the input, with where it is and what to do."""

    file: str
    line: int
    column: int
    path: str
    message: str

    def format(self) -> str:
        """Render as ``FILE:LINE:COL: key.path: message``."""
        where = f"{self.path}: " if self.path else ""
        return f"{self.file}:{self.line}:{self.column}: {where}{self.message}"


class SpecError(Exception):
    """Raised with every problem found, so that all are reported at once."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = sorted(set(problems))
        super().__init__("\n".join(p.format() for p in self.problems))

    def to_json(self) -> str:
        """Render the problems as a JSON document for editors and CI."""
        return json.dumps({"problems": [asdict(p) for p in self.problems]}, ensure_ascii=False, indent=2)


def format_path(path: tuple[str | int, ...]) -> str:
    """Render a key path as ``objects.User.fields.open_id`` (indexes as ``[3]``)."""
    out = ""
    for part in path:
        if isinstance(part, int):
            out += f"[{part}]"
        else:
            text = (
                part if part and part.isprintable() and not any(c in part for c in '.[] "') else _quoted(part)
            )
            out += f".{text}" if out else text
    return out


def _quoted(key: str) -> str:
    """A key in double quotes, every character that is not printable written as an escape.

    A problem is one line: a tab, a line break or a zero-width character in a key must not
    reach the terminal raw. Thai and other printable text stays readable.
    """
    return '"' + "".join(_escaped(c) for c in key) + '"'


def _escaped(char: str) -> str:
    if char in '"\\':
        return "\\" + char
    if char.isprintable():
        return char
    if ord(char) < 0x20:
        return json.dumps(char)[1:-1]  # \n, \t, \u0007
    return f"\\u{ord(char):04x}" if ord(char) <= 0xFFFF else f"\\U{ord(char):08x}"


def closest(word: str, choices: Iterable[str]) -> str | None:
    """The choice ``word`` is most likely a misspelling of, if one is close enough."""
    found = difflib.get_close_matches(word, list(choices), n=1, cutoff=SUGGESTION_CUTOFF)
    return found[0] if found else None
