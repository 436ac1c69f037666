"""Problems as GitHub Actions workflow commands: ``::error file=F,line=L,col=C::message``.

GitHub shows each as an annotation on the line of the pull request's diff. Values are
escaped as the runner expects: ``%``, CR and LF everywhere, and ``:`` and ``,`` in properties.
"""

from __future__ import annotations

from collections.abc import Iterable

from generator.problems import Problem


def annotation_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def annotation_property(text: str) -> str:
    return annotation_data(text).replace(":", "%3A").replace(",", "%2C")


def github_annotation(problem: Problem) -> str:
    """One problem as one ``::error`` line (without the newline)."""
    where = f"{problem.path}: " if problem.path else ""
    return (
        f"::error file={annotation_property(problem.file)},line={problem.line},col={problem.column},"
        f"title={annotation_property('specgen')}::{annotation_data(where + problem.message)}"
    )


def github_annotations(problems: Iterable[Problem]) -> str:
    """Every problem, one annotation a line."""
    return "".join(github_annotation(p) + "\n" for p in problems)
