# Generated from spec/tiktok_v2.yaml. Do not edit.
"""OAuth 2.0 helpers for TikTok API v2 (Login Kit and Display API): the authorization URL with its state, PKCE, and a Token that knows when it expires.

Pure Python and pydantic; the calls that exchange, refresh and revoke tokens are
tiktok_v2.client.OAuth and AsyncOAuth (they need the ``client`` extra).
"""

from __future__ import annotations

import base64
import hashlib
import secrets
import time
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Final
from urllib.parse import urlencode

from pydantic import Field

from tiktok_v2.api import AUTHORIZE_URL
from tiktok_v2.models import TokenResponse
from tiktok_v2.scopes import Scope, UnknownScopeError

__all__ = [
    "SCOPE_SEPARATOR",
    "Pkce",
    "Token",
    "authorize_url",
    "new_pkce",
]

SCOPE_SEPARATOR: Final = ","
"""What joins the scopes of the authorization request."""


@dataclass(frozen=True)
class Pkce:
    """A PKCE pair (RFC 7636) for desktop and mobile apps.

    Send ``challenge`` with the authorization request (``authorize_url(..., pkce=...)``)
    and ``verifier`` with the code exchange; keep the verifier secret until then.
    """

    verifier: str
    challenge: str
    method: str = "S256"


def new_pkce() -> Pkce:
    """A new random code verifier and its S256 challenge."""
    # 86 characters of A-Z a-z 0-9 - _ (RFC 7636 allows 43 to 128).
    verifier = secrets.token_urlsafe(64)
    digest = hashlib.sha256(verifier.encode("ascii")).digest()
    challenge = base64.urlsafe_b64encode(digest).rstrip(b"=").decode("ascii")
    return Pkce(verifier, challenge)


def authorize_url(
    client_key: str,
    redirect_uri: str,
    scopes: str | Iterable[Scope | str],
    state: str | None = None,
    *,
    pkce: Pkce | None = None,
) -> tuple[str, str]:
    """The URL to send the user to, and the state to check on the callback.

    ``scopes`` are names one by one or one comma-separated string; an unknown one raises
    UnknownScopeError. The state is a new ``secrets`` token unless given: compare it with
    the callback's ``state`` before exchanging the code.
    """
    names = scopes.split(",") if isinstance(scopes, str) else [str(s) for s in scopes]
    known = {s.value for s in Scope}
    chosen = [n.strip() for n in names if n.strip()]
    for name in chosen:
        if name not in known:
            raise UnknownScopeError(name)
    if state is None:
        state = secrets.token_urlsafe(32)
    query = {
        "client_key": client_key,
        "response_type": "code",
        "scope": SCOPE_SEPARATOR.join(dict.fromkeys(chosen)),
        "redirect_uri": redirect_uri,
        "state": state,
    }
    if pkce is not None:
        query["code_challenge"] = pkce.challenge
        query["code_challenge_method"] = pkce.method
    joiner = "&" if "?" in AUTHORIZE_URL else "?"
    return AUTHORIZE_URL + joiner + urlencode(query), state


class Token(TokenResponse):
    """A token response and the moment it was obtained (Unix seconds), so it knows when it expires."""

    obtained_at: float = Field(default_factory=time.time)

    @property
    def expires_at(self) -> float:
        """When the access token expires (Unix seconds)."""
        return self.obtained_at + self.expires_in

    def expired(self, leeway: float = 60.0, now: float | None = None) -> bool:
        """Whether the access token has expired, or will within ``leeway`` seconds."""
        return (time.time() if now is None else now) + leeway >= self.expires_at

    @property
    def refresh_expires_at(self) -> float:
        """When the refresh token expires (Unix seconds)."""
        return self.obtained_at + self.refresh_expires_in

    def refresh_expired(self, leeway: float = 60.0, now: float | None = None) -> bool:
        """Whether the refresh token has expired, or will within ``leeway`` seconds."""
        return (time.time() if now is None else now) + leeway >= self.refresh_expires_at
