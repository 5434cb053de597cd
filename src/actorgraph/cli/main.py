"""The `actorgraph` command: thin commands over the library."""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path
from typing import Any

import click

from actorgraph.cli._finish import finish, interrupted
from actorgraph.cli._open import CommandError, exit_code, read_store, write_store
from actorgraph.cli.changes import changes, runs
from actorgraph.cli.export import export
from actorgraph.cli.facts import events, relations
from actorgraph.cli.listings import actors, documents, quotes, show, summary
from actorgraph.cli.load import load
from actorgraph.cli.resolve import alias, merge, split
from actorgraph.cli.serve import serve
from actorgraph.errors import ActorgraphError
from actorgraph.settings import Settings

_META_OPTIONS = ("title", "published", "publisher", "author", "url")


def _meta_options(f: Any) -> Any:
    for name in reversed(_META_OPTIONS):
        help_ = {
            "published": "Publication date (YYYY-MM-DD); relative dates resolve against it.",
        }.get(name, f"Document {name} (overrides what the file says).")
        f = click.option(f"--{name}", default=None, help=help_)(f)
    return f


def _meta(kwargs: dict[str, Any]) -> Any:
    from actorgraph.ingest import Meta

    return Meta(**{k: kwargs.get(k) for k in _META_OPTIONS})


class _Group(click.Group):
    """The command group: our errors become one ``error:`` line and their exit code."""

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except ActorgraphError as exc:
            raise CommandError(str(exc), exit_code(exc)) from exc


@click.group(cls=_Group, context_settings={"help_option_names": ["-h", "--help"]})
@click.option(
    "--db",
    default=None,
    envvar="ACTORGRAPH_DB",
    show_envvar=True,
    help="Store: a SQLite file (default ./actorgraph.db) or a postgresql:// URL. Only "
    "ingest and load create it; the other commands need it to exist.",
)
@click.option(
    "--model",
    default=None,
    envvar="ACTORGRAPH_MODEL",
    show_envvar=True,
    help="spaCy pipeline: auto (md if installed, else sm), md, sm, or a path.",
)
@click.version_option(package_name="actorgraph")
@click.pass_context
def cli(ctx: click.Context, db: str | None, model: str | None) -> None:
    """Turn news about conflict and politics into a sourced graph of its actors.

    \b
    Exit codes: 0 everything worked; 1 some inputs failed (each is named, then the
    summary line), check found problems, or what was asked for is not in the store;
    2 a usage error (a bad option, a store that does not exist); 130 interrupted.
    """
    ctx.obj = Settings.from_env(db=db, model=model)


@cli.command()
@click.argument("file", type=click.Path(path_type=Path))
@_meta_options
@click.option("--format", "fmt", type=click.Choice(["json", "text"]), default="json")
@click.option("--max-bytes", type=int, default=None, help="Largest input accepted, in bytes.")
@click.pass_context
def analyze(ctx: click.Context, /, file: Path, fmt: str, max_bytes: int | None, **kw: Any) -> None:
    """Analyse FILE and print its entities, quotes and dates with their offsets.

    A JSON Lines file prints one analysis per line.
    """
    from actorgraph.cli.render import render_analysis
    from actorgraph.ingest import Failure, read_path
    from actorgraph.jsonout import to_json
    from actorgraph.pipeline.analyze import analyze_document
    from actorgraph.pipeline.nlp import load

    settings: Settings = ctx.obj
    meta = _meta(kw)
    nlp = None
    failed = 0
    for item in read_path(file, meta=meta, max_bytes=max_bytes or settings.max_bytes):
        if isinstance(item, Failure):
            click.echo(f"error: {item}", err=True)
            failed += int(item.fatal)
            continue
        nlp = nlp or load(settings.model, settings.nlp_max_length)
        result = analyze_document(item, nlp=nlp)
        for note in result.notes:
            click.echo(f"note: {note}", err=True)
        if fmt == "json":
            click.echo(json.dumps(to_json(result), ensure_ascii=False, indent=None))
        else:
            click.echo(render_analysis(result))
    if failed:
        ctx.exit(1)


@cli.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path))
@_meta_options
@click.option("--max-bytes", type=int, default=None, help="Largest input accepted, in bytes.")
@click.option("--max-chars", type=int, default=None, help="Longest text analysed, in characters.")
@click.option("--quiet", "-q", is_flag=True, help="No progress bar.")
@click.option(
    "--workers",
    type=click.IntRange(min=1),
    default=None,
    envvar="ACTORGRAPH_WORKERS",
    help="Processes that parse in parallel, each loading the model once "
    "(default: all cores; 1 = in this process).",
)
@click.option(
    "--dask",
    "dask_address",
    metavar="ADDRESS",
    default=None,
    envvar="ACTORGRAPH_DASK",
    help="Analyse on a Dask cluster: a scheduler address (tcp://host:8786), or local:N "
    "for N local worker processes (local: as many as --workers). Texts are read here "
    "and sent to the workers.",
)
@click.option(
    "--out",
    type=click.Path(file_okay=False, path_type=Path),
    default=None,
    help="With --dask: workers write Parquet shards to this folder (one the workers can "
    "write to) instead of storing; 'actorgraph load FOLDER' stores them.",
)
@click.pass_context
def ingest(
    ctx: click.Context,
    /,
    paths: tuple[Path, ...],
    max_bytes: int | None,
    max_chars: int | None,
    quiet: bool,
    workers: int | None,
    dask_address: str | None,
    out: Path | None,
    **kw: Any,
) -> None:
    """Read, analyse and store every document under PATHS (files or directories).

    Documents already stored with the current stage versions are skipped, so running the
    same command again after an interruption finishes the job without duplicates.
    """
    from actorgraph.batch.local import IngestReport
    from actorgraph.batch.local import ingest as run
    from actorgraph.cli.progress import progress_bar
    from actorgraph.ingest import count_inputs

    if out is not None and not dask_address:
        raise click.UsageError("--out needs --dask (--dask local:N runs on this machine)")
    settings: Settings = ctx.obj
    meta = _meta(kw)
    store = write_store(ctx)
    total = count_inputs(list(paths))
    report: IngestReport
    with store, progress_bar(total, enabled=not quiet and sys.stderr.isatty()) as advance:
        try:
            if dask_address:
                from actorgraph.batch import dask

                with dask.connect(dask_address, default_workers=workers) as client:
                    report = dask.ingest(
                        list(paths),
                        store,
                        client=client,
                        out=out,
                        meta=meta,
                        max_bytes=max_bytes or settings.max_bytes,
                        max_chars=max_chars or settings.max_chars,
                        model=settings.model,
                        nlp_max_length=settings.nlp_max_length,
                        progress=advance,
                    )
            else:
                report = run(
                    list(paths),
                    store,
                    meta=meta,
                    max_bytes=max_bytes or settings.max_bytes,
                    max_chars=max_chars or settings.max_chars,
                    model=settings.model,
                    workers=workers or os.cpu_count() or 1,
                    progress=advance,
                )
        except KeyboardInterrupt:
            interrupted(ctx)
    finish(ctx, report, report.line())


@cli.command()
@click.pass_context
def check(ctx: click.Context) -> None:
    """Verify the store: foreign keys, spans and their texts, evidence, links, sort keys.

    Exits 1 when it finds problems (each printed on its own line).
    """
    with read_store(ctx) as store:
        problems = store.check()
    for p in problems:
        click.echo(f"problem: {p}")
    click.echo(f"{len(problems)} problems")
    if problems:
        ctx.exit(1)


for command in (actors, documents, show, quotes, summary, relations, events, changes, runs):
    cli.add_command(command)
cli.add_command(export)
cli.add_command(serve)
cli.add_command(merge)
cli.add_command(split)
cli.add_command(alias)
cli.add_command(load)


def main() -> None:
    """Run the CLI and exit with its code: 0 done, 1 some inputs failed, 2 usage, 130 stopped."""
    try:
        code = cli.main(standalone_mode=False)
    except click.exceptions.Exit as exc:
        sys.exit(exc.exit_code)
    except click.ClickException as exc:
        exc.show()
        sys.exit(exc.exit_code)
    except click.exceptions.Abort:
        click.echo("aborted", err=True)
        sys.exit(130)
    except ActorgraphError as exc:  # raised outside a command (the group translates them)
        click.echo(f"error: {exc}", err=True)
        sys.exit(exit_code(exc))
    except KeyboardInterrupt:
        click.echo("interrupted", err=True)
        sys.exit(130)
    except BrokenPipeError:
        # The reader went away (`| head`): say nothing more, and let no flush at exit fail.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        sys.exit(1)
    # Without standalone mode click returns the code a command gave ctx.exit().
    sys.exit(code if isinstance(code, int) else 0)
