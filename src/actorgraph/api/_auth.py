"""Who may read and who may write: one access token, sent as ``Authorization: Bearer``.

- Reads (GET under /api, and /openapi.json) are open on loopback. In remote mode
  (``actorgraph serve --allow-remote``, required to listen on any other address) every
  request under /api needs the token. The page and its static files stay open: they hold
  no data and the page has to load to ask for the token.
- Writes (merge, split, alias) always need the token; with no token configured they are
  switched off (403), even on loopback.

CSRF: the token travels in a header, never in a cookie, so a browser never attaches it
on its own; the app sends no CORS headers, so another site's page cannot send the header
(the preflight fails) nor read an answer. Writes also refuse any body that is not JSON,
which rules out the "simple" form and text/plain posts a page may send without preflight.
The token is never accepted in a query string (URLs end up in logs and histories), never
logged and never written into the page.
"""

from __future__ import annotations

import hmac
import re
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from typing import Annotated

from fastapi import Depends, HTTPException, Request, Response
from fastapi.responses import JSONResponse
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer

from actorgraph.api._access import TOKEN_ENV, TokenError, check_token

_SAFE_METHODS = frozenset({"GET", "HEAD"})
_JSON = re.compile(r"application/(?:[\w.+-]+\+)?json", re.IGNORECASE)

WRITES_OFF = (
    "writes are disabled: this server has no access token; restart it with "
    f"`actorgraph serve --token-file PATH` (or set {TOKEN_ENV}) and send "
    "`Authorization: Bearer <token>`"
)
NEEDS_TOKEN = "this request needs the server's access token: send `Authorization: Bearer <token>`"
WRONG_TOKEN = "the access token was refused; check it with whoever runs the server"


@dataclass(frozen=True, repr=False)  # repr=False: a traceback never prints the token
class Access:
    """The server's access rules: its token (None: writes off) and whether it is remote."""

    token: str | None = None
    remote: bool = False

    def __post_init__(self) -> None:
        if self.token is not None:
            object.__setattr__(self, "token", check_token(self.token))
        elif self.remote:
            raise TokenError("remote mode needs an access token: every request must carry it")

    def __repr__(self) -> str:
        return f"Access(token={'set' if self.token else None}, remote={self.remote})"

    def accepts(self, presented: str | None) -> bool:
        """Return whether ``presented`` is the token, comparing in constant time."""
        if self.token is None or presented is None:
            return False
        return hmac.compare_digest(presented.encode(), self.token.encode())


def bearer(header: str | None) -> str | None:
    """Return the token of an ``Authorization: Bearer <token>`` header, or None."""
    if not header:
        return None
    scheme, _, value = header.strip().partition(" ")
    value = value.strip()
    return value if scheme.lower() == "bearer" and value else None


def access(request: Request) -> Access:
    """Return the access rules of the app serving ``request``."""
    rules = request.app.state.access
    assert isinstance(rules, Access)
    return rules


def _denied(status: int, detail: str) -> JSONResponse:
    headers = {"WWW-Authenticate": "Bearer"} if status == 401 else None
    return JSONResponse({"detail": detail}, status_code=status, headers=headers)


def refusal(request: Request) -> JSONResponse | None:
    """Return the response refusing ``request``, or None if it may go on.

    Checked before routing and before any body is read, so a route added later is covered
    and an unauthenticated client learns nothing from validation errors.
    """
    path = request.url.path
    if "\x00" in path or any("\x00" in v for _, v in request.query_params.multi_items()):
        return _denied(400, "NUL characters are not allowed in a URL")
    if not (path == "/api" or path.startswith("/api/") or path == "/openapi.json"):
        return None
    rules = access(request)
    presented = bearer(request.headers.get("authorization"))
    if request.method not in _SAFE_METHODS:
        if rules.token is None:
            return _denied(403, WRITES_OFF)
        if presented is None:
            return _denied(401, NEEDS_TOKEN)
        if not rules.accepts(presented):
            return _denied(401, WRONG_TOKEN)
        if not _JSON.fullmatch(request.headers.get("content-type", "").split(";")[0].strip()):
            return _denied(415, "send the request body as JSON (Content-Type: application/json)")
    elif rules.remote and not rules.accepts(presented):
        return _denied(401, NEEDS_TOKEN if presented is None else WRONG_TOKEN)
    return None


async def gate(request: Request, call_next: Callable[[Request], Awaitable[Response]]) -> Response:
    """Middleware: answer a refused request here; pass the others on."""
    refused = refusal(request)
    return refused if refused is not None else await call_next(request)


# The write routes depend on this as well: it documents the scheme in OpenAPI and checks
# the token again, should a route ever be served without the gate.
_scheme = HTTPBearer(
    auto_error=False,
    description="The server's access token: always for writes; for reads in remote mode.",
)


def require_token(
    request: Request,
    credentials: Annotated[HTTPAuthorizationCredentials | None, Depends(_scheme)],
) -> None:
    """Dependency: refuse the request unless it carries the server's token."""
    rules = access(request)
    if rules.token is None:
        raise HTTPException(403, WRITES_OFF)
    if not rules.accepts(None if credentials is None else credentials.credentials):
        raise HTTPException(401, NEEDS_TOKEN, headers={"WWW-Authenticate": "Bearer"})
