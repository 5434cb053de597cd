"""How the long-running commands end: an interruption, failures, the counts line."""

from __future__ import annotations

from typing import Any

import click

INTERRUPTED = "interrupted: what was stored is complete; run the same command again to finish"


def interrupted(ctx: click.Context) -> None:
    """Say that the store is consistent and how to finish, and exit 130."""
    click.echo(INTERRUPTED, err=True)
    ctx.exit(130)


def finish(ctx: click.Context, report: Any, line: str) -> None:
    """Print each failure (warnings for non-fatal ones), the counts line; exit 1 on failures."""
    for failure in report.failures:
        click.echo(
            f"{'error' if getattr(failure, 'fatal', True) else 'warning'}: {failure}", err=True
        )
    click.echo(line)
    if report.failed:
        ctx.exit(1)
