"""Frozen rows returned by store queries, and the records the exports are written from."""

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


# -- the records of whole-table reads (``store.exports``) -------------------------------


@dataclass(frozen=True)
class Doc:
    id: str
    title: str | None
    published: str | None
    publisher: str | None
    author: str | None
    url: str | None
    added_at: str
    updated_at: str


@dataclass(frozen=True)
class Place:
    lat: float
    lon: float
    country: str | None
    admin1: str | None
    precision: str | None  # country / region / city / place
    gazetteer_id: str | None


@dataclass(frozen=True)
class Party:
    """An actor as named in one document, with the place the document's entity resolved to."""

    id: str
    name: str
    type: str
    kind: str | None
    place: Place | None


@dataclass(frozen=True)
class Span:
    """An evidence span with its text, cut from the document."""

    start: int
    end: int
    text: str
    stage: str
    confidence: float


@dataclass(frozen=True)
class RelationRec:
    id: str
    doc: Doc
    subject: Party
    predicate: str
    object: Party
    role: str | None
    mode: tuple[str, ...]
    valid_start: str | None
    valid_end: str | None
    modality: str
    attributed_to: Party | None
    confidence: float
    evidence: tuple[Span, ...]


@dataclass(frozen=True)
class EventRec:
    id: str
    doc: Doc
    type: str
    mode: str | None
    modality: str
    attributed_to: Party | None
    confidence: float
    date_text: str | None
    date_value: str | None
    date_start: str | None
    date_end: str | None
    actors: tuple[Party, ...]
    targets: tuple[Party, ...]
    locations: tuple[Party, ...]
    evidence: tuple[Span, ...]
    casualties: tuple[CasualtyRec, ...] = ()


@dataclass(frozen=True)
class QuoteRec:
    id: str
    doc: Doc
    kind: str
    text: str
    start: int
    end: int
    speaker: Party | None
    speaker_text: str | None
    cue: str | None
    confidence: float
    evidence: tuple[Span, ...]


@dataclass(frozen=True)
class ActorRec:
    """A cross-document actor with its aliases, mention counts and most frequent place."""

    id: str
    name: str
    type: str
    kind: str | None
    mentions: int
    aliases: tuple[str, ...]
    document_ids: tuple[str, ...]
    place: Place | None


@dataclass(frozen=True)
class CasualtyRec:
    """A count of people killed, injured, abducted or arrested in an event, and who says so.

    Several of one kind are different sources' tolls, in the order the text gives them.
    """

    kind: str  # killed / injured / abducted / arrested
    value: int
    qualifier: str | None  # "at least", "more than", "about", "up to"
    modality: str
    attributed_to: Party | None
    evidence: tuple[Span, ...]
