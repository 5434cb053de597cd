"""The `actorgraph serve` command: the HTTP API and the web page, on this machine by default."""

from __future__ import annotations

import ipaddress
import json
import os
import stat
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import click

from actorgraph.settings import Settings

TOKEN_ENV = "ACTORGRAPH_TOKEN"  # as actorgraph.api._auth, without importing FastAPI here


def is_loopback(host: str) -> bool:
    """Return whether ``host`` names this machine only (127.0.0.0/8, ::1, localhost)."""
    if host.lower() == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


def read_token(token_file: Path | None, environ: Mapping[str, str]) -> str | None:
    """Return the token from ``token_file`` (created if missing) or ACTORGRAPH_TOKEN, or None.

    A missing file is created with a new random token, readable by its owner only; the
    token itself is never printed.
    """
    from actorgraph.api._auth import TokenError, check_token, new_token

    from_env = environ.get(TOKEN_ENV, "").strip() or None
    if token_file is not None and from_env is not None:
        raise click.UsageError(f"give --token-file or {TOKEN_ENV}, not both")
    try:
        if from_env is not None:
            return check_token(from_env)
        if token_file is None:
            return None
        if not token_file.exists():
            _write_new(token_file, new_token())
            click.echo(
                f"wrote a new access token to {token_file} (readable by you only); "
                "give it to the people who may use this server",
                err=True,
            )
        elif token_file.stat().st_mode & (stat.S_IRWXG | stat.S_IRWXO):
            click.echo(f"warning: others can read {token_file}; chmod 600 it", err=True)
        return check_token(token_file.read_text(encoding="utf-8"))
    except TokenError as exc:
        where = token_file if from_env is None else TOKEN_ENV
        raise click.UsageError(f"{where}: {exc}") from exc
    except (OSError, UnicodeDecodeError) as exc:
        raise click.UsageError(f"cannot read the token file {token_file}: {exc}") from exc


def _write_new(path: Path, token: str) -> None:
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(fd, "w", encoding="utf-8") as f:
        f.write(token + "\n")


def check_binding(host: str, *, allow_remote: bool, token: bool) -> None:
    """Refuse a non-loopback ``host`` unless ``allow_remote`` is set and a ``token`` is given."""
    if is_loopback(host):
        if allow_remote and not token:
            raise click.UsageError(
                f"--allow-remote needs a token: --token-file PATH or {TOKEN_ENV}"
            )
        return
    if not allow_remote:
        raise click.UsageError(
            f"{host} is not a loopback address: anyone who can reach it could read the store. "
            f"To serve a team, add --allow-remote and a token (--token-file PATH or {TOKEN_ENV})"
        )
    if not token:
        raise click.UsageError(
            f"--allow-remote needs a token, which every request must then carry: "
            f"--token-file PATH (created if missing) or {TOKEN_ENV}"
        )


@click.command()
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to listen on.")
@click.option("--port", default=8765, show_default=True, type=click.IntRange(0, 65535))
@click.option(
    "--workers",
    default=1,
    show_default=True,
    type=click.IntRange(1, 64),
    help="Server processes; one per core holds more concurrent readers.",
)
@click.option(
    "--allow-remote",
    is_flag=True,
    help="Allow an address other than loopback; every API request then needs the token.",
)
@click.option(
    "--token-file",
    type=click.Path(dir_okay=False, path_type=Path),
    default=None,
    envvar="ACTORGRAPH_TOKEN_FILE",
    help=f"File holding the access token (created with a new one if missing). Or set "
    f"{TOKEN_ENV} to the token itself.",
)
@click.pass_context
def serve(
    ctx: click.Context,
    host: str,
    port: int,
    workers: int,
    allow_remote: bool,
    token_file: Path | None,
) -> None:
    """Serve the store over HTTP: the web page at / and JSON under /api.

    \b
    Access:
    - By default the server listens on 127.0.0.1 and anyone on this machine can read.
    - With a token (--token-file PATH, or ACTORGRAPH_TOKEN), the write routes (POST
      /api/actors/merge, /split, /alias) are on; each needs `Authorization: Bearer TOKEN`.
      Without a token they answer 403.
    - Any other address needs --allow-remote and a token. Then every API request needs
      the token, reads too; the page asks for it once and keeps it for the browser tab.
      Behind a reverse proxy on this machine, pass --allow-remote as well.

    The token is compared in constant time and never logged; it is not accepted in URLs.
    """
    import uvicorn

    from actorgraph.api import create_app
    from actorgraph.api.app import LOOPBACK_HOSTS, SERVE_CONFIG, tune_gc

    settings: Settings = ctx.obj
    given = token_file is not None or bool(os.environ.get(TOKEN_ENV, "").strip())
    check_binding(host, allow_remote=allow_remote, token=given)  # before creating a file
    token = read_token(token_file, os.environ)
    hosts = list(LOOPBACK_HOSTS)
    if not is_loopback(host):
        unspecified = host in ("0.0.0.0", "::", "[::]")
        hosts = ["*"] if unspecified else [*hosts, host]
    app = create_app(settings.db, hosts=hosts, token=token, remote=allow_remote)
    shown = f"[{host}]" if ":" in host else host
    access = "every request needs the token" if allow_remote else "reads open on this machine"
    writes = "writes need the token" if token else "writes off (no token)"
    click.echo(
        f"serving {settings.db} at http://{shown}:{port}/ ({access}; {writes}; Ctrl-C stops)",
        err=True,
    )
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
            "db": settings.db,
            "hosts": hosts,
            "remote": allow_remote,
            "token_file": str(token_file) if token_file else None,
        }
    )
    del app
    uvicorn.run("actorgraph.api.app:app_from_env", factory=True, workers=workers, **options)
