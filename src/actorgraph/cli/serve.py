"""The `actorgraph serve` command: the HTTP API and the web page, on this machine by default."""

from __future__ import annotations

from pathlib import Path

import click

from actorgraph.api._access import TOKEN_ENV
from actorgraph.cli._open import read_store
from actorgraph.errors import UsageError
from actorgraph.settings import Settings


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
    from actorgraph.api.server import run

    settings: Settings = ctx.obj
    read_store(ctx).close()  # a store that does not exist is an error here, not a new one
    try:
        run(
            settings.db,
            host=host,
            port=port,
            workers=workers,
            allow_remote=allow_remote,
            token_file=token_file,
            say=lambda message: click.echo(message, err=True),
        )
    except UsageError as exc:
        raise click.UsageError(str(exc)) from exc
