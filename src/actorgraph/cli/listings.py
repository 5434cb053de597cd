"""`actorgraph actors`, `documents`, `quotes`, `show` and `summary`: the store for reading
and for scripts (``--format json|jsonl|csv``)."""

from __future__ import annotations

import json
from typing import Any

import click

from actorgraph.cli import _items
from actorgraph.cli._listing import (
    emit,
    filter_options,
    format_option,
    limit_option,
    scope,
    to_csv,
)
from actorgraph.cli._open import CommandError, read_store
from actorgraph.cli.render import (
    render_actors,
    render_documents,
    render_profile,
    render_quotes,
    render_summary,
)

PROFILE_SCHEMA = "actorgraph.profile/1"
SUMMARY_SCHEMA = "actorgraph.summary/1"


@click.command()
@click.option("--type", "type_", default=None, help="Only this type (PERSON, ORG, GPE, ...).")
@filter_options(modality=False)
@limit_option()
@format_option()
@click.pass_context
def actors(ctx: click.Context, /, type_: str | None, limit: int, fmt: str, **typed: Any) -> None:
    """List actors with their mention and document counts, most mentioned first.

    With --since/--until (publication dates), --document or --min-confidence, only the
    mentions those keep are counted, and actors with none are left out.
    """
    type_ = type_.upper() if type_ else None
    with read_store(ctx) as store:
        flt = scope(store, **typed)
        rows = store.actors(type=type_, limit=limit, flt=flt)
        total = store.count("actors", flt=flt, type=type_)
        aliases = store.aliases_of([r.id for r in rows]) if fmt != "table" else {}
    items = [_items.actor(r, aliases.get(r.id, ())) for r in rows]
    emit(fmt, "actors", items, total=total, table=lambda: render_actors(rows))


@click.command()
@filter_options(modality=False, confidence=False)
@limit_option()
@format_option()
@click.pass_context
def documents(ctx: click.Context, /, limit: int, fmt: str, **typed: Any) -> None:
    """List the stored documents, newest first: id, title, publisher, date and counts.

    --since/--until filter on the publication date.
    """
    with read_store(ctx) as store:
        flt = scope(store, **typed)
        rows, total = store.documents(limit=limit, flt=flt)
    items = [_items.document_row(d) for d in rows]
    emit(fmt, "documents", items, total=total, table=lambda: render_documents(rows))


@click.command()
@click.option("--speaker", default=None, help="Only quotes by the actor matching this name.")
@filter_options(modality=False)
@limit_option()
@format_option()
@click.pass_context
def quotes(ctx: click.Context, /, speaker: str | None, limit: int, fmt: str, **typed: Any) -> None:
    """List quotes with their speakers and sources, newest document first.

    --since/--until filter on the publication date of the document.
    """
    with read_store(ctx) as store:
        flt = scope(store, actor=speaker, **typed)
        rows = store.quotes_of(None, limit=limit, flt=flt)
        total = store.count("quotes", flt=flt)
        docs = store.documents_by_id(q.document_id for q in rows)
        evidence = store.evidence_of("quote", [q.id for q in rows]) if fmt != "table" else {}
    items = [_items.quote(q, docs, evidence.get(q.id, ())) for q in rows]
    emit(fmt, "quotes", items, total=total, table=lambda: render_quotes(rows, docs))


@click.command()
@click.argument("name")
@format_option()
@click.pass_context
def show(ctx: click.Context, /, name: str, fmt: str) -> None:
    """Show the actor best matching NAME: aliases, mentions per document, relations, events
    and quotes (each list the 100 newest)."""
    with read_store(ctx) as store:
        found = store.find_actors(name, limit=5)
        if not found:
            raise CommandError(f"no actor matches {name!r}; try 'actorgraph actors'")
        profile = store.actor_profile(found[0][0].id)
        ids = {d.document_id for d in profile.documents}
        ids |= {x.document_id for x in (*profile.relations, *profile.events, *profile.quotes)}
        docs = store.documents_by_id(ids)
        evidence = {
            kind: store.evidence_of(kind, [x.id for x in rows])
            for kind, rows in (("relation", profile.relations), ("event", profile.events))
        }
    others = [row for row, _ in found[1:]]
    if fmt == "table":
        click.echo(render_profile(profile, docs))
        if others:
            click.echo(f"\nalso matching: {', '.join(row.name for row in others)}")
        return
    data = _profile(profile, docs, evidence, others)
    if fmt == "csv":
        rows = [
            {"section": section, **item}
            for section in ("documents", "relations", "events", "quotes")
            for item in data[section]
        ]
        click.echo(to_csv(rows), nl=False)
    else:
        click.echo(json.dumps(data, ensure_ascii=False, indent=2 if fmt == "json" else None))


def _profile(p: Any, docs: Any, evidence: dict[str, Any], others: list[Any]) -> dict[str, Any]:
    def spans(kind: str, x: Any) -> list[dict[str, Any]]:
        found = evidence[kind].get(x.id, ())
        return _items.spans(found) or [{"start": x.start, "end": x.end, "text": x.evidence_text}]

    return {
        "schema": PROFILE_SCHEMA,
        "actor": _items.actor(p.actor, p.aliases),
        "documents": [
            {"document": _items.document(d.document_id, docs), "mentions": d.mentions}
            for d in p.documents
        ],
        "relations": [
            {
                "id": r.id,
                "subject": _items.ref(r.subject_id, r.subject_name),
                "predicate": r.predicate,
                "object": _items.ref(r.object_id, r.object_name),
                "role": r.role,
                "mode": list(r.mode),
                "modality": r.modality,
                "confidence": round(r.confidence, 3),
                "document": _items.document(r.document_id, docs),
                "evidence": spans("relation", r),
            }
            for r in p.relations
        ],
        "events": [
            {
                "id": e.id,
                "type": e.type,
                "mode": e.mode,
                "role": e.role,
                "date": e.date_value,
                "modality": e.modality,
                "confidence": round(e.confidence, 3),
                "document": _items.document(e.document_id, docs),
                "evidence": spans("event", e),
            }
            for e in p.events
        ],
        "quotes": [_items.quote(q, docs, ()) for q in p.quotes],
        "also_matching": [_items.ref(row.id, row.name) for row in others],
    }


@click.command()
@format_option()
@click.pass_context
def summary(ctx: click.Context, /, fmt: str) -> None:
    """Summarise the store: counts, actors by type, top actors and relations, top speakers."""
    with read_store(ctx) as store:
        s = store.summary()
    if fmt == "table":
        click.echo(render_summary(s))
        return
    data = {"schema": SUMMARY_SCHEMA, **s}
    if fmt == "csv":
        click.echo(to_csv(_summary_rows(s)), nl=False)
    else:
        click.echo(json.dumps(data, ensure_ascii=False, indent=2 if fmt == "json" else None))


def _summary_rows(s: dict[str, Any]) -> list[dict[str, Any]]:
    """Return the summary as (measure, key, value) rows for a spreadsheet."""
    rows: list[dict[str, Any]] = [
        {"measure": k, "key": "", "value": v} for k, v in s.items() if isinstance(v, int)
    ]
    for type_, v in s["actors_by_type"].items():
        rows.append({"measure": "actors_by_type", "key": type_, "value": v["actors"]})
    for a in s["top_actors"]:
        rows.append({"measure": "top_actors", "key": a["name"], "value": a["mentions"]})
    for r in s["top_relations"]:
        key = f"{r['subject']} {r['predicate']} {r['object']}"
        rows.append({"measure": "top_relations", "key": key, "value": r["count"]})
    for q in s["quotes_by_speaker"]:
        rows.append({"measure": "quotes_by_speaker", "key": q["name"], "value": q["quotes"]})
    return rows
