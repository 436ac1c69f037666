"""The OAuth helpers' view model: the authorization request, and which endpoints take and revoke tokens.

The token and revoke calls are found by URL (``auth.token_url``, ``auth.revoke_url``) and used
only when their forms have the RFC 6749 / RFC 7009 fields, so nothing here names an API.
"""

from __future__ import annotations

from dataclasses import dataclass

from generator import naming
from generator.ir import ProjectIR
from generator.targets.client_view import EndpointView


@dataclass(frozen=True)
class OAuthView:
    """The OAuth helpers: the authorization URL, and the token calls when the spec declares them."""

    client_id_arg: str  # the helpers' argument for the client id (its Python name)
    client_id_parameter: str  # its wire name
    scope_separator: str
    token: EndpointView | None  # the endpoint at auth.token_url, if its form has RFC 6749's fields
    token_args: dict[str, str]  # RFC 6749 wire name -> the method's argument
    token_class: str | None
    expires_in: str | None  # the token response's Python names, when it has them
    refresh_expires_in: str | None
    revoke: EndpointView | None  # the endpoint at auth.revoke_url, if its form has RFC 7009's token
    revoke_args: dict[str, str]


_TOKEN_FORM = ("client_secret", "grant_type", "code", "redirect_uri", "refresh_token")


def _form_args(e: EndpointView) -> dict[str, str]:
    return {a.wire_path[0]: a.name for a in e.args if e.form and len(a.wire_path) == 1}


def _token_endpoint(
    endpoints: tuple[EndpointView, ...], url: str | None, client_id: str
) -> EndpointView | None:
    for e in endpoints:
        args = _form_args(e)
        if (
            e.ep.url != url
            or e.response_class is None
            or any(n not in args for n in (client_id, *_TOKEN_FORM))
        ):
            continue
        grant = next(a for a in e.args if a.wire_path == ("grant_type",))
        if "authorization_code" in grant.annotation and "refresh_token" in grant.annotation:
            return e
    return None


def build_oauth_view(project: ProjectIR, endpoints: tuple[EndpointView, ...]) -> OAuthView | None:
    """The OAuth view, or None when the spec has no ``auth``."""
    if project.authorize_url is None:
        return None
    client_id = project.client_id_parameter
    token = _token_endpoint(endpoints, project.token_url, client_id)
    revoke = next((e for e in endpoints if e.ep.url == project.revoke_url), None)
    revoke_args = _form_args(revoke) if revoke else {}
    if revoke is not None and any(n not in revoke_args for n in (client_id, "client_secret", "token")):
        revoke = None
    response = token.ep.response if token else None
    fields = {f.wire_name: f.py_name for f in response.fields if f.required} if response else {}
    return OAuthView(
        client_id_arg=naming.field_name(client_id),
        client_id_parameter=client_id,
        scope_separator=project.scope_separator,
        token=token,
        token_args=_form_args(token) if token else {},
        token_class=token.response_class if token else None,
        expires_in=fields.get("expires_in"),
        refresh_expires_in=fields.get("refresh_expires_in"),
        revoke=revoke,
        revoke_args=revoke_args if revoke else {},
    )
