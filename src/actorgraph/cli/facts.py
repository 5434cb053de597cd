"""`actorgraph relations` and `actorgraph events`: facts with their sentences and claim status."""

from __future__ import annotations

import textwrap
from collections.abc import Sequence
from typing import Any

import click

from actorgraph.settings import Settings

PREDICATES = (
    "leader_of", "founder_of", "member_of", "spokesperson_of", "works_for", "holds_role",
    "part_of", "supported_by", "allied_with", "fights_against", "allegiance_to", "ties_to",
    "commands", "located_in", "operates_in",
)  # fmt: skip
EVENT_TYPES = (
    "AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
    "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT",
)  # fmt: skip


def _sentence(text: str) -> str:
    return textwrap.fill(
        " ".join(text.split()), width=96, initial_indent="    | ", subsequent_indent="    | "
    )


def _claim(modality: str, attributed_to: str | None) -> str:
    return f"{modality} by {attributed_to}" if attributed_to else modality


def render_relations(rows: Sequence[Any]) -> str:
    if not rows:
        return "no relations"
    out = []
    for r in rows:
        extra = []
        if r.role:
            extra.append(f"role: {r.role}")
        if r.mode:
            extra.append(f"mode: {', '.join(r.mode)}")
        if r.valid_start or r.valid_end:
            extra.append(f"valid: {r.valid_start or '…'} – {r.valid_end or '…'}")
        detail = f" ({'; '.join(extra)})" if extra else ""
        out.append(
            f"{r.subject} {r.predicate} {r.object}{detail}  [{_claim(r.modality, r.attributed_to)}]"
        )
        out.append(_sentence(r.evidence_text))
        out.append(f"    — {r.document_title or r.document_id[:12]} ({r.published or '?'})")
    return "\n".join(out)


def render_events(rows: Sequence[Any]) -> str:
    if not rows:
        return "no events"
    out = []
    for e in rows:
        when = e.date_value or "date unknown"
        who = ", ".join(e.actors) or "?"
        whom = f" → {', '.join(e.targets)}" if e.targets else ""
        where = f" in {', '.join(e.locations)}" if e.locations else ""
        mode = f"/{e.mode}" if e.mode else ""
        claim = _claim(e.modality, e.attributed_to)
        out.append(f"{when:<12} {e.type}{mode}: {who}{whom}{where}  [{claim}]")
        out.append(_sentence(e.evidence_text))
        out.append(f"    — {e.document_title or e.document_id[:12]} ({e.published or '?'})")
    return "\n".join(out)


def _open(ctx: click.Context) -> Any:
    from actorgraph.store import open_store

    settings: Settings = ctx.obj
    return open_store(settings.db)


@click.command()
@click.argument("name", required=False)
@click.option("--predicate", type=click.Choice(PREDICATES), default=None)
@click.option("--limit", default=50, show_default=True)
@click.pass_context
def relations(ctx: click.Context, /, name: str | None, predicate: str | None, limit: int) -> None:
    """List relations (of the actor matching NAME), each with its sentence and claim status."""
    with _open(ctx) as store:
        rows = store.relations(name, predicate=predicate, limit=limit)
    click.echo(render_relations(rows))


@click.command()
@click.option("--type", "type_", type=click.Choice(EVENT_TYPES, case_sensitive=False))
@click.option("--since", default=None, help="Only events dated on or after (YYYY[-MM[-DD]]).")
@click.option("--until", default=None, help="Only events dated on or before (YYYY[-MM[-DD]]).")
@click.option("--actor", default=None, help="Only events with the actor matching this name.")
@click.option("--limit", default=50, show_default=True)
@click.pass_context
def events(
    ctx: click.Context,
    /,
    type_: str | None,
    since: str | None,
    until: str | None,
    actor: str | None,
    limit: int,
) -> None:
    """List PLOVER events, most recent first, each with its sentence and claim status."""
    from actorgraph.ingest import normalize_published

    bounds = {}
    for label, value in (("--since", since), ("--until", until)):
        if value is not None and normalize_published(value) is None:
            raise click.BadParameter(f"{value!r} is not a date (YYYY, YYYY-MM or YYYY-MM-DD)")
        bounds[label] = normalize_published(value) if value else None
    with _open(ctx) as store:
        rows = store.events(
            type=type_,
            since=bounds["--since"],
            until=_end_of(bounds["--until"]),
            actor=actor,
            limit=limit,
        )
    click.echo(render_events(rows))


def _end_of(value: str | None) -> str | None:
    """'2014' -> '2014-12-31', '2014-06' -> '2014-06-31' (compared as text, so day 31 is fine)."""
    if value is None:
        return None
    return value + {1: "-12-31", 2: "-31", 3: ""}[len(value.split("-"))]
