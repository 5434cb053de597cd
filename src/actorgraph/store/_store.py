"""The Store: documents, analyses and actors, the same on every engine."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from types import TracebackType
from typing import Any, Literal

from actorgraph.errors import StoreError
from actorgraph.model import Analysis, text_id
from actorgraph.store import _write, facts, queries, search
from actorgraph.store._db import Database
from actorgraph.store._rows import build_rows
from actorgraph.store.migrations import migrate
from actorgraph.store.rows import ActorRow, Profile, QuoteRow

SaveResult = Literal["added", "unchanged", "updated"]


class Store:
    """Documents, their analyses and the actors they name, in SQLite or PostgreSQL.

    A store holds one connection (open one store per thread) and writes one document per
    transaction. Run the pipeline in workers and save each result from one writer.
    """

    def __init__(self, db: Database) -> None:
        """Take over ``db`` and migrate it; ``db`` is closed if migrating fails."""
        self._db = db
        try:
            migrate(db)
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
        rows = build_rows(analysis)
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
            _write.write(self._db, analysis, rows, groups=groups, stages=stages, new=stored is None)
        return "added" if stored is None else "updated"

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

    def check(self) -> list[str]:
        """Return the problems found: broken foreign keys, bad spans, mismatched texts."""
        return self._db.foreign_key_problems() + queries.check_spans(self._db)

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
