"""`actorgraph load FOLDER`: store the Parquet shards an `ingest --out` wrote."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from actorgraph.cli._finish import finish, interrupted
from actorgraph.cli._open import write_store


@click.command()
@click.argument("folder", type=click.Path(file_okay=False, path_type=Path))
@click.option("--quiet", "-q", is_flag=True, help="No progress bar.")
@click.pass_context
def load(ctx: click.Context, /, folder: Path, quiet: bool) -> None:
    """Store the analyses in the Parquet shards in FOLDER (written by 'ingest --out').

    Each document is stored in its own transaction; documents already stored with the
    same stage versions are left unchanged, so loading the same shards again is harmless.
    """
    from actorgraph.batch.shards import count_rows, load_shards, shard_paths
    from actorgraph.cli.progress import progress_bar

    paths = shard_paths(folder)
    with (
        write_store(ctx) as store,
        progress_bar(count_rows(paths), enabled=not quiet and sys.stderr.isatty()) as advance,
    ):
        try:
            report = load_shards(paths, store, progress=advance)
        except KeyboardInterrupt:
            interrupted(ctx)
    shards = f"{len(paths)} shard{'' if len(paths) == 1 else 's'}"
    finish(ctx, report, f"{report.line()} (from {shards})")
