"""The `actorgraph serve` command: the HTTP API and the web page, on this machine."""

from __future__ import annotations

import ipaddress

import click

from actorgraph.settings import Settings


def is_loopback(host: str) -> bool:
    """Return whether ``host`` names this machine only (127.0.0.0/8, ::1, localhost)."""
    if host.lower() == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


@click.command()
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to listen on.")
@click.option("--port", default=8765, show_default=True, type=click.IntRange(0, 65535))
@click.pass_context
def serve(ctx: click.Context, host: str, port: int) -> None:
    """Serve the store read-only over HTTP: the web page at / and JSON under /api.

    There is no login: on an address other than loopback, anyone who can reach the port
    can read the whole store.
    """
    import uvicorn

    from actorgraph.api import create_app
    from actorgraph.api.app import LOOPBACK_HOSTS

    settings: Settings = ctx.obj
    hosts = list(LOOPBACK_HOSTS)
    if not is_loopback(host):
        click.echo(
            f"warning: listening on {host}, not loopback: there is no login, so anyone who "
            "can reach this port can read the store",
            err=True,
        )
        unspecified = host in ("0.0.0.0", "::", "[::]")
        hosts = ["*"] if unspecified else [*hosts, host]
    app = create_app(settings.db, hosts=hosts)
    shown = f"[{host}]" if ":" in host else host
    click.echo(f"serving {settings.db} at http://{shown}:{port}/ (Ctrl-C stops)", err=True)
    uvicorn.run(app, host=host.strip("[]"), port=port, log_level="warning", server_header=False)
