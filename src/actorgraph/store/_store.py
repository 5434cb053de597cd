"""The Store: documents, analyses and actors, the same on every engine."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import replace
from types import TracebackType
from typing import TYPE_CHECKING, Any, Literal

from actorgraph.errors import AmbiguousError, NotFoundError, StoreError
from actorgraph.model import Analysis, text_id
from actorgraph.store import _edit, _write, checks, facts, queries, search
from actorgraph.store._db import Database
from actorgraph.store._index import SQLActorIndex
from actorgraph.store._rows import Rows, build_rows
from actorgraph.store.migrations import migrate
from actorgraph.store.rows import ActorRow, Profile, QuoteRow

if TYPE_CHECKING:
    # Imported where used: actorgraph.resolve imports the store's identity module.
    from actorgraph.resolve.corroborate import Claim, CorroboratedRelation
    from actorgraph.resolve.decisions import Decision
    from actorgraph.resolve.resolver import Resolution

SaveResult = Literal["added", "unchanged", "updated"]
_RESOLUTION = 2  # the migration that adds the actor key index


class Store:
    """Documents, their analyses and the actors they name, in SQLite or PostgreSQL.

    A store holds one connection (open one store per thread) and writes one document per
    transaction. Run the pipeline in workers and save each result from one writer.
    """

    def __init__(self, db: Database) -> None:
        """Take over ``db`` and migrate it; ``db`` is closed if migrating fails."""
        self._db = db
        try:
            if _RESOLUTION in migrate(db):
                self._index_stored_entities()
        except BaseException as exc:
            db.close()
            if isinstance(exc, db.error):
                raise StoreError(
                    f"cannot open the store at {db.location}: {exc}; is it an actorgraph store?"
                ) from exc
            raise

    @property
    def engine(self) -> str:
        """Return ``"sqlite"`` or ``"postgresql"``."""
        return self._db.engine

    @property
    def location(self) -> str:
        """Return the store's path or URL (without a password)."""
        return self._db.location

    # -- writing ---------------------------------------------------------------------

    def save(self, analysis: Analysis) -> SaveResult:
        """Store one analysed document in one transaction.

        Returns "unchanged" when the stored stage versions equal the analysis's (nothing
        is written), "updated" when some differ (the rows of those stages are replaced)
        and "added" for a new document. Raises StoreError, having written nothing, for an
        analysis with a fact the store refuses (no evidence, span outside the text).
        """
        doc = analysis.document
        if doc.id != text_id(doc.text):
            raise StoreError(
                f"document {doc.id[:12]}: id is not the SHA-256 of its text; "
                "build documents with Document.from_text"
            )
        new_versions = dict(analysis.stages)
        if self.stage_versions(doc.id) == new_versions:
            return "unchanged"
        build_rows(analysis)  # refuse a bad analysis before taking the write lock
        with self._transaction():
            # Read again under the write lock: another writer may have saved it meanwhile.
            stored = self.stage_versions(doc.id)
            if stored == new_versions:
                return "unchanged"
            if stored is None:
                groups, stages = frozenset(_write.GROUPS), set(new_versions)
            else:
                groups = _write.changed_groups(stored, new_versions)
                stages = {
                    s
                    for s in set(stored) | set(new_versions)
                    if stored.get(s) != new_versions.get(s)
                }
            entities = "entities" in groups

            def rebuild() -> Rows:
                # Called once this document's old rows are gone: re-resolved entities do
                # not find themselves, so a re-save resolves as the first save did.
                if entities:
                    chosen = {r.local_id: r.actor_id for r in self.resolve(analysis)}
                else:
                    chosen = self._stored_actors(doc.id)
                return build_rows(analysis, chosen)

            _write.write(
                self._db,
                analysis,
                Rows(),
                groups=groups,
                stages=stages,
                new=stored is None,
                rebuild=rebuild,
            )
        return "added" if stored is None else "updated"

    def resolve(self, analysis: Analysis) -> list[Resolution]:
        """Return the actor each entity of ``analysis`` would join, with the reason.

        Nothing is written. For a stored document the answer counts its own rows too; a
        save re-resolves without them.
        """
        from actorgraph.resolve.resolver import resolve_entities

        return resolve_entities(SQLActorIndex(self._db), analysis)

    def _stored_actors(self, document_id: str) -> dict[str, str]:
        return {
            local: actor
            for local, actor in self._db.execute(
                "SELECT local_id, actor_id FROM entities WHERE document_id = ?", (document_id,)
            )
        }

    def _index_stored_entities(self) -> None:
        """Fill the key index for entities saved before it existed (m002 on an old store)."""
        from actorgraph.resolve.keys import names_of

        aliases: dict[tuple[str, str], list[str]] = {}
        for doc, local, alias in self._db.execute(
            "SELECT document_id, local_id, alias FROM actor_aliases "
            "ORDER BY document_id, local_id, alias"
        ):
            aliases.setdefault((doc, local), []).append(alias)
        rows = [
            (doc, local, key, actor)
            for doc, local, name, type_, actor in self._db.execute(
                "SELECT document_id, local_id, name, type, actor_id FROM entities"
            ).fetchall()
            for key in sorted(names_of(name, aliases.get((doc, local), []), type_).index_keys)
        ]
        with self._db.transaction():
            self._db.executemany(_write.insert_sql("actor_keys"), rows)

    # -- fixing identity -----------------------------------------------------------------

    def merge_actors(self, keep: str, other: str) -> None:
        """Make ``other``'s mentions, aliases and facts ``keep``'s; remember it on re-ingest."""
        with self._transaction():
            _edit.merge(self._db, keep, other)

    def split_actor(
        self, actor: str, *, document: str | None = None, alias: str | None = None
    ) -> str:
        """Move the entities of ``document`` (or named ``alias``) to a new actor; return its id.

        The decision is kept: re-saving the document, or a later document with that alias,
        lands on the new actor.
        """
        with self._transaction():
            return _edit.split(self._db, actor, document=document, alias=alias)

    def add_alias(self, actor: str, name: str) -> None:
        """Record that ``name`` names ``actor``, so documents saved later with it join."""
        with self._transaction():
            _edit.add_alias(self._db, actor, name)

    def decisions(self) -> list[Decision]:
        """Return the merge, split and alias decisions, oldest first."""
        return SQLActorIndex(self._db).decisions()

    @contextmanager
    def _transaction(self) -> Iterator[None]:
        try:
            with self._db.transaction():
                yield
        except self._db.error as exc:
            raise StoreError(f"nothing was written: {exc}") from exc

    # -- resuming --------------------------------------------------------------------

    def has_document(self, document_id: str) -> bool:
        """Return whether a document with this id (the SHA-256 of its text) is stored."""
        row = self._db.execute("SELECT 1 FROM documents WHERE id = ?", (document_id,))
        return row.fetchone() is not None

    def stage_versions(self, document_id: str) -> dict[str, str] | None:
        """Return the stage versions that wrote a document's rows, or None if it is not stored."""
        rows = self._db.execute(
            "SELECT s.stage, s.version FROM documents d "
            "LEFT JOIN stage_runs s ON s.document_id = d.id WHERE d.id = ?",
            (document_id,),
        ).fetchall()
        if not rows:
            return None
        return {stage: version for stage, version in rows if stage is not None}

    def is_current(self, document_id: str, stages: dict[str, str]) -> bool:
        """Return whether the document is stored with exactly these stage versions.

        A batch calls this before analysing, to skip documents a save would leave unchanged.
        """
        return self.stage_versions(document_id) == dict(stages)

    def document_versions(self) -> dict[str, dict[str, str]]:
        """Return every stored document id with its stage versions, to resume a batch."""
        found: dict[str, dict[str, str]] = {}
        for doc_id, stage, version in self._db.execute(
            "SELECT d.id, s.stage, s.version FROM documents d "
            "LEFT JOIN stage_runs s ON s.document_id = d.id"
        ):
            versions = found.setdefault(doc_id, {})
            if stage is not None:
                versions[stage] = version
        return found

    # -- reading ---------------------------------------------------------------------

    def summary(self) -> dict[str, Any]:
        """Return counts, actors per type, top relations and top speakers."""
        return queries.summary(self._db)

    def actors(self, type: str | None = None, limit: int = 100) -> list[ActorRow]:
        """Return actors (of one entity type, if given), most mentioned first."""
        return queries.actors(self._db, type=type, limit=limit)

    def find_actors(self, query: str, limit: int = 10) -> list[tuple[ActorRow, float]]:
        """Return actors whose name or an alias matches ``query``, with a 0-100 score."""
        return search.find_actors(self._db, query, limit=limit)

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

    def quotes(self, speaker: str | None = None, limit: int = 100) -> list[QuoteRow]:
        """Return quotes, newest first; ``speaker`` keeps those of the actors it names."""
        speakers = None if speaker is None else search.matching_ids(self._db, speaker)
        return queries.quotes(self._db, speakers=speakers, limit=limit)

    def relations(
        self, actor: str | None = None, *, predicate: str | None = None, limit: int = 100
    ) -> list[facts.RelationFact]:
        """Return relations, newest first; ``actor`` keeps those of the actors it names."""
        ids = None if actor is None else search.matching_ids(self._db, actor)
        return facts.relation_facts(self._db, actor_ids=ids, predicate=predicate, limit=limit)

    def events(
        self,
        *,
        type: str | None = None,
        since: str | None = None,
        until: str | None = None,
        actor: str | None = None,
        limit: int = 100,
    ) -> list[facts.EventFact]:
        """Return events, most recent first, filtered by type, date range and actor."""
        ids = None if actor is None else search.matching_ids(self._db, actor)
        return facts.event_facts(
            self._db, type=type, since=since, until=until, actor_ids=ids, limit=limit
        )

    def corroborated_relations(
        self, actor: str | None = None, *, predicate: str | None = None
    ) -> list[CorroboratedRelation]:
        """Return relations grouped across documents: one row per (subject, predicate, object).

        Each row has its evidence, its document count, its count of distinct sources (a
        reprinted wire story counts once) and its conflicts (asserted vs denied, two leaders
        of one group at once). ``actor`` keeps the facts of the actors it names.
        """
        from actorgraph.resolve import corroborate

        ids = None if actor is None else search.matching_ids(self._db, actor)
        if ids is not None and not ids:
            return []
        claims = _claims(self._db, actor_ids=ids, predicate=predicate)
        if ids is not None:  # rivals: leaders of the same groups, stated about others
            groups = sorted({c.object_id for c in claims if c.predicate in corroborate.EXCLUSIVE})
            seen = {c.relation_id for c in claims}
            for pred in sorted(corroborate.EXCLUSIVE):
                more = _claims(self._db, object_ids=groups, predicate=pred) if groups else []
                claims += [c for c in more if c.relation_id not in seen]
        return corroborate.group_claims(claims, focus=ids)

    def check(self) -> list[str]:
        """Return the problems found (see ``store.checks``): broken keys, spans outside or
        unlike their document, facts without evidence, rows linked across documents or to
        the wrong actor, documents without stage runs, stale sort keys."""
        return checks.check_store(self._db)

    # -- lifetime --------------------------------------------------------------------

    def close(self) -> None:
        """Close the connection."""
        self._db.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()


def _marks(values: list[str]) -> str:
    return ", ".join("?" for _ in values)


def _claims(
    db: Database,
    *,
    actor_ids: list[str] | None = None,
    object_ids: list[str] | None = None,
    predicate: str | None = None,
) -> list[Claim]:
    """Return relations as claims, with what tells their sources apart."""
    from actorgraph.resolve import corroborate

    where: list[str] = []
    params: list[object] = []
    if actor_ids is not None:
        marks = _marks(actor_ids)
        where.append(f"(r.subject_actor_id IN ({marks}) OR r.object_actor_id IN ({marks}))")
        params += [*actor_ids, *actor_ids]
    if object_ids is not None:
        where.append(f"r.object_actor_id IN ({_marks(object_ids)})")
        params += object_ids
    if predicate is not None:
        where.append("r.predicate = ?")
        params.append(predicate)
    window = corroborate.CREDIT_WINDOW
    rows = db.execute(
        "SELECT r.id, r.document_id, d.title, d.published, d.publisher, r.subject_actor_id, "
        "s.name, r.predicate, r.object_actor_id, o.name, r.role, r.modality, r.valid_start, "
        "r.valid_end, a.name, r.confidence, r.start_char, r.end_char, "
        "SUBSTR(d.text, r.start_char + 1, r.end_char - r.start_char), "
        f"SUBSTR(d.text, 1, {window}), "
        f"CASE WHEN LENGTH(d.text) > {window} "
        f"THEN SUBSTR(d.text, LENGTH(d.text) - {window - 1}, {window}) ELSE '' END "
        "FROM relations r JOIN documents d ON d.id = r.document_id "
        "JOIN actors s ON s.id = r.subject_actor_id JOIN actors o ON o.id = r.object_actor_id "
        "LEFT JOIN actors a ON a.id = r.attributed_actor_id "
        + (f"WHERE {' AND '.join(where)} " if where else "")
        + "ORDER BY r.document_id, r.start_char, r.id",
        params,
    )
    return [
        replace(corroborate.Claim(*row[:19]), wire=corroborate.wire_credit(row[19], row[20]))
        for row in rows
    ]
