"""Documents as a reader browses them: a page of their metadata, one text with its spans."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import PurePath

from actorgraph.errors import AmbiguousError, NotFoundError, UsageError
from actorgraph.store._db import Database
from actorgraph.store.filters import Filters, document_where, marks

_COLUMNS = "id, title, published, publisher, author, url, LENGTH(text), source"
MIN_PREFIX = 6  # characters of a document id that name it (listings show 12)


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
    source: str | None = None  # the path (and line) it was read from

    @property
    def label(self) -> str:
        """Return "title (publisher, date)" to show it by: the URL or file name stand in
        for a missing title, "undated" for a missing date; never a bare hash."""
        name = self.title or self.url or (PurePath(self.source).name if self.source else None)
        extra = ", ".join(x for x in (self.publisher, self.published or "undated") if x)
        return f"{name or 'untitled document ' + self.id[:12]} ({extra})"


@dataclass(frozen=True)
class DocumentRow(DocumentInfo):
    """A document in a listing, with how many rows of each kind were read from it."""

    added_at: str = ""
    counts: dict[str, int] = field(default_factory=dict)  # mentions, quotes, relations, events


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


@dataclass(frozen=True, kw_only=True)
class AnnotatedDocument(DocumentInfo):
    """A document's text with every span the store holds for it, in text order."""

    text: str
    mentions: tuple[MentionSpan, ...]
    quotes: tuple[QuoteSpan, ...]
    evidence: tuple[EvidenceSpan, ...]


_COUNTED = ("mentions", "quotes", "relations", "events")


def documents(
    db: Database, *, limit: int, offset: int, flt: Filters | None = None
) -> tuple[list[DocumentRow], int]:
    """Return one page of documents, newest first, with their counts, and how many match."""
    where = document_where(flt or Filters())
    sql = f"SELECT COUNT(*) FROM documents d {where.sql()}"
    (total,) = db.execute(sql, where.params).fetchone()
    rows = db.execute(
        f"SELECT {_COLUMNS}, added_at FROM documents d {where.sql()}"
        "ORDER BY published DESC NULLS LAST, id LIMIT ? OFFSET ?",
        (*where.params, limit, offset),
    ).fetchall()
    ids = [row[0] for row in rows]
    counts: dict[str, dict[str, int]] = {i: dict.fromkeys(_COUNTED, 0) for i in ids}
    if ids:
        for table in _COUNTED:
            for doc, n in db.execute(
                f"SELECT document_id, COUNT(*) FROM {table} WHERE document_id IN ({marks(ids)}) "
                "GROUP BY document_id",
                ids,
            ):
                counts[doc][table] = int(n)
    found = [
        DocumentRow(**vars(DocumentInfo(*row[:8])), added_at=row[8], counts=counts[row[0]])
        for row in rows
    ]
    return found, int(total)


def documents_by_id(db: Database, ids: Iterable[str]) -> dict[str, DocumentInfo]:
    """Return the metadata of the documents with these ids, by id."""
    wanted = sorted(set(ids))
    if not wanted:
        return {}
    sql = f"SELECT {_COLUMNS} FROM documents WHERE id IN ({marks(wanted)})"
    return {row[0]: DocumentInfo(*row) for row in db.execute(sql, wanted)}


def document_ids(db: Database, prefixes: Sequence[str]) -> list[str]:
    """Return the id each of ``prefixes`` (a document id or its first characters) names.

    Raises UsageError for a prefix too short to name one, NotFoundError when no document
    id starts so and AmbiguousError when several do.
    """
    found = []
    for prefix in prefixes:
        prefix = prefix.strip().lower()
        if len(prefix) < MIN_PREFIX or not all(c in "0123456789abcdef" for c in prefix):
            raise UsageError(
                f"{prefix!r} is not a document id: give at least {MIN_PREFIX} of its "
                "hexadecimal characters (`actorgraph documents` lists them)"
            )
        rows = db.execute(
            "SELECT id, title FROM documents WHERE SUBSTR(id, 1, ?) = ? ORDER BY id LIMIT 6",
            (len(prefix), prefix),
        ).fetchall()
        if not rows:
            raise NotFoundError(
                f"no document id starts with {prefix!r}; `actorgraph documents` lists them"
            )
        if len(rows) > 1:
            listed = [(str(i), str(t or "")) for i, t in rows]
            names = ", ".join(i[:12] for i, _ in listed)
            raise AmbiguousError(f"{prefix!r} starts several document ids: {names}", listed)
        found.append(str(rows[0][0]))
    return found


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
