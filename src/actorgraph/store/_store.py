"""The Store: documents, analyses and actors, the same on every engine.

Writing, fixing identity and resuming are here; the reads are its base class
:class:`~actorgraph.store._reads.Reads`.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from types import TracebackType
from typing import Literal

from actorgraph.errors import StoreError
from actorgraph.model import Analysis, text_id
from actorgraph.resolve.decisions import Decision
from actorgraph.resolve.keys import names_of
from actorgraph.resolve.resolver import Resolution, resolve_entities
from actorgraph.store import _edit, _write, runs
from actorgraph.store._db import Database
from actorgraph.store._index import SQLActorIndex
from actorgraph.store._reads import Reads
from actorgraph.store._rows import Rows, build_rows
from actorgraph.store.migrations import is_store, migrate
from actorgraph.store.notebook import Notebook

SaveResult = Literal["added", "unchanged", "updated"]
_RESOLUTION = 2  # the migration that adds the actor key index


class Store(Reads, Notebook):
    """Documents, their analyses and the actors they name, in SQLite or PostgreSQL.

    A store holds one connection (open one store per thread) and writes one document per
    transaction. Run the pipeline in workers and save each result from one writer.
    """

    def __init__(self, db: Database, *, migrated: bool = False, create: bool = True) -> None:
        """Take over ``db`` and migrate it; ``db`` is closed if migrating fails.

        ``migrated`` skips the migration check, which takes the write lock: for the
        connections of a pool, once the store has been opened (and migrated) before.
        ``create=False`` refuses a database that holds no store yet (StoreError).
        """
        self._db = db
        self._run: int | None = None  # the ingest run open on this store, if any
        if migrated:
            return
        try:
            if not create and not is_store(db):
                raise StoreError(
                    f"no store at {db.location}: it holds no actorgraph tables; check --db "
                    "(or ACTORGRAPH_DB), or build one with `actorgraph ingest FILES`"
                )
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
                run=self._run,
            )
        return "added" if stored is None else "updated"

    def resolve(self, analysis: Analysis) -> list[Resolution]:
        """Return the actor each entity of ``analysis`` would join, with the reason.

        Nothing is written. For a stored document the answer counts its own rows too; a
        save re-resolves without them.
        """
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

    # -- ingest runs -------------------------------------------------------------------

    def begin_run(self, *, command: str, inputs: Sequence[str]) -> int:
        """Record the start of an ingest run; return its id.

        Until :meth:`end_run`, every save marks the rows it adds with this run, which is
        what ``changes`` lists. One run at a time per Store object.
        """
        if self._run is not None:
            raise StoreError(f"ingest run {self._run} is still open on this store")
        with self._transaction():
            self._run = runs.begin(self._db, command=command, inputs=inputs)
        return self._run

    def end_run(
        self,
        run_id: int,
        *,
        status: str = "done",
        unchanged: int = 0,
        failed: int = 0,
    ) -> runs.Run:
        """Close the run: its status (done, interrupted or failed), the documents it
        skipped as unchanged and failed on, and the counts of what it added."""
        self._run = None
        with self._transaction():
            runs.end(self._db, run_id, status=status, unchanged=unchanged, failed=failed)
        return runs.get(self._db, run_id)

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

    def in_transaction(self) -> bool:
        """Return whether a transaction was left open on the connection.

        The store's own transactions end with their block on both engines; only raw SQL
        could leave one open, and a SQLite connection says so (PostgreSQL answers False).
        """
        return self._db.in_transaction()

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
