"""A spec read from YAML: its plain data, and the position of every key and value by path.

Positions are what problems are reported at (``FILE:LINE:COL``). A valid spec never asks for
one, so a reader may leave them to be placed on first use (:class:`LazyDocument`); they are
then exactly those an eager read gives.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, NamedTuple

from generator.problems import Problem, format_path

Path_ = tuple[str | int, ...]


class Position(NamedTuple):
    """A place in a source file (1-based line and column). A tuple: one is made per YAML node."""

    file: str
    line: int
    column: int


@dataclass
class Document:
    """Plain data read from YAML, with the positions of its keys and values by path."""

    data: Any
    values: dict[Path_, Position] = field(default_factory=dict)
    keys: dict[Path_, Position] = field(default_factory=dict)
    files: tuple[str, ...] = ()
    texts: tuple[bytes, ...] = ()
    # The files as named in generated headers: the same from any working directory.
    sources: tuple[str, ...] = ()

    def where(self, path: Path_, *, key: bool = False) -> Position:
        """Best position for a path: its key or value, else the nearest ancestor's."""
        probe = path
        while True:
            table = (self.keys, self.values) if key else (self.values, self.keys)
            for positions in table:
                if probe in positions:
                    return positions[probe]
            if not probe:
                return Position(self.files[0] if self.files else "<spec>", 1, 1)
            probe = probe[:-1]

    def problem(self, path: Path_, message: str, *, key: bool = False) -> Problem:
        """A problem located at ``path``."""
        pos = self.where(path, key=key)
        return Problem(pos.file, pos.line, pos.column, format_path(path), message)


class LazyDocument(Document):
    """A Document whose positions are placed on first use by ``place`` (problems need them, a
    valid spec never asks); from then on it is field for field what an eager read gives."""

    def __init__(
        self,
        data: Any,
        files: tuple[str, ...],
        texts: tuple[bytes, ...],
        sources: tuple[str, ...],
        place: Callable[[Document], None],
    ) -> None:
        super().__init__(data=data, files=files, texts=texts, sources=sources)
        self._place = place
        del self.values, self.keys  # placed by __getattr__ when first asked for

    @property
    def placed(self) -> bool:
        """Whether the positions have been asked for (and so placed)."""
        return "values" in self.__dict__

    def __getattr__(self, name: str) -> Any:
        if name not in ("values", "keys") or "_place" not in self.__dict__:
            raise AttributeError(name)
        self.values, self.keys = {}, {}
        self._place(self)
        return self.__dict__[name]
