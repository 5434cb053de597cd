"""Turn an Analysis into rows, one list per table, refusing facts the store cannot keep.

Rows are built and validated in Python before anything is written, so a bad analysis is
refused whole and the write path needs no query per fact.
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from actorgraph.errors import StoreError
from actorgraph.model import Analysis, Casualty, Entity, Evidence
from actorgraph.resolve.identity import actor_id, fact_id, normalize_name
from actorgraph.resolve.keys import names_of

Row = tuple[Any, ...]
KINDS = ("killed", "injured", "abducted", "arrested")  # of casualties, as m006 checks


@dataclass
class Rows:
    """The rows of one analysis, per table (columns in the order of ``_write.COLUMNS``)."""

    actors: list[Row] = field(default_factory=list)
    entities: list[Row] = field(default_factory=list)
    mentions: list[Row] = field(default_factory=list)
    actor_aliases: list[Row] = field(default_factory=list)
    actor_keys: list[Row] = field(default_factory=list)
    dates: list[Row] = field(default_factory=list)
    quotes: list[Row] = field(default_factory=list)
    relations: list[Row] = field(default_factory=list)
    events: list[Row] = field(default_factory=list)
    event_actors: list[Row] = field(default_factory=list)
    event_casualties: list[Row] = field(default_factory=list)
    # Evidence rows per owning table: quotes, relations, events.
    evidence: dict[str, list[Row]] = field(
        default_factory=lambda: {"quotes": [], "relations": [], "events": []}
    )


class _Builder:
    def __init__(self, analysis: Analysis, actors: Mapping[str, str] | None) -> None:
        self.analysis = analysis
        self.actors = actors or {}
        self.doc_id = analysis.document.id
        self.length = len(analysis.document.text)
        self.published_key = analysis.document.published or ""
        self.versions = dict(analysis.stages)
        self.actor_of: dict[str, str] = {}
        self.rows = Rows()

    def span(self, what: str, start: int, end: int) -> None:
        if not 0 <= start <= end <= self.length:
            raise StoreError(
                f"{what}: span [{start}, {end}) lies outside the document "
                f"({self.length} characters); offsets must index the text as read"
            )

    def actor(self, local_id: str | None, what: str) -> str | None:
        if local_id is None:
            return None
        if local_id not in self.actor_of:
            raise StoreError(f"{what} refers to entity {local_id!r}, which the analysis lacks")
        return self.actor_of[local_id]

    def evidence(self, what: str, evidence: Sequence[Evidence], fact: str, table: str) -> None:
        if not evidence:
            raise StoreError(f"{what} has no evidence: every fact needs a span it was read from")
        for ev in evidence:
            if ev.document_id != self.doc_id:
                raise StoreError(f"{what}: evidence names document {ev.document_id[:12]}…")
            self.span(what, ev.start, ev.end)
            owner = tuple(fact if t == table else None for t in ("quotes", "relations", "events"))
            ev_id = fact_id("evidence", fact, ev.start, ev.end, ev.stage)
            self.rows.evidence[table].append(
                (ev_id, self.doc_id, ev.start, ev.end, ev.stage, ev.confidence, *owner)
            )

    def entities(self) -> None:
        version = self.versions.get("entities")
        for e in self.analysis.entities:
            if e.id in self.actor_of:
                raise StoreError(f"entity id {e.id!r} is used twice in one analysis")
            if not e.mentions:
                raise StoreError(f"entity {e.id} ({e.name!r}) has no mention to serve as evidence")
            aid = self.actors.get(e.id) or actor_id(e.name, e.type)
            self.actor_of[e.id] = aid
            stage = version or e.stage
            self.rows.actors.append((aid, e.name, e.type, e.kind, normalize_name(e.name)))
            self.rows.entities.append(
                (self.doc_id, e.id, aid, e.name, e.type, e.kind, e.confidence, *_place(e), stage)
            )
            for m in e.mentions:
                self.span(f"mention {m.text!r} of {e.id}", m.start, m.end)
                self.rows.mentions.append(
                    (
                        self.doc_id,
                        e.id,
                        m.start,
                        m.end,
                        m.text,
                        m.label,
                        aid,
                        e.confidence,
                        stage,
                        self.published_key,
                    )
                )
            alias_stage = self.versions.get("aliases", stage)
            for alias in dict.fromkeys((e.name, *e.aliases)):
                self.rows.actor_aliases.append(
                    (self.doc_id, e.id, alias, normalize_name(alias), aid, alias_stage)
                )
            for key in sorted(names_of(e.name, e.aliases, e.type).index_keys):
                self.rows.actor_keys.append((self.doc_id, e.id, key, aid))

    def dates(self) -> None:
        stage = self.versions.get("dates", "dates")
        for d in self.analysis.dates:
            self.span(f"date {d.text!r}", d.start, d.end)
            self.rows.dates.append(
                (
                    self.doc_id,
                    d.start,
                    d.end,
                    d.text,
                    d.value,
                    d.precision,
                    d.start_date,
                    d.end_date,
                    int(d.relative),
                    stage,
                )
            )

    def quotes(self) -> None:
        stage = self.versions.get("quotes", "quotes")
        for q in self.analysis.quotes:
            what = f"quote at {q.start}"
            self.span(what, q.start, q.end)
            speaker = self.actor(q.speaker, what)
            sm = q.speaker_mention or (None, None)
            cue = q.cue_span or (None, None)
            for extra in (q.speaker_mention, q.cue_span):
                if extra is not None:
                    self.span(what, *extra)
            qid = fact_id("quote", self.doc_id, q.kind, q.start, q.end)
            self.rows.quotes.append(
                (
                    qid,
                    self.doc_id,
                    q.kind,
                    q.start,
                    q.end,
                    q.text,
                    q.speaker,
                    speaker,
                    sm[0],
                    sm[1],
                    q.speaker_text,
                    q.cue,
                    cue[0],
                    cue[1],
                    q.confidence,
                    stage,
                    self.published_key,
                )
            )
            if q.evidence:
                self.evidence(what, q.evidence, qid, "quotes")

    def relations(self) -> None:
        stage = self.versions.get("relations", "relations")
        for r in self.analysis.relations:
            what = f"relation {r.subject} {r.predicate} {r.object}"
            subject, obj = self.actor(r.subject, what), self.actor(r.object, what)
            attributed = self.actor(r.attributed_to, what)
            spans = [(ev.start, ev.end) for ev in r.evidence]
            rid = fact_id(
                "relation",
                self.doc_id,
                r.subject,
                r.predicate,
                r.object,
                r.role,
                sorted(r.mode),
                r.modality,
                r.attributed_to,
                spans,
            )
            self.evidence(what, r.evidence, rid, "relations")
            first = r.evidence[0]
            self.rows.relations.append(
                (
                    rid,
                    self.doc_id,
                    first.start,
                    first.end,
                    r.subject,
                    subject,
                    r.predicate,
                    r.object,
                    obj,
                    r.role,
                    json.dumps(list(r.mode)),
                    r.valid.start,
                    r.valid.end,
                    r.modality,
                    r.attributed_to,
                    attributed,
                    r.confidence,
                    stage,
                    self.published_key,
                )
            )

    def events(self) -> None:
        stage = self.versions.get("events", "events")
        for ev in self.analysis.events:
            what = f"event {ev.type}"
            spans = [(x.start, x.end) for x in ev.evidence]
            eid = fact_id(
                "event",
                self.doc_id,
                ev.type,
                ev.mode,
                ev.actors,
                ev.targets,
                ev.locations,
                ev.modality,
                ev.attributed_to,
                spans,
            )
            self.evidence(what, ev.evidence, eid, "events")
            attributed = self.actor(ev.attributed_to, what)
            d = ev.date
            first = ev.evidence[0]
            date_key = (d.start_date if d else None) or ""
            self.rows.events.append(
                (
                    eid,
                    self.doc_id,
                    first.start,
                    first.end,
                    ev.type,
                    ev.mode,
                    ev.modality,
                    ev.attributed_to,
                    attributed,
                    d.text if d else None,
                    d.value if d else None,
                    d.start_date if d else None,
                    d.end_date if d else None,
                    ev.confidence,
                    stage,
                )
            )
            for role, ids in (
                ("actor", ev.actors),
                ("target", ev.targets),
                ("location", ev.locations),
            ):
                for local in ids:
                    aid = self.actor(local, what)
                    self.rows.event_actors.append(
                        (eid, role, self.doc_id, local, aid, date_key, first.start)
                    )
            self.casualties(eid, ev.casualties, what)

    def casualties(self, event_id: str, found: Sequence[Casualty], what: str) -> None:
        for seq, c in enumerate(found):
            label = f"{what}: {c.kind} count {c.value}"
            if c.kind not in KINDS:
                raise StoreError(f"{label}: kind must be one of {', '.join(KINDS)}")
            if c.value < 0:
                raise StoreError(f"{label}: a count cannot be negative")
            if not c.evidence:
                raise StoreError(f"{label} has no evidence: every count needs its span")
            attributed = self.actor(c.attributed_to, label)
            for span_seq, ev in enumerate(c.evidence):
                if ev.document_id != self.doc_id:
                    raise StoreError(f"{label}: evidence names document {ev.document_id[:12]}…")
                self.span(label, ev.start, ev.end)
                self.rows.event_casualties.append(
                    (
                        event_id,
                        seq,
                        span_seq,
                        self.doc_id,
                        c.kind,
                        c.value,
                        c.qualifier,
                        c.modality,
                        c.attributed_to,
                        attributed,
                        ev.start,
                        ev.end,
                        ev.stage,
                        ev.confidence,
                    )
                )


def build_rows(analysis: Analysis, actors: Mapping[str, str] | None = None) -> Rows:
    """Return the rows of ``analysis``; raise StoreError for a fact the store refuses.

    ``actors`` maps entity ids to the actors the resolver chose; an entity it leaves out
    gets the actor its (name, type) founds.
    """
    builder = _Builder(analysis, actors)
    builder.entities()
    builder.dates()
    builder.quotes()
    builder.relations()
    builder.events()
    return builder.rows


def _place(e: Entity) -> Row:
    p = e.place
    if p is None:
        return (None,) * 6
    return (p.lat, p.lon, p.country, p.admin1, p.precision, p.gazetteer_id)
