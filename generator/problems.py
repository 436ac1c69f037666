"""Problems found in a spec: values collected and reported together, never raised one by one."""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass


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
        return json.dumps(
            {"problems": [asdict(p) for p in self.problems]}, ensure_ascii=False, indent=2
        )


def format_path(path: tuple[str | int, ...]) -> str:
    """Render a key path as ``objects.User.fields.open_id`` (indexes as ``[3]``)."""
    out = ""
    for part in path:
        if isinstance(part, int):
            out += f"[{part}]"
        else:
            text = part if part and all(c not in part for c in ".[] \n") else json.dumps(part)
            out += f".{text}" if out else text
    return out
