"""The HTTP app: JSON routes over a store, the web page that uses them, and who may use them."""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Sequence
from pathlib import Path
from typing import Any

from fastapi import FastAPI, Request, Response
from fastapi.responses import FileResponse, JSONResponse
from fastapi.staticfiles import StaticFiles
from starlette.middleware.trustedhost import TrustedHostMiddleware

from actorgraph._version import __version__
from actorgraph.api import (
    _auth,
    routes_actors,
    routes_changes,
    routes_facts,
    routes_map,
    routes_network,
    routes_write,
)
from actorgraph.api._access import LOOPBACK_HOSTS
from actorgraph.api._auth import Access
from actorgraph.api._deps import Stores
from actorgraph.errors import NotFoundError, StoreError
from actorgraph.store import is_url, open_store

WEB = Path(__file__).resolve().parent.parent / "web"


# The page's own files only: no inline script or style, no other origin, no frames.
CSP = (
    "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "connect-src 'self'; font-src 'self'; base-uri 'none'; form-action 'none'; "
    "frame-ancestors 'none'"
)
_HEADERS = {
    "Content-Security-Policy": CSP,
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
    "X-Frame-Options": "DENY",
    "Cross-Origin-Opener-Policy": "same-origin",
    "Cross-Origin-Resource-Policy": "same-origin",
}


def create_app(
    db: str,
    *,
    hosts: Sequence[str] = LOOPBACK_HOSTS,
    token: str | None = None,
    remote: bool = False,
) -> FastAPI:
    """Return the app serving the store at ``db`` (a SQLite path or a PostgreSQL URL).

    The store must exist: the app never creates one. Requests whose Host header is not in
    ``hosts`` are refused, so a web page elsewhere cannot reach a server bound to 127.0.0.1
    by rebinding its own name to that address. ``token`` switches on the write routes
    (merge, split, alias), which always need it; ``remote`` makes every API request need
    it (see ``_auth``).
    """
    rules = Access(token=token, remote=remote)  # refuses remote without a token
    if not is_url(db) and not Path(db).is_file():
        raise StoreError(f"no store at {db}; build one with `actorgraph --db {db} ingest FILES`")
    # Open it once now: a store from an older release is migrated here, not mid-request.
    open_store(db).close()

    app = FastAPI(
        title="actorgraph",
        version=__version__,
        summary="Actors, relations, events and quotes read from the news, each with its source",
        docs_url=None,  # Swagger UI and ReDoc load scripts from a CDN: use /openapi.json
        redoc_url=None,
        openapi_url=None,  # served below, behind the same gate as the API
    )
    app.state.stores = Stores(db)
    app.state.access = rules
    app.include_router(routes_actors.router)
    app.include_router(routes_facts.router)
    app.include_router(routes_map.router)
    app.include_router(routes_network.router)
    app.include_router(routes_changes.router)
    app.include_router(routes_write.router)
    app.add_exception_handler(NotFoundError, _not_found)
    app.add_exception_handler(StoreError, _store_error)
    # The last added runs first: Host check, then headers (on refusals too), then the gate.
    app.middleware("http")(_auth.gate)
    app.middleware("http")(_security_headers)
    app.add_middleware(TrustedHostMiddleware, allowed_hosts=list(hosts))
    app.mount("/static", StaticFiles(directory=WEB), name="static")

    @app.get("/", include_in_schema=False)
    def index() -> FileResponse:
        return FileResponse(WEB / "index.html", headers={"Cache-Control": "no-cache"})

    @app.get("/openapi.json", include_in_schema=False)
    def openapi() -> dict[str, Any]:
        return app.openapi()

    return app


async def _security_headers(
    request: Request, call_next: Callable[[Request], Awaitable[Response]]
) -> Response:
    response = await call_next(request)
    for name, value in _HEADERS.items():
        response.headers.setdefault(name, value)
    return response


async def _not_found(request: Request, exc: Exception) -> Response:
    return JSONResponse({"detail": str(exc)}, status_code=404)


async def _store_error(request: Request, exc: Exception) -> Response:
    return JSONResponse({"detail": str(exc)}, status_code=503)
