"""The `actorgraph` command: thin commands over the library."""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path
from typing import Any

import click

from actorgraph.cli._finish import finish, interrupted
from actorgraph.cli.export import export
from actorgraph.cli.facts import events, relations
from actorgraph.cli.load import load
from actorgraph.cli.resolve import alias, merge, split
from actorgraph.cli.serve import serve
from actorgraph.errors import ActorgraphError, InputError
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


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.option(
    "--db",
    default=None,
    envvar="ACTORGRAPH_DB",
    help="Store: a SQLite file (default ./actorgraph.db) or a postgresql:// URL.",
)
@click.option(
    "--model",
    default=None,
    envvar="ACTORGRAPH_MODEL",
    help="spaCy pipeline: auto (md if installed, else sm), md, sm, or a path.",
)
@click.version_option(package_name="actorgraph")
@click.pass_context
def cli(ctx: click.Context, db: str | None, model: str | None) -> None:
    """Turn news about conflict and politics into a sourced graph of its actors."""
    ctx.obj = Settings.from_env(db=db, model=model)


def _store(ctx: click.Context) -> Any:
    from actorgraph.store import open_store

    settings: Settings = ctx.obj
    return open_store(settings.db)


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
    store = _store(ctx)
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
@click.option("--type", "type_", default=None, help="Only this type (PERSON, ORG, GPE, ...).")
@click.option("--limit", default=50, show_default=True)
@click.pass_context
def actors(ctx: click.Context, type_: str | None, limit: int) -> None:
    """List actors with their mention and document counts."""
    from actorgraph.cli.render import render_actors

    with _store(ctx) as store:
        rows = store.actors(type=type_.upper() if type_ else None, limit=limit)
    click.echo(render_actors(rows))


@cli.command()
@click.argument("name")
@click.pass_context
def show(ctx: click.Context, name: str) -> None:
    """Show the actor best matching NAME: aliases, mentions per document, quotes."""
    from actorgraph.cli.render import render_profile

    with _store(ctx) as store:
        found = store.find_actors(name, limit=5)
        if not found:
            raise click.ClickException(f"no actor matches {name!r}; try 'actorgraph actors'")
        best = found[0][0]
        profile = store.actor_profile(best.id)
    click.echo(render_profile(profile))
    others = [row.name for row, _ in found[1:]]
    if others:
        click.echo(f"\nalso matching: {', '.join(others)}")


@cli.command()
@click.option("--speaker", default=None, help="Only quotes by the actor matching this name.")
@click.option("--limit", default=50, show_default=True)
@click.pass_context
def quotes(ctx: click.Context, speaker: str | None, limit: int) -> None:
    """List quotes with their speakers and sources."""
    from actorgraph.cli.render import render_quotes

    with _store(ctx) as store:
        rows = store.quotes(speaker=speaker, limit=limit)
    click.echo(render_quotes(rows))


@cli.command()
@click.pass_context
def summary(ctx: click.Context) -> None:
    """Summarise the store: actors by type, top relations, quotes by speaker."""
    from actorgraph.cli.render import render_summary

    with _store(ctx) as store:
        click.echo(render_summary(store.summary()))


@cli.command()
@click.pass_context
def check(ctx: click.Context) -> None:
    """Verify the store: foreign keys, spans and their texts, evidence, links, sort keys."""
    with _store(ctx) as store:
        problems = store.check()
    for p in problems:
        click.echo(f"problem: {p}")
    click.echo(f"{len(problems)} problems")
    if problems:
        ctx.exit(1)


cli.add_command(relations)
cli.add_command(events)
cli.add_command(export)
cli.add_command(serve)
cli.add_command(merge)
cli.add_command(split)
cli.add_command(alias)
cli.add_command(load)


def main() -> None:
    """Run the CLI, turning our errors into one clear line and exit code 2."""
    try:
        cli.main(standalone_mode=False)
    except click.exceptions.Exit as exc:
        sys.exit(exc.exit_code)
    except click.ClickException as exc:
        exc.show()
        sys.exit(exc.exit_code)
    except click.exceptions.Abort:
        click.echo("aborted", err=True)
        sys.exit(130)
    except InputError as exc:
        click.echo(f"error: {exc}", err=True)
        sys.exit(2)
    except ActorgraphError as exc:
        click.echo(f"error: {exc}", err=True)
        sys.exit(2)
    except KeyboardInterrupt:
        click.echo("interrupted", err=True)
        sys.exit(130)
