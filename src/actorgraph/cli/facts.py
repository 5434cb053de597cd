"""`actorgraph relations` and `actorgraph events`: facts with their sentences and claim status."""

from __future__ import annotations

import textwrap
from collections.abc import Sequence
from typing import Any

import click

from actorgraph.cli import _items
from actorgraph.cli._listing import emit, filter_options, format_option, limit_option, scope
from actorgraph.cli._open import read_store
from actorgraph.cli.render import Docs, source_line

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


def render_relations(rows: Sequence[Any], docs: Docs) -> str:
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
        claim = _claim(r.modality, r.attributed_to)
        out.append(f"{r.subject} {r.predicate} {r.object}{detail}  [{claim}, {r.confidence:.2f}]")
        out.append(_sentence(r.evidence_text))
        out.append(source_line(r.document_id, docs))
    return "\n".join(out)


def _casualties(found: Sequence[Any]) -> str:
    parts = []
    for c in found:
        by = f" per {c.attributed_to.name}" if c.attributed_to is not None else ""
        parts.append(f"{c.kind} {c.qualifier + ' ' if c.qualifier else ''}{c.value}{by}")
    return f"  ({'; '.join(parts)})" if parts else ""


def render_events(rows: Sequence[Any], docs: Docs) -> str:
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
        out.append(
            f"{when:<12} {e.type}{mode}: {who}{whom}{where}  [{claim}, {e.confidence:.2f}]"
            + _casualties(e.casualties)
        )
        out.append(_sentence(e.evidence_text))
        out.append(source_line(e.document_id, docs))
    return "\n".join(out)


@click.command()
@click.argument("name", required=False)
@click.option("--predicate", type=click.Choice(PREDICATES), default=None)
@filter_options()
@limit_option()
@format_option()
@click.pass_context
def relations(
    ctx: click.Context,
    /,
    name: str | None,
    predicate: str | None,
    limit: int,
    fmt: str,
    **typed: Any,
) -> None:
    """List relations (of the actor matching NAME), each with its sentence and claim status.

    --since/--until filter on the publication date of the document a relation was read from.
    """
    with read_store(ctx) as store:
        flt = scope(store, actor=name, **typed)
        rows = store.relations_of(None, predicate=predicate, limit=limit, flt=flt)
        total = store.count("relations", flt=flt, predicate=predicate)
        docs = store.documents_by_id(r.document_id for r in rows)
        evidence = store.evidence_of("relation", [r.id for r in rows]) if fmt != "table" else {}
    items = [_items.relation(r, docs, evidence.get(r.id, ())) for r in rows]
    emit(fmt, "relations", items, total=total, table=lambda: render_relations(rows, docs))


@click.command()
@click.option("--type", "type_", type=click.Choice(EVENT_TYPES, case_sensitive=False))
@click.option("--actor", default=None, help="Only events with the actor matching this name.")
@filter_options(places=True, events=True)
@limit_option()
@format_option()
@click.pass_context
def events(
    ctx: click.Context,
    /,
    type_: str | None,
    actor: str | None,
    limit: int,
    fmt: str,
    **typed: Any,
) -> None:
    """List PLOVER events, most recent first, each with its sentence and claim status.

    --since/--until keep the events whose own date overlaps the range (undated ones are
    left out); --country and --place keep those located there.
    """
    with read_store(ctx) as store:
        flt = scope(store, actor=actor, **typed)
        rows = store.events_of(None, type=type_, limit=limit, flt=flt)
        total = store.count("events", flt=flt, type=type_)
        docs = store.documents_by_id(e.document_id for e in rows)
        evidence = store.evidence_of("event", [e.id for e in rows]) if fmt != "table" else {}
    items = [_items.event(e, docs, evidence.get(e.id, ())) for e in rows]
    emit(fmt, "events", items, total=total, table=lambda: render_events(rows, docs))
