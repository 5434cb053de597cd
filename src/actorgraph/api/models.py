"""Models of the HTTP API: what a client may rely on and send, with OpenAPI descriptions.

Every span is a pair of character offsets ``[start, end)`` into the text of the document
named by ``document_id`` (Python ``str`` indices), so a client can show the sentence a fact
was read from without trusting any re-typed copy.
"""

from __future__ import annotations

from typing import Annotated, Generic, Literal, TypeVar

from pydantic import BaseModel, ConfigDict, Field, model_validator

T = TypeVar("T")


class _Out(BaseModel):
    model_config = ConfigDict(from_attributes=True, frozen=True)


class Page(_Out, Generic[T]):
    """One page of a list: ``next`` is the URL of the following page, null on the last."""

    items: list[T]
    offset: int
    limit: int
    total: int | None = Field(
        description="How many items the whole list holds; null when more pages follow and "
        "the store cannot count them cheaply (follow `next`)."
    )
    next: str | None = Field(description="URL of the next page, or null on the last page.")


class Actor(_Out):
    """A cross-document actor with how often and in how many documents it is mentioned."""

    id: str
    name: str
    type: str = Field(description="PERSON, ORG, GPE, LOC, NORP, FAC, EVENT or LAW.")
    kind: str | None = Field(description="For ORG: armed_group, state_force, government, ...")
    mentions: int
    documents: int
    score: float | None = Field(
        default=None, description="0-100 name match score, for a search with `q`."
    )


class DocumentRef(_Out):
    """A document an actor is mentioned in."""

    document_id: str
    title: str | None
    published: str | None
    mentions: int


class Relation(_Out):
    """A relation between two actors, its claim status and the sentence it was read from."""

    id: str
    document_id: str
    document_title: str | None = None
    published: str | None = None
    subject_id: str
    subject: str
    predicate: str
    object_id: str
    object: str
    role: str | None
    mode: list[str]
    valid_start: str | None = None
    valid_end: str | None = None
    modality: str = Field(description="asserted, reported, alleged, denied or planned.")
    attributed_to: str | None = Field(
        default=None, description="For `reported`: who is said to have said it."
    )
    confidence: float
    start: int
    end: int
    evidence_text: str


class Party(_Out):
    """An actor by id and name (with its type and kind)."""

    id: str
    name: str
    type: str
    kind: str | None


class SpanText(_Out):
    """An evidence span of the fact's document, with its text."""

    start: int
    end: int
    text: str


class Casualty(_Out):
    """A count of people killed, injured, abducted or arrested, and who says so; several
    of one kind are different sources' tolls, in the order the text gives them."""

    kind: Literal["killed", "injured", "abducted", "arrested"]
    value: int
    qualifier: str | None = Field(description='"at least", "more than", "about" or "up to".')
    modality: str
    attributed_to: Party | None
    evidence: list[SpanText]


class Event(_Out):
    """A PLOVER event with its date, participants by role and evidence sentence."""

    id: str
    document_id: str
    document_title: str | None
    published: str | None
    type: str
    mode: str | None
    date_text: str | None
    date_value: str | None = Field(description="ISO 8601 prefix at the text's precision.")
    date_start: str | None
    date_end: str | None
    modality: str
    attributed_to: str | None
    confidence: float
    start: int
    end: int
    evidence_text: str
    actors: list[str]
    targets: list[str]
    locations: list[str]
    casualties: list[Casualty] = []


class ActorEvent(_Out):
    """An event on an actor's profile, with the actor's role in it."""

    id: str
    document_id: str
    type: str
    mode: str | None
    role: str = Field(description="actor, target or location.")
    modality: str
    date_value: str | None
    confidence: float
    start: int
    end: int
    evidence_text: str


class TimelineEvent(_Out):
    """An event on an actor's timeline, with the actor's role in it."""

    id: str
    document_id: str
    type: str
    mode: str | None
    role: str = Field(description="actor, target or location.")
    modality: str
    date_text: str | None
    date_value: str | None
    date_start: str | None
    date_end: str | None
    confidence: float
    start: int
    end: int
    evidence_text: str


class Quote(_Out):
    """A direct or indirect quote with its speaker and the passage around it."""

    id: str
    document_id: str
    document_title: str | None
    published: str | None
    kind: str = Field(description="direct or indirect.")
    text: str
    start: int
    end: int
    speaker_id: str | None
    speaker_name: str | None
    speaker_text: str | None
    cue: str | None
    confidence: float
    context: str


class Profile(_Out):
    """Everything the store holds about one actor; each list is cut at ``limit`` items."""

    actor: Actor
    aliases: list[str]
    documents: list[DocumentRef]
    relations: list[Relation]
    events: list[ActorEvent]
    quotes: list[Quote]
    truncated: bool = Field(description="Whether some list was cut at the limit.")


class Document(_Out):
    """A stored document's metadata."""

    id: str = Field(description="SHA-256 of the text.")
    title: str | None
    published: str | None
    publisher: str | None
    author: str | None
    url: str | None
    length: int = Field(description="Length of the text in characters.")


class Mention(_Out):
    """A mention of an actor in a document."""

    start: int
    end: int
    actor_id: str
    name: str
    type: str


class QuoteSpan(_Out):
    """A quote's span, and its speaker's, in a document."""

    id: str
    kind: str
    start: int
    end: int
    speaker_id: str | None
    speaker_name: str | None
    speaker_start: int | None
    speaker_end: int | None


class EvidenceSpan(_Out):
    """One evidence span of a relation, an event or a quote."""

    fact: str = Field(description="relation, event or quote.")
    fact_id: str
    start: int
    end: int
    label: str = Field(description="A one-line description of the fact, for a tooltip.")
    modality: str | None


class AnnotatedDocument(Document):
    """A document's text with every span the store holds for it."""

    text: str
    mentions: list[Mention]
    quotes: list[QuoteSpan]
    evidence: list[EvidenceSpan]


class Node(_Out):
    """An actor in a neighbourhood graph; ``depth`` is its distance from the centre."""

    id: str
    name: str
    type: str
    kind: str | None
    mentions: int
    depth: int
    relations: int = Field(description="Relations linking it to the hop before (0: centre).")


class EdgeFact(_Out):
    """One stored relation behind an edge, with where to read it."""

    relation_id: str
    document_id: str
    start: int
    end: int
    modality: str


class Edge(_Out):
    """The relations of one predicate from one actor to another."""

    source: str
    target: str
    predicate: str
    facts: list[EdgeFact]


class Graph(_Out):
    """The actors within ``depth`` relations of one actor, and the relations among them."""

    center: str
    depth: int
    nodes: list[Node]
    edges: list[Edge]
    found: list[int] = Field(description="Actors found at each hop before `limit` applied.")
    truncated: bool = Field(description="Whether actors were left out to stay within `limit`.")


class Summary(_Out):
    """Counts of what the store holds."""

    documents: int
    actors: int
    mentions: int
    quotes: int
    relations: int
    events: int
    actors_by_type: dict[str, int]


class Problem(_Out):
    """An error: what went wrong and what to do next."""

    detail: str


# -- writes ------------------------------------------------------------------------------

ActorRef = Annotated[
    str,
    Field(
        min_length=1,
        max_length=200,
        description="An actor id, or a name (or alias) that matches exactly one actor.",
    ),
]


class _In(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, str_strip_whitespace=True)


class MergeRequest(_In):
    """Merge ``other`` into ``keep``: ``other``'s mentions, aliases and facts become ``keep``'s."""

    keep: ActorRef
    other: ActorRef


class SplitRequest(_In):
    """Move the mentions of one document, or of one alias, of ``actor`` to a new actor."""

    actor: ActorRef
    document: str | None = Field(
        default=None, min_length=1, max_length=64, description="A document id (its SHA-256)."
    )
    alias: str | None = Field(
        default=None, min_length=1, max_length=200, description="Move entities with this name."
    )

    @model_validator(mode="after")
    def _one_of(self) -> SplitRequest:
        if (self.document is None) == (self.alias is None):
            raise ValueError("give exactly one of `document` or `alias`")
        return self


class AliasRequest(_In):
    """Add ``name`` as an alias of ``actor``: documents saved from now on with it join it."""

    actor: ActorRef
    name: str = Field(min_length=1, max_length=200)


class Edit(_Out):
    """What a merge, split or alias changed; each is kept and applied again on re-ingest."""

    kind: Literal["merge", "split", "alias"]
    actor_id: str = Field(description="merge: the actor kept; split, alias: the actor named.")
    other_id: str | None = Field(description="merge: the actor removed; split: the new actor.")
    message: str
