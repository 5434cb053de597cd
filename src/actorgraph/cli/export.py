"""`actorgraph export FORMAT`: write the store as CSV, JSON, GraphML, GEXF or STIX."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from actorgraph.export import DATED, FORMATS
from actorgraph.settings import Settings

UNITS = {
    "acled-csv": "events",
    "plover-json": "events",
    "graphml": "edges",
    "gexf": "edges",
    "stix": "objects",
    "jsonl": "facts",
}


def _date(label: str, value: str | None) -> str | None:
    from actorgraph.ingest import normalize_published

    if value is None:
        return None
    found = normalize_published(value)
    if found is None:
        raise click.BadParameter(
            f"{value!r} is not a date (YYYY, YYYY-MM or YYYY-MM-DD)", param_hint=label
        )
    return found


@click.command()
@click.argument("format_", metavar="FORMAT", type=click.Choice(list(FORMATS)))
@click.option(
    "--out",
    "-o",
    type=click.Path(dir_okay=False, path_type=Path),
    default=None,
    help="File to write (UTF-8); standard output if not given.",
)
@click.option("--since", default=None, help="Only events dated on or after (YYYY[-MM[-DD]]).")
@click.option("--until", default=None, help="Only events dated on or before (YYYY[-MM[-DD]]).")
@click.option("--actor", default=None, help="Only the facts of the actor matching this name.")
@click.pass_context
def export(
    ctx: click.Context,
    /,
    format_: str,
    out: Path | None,
    since: str | None,
    until: str | None,
    actor: str | None,
) -> None:
    """Export the store as FORMAT.

    acled-csv and plover-json: events; graphml and gexf: the actor graph for Gephi;
    stix: a STIX 2.1 bundle; jsonl: every relation, event and quote with its evidence.
    """
    from actorgraph.export import write
    from actorgraph.store import open_store

    if format_ not in DATED and (since or until):
        raise click.UsageError(
            f"--since/--until filter events; {format_} has none (use {', '.join(sorted(DATED))})"
        )
    filters: dict[str, str | None] = {"actor": actor}
    if format_ in DATED:
        filters.update(since=_date("--since", since), until=_date("--until", until))
    settings: Settings = ctx.obj
    with open_store(settings.db) as store:
        if out is None:
            count = write(format_, store, sys.stdout, **filters)
        else:
            # Written beside the target, then renamed: a failed export leaves no half file.
            part = out.with_name(out.name + ".part")
            try:
                with part.open("w", encoding="utf-8", newline="") as fp:
                    count = write(format_, store, fp, **filters)
                part.replace(out)
            finally:
                part.unlink(missing_ok=True)
    where = "standard output" if out is None else str(out)
    click.echo(f"exported {count} {UNITS[format_]} as {format_} to {where}", err=True)
