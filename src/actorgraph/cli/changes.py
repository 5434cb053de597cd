"""`actorgraph changes` and `actorgraph runs`: what each ingest run added to the store."""

from __future__ import annotations

import json
import re
import textwrap
from typing import Any

import click

from actorgraph.cli._listing import emit, format_option, limit_option, to_csv
from actorgraph.cli._open import USAGE, CommandError, read_store

_SINCE = re.compile(r"\d{4}(-\d{2}(-\d{2}([T ]\d{2}(:\d{2}(:\d{2})?)?)?)?)?")
TITLES = {
    "new_actors": "New actors",
    "new_relations": "New relations",
    "corroborated": "Newly corroborated by another source",
    "contradictions": "New contradictions",
    "new_events": "New events",
    "most_changed": "Actors whose profile changed most",
}


def _run_line(r: dict[str, Any]) -> str:
    d, a = r["documents"], r["added"]
    return (
        f"run {r['id']}  {r['command']}  {r['status']}  {r['started_at']} – "
        f"{r['ended_at'] or '…'}\n    documents: {d['added']} added, {d['unchanged']} "
        f"unchanged, {d['updated']} updated, {d['failed']} failed; added {a['actors']} actors, "
        f"{a['relations']} relations, {a['events']} events, {a['quotes']} quotes"
        + (f"\n    inputs: {', '.join(r['inputs'])}" if r["inputs"] else "")
    )


def _claim_lines(claims: list[dict[str, Any]]) -> list[str]:
    out = []
    for c in claims:
        out.append("    | " + textwrap.shorten(c["text"], width=100, placeholder=" …"))
        doc = c["document"]
        where = ", ".join(x for x in (doc.get("publisher"), doc["published"]) if x)
        out.append(f"    — {doc['title'] or doc['id'][:12]} ({where or 'undated'})")
    return out


def _item_lines(name: str, item: dict[str, Any]) -> list[str]:
    if name in ("new_actors", "most_changed"):
        n = item["new_facts"]
        kind = f"/{item['kind']}" if item["kind"] else ""
        counts = f"{n['relations']} relations, {n['events']} events, {n['quotes']} quotes"
        return [f"  {item['name']} ({item['type']}{kind})  {n['total']} new facts: {counts}"]
    if name == "new_events":
        who = ", ".join(a["name"] for a in item["actors"]) or "?"
        when = item["date"]["value"] or "undated"
        return [f"  {when:<12} {item['type']}: {who}  [{item['modality']}]",
                *_claim_lines([item["evidence"][0] | {"document": item["document"],
                                                      "modality": item["modality"]}])]  # fmt: skip
    head = f"  {item['subject']['name']} {item['predicate']} {item['object']['name']}"
    if name == "contradictions":
        return [f"{head}  ({item['kind']}: {item['detail']})", *_claim_lines(item["evidence"])]
    if name == "corroborated":
        head += f"  sources: {item['sources_before']} → {item['sources']}"
    else:
        head += f"  sources: {item['sources']}"
    return [head, *_claim_lines(item["new_evidence"])]


def render(data: dict[str, Any]) -> str:
    """Return the report for a person to read."""
    if not data["runs"]:
        return "no ingest run in this period"
    out = [_run_line(r) for r in data["runs"]]
    for name, section in data["sections"].items():
        out.append(f"\n{TITLES[name]} ({section['total']})")
        for item in section["items"]:
            out += _item_lines(name, item)
        if not section["items"]:
            out.append("  none")
        elif section["total"] > section["shown"]:
            out.append(f"  {section['shown']} of {section['total']} shown; raise --limit")
    return "\n".join(out)


@click.command()
@click.option(
    "--run",
    "run_id",
    type=click.IntRange(min=1),
    default=None,
    help="The run to list (an id from `actorgraph runs`; default: the latest).",
)
@click.option(
    "--since",
    default=None,
    help="Every run started since this date or time (YYYY-MM-DD[THH:MM], UTC).",
)
@limit_option()
@format_option()
@click.pass_context  # fmt: skip
def changes(ctx: click.Context, /, run_id: int | None, since: str | None, limit: int,
            fmt: str) -> None:  # fmt: skip
    """List what an ingest run added: new actors, new relations, relations newly
    corroborated by another source, new contradictions, new events, and the actors whose
    profile changed most.

    Without --run or --since, the latest run. Exits 1 when the store has no such run.
    """
    from actorgraph.store import changes_json

    if run_id is not None and since is not None:
        raise CommandError("give --run or --since, not both", USAGE)
    if since is not None and not _SINCE.fullmatch(since):
        raise click.BadParameter(f"{since!r} is not a date or time (YYYY-MM-DD[THH:MM])",
                                 param_hint="--since")  # fmt: skip
    with read_store(ctx) as store:
        data = changes_json.changes(store.changes(run=run_id, since=since, limit=limit))
    cut = [
        f"{TITLES[n]}: {s['shown']} of {s['total']} shown; raise --limit to see more"
        for n, s in data["sections"].items()
        if s["total"] > s["shown"]
    ]
    if fmt == "table":
        click.echo(render(data))
        return
    if fmt == "json":
        click.echo(json.dumps(data, ensure_ascii=False, indent=2))
    else:
        rows = [{"section": n} | item for n, s in data["sections"].items() for item in s["items"]]
        if fmt == "jsonl":
            for row in rows:
                click.echo(json.dumps(row, ensure_ascii=False))
        else:
            click.echo(to_csv(rows), nl=False)
    for note in cut:
        click.echo(note, err=True)


@click.command()
@limit_option()
@format_option()
@click.pass_context
def runs(ctx: click.Context, /, limit: int, fmt: str) -> None:
    """List the ingest runs, newest first: when, what they read, what they added."""
    from actorgraph.store import changes_json

    with read_store(ctx) as store:
        found, total = store.runs(limit=limit)
    items = [changes_json.run(r) for r in found]

    def table() -> str:
        return "\n".join(_run_line(r) for r in items) or "no ingest runs recorded"

    emit(fmt, "runs", items, total=total, table=table)
