"""Plain-text views of analyses and store rows, for a person to read."""

from __future__ import annotations

import textwrap
from collections.abc import Sequence
from typing import Any

from actorgraph.model import Analysis


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


def render_profile(p: Any) -> str:
    a = p.actor
    typ = a.type + (f" / {a.kind}" if a.kind else "")
    lines = [
        f"{a.name}  ({typ})",
        f"  id: {a.id}",
        f"  aliases: {', '.join(p.aliases) or '-'}",
        f"  mentions: {a.mentions} in {a.documents} document(s)",
    ]
    for d in p.documents:
        lines.append(
            f"    {d.mentions:>4} × {d.title or d.document_id[:12]} ({d.published or '?'})"
        )
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
        lines.append(f"      — {q.document_title or q.document_id[:12]} ({q.published or '?'})")
    return "\n".join(lines)


def render_quotes(rows: Sequence[Any]) -> str:
    if not rows:
        return "no quotes"
    lines = []
    for q in rows:
        who = q.speaker_name or (f"({q.speaker_text})" if q.speaker_text else "unknown speaker")
        lines.append(f"{who} [{q.kind}]: “{_clip(q.text, 110)}”")
        lines.append(f"    — {q.document_title or q.document_id[:12]} ({q.published or '?'})")
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
        lines.append("  (none yet: relation extraction arrives with the relations stage)")
    for r in s["top_relations"]:
        lines.append(f"  {r['subject']} {r['predicate']} {r['object']}  ×{r['count']}")
    lines.append("\nquotes by speaker:")
    for q in s["quotes_by_speaker"]:
        lines.append(f"  {q['name']:<36} {q['quotes']:>4}")
    return "\n".join(lines)
