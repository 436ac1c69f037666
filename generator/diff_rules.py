"""The rules of ``specgen diff``: each change to a spec has a stable id, a kind and a reason.

The kind says what a consumer of the generated package must do: **breaking** (code that worked
may fail), **non-breaking** (new things; old code keeps working), **docs-only** (only texts
and examples change). The version bump a change needs follows from its kind.
"""

from __future__ import annotations

from dataclasses import dataclass

BREAKING, NON_BREAKING, DOCS_ONLY = "breaking", "non-breaking", "docs-only"
KINDS = (BREAKING, NON_BREAKING, DOCS_ONLY)
# The semver part a kind of change needs at least.
BUMP = {BREAKING: "major", NON_BREAKING: "minor", DOCS_ONLY: "patch"}


@dataclass(frozen=True)
class Rule:
    """One kind of change."""

    id: str
    kind: str
    reason: str


RULES = {
    r.id: r
    for r in (
        Rule("object-removed", BREAKING, "code that imports or builds the model stops working"),
        Rule("object-added", NON_BREAKING, "a new model; nothing that exists changes"),
        Rule(
            "field-removed", BREAKING, "code reading or sending the field breaks, and selecting it is refused"
        ),
        Rule("field-added", NON_BREAKING, "an optional field: readers ignore it, senders may leave it out"),
        Rule("required-field-added", BREAKING, "every request must now send it (request body or query)"),
        Rule(
            "field-type-changed",
            BREAKING,
            "the value no longer parses as the old type (type, format or items)",
        ),
        Rule(
            "field-scope-changed", BREAKING, "granted tokens stop covering the field; requests naming it fail"
        ),
        Rule("field-made-optional", BREAKING, "readers that relied on the value being present get None"),
        Rule("field-made-required", BREAKING, "requests that left it out are now refused"),
        Rule("field-made-required-in-response", NON_BREAKING, "readers get a value they already handled"),
        Rule("field-made-optional-in-request", NON_BREAKING, "requests that send it still work"),
        Rule("limit-tightened", BREAKING, "values that were accepted (or sent) are now refused"),
        Rule("limit-loosened", NON_BREAKING, "everything accepted before still is"),
        Rule("default-changed", BREAKING, "requests that leave the field out behave differently"),
        Rule("endpoint-removed", BREAKING, "calls to it fail, and its constant and docs go away"),
        Rule("endpoint-added", NON_BREAKING, "a new operation; nothing that exists changes"),
        Rule("endpoint-moved", BREAKING, "its method or path changed: existing calls miss it"),
        Rule("endpoint-scopes-added", BREAKING, "tokens without the new scope are refused"),
        Rule("endpoint-scopes-removed", NON_BREAKING, "fewer scopes are needed; old tokens still work"),
        Rule("scope-removed", BREAKING, "code naming the scope breaks, and tokens lose what it granted"),
        Rule("scope-added", NON_BREAKING, "a new scope; nothing that exists changes"),
        Rule(
            "error-code-removed",
            BREAKING,
            "code handling the code (its exception class, its enum member) breaks",
        ),
        Rule("error-code-added", NON_BREAKING, "a new code; unknown codes were already handled generically"),
        Rule("error-status-changed", BREAKING, "handlers keyed on the HTTP status see another one"),
        Rule("text-changed", DOCS_ONLY, "a description, summary or title in some language changed"),
        Rule("text-added", DOCS_ONLY, "an optional text was given (a description, a consent-screen wording)"),
        Rule("text-removed", DOCS_ONLY, "an optional text was dropped; the docs fall back to another"),
        Rule("example-changed", DOCS_ONLY, "an example value changed"),
    )
}
