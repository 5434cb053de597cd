"""Plain-text views of analyses and store rows, for a person to read."""

from __future__ import annotations

import textwrap
from collections.abc import Mapping, Sequence
from typing import Any

from actorgraph.model import Analysis

Docs = Mapping[str, Any]  # document id -> DocumentInfo (with a ``label``)


def source_line(document_id: str, docs: Docs, indent: str = "    ") -> str:
    """Return the "— title (publisher, date)" line under a fact: never a bare hash."""
    doc = docs.get(document_id)
    return f"{indent}— {doc.label if doc is not None else 'document ' + document_id[:12]}"


def _clip(text: str, width: int = 100) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1] + "…"


def render_analysis(a: Analysis) -> str:
    """Render one analysis: document, entities with aliases, quotes with speakers, dates."""
    d = a.document
    names = {e.id: e.name for e in a.entities}
    out = [
        f"document {d.id[:12]}  {d.title or '(untitled)'}",
        f"  published: {d.published or 'unknown (relative dates left unresolved)'}"
        f"  publisher: {d.publisher or '-'}  source: {d.source or '-'}",
    ]
    out += [f"  note: {n}" for n in a.notes]
    out.append(f"\nentities ({len(a.entities)})")
    for e in a.entities:
        kind = f"/{e.kind}" if e.kind else ""
        aliases = [x for x in e.aliases if x != e.name]
        alias_text = f"  aka {', '.join(aliases)}" if aliases else ""
        out.append(f"  {e.id:>4} {e.type + kind:<19} {e.name}{alias_text}  ×{len(e.mentions)}")
    out.append(f"\nquotes ({len(a.quotes)})")
    for q in a.quotes:
        who = names.get(q.speaker or "") or (f"({q.speaker_text})" if q.speaker_text else "?")
        out.append(f"  [{q.kind}] {who} {q.cue or ''}: “{_clip(q.text, 90)}”  @{q.start}")
    out.append(f"\ndates ({len(a.dates)})")
    for dt in a.dates:
        out.append(f"  {dt.text!r:<24} -> {dt.value or 'unresolved'}  @{dt.start}")
    return "\n".join(out)


def render_actors(rows: Sequence[Any]) -> str:
    if not rows:
        return "no actors (ingest some documents first: actorgraph ingest PATH)"
    lines = [f"{'actor':<40} {'type':<18} {'mentions':>8} {'docs':>5}"]
    for r in rows:
        typ = r.type + (f"/{r.kind}" if r.kind else "")
        lines.append(f"{_clip(r.name, 40):<40} {typ:<18} {r.mentions:>8} {r.documents:>5}")
    return "\n".join(lines)


def render_documents(rows: Sequence[Any]) -> str:
    if not rows:
        return "no documents (ingest some first: actorgraph ingest PATH)"
    lines = [
        f"{'document':<12} {'ment':>5} {'quot':>4} {'rel':>4} {'ev':>4}  title (publisher, date)"
    ]
    for d in rows:
        c = d.counts
        lines.append(
            f"{d.id[:12]:<12} {c.get('mentions', 0):>5} {c.get('quotes', 0):>4} "
            f"{c.get('relations', 0):>4} {c.get('events', 0):>4}  {d.label}"
        )
    return "\n".join(lines)


def render_profile(p: Any, docs: Docs) -> str:
    a = p.actor
    typ = a.type + (f" / {a.kind}" if a.kind else "")
    lines = [
        f"{a.name}  ({typ})",
        f"  id: {a.id}",
        f"  aliases: {', '.join(p.aliases) or '-'}",
        f"  mentions: {a.mentions} in {a.documents} document(s)",
    ]
    for d in p.documents:
        lines.append(f"    {d.mentions:>4} × {source_line(d.document_id, docs, '')[2:]}")
    if p.relations:
        lines.append(f"  relations ({len(p.relations)}):")
        for r in p.relations:
            lines.append(
                f"    {r.subject_name} {r.predicate} {r.object_name} [{r.modality}]"
                f"\n      “{_clip(r.evidence_text, 110)}”"
            )
    if p.events:
        lines.append(f"  events ({len(p.events)}):")
        for e in p.events:
            lines.append(
                f"    {e.type} as {e.role}, {e.date_value or 'date unknown'} [{e.modality}]"
                f"\n      “{_clip(e.evidence_text, 110)}”"
            )
    lines.append(f"  quotes ({len(p.quotes)}):")
    for q in p.quotes:
        lines.append(f"    [{q.kind}] “{_clip(q.text, 100)}”")
        wrapped = textwrap.fill(
            " ".join(q.context.split()), width=96, initial_indent="      | ",
            subsequent_indent="      | ",
        )  # fmt: skip
        lines.append(wrapped)
        lines.append(source_line(q.document_id, docs, "      "))
    return "\n".join(lines)


def render_quotes(rows: Sequence[Any], docs: Docs) -> str:
    if not rows:
        return "no quotes"
    lines = []
    for q in rows:
        who = q.speaker_name or (f"({q.speaker_text})" if q.speaker_text else "unknown speaker")
        lines.append(f"{who} [{q.kind}]: “{_clip(q.text, 110)}”")
        lines.append(source_line(q.document_id, docs))
    return "\n".join(lines)


def render_summary(s: dict[str, Any]) -> str:
    lines = [
        f"{s['documents']} documents, {s['actors']} actors, {s['mentions']} mentions, "
        f"{s['quotes']} quotes, {s['dates']} dates, {s['relations']} relations, "
        f"{s['events']} events",
        "",
        "actors by type (actors, mentions):",
    ]
    for typ, v in s["actors_by_type"].items():
        lines.append(f"  {typ:<8} {v['actors']:>5} {v['mentions']:>7}")
    lines.append("\ntop actors (mentions):")
    for a in s["top_actors"]:
        lines.append(f"  {a['name']:<36} {a['type']:<7} {a['mentions']:>5}")
    lines.append("\ntop relations:")
    if not s["top_relations"]:
        lines.append("  (none)")
    for r in s["top_relations"]:
        lines.append(f"  {r['subject']} {r['predicate']} {r['object']}  ×{r['count']}")
    lines.append("\nquotes by speaker:")
    if not s["quotes_by_speaker"]:
        lines.append("  (none)")
    for q in s["quotes_by_speaker"]:
        lines.append(f"  {q['name']:<36} {q['quotes']:>4}")
    return "\n".join(lines)
