"""A progress bar on stderr (rich), or nothing when stderr is not a terminal."""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Iterator


@contextlib.contextmanager
def progress_bar(total: int, *, enabled: bool) -> Iterator[Callable[[str, str], None]]:
    """Yield a callback ``(source, status)`` that advances the bar by one document."""
    if not enabled:
        yield lambda source, status: None
        return
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

    with Progress(
        TextColumn("[bold]ingest"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
        TextColumn("{task.fields[last]}"),
        console=Console(stderr=True),
        transient=False,
    ) as bar:
        task = bar.add_task("ingest", total=total or None, last="")

        def advance(source: str, status: str) -> None:
            bar.update(task, advance=1, last=f"{status}: {source[-50:]}")

        yield advance
