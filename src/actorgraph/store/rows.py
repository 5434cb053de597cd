"""Frozen rows returned by store queries."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class ActorRow:
    """A cross-document actor with how often and where it is mentioned."""

    id: str
    name: str
    type: str
    kind: str | None
    mentions: int
    documents: int


@dataclass(frozen=True)
class DocumentMentions:
    """How often one actor is mentioned in one document."""

    document_id: str
    title: str | None
    published: str | None
    mentions: int


@dataclass(frozen=True)
class QuoteRow:
    """A quote with its speaker and the passage around it."""

    id: str
    document_id: str
    document_title: str | None
    published: str | None
    kind: str
    text: str
    start: int
    end: int
    speaker_id: str | None
    speaker_name: str | None
    speaker_text: str | None
    cue: str | None
    confidence: float
    context: str  # the sentence(s) holding the quote and its speaker, from the document


@dataclass(frozen=True)
class RelationRow:
    """A relation between two actors, with the text of its first evidence span."""

    id: str
    document_id: str
    subject_id: str
    subject_name: str
    predicate: str
    object_id: str
    object_name: str
    role: str | None
    mode: tuple[str, ...]
    modality: str
    confidence: float
    start: int
    end: int
    evidence_text: str


@dataclass(frozen=True)
class EventRow:
    """An event one actor takes part in (``role``: actor, target or location)."""

    id: str
    document_id: str
    type: str
    mode: str | None
    role: str
    modality: str
    date_value: str | None
    confidence: float
    start: int
    end: int
    evidence_text: str


@dataclass(frozen=True)
class Profile:
    """Everything the store knows about one actor."""

    actor: ActorRow
    aliases: tuple[str, ...]
    documents: tuple[DocumentMentions, ...]
    quotes: tuple[QuoteRow, ...]
    relations: tuple[RelationRow, ...]
    events: tuple[EventRow, ...]
