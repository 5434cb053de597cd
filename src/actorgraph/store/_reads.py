"""The Store's reads: actors, facts, documents, graphs and exports, the same on every engine.

A base class of :class:`~actorgraph.store.Store`, in a module of its own so that neither
grows past the size of one concern; it only reads, through the store's one connection.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any, Literal

from actorgraph.errors import AmbiguousError, NotFoundError
from actorgraph.resolve import corroborate
from actorgraph.resolve.corroborate import CorroboratedRelation
from actorgraph.store import changes as _changes
from actorgraph.store import checks, event_places, exports, facts, graph, queries, scope, search
from actorgraph.store import documents as docs
from actorgraph.store import network as net
from actorgraph.store import runs as _runs
from actorgraph.store._db import Database
from actorgraph.store.changes import Changes
from actorgraph.store.documents import AnnotatedDocument, DocumentInfo, DocumentRow
from actorgraph.store.filters import Filters
from actorgraph.store.rows import ActorRow, Profile, QuoteRow, Span
from actorgraph.store.runs import Run


class Reads:
    """Everything a Store answers without writing."""

    _db: Database

    # -- actors ----------------------------------------------------------------------

    def summary(self) -> dict[str, Any]:
        """Return counts, actors per type, top relations and top speakers."""
        return queries.summary(self._db)

    def actors(
        self, type: str | None = None, limit: int = 100, *, flt: Filters | None = None
    ) -> list[ActorRow]:
        """Return actors (of one entity type, if given), most mentioned first; with filters
        on mentions, counting only the mentions they keep."""
        return queries.actors(self._db, type=type, limit=limit, flt=flt)

    def aliases_of(self, ids: Sequence[str]) -> dict[str, list[str]]:
        """Return the names each of these actors is mentioned by, sorted, by actor id."""
        return queries.aliases_of(self._db, ids)

    def actors_by_id(self, ids: Sequence[str]) -> dict[str, ActorRow]:
        """Return the actors with these ids, by id; ids of no actor are left out."""
        return queries.actor_rows(self._db, ids)

    def find_actors(self, query: str, limit: int = 10) -> list[tuple[ActorRow, float]]:
        """Return actors whose name or an alias matches ``query``, with a 0-100 score."""
        return search.find_actors(self._db, query, limit=limit)

    def matching_ids(self, query: str) -> list[str]:
        """Return the ids of the actors ``query`` names: exact matches if any, else fuzzy ones."""
        return search.matching_ids(self._db, query)

    def actor_named(self, ref: str) -> tuple[str, str]:
        """Return (id, name) of the actor ``ref`` names: its id, or its one exact name.

        Raises NotFoundError when nothing matches and AmbiguousError (listing the
        candidates) when the name fits several actors equally.
        """
        rows = queries.actor_rows(self._db, [ref])
        if ref in rows:
            return rows[ref].id, rows[ref].name
        found = self.find_actors(ref, limit=10)
        exact = [row for row, score in found if score >= 100.0]
        if len(exact) == 1:
            return exact[0].id, exact[0].name
        if not found:
            raise NotFoundError(f"no actor matches {ref!r}")
        listed = [(row.id, row.name) for row in (exact or [r for r, _ in found])]
        names = ", ".join(f"{name} ({id_})" for id_, name in listed)
        raise AmbiguousError(f"{ref!r} names several actors: {names}; give an id", listed)

    def actor_profile(self, actor_id: str) -> Profile:
        """Return an actor's aliases, documents, quotes, relations and events."""
        return queries.profile(self._db, actor_id)

    # -- facts -----------------------------------------------------------------------

    def quotes(
        self, speaker: str | None = None, limit: int = 100, *, flt: Filters | None = None
    ) -> list[QuoteRow]:
        """Return quotes, newest first; ``speaker`` keeps those of the actors it names."""
        speakers = None if speaker is None else search.matching_ids(self._db, speaker)
        return queries.quotes(self._db, speakers=speakers, limit=limit, flt=flt)

    def quotes_of(
        self, speakers: Sequence[str] | None, *, limit: int = 100, flt: Filters | None = None
    ) -> list[QuoteRow]:
        """Return quotes, newest first, by the actors with these ids (None: by anyone)."""
        return queries.quotes(self._db, speakers=speakers, limit=limit, flt=flt)

    def relations(
        self,
        actor: str | None = None,
        *,
        predicate: str | None = None,
        limit: int = 100,
        flt: Filters | None = None,
    ) -> list[facts.RelationFact]:
        """Return relations, newest first; ``actor`` keeps those of the actors it names."""
        ids = None if actor is None else search.matching_ids(self._db, actor)
        return self.relations_of(ids, predicate=predicate, limit=limit, flt=flt)

    def relations_of(
        self,
        actor_ids: Sequence[str] | None,
        *,
        predicate: str | None = None,
        limit: int = 100,
        flt: Filters | None = None,
    ) -> list[facts.RelationFact]:
        """Return relations, newest first, touching the actors with these ids (None: any)."""
        return facts.relation_facts(
            self._db, actor_ids=actor_ids, predicate=predicate, limit=limit, flt=flt
        )

    def events(
        self,
        *,
        type: str | None = None,
        since: str | None = None,
        until: str | None = None,
        actor: str | None = None,
        limit: int = 100,
        flt: Filters | None = None,
    ) -> list[facts.EventFact]:
        """Return events, most recent first, filtered by type, date range and actor."""
        ids = None if actor is None else search.matching_ids(self._db, actor)
        return self.events_of(ids, type=type, since=since, until=until, limit=limit, flt=flt)

    def events_of(
        self,
        actor_ids: Sequence[str] | None,
        *,
        type: str | None = None,
        since: str | None = None,
        until: str | None = None,
        limit: int = 100,
        flt: Filters | None = None,
    ) -> list[facts.EventFact]:
        """Return events, most recent first, with one of the actors with these ids (None:
        any), of a type and dated within [since, until]; a range leaves undated ones out."""
        return facts.event_facts(
            self._db,
            type=type,
            since=since,
            until=until,
            actor_ids=actor_ids,
            limit=limit,
            flt=flt,
        )

    def timeline(
        self,
        *,
        since: str | None = None,
        until: str | None = None,
        limit: int = 100,
        offset: int = 0,
        flt: Filters | None = None,
    ) -> tuple[list[facts.EventFact], int]:
        """Return one page of all events, earliest first (undated last), and how many there are.

        The events are sorted from the first ``facts.MAX_TIMELINE`` of them, newest first.
        """
        return facts.event_timeline(
            self._db, since=since, until=until, limit=limit, offset=offset, flt=flt
        )

    def events_on_map(
        self,
        actor_ids: Sequence[str] | None = None,
        *,
        type: str | None = None,
        limit: int = 5000,
        flt: Filters | None = None,
    ) -> event_places.PlacedEvents:
        """Return events, most recent first, each with the place it is best shown at (its
        coordinates if known) and its killed and injured counts, and how many there are."""
        return event_places.placed_events(
            self._db, type=type, actor_ids=actor_ids, limit=limit, flt=flt
        )

    def count(
        self,
        kind: Literal["actors", "relations", "events", "quotes"],
        *,
        flt: Filters | None = None,
        type: str | None = None,
        predicate: str | None = None,
    ) -> int:
        """Return how many rows the listing of ``kind`` holds within ``flt`` (no limit)."""
        if kind == "actors":
            return queries.count_actors(self._db, type=type, flt=flt)
        if kind == "relations":
            return facts.count_relations(self._db, predicate=predicate, flt=flt)
        if kind == "events":
            return facts.count_events(self._db, type=type, flt=flt)
        return queries.count_quotes(self._db, flt=flt)

    def filters(self, **typed: Any) -> Filters:
        """Return the :class:`Filters` that what a user typed stands for (``scope.resolve``)."""
        return scope.resolve(self._db, **typed)

    def evidence_of(self, kind: str, ids: Sequence[str]) -> dict[str, tuple[Span, ...]]:
        """Return every evidence span (with its text) of these relations, events or quotes."""
        column = {"relation": "relation_id", "event": "event_id", "quote": "quote_id"}[kind]
        return exports.evidence(self._db, column, ids)

    def corroborated_relations(
        self, actor: str | None = None, *, predicate: str | None = None
    ) -> list[CorroboratedRelation]:
        """Return relations grouped across documents: one row per (subject, predicate, object).

        Each row has its evidence, its document count, its count of distinct sources (a
        reprinted wire story counts once) and its conflicts (asserted vs denied, two leaders
        of one group at once). ``actor`` keeps the facts of the actors it names.
        """
        ids = None if actor is None else search.matching_ids(self._db, actor)
        if ids is not None and not ids:
            return []
        claims = facts.claims(self._db, actor_ids=ids, predicate=predicate)
        if ids is not None:  # rivals: leaders of the same groups, stated about others
            groups = sorted({c.object_id for c in claims if c.predicate in corroborate.EXCLUSIVE})
            seen = {c.relation_id for c in claims}
            for pred in sorted(corroborate.EXCLUSIVE):
                more = facts.claims(self._db, object_ids=groups, predicate=pred) if groups else []
                claims += [c for c in more if c.relation_id not in seen]
        return corroborate.group_claims(claims, focus=ids)

    # -- graphs ----------------------------------------------------------------------

    def neighbourhood(
        self, actor_id: str, *, depth: int = 2, limit: int = 50
    ) -> graph.Neighbourhood:
        """Return the actors up to ``depth`` relations away, the ``limit`` strongest per hop.

        Raises NotFoundError if there is no such actor (see ``graph.neighbourhood``).
        """
        return graph.neighbourhood(self._db, actor_id, depth=depth, limit=limit)

    def links(self, actor_ids: Sequence[str], *, limit: int = 5000) -> list[graph.Link]:
        """Return the relations among ``actor_ids`` (both ends in it), newest first."""
        return graph.links(self._db, actor_ids, limit=limit)

    def network(self, flt: net.NetworkFilters, *, max_edges: int = net.MAX_EDGES) -> net.Network:
        """Return the whole actor network within ``flt``, one edge per fact (``store.network``)."""
        return net.network(self._db, flt, max_edges=max_edges)

    def network_edge(
        self, flt: net.NetworkFilters, source: str, predicate: str, target: str
    ) -> CorroboratedRelation | None:
        """Return the fact of one network edge with the claims ``flt`` keeps, or None."""
        return net.network_edge(self._db, flt, source, predicate, target)

    def network_facets(self) -> net.Facets:
        """Return the entity types, actor kinds and predicates the network can be filtered on."""
        return net.facets(self._db)

    def actor_timeline(
        self, actor_id: str, *, limit: int = 50, offset: int = 0
    ) -> graph.TimelinePage:
        """Return one page of the events an actor takes part in, oldest first, undated last.

        Raises NotFoundError if there is no such actor.
        """
        return graph.timeline(self._db, actor_id, limit=limit, offset=offset)

    # -- ingest runs and what they changed -------------------------------------------

    def runs(self, *, limit: int = 50) -> tuple[list[Run], int]:
        """Return the latest ingest runs, newest first, and how many are recorded."""
        return _runs.runs(self._db, limit=limit), _runs.count(self._db)

    def run(self, run_id: int) -> Run:
        """Return one ingest run; NotFoundError if there is none with this id."""
        return _runs.get(self._db, run_id)

    def changes(
        self, *, run: int | None = None, since: str | None = None, limit: int = 100
    ) -> Changes:
        """Return what one run added (the latest by default), or the runs started since a
        date or time (``since``: ISO 8601, UTC); each section cut to ``limit`` items.

        NotFoundError when ``run`` is no run, or no run is recorded at all.
        """
        if run is not None and since is not None:
            raise ValueError("give a run or a date to list the changes since, not both")
        if since is not None:
            return _changes.changes(self._db, _runs.since(self._db, since), limit=limit)
        if run is None:
            latest = _runs.runs(self._db, limit=1)
            if not latest:
                raise NotFoundError(
                    "no ingest run is recorded in this store yet: runs are recorded from "
                    "this version on, by `actorgraph ingest` and `actorgraph load`"
                )
            run = latest[0].id
        return _changes.changes(self._db, [_runs.get(self._db, run).id], limit=limit)

    # -- documents and exports -------------------------------------------------------

    def documents(
        self, *, limit: int = 50, offset: int = 0, flt: Filters | None = None
    ) -> tuple[list[DocumentRow], int]:
        """Return one page of documents' metadata and counts, newest first, and how many
        there are (within ``flt``: its dates, on publication, and documents)."""
        return docs.documents(self._db, limit=limit, offset=offset, flt=flt)

    def documents_by_id(self, ids: Iterable[str]) -> dict[str, DocumentInfo]:
        """Return the metadata of the documents with these ids, by id."""
        return docs.documents_by_id(self._db, ids)

    def document(self, document_id: str) -> AnnotatedDocument:
        """Return a document's text with its mentions, quotes and every fact's evidence.

        Raises NotFoundError if there is no such document.
        """
        return docs.document(self._db, document_id)

    def export_reader(self) -> exports.Reader:
        """Return a reader of whole tables for the exports (documents loaded at once)."""
        return exports.Reader(self._db)

    def last_modified(self) -> str | None:
        """Return the day (YYYY-MM-DD) a document was last added or updated, None if none was."""
        return exports.last_modified(self._db)

    def check(self) -> list[str]:
        """Return the problems found (see ``store.checks``): broken keys, spans outside or
        unlike their document, facts without evidence, rows linked across documents or to
        the wrong actor, documents without stage runs, stale sort keys."""
        return checks.check_store(self._db)
