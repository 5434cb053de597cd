"""Open the store a command works on, and turn library errors into exit codes.

Exit codes: 0 when everything worked; 1 when some inputs failed (each named, then the
summary line), `check` found problems, or what was asked for is not in the store; 2 for
a usage error (a bad option, a store that does not exist, a value that cannot be one);
130 when interrupted.
"""

from __future__ import annotations

from typing import Any

import click

from actorgraph.errors import ActorgraphError, AmbiguousError, InputError, NotFoundError
from actorgraph.settings import Settings

FAILED = 1
USAGE = 2


class CommandError(click.ClickException):
    """An error printed as one ``error: ...`` line on standard error, with its exit code."""

    def __init__(self, message: str, exit_code: int = FAILED) -> None:
        super().__init__(message)
        setattr(self, "exit_code", exit_code)  # noqa: B010 (a ClassVar in click's stubs)

    def show(self, file: Any = None) -> None:
        click.echo(f"error: {self.format_message()}", err=True, file=file)


def exit_code(error: ActorgraphError) -> int:
    """Return the exit code of a library error: 1 for inputs and lookups, else 2."""
    return FAILED if isinstance(error, InputError | NotFoundError | AmbiguousError) else USAGE


def read_store(ctx: click.Context) -> Any:
    """Open the store of ``--db`` for a command that reads it: one that does not exist is an
    error naming it (exit 2), never a new empty store."""
    from actorgraph.store import open_store

    settings: Settings = ctx.obj
    return open_store(settings.db, create=False)


def write_store(ctx: click.Context) -> Any:
    """Open the store of ``--db`` for ``ingest`` or ``load``, creating it if needed."""
    from actorgraph.store import open_store

    settings: Settings = ctx.obj
    return open_store(settings.db)
