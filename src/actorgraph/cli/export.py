"""`actorgraph export FORMAT`: write the store as CSV, JSON, GraphML, GEXF or STIX."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

import click

from actorgraph.cli._listing import filter_options, normalize_dates
from actorgraph.cli._open import CommandError, read_store
from actorgraph.export import FORMATS

UNITS = {
    "acled-csv": "rows",
    "plover-json": "events",
    "graphml": "edges",
    "gexf": "edges",
    "stix": "objects",
    "jsonl": "facts",
}
GRAPHS = ("graphml", "gexf")


@click.command()
@click.argument("format_", metavar="FORMAT", type=click.Choice(list(FORMATS)))
@click.option(
    "--out",
    "-o",
    type=click.Path(dir_okay=False, path_type=Path),
    default=None,
    help="File to write (UTF-8); standard output if not given.",
)
@click.option("--actor", default=None, help="Only the facts of the actor matching this name.")
@filter_options(places=True, events=True)
@click.option(
    "--with-events",
    is_flag=True,
    help="graphml/gexf: events as edges too, from each actor to each target (or place).",
)
@click.option(
    "--isolated",
    is_flag=True,
    help="graphml/gexf: keep the actors no edge links (left out by default).",
)
@click.pass_context
def export(
    ctx: click.Context,
    /,
    format_: str,
    out: Path | None,
    with_events: bool,
    isolated: bool,
    **typed: Any,
) -> None:
    """Export the store as FORMAT.

    acled-csv and plover-json: events; graphml and gexf: the actor graph for Gephi;
    stix: a STIX 2.1 bundle; jsonl: every relation, event and quote with its evidence.
    The filters are the listings': --since/--until keep events by their own date and
    relations and quotes by their document's publication date; --country and --place
    keep events located there.
    """
    from actorgraph.export import write

    if (with_events or isolated) and format_ not in GRAPHS:
        raise click.UsageError("--with-events and --isolated are options of graphml and gexf")
    options = {k: v for k, v in normalize_dates(typed).items() if v not in (None, ())}
    if format_ in GRAPHS:
        options.update(with_events=with_events, isolated=isolated)
    with read_store(ctx) as store:
        try:
            count = _write(write, format_, store, out, options)
        except ValueError as exc:
            raise CommandError(str(exc), 2) from exc
    where = "standard output" if out is None else str(out)
    click.echo(f"exported {count} {UNITS[format_]} as {format_} to {where}", err=True)


def _write(write: Any, format_: str, store: Any, out: Path | None, options: Any) -> int:
    if out is None:
        count: int = write(format_, store, sys.stdout, **options)
        return count
    # Written beside the target, then renamed: a failed export leaves no half file.
    part = out.with_name(out.name + ".part")
    try:
        with part.open("w", encoding="utf-8", newline="") as fp:
            count = write(format_, store, fp, **options)
        part.replace(out)
    except OSError as exc:
        raise CommandError(f"cannot write {out}: {exc.strerror or exc}") from exc
    finally:
        part.unlink(missing_ok=True)
    return count
