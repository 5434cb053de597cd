"""Documents as a reader browses them: a page of their metadata, one text with its spans."""

from __future__ import annotations

from dataclasses import dataclass

from actorgraph.errors import NotFoundError
from actorgraph.store._db import Database

_COLUMNS = "id, title, published, publisher, author, url, LENGTH(text)"


@dataclass(frozen=True)
class DocumentInfo:
    """A stored document's metadata and the length of its text, in characters."""

    id: str
    title: str | None
    published: str | None
    publisher: str | None
    author: str | None
    url: str | None
    length: int


@dataclass(frozen=True)
class MentionSpan:
    """A mention of an actor in a document."""

    start: int
    end: int
    actor_id: str
    name: str
    type: str


@dataclass(frozen=True)
class QuoteSpan:
    """A quote's span, and its speaker's, in a document."""

    id: str
    kind: str
    start: int
    end: int
    speaker_id: str | None
    speaker_name: str | None
    speaker_start: int | None
    speaker_end: int | None


@dataclass(frozen=True)
class EvidenceSpan:
    """One evidence span of a relation, an event or a quote, with a line saying which."""

    fact: str  # "relation", "event" or "quote"
    fact_id: str
    start: int
    end: int
    label: str
    modality: str | None


@dataclass(frozen=True)
class AnnotatedDocument(DocumentInfo):
    """A document's text with every span the store holds for it, in text order."""

    text: str
    mentions: tuple[MentionSpan, ...]
    quotes: tuple[QuoteSpan, ...]
    evidence: tuple[EvidenceSpan, ...]


def documents(db: Database, *, limit: int, offset: int) -> tuple[list[DocumentInfo], int]:
    """Return one page of documents, newest first, and how many there are."""
    (total,) = db.execute("SELECT COUNT(*) FROM documents").fetchone()
    rows = db.execute(
        f"SELECT {_COLUMNS} FROM documents ORDER BY published DESC NULLS LAST, id LIMIT ? OFFSET ?",
        (limit, offset),
    ).fetchall()
    return [DocumentInfo(*row) for row in rows], int(total)


def document(db: Database, document_id: str) -> AnnotatedDocument:
    """Return a document's metadata, text, mentions, quotes and evidence spans.

    Raise NotFoundError if there is no such document.
    """
    row = db.execute(
        f"SELECT {_COLUMNS}, text FROM documents WHERE id = ?", (document_id,)
    ).fetchone()
    if row is None:
        raise NotFoundError(f"no document with id {document_id!r}")
    mentions = db.execute(
        "SELECT m.start_char, m.end_char, m.actor_id, a.name, a.type FROM mentions m "
        "JOIN actors a ON a.id = m.actor_id WHERE m.document_id = ? "
        "ORDER BY m.start_char, m.end_char, m.actor_id",
        (document_id,),
    )
    quotes = db.execute(
        "SELECT q.id, q.kind, q.start_char, q.end_char, q.speaker_actor_id, a.name, "
        "q.speaker_start, q.speaker_end FROM quotes q "
        "LEFT JOIN actors a ON a.id = q.speaker_actor_id WHERE q.document_id = ? "
        "ORDER BY q.start_char, q.id",
        (document_id,),
    )
    return AnnotatedDocument(
        **vars(DocumentInfo(*row[:-1])),
        text=row[-1],
        mentions=tuple(MentionSpan(*m) for m in mentions),
        quotes=tuple(QuoteSpan(*q) for q in quotes),
        evidence=_evidence(db, document_id),
    )


def _evidence(db: Database, document_id: str) -> tuple[EvidenceSpan, ...]:
    relations: dict[str, tuple[str, str | None]] = {
        rid: (f"{s} {p.replace('_', ' ')} {o}", m)
        for rid, s, p, o, m in db.execute(
            "SELECT r.id, s.name, r.predicate, o.name, r.modality FROM relations r "
            "JOIN actors s ON s.id = r.subject_actor_id "
            "JOIN actors o ON o.id = r.object_actor_id WHERE r.document_id = ?",
            (document_id,),
        )
    }
    events: dict[str, tuple[str, str | None]] = {
        eid: (f"{t}{f' ({d})' if d else ''}", m)
        for eid, t, d, m in db.execute(
            "SELECT id, type, date_value, modality FROM events WHERE document_id = ?",
            (document_id,),
        )
    }
    out = []
    for rid, eid, qid, start, end in db.execute(
        "SELECT relation_id, event_id, quote_id, start_char, end_char FROM evidence "
        "WHERE document_id = ? ORDER BY start_char, end_char, id",
        (document_id,),
    ):
        if rid is not None:
            kind, fact_id, (label, modality) = "relation", rid, relations[rid]
        elif eid is not None:
            kind, fact_id, (label, modality) = "event", eid, events[eid]
        else:
            kind, fact_id, label, modality = "quote", qid, "quote", None
        out.append(EvidenceSpan(kind, fact_id, start, end, label, modality))
    return tuple(out)
