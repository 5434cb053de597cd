"""Start the HTTP server: the app in one uvicorn process, or in several.

uvicorn is imported only when a server starts.
"""

from __future__ import annotations

import json
import os
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any

from actorgraph.api._access import (
    LOOPBACK_HOSTS,
    TOKEN_ENV,
    check_binding,
    is_loopback,
    read_token,
    say_on_stderr,
)

if TYPE_CHECKING:
    from fastapi import FastAPI

SERVE_CONFIG = "ACTORGRAPH_SERVE_CONFIG"


def tune_gc() -> None:
    """Fewer, cheaper garbage collections in a server process.

    Under load the collector's full passes (about 50 ms each, dozens a minute) stall
    every request in flight; freezing what start-up allocated and collecting the young
    generation less often removes most of them (benchmarks/perf/load.py measures it).
    """
    import gc

    gc.collect()
    gc.freeze()
    gc.set_threshold(10_000, 20, 20)


def run(
    db: str,
    *,
    host: str,
    port: int,
    workers: int = 1,
    allow_remote: bool = False,
    token_file: Path | None = None,
    environ: Mapping[str, str] | None = None,
    say: Callable[[str], None] = say_on_stderr,
) -> None:
    """Serve the store at ``db`` until interrupted (see ``actorgraph serve --help``)."""
    import uvicorn

    from actorgraph.api.app import create_app

    env = os.environ if environ is None else environ
    given = token_file is not None or bool(env.get(TOKEN_ENV, "").strip())
    check_binding(host, allow_remote=allow_remote, token=given)  # before creating a file
    token = read_token(token_file, env, say=say)
    hosts = list(LOOPBACK_HOSTS)
    if not is_loopback(host):
        unspecified = host in ("0.0.0.0", "::", "[::]")
        hosts = ["*"] if unspecified else [*hosts, host]
    app = create_app(db, hosts=hosts, token=token, remote=allow_remote)
    shown = f"[{host}]" if ":" in host else host
    access = "every request needs the token" if allow_remote else "reads open on this machine"
    writes = "writes need the token" if token else "writes off (no token)"
    say(f"serving {db} at http://{shown}:{port}/ ({access}; {writes}; Ctrl-C stops)")
    options: dict[str, Any] = {
        "host": host.strip("[]"),
        "port": port,
        "log_level": "warning",
        "server_header": False,
        "access_log": False,
    }
    if workers <= 1:
        tune_gc()
        uvicorn.run(app, **options)
        return
    # Several processes (each its own GIL): uvicorn builds the app in each from an import
    # string, with the settings checked above passed through the environment.
    os.environ[SERVE_CONFIG] = json.dumps(
        {
            "db": db,
            "hosts": hosts,
            "remote": allow_remote,
            "token_file": str(token_file) if token_file else None,
        }
    )
    del app
    uvicorn.run("actorgraph.api.server:app_from_env", factory=True, workers=workers, **options)


def app_from_env() -> FastAPI:
    """Build the app in a uvicorn worker process from the settings ``run`` exported.

    ``serve --workers N`` starts N processes, which uvicorn can only do from an import
    string; the token is read again from its file or ``ACTORGRAPH_TOKEN`` in each.
    """
    from actorgraph.api.app import create_app

    config = json.loads(os.environ[SERVE_CONFIG])
    token_file = Path(config["token_file"]) if config.get("token_file") else None
    app = create_app(
        config["db"],
        hosts=config["hosts"],
        token=read_token(token_file, os.environ),
        remote=config["remote"],
    )
    tune_gc()
    return app
