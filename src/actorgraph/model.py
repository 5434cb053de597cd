"""The one vocabulary every layer speaks: frozen dataclasses with character offsets.

spaCy objects never leave ``pipeline/``; the store, CLI, exports and batch workers see
only these types. Every fact carries evidence: spans of the document text it was read
from, the stage (with its version) that read it and a confidence. The evidence text is
recovered from the document, never re-typed.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from typing import Literal

Modality = Literal["asserted", "reported", "alleged", "denied", "planned"]
QuoteKind = Literal["direct", "indirect"]
EntityType = Literal["PERSON", "ORG", "GPE", "LOC", "NORP", "FAC", "EVENT", "LAW"]
ENTITY_TYPES: tuple[str, ...] = ("PERSON", "ORG", "GPE", "LOC", "NORP", "FAC", "EVENT", "LAW")
ORG_KINDS: tuple[str, ...] = (
    "armed_group",
    "state_force",
    "government",
    "party",
    "ngo",
    "media",
    "company",
)
UNIDENTIFIED_GROUP = "Unidentified Armed Group"
"""The name (then " (Country)") of a document's unnamed attackers, as ACLED codes them: an
actor of that document alone, never merged with another document's."""


def text_id(text: str) -> str:
    """Return the document id: the SHA-256 of its text as read."""
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()


@dataclass(frozen=True)
class Evidence:
    """A span of a document that a fact was read from."""

    document_id: str
    start: int
    end: int
    stage: str
    confidence: float = 1.0

    def text(self, document: Document) -> str:
        return document.text[self.start : self.end]


@dataclass(frozen=True)
class Document:
    """One text as read, with its publication metadata."""

    id: str
    text: str
    title: str | None = None
    published: str | None = None  # ISO 8601 date or prefix ("2015-02-04", "2015")
    publisher: str | None = None
    author: str | None = None
    url: str | None = None
    source: str | None = None  # path (and line) it was read from
    language: str = "en"

    @classmethod
    def from_text(cls, text: str, **meta: str | None) -> Document:
        return cls(id=text_id(text), text=text, **meta)  # type: ignore[arg-type]


@dataclass(frozen=True)
class Mention:
    """One occurrence of an entity in the text."""

    start: int
    end: int
    text: str
    label: str  # the label it was found with (NER label or a rule's name)


@dataclass(frozen=True)
class Place:
    """A gazetteer match for a GPE/LOC/FAC entity."""

    lat: float
    lon: float
    country: str | None = None
    admin1: str | None = None
    precision: str | None = None  # country / region / city / place
    gazetteer_id: str | None = None
    raw: str | None = None


@dataclass(frozen=True)
class Entity:
    """An actor, place or other named thing, with every mention of it in one document."""

    id: str  # document-local id ("E1"); the store keys actors by content hash
    name: str
    type: str
    mentions: tuple[Mention, ...]
    aliases: tuple[str, ...] = ()
    kind: str | None = None
    place: Place | None = None
    confidence: float = 1.0
    stage: str = "entities"

    def evidence(self, document_id: str) -> tuple[Evidence, ...]:
        return tuple(
            Evidence(document_id, m.start, m.end, self.stage, self.confidence)
            for m in self.mentions
        )


@dataclass(frozen=True)
class DateRef:
    """A date expression normalised against the publication date.

    ``value`` is an ISO 8601 prefix at the precision the text supports ("2014",
    "2014-06", "2014-04-07", "198" for the 1980s) or None when it cannot be resolved
    (for example a relative date in a document whose publication date is unknown).
    ``start_date``/``end_date`` give the interval it covers.
    """

    text: str
    start: int
    end: int
    value: str | None
    precision: str | None = None  # day / week / month / season / year / decade / century
    start_date: str | None = None
    end_date: str | None = None
    relative: bool = False
    evidence: tuple[Evidence, ...] = ()


@dataclass(frozen=True)
class Quote:
    """Direct or reported speech attached to its speaker."""

    kind: str  # QuoteKind
    text: str
    start: int
    end: int
    speaker: str | None  # entity id
    speaker_mention: tuple[int, int] | None = None
    speaker_text: str | None = None  # the words naming the speaker ("he", "the men")
    cue: str | None = None
    cue_span: tuple[int, int] | None = None
    confidence: float = 1.0
    evidence: tuple[Evidence, ...] = ()


@dataclass(frozen=True)
class Interval:
    start: str | None = None
    end: str | None = None


@dataclass(frozen=True)
class Relation:
    """A claim that links two entities."""

    subject: str
    predicate: str
    object: str
    evidence: tuple[Evidence, ...]
    role: str | None = None
    mode: tuple[str, ...] = ()
    valid: Interval = field(default_factory=Interval)
    modality: str = "asserted"  # Modality
    attributed_to: str | None = None
    confidence: float = 1.0


@dataclass(frozen=True)
class Casualty:
    """A count of people killed, injured, abducted or arrested in an event, as the text
    gives it, with who says so; several of one kind are different sources' tolls."""

    kind: Literal["killed", "injured", "abducted", "arrested"]
    value: int
    evidence: tuple[Evidence, ...]
    qualifier: str | None = None  # "at least", "more than", "about", "up to"
    modality: str = "asserted"  # Modality
    attributed_to: str | None = None


@dataclass(frozen=True)
class Event:
    """A PLOVER-coded event."""

    type: str
    evidence: tuple[Evidence, ...]
    actors: tuple[str, ...] = ()
    targets: tuple[str, ...] = ()
    locations: tuple[str, ...] = ()
    mode: str | None = None
    date: DateRef | None = None
    modality: str = "asserted"
    attributed_to: str | None = None
    confidence: float = 1.0
    casualties: tuple[Casualty, ...] = ()


@dataclass(frozen=True)
class Analysis:
    """Everything the pipeline read from one document."""

    document: Document
    entities: tuple[Entity, ...] = ()
    quotes: tuple[Quote, ...] = ()
    dates: tuple[DateRef, ...] = ()
    relations: tuple[Relation, ...] = ()
    events: tuple[Event, ...] = ()
    stages: tuple[tuple[str, str], ...] = ()  # (stage name, version) that produced it
    notes: tuple[str, ...] = ()  # warnings a reader should see ("publication date unknown")

    def entity(self, entity_id: str | None) -> Entity | None:
        if entity_id is None:
            return None
        for e in self.entities:
            if e.id == entity_id:
                return e
        return None
