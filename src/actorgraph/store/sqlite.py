"""The SQLite store: one write connection, WAL, foreign keys on, one transaction per document."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from types import TracebackType
from typing import Any, Literal

from actorgraph.errors import StoreError
from actorgraph.model import Analysis, text_id
from actorgraph.store import _write, queries, search
from actorgraph.store._rows import build_rows
from actorgraph.store.migrations import migrate
from actorgraph.store.rows import ActorRow, Profile, QuoteRow

SaveResult = Literal["added", "unchanged", "updated"]


def open_store(path: str | Path) -> Store:
    """Open the SQLite store at ``path``, creating and migrating it as needed."""
    return Store(path)


class Store:
    """Documents, their analyses and the actors they name, in one SQLite file.

    The store holds a single connection and is its only writer; run the pipeline in
    workers and save each result here, one document per transaction.
    """

    def __init__(self, path: str | Path) -> None:
        self.path = Path(path)
        try:
            # Autocommit mode: every transaction is an explicit BEGIN ... COMMIT.
            self._conn = sqlite3.connect(self.path, isolation_level=None)
        except sqlite3.Error as exc:
            raise StoreError(
                f"cannot open the store at {self.path}: {exc}; check the path and permissions"
            ) from exc
        try:
            self._conn.execute("PRAGMA foreign_keys = ON")
            self._conn.execute("PRAGMA journal_mode = WAL")
            self._conn.execute("PRAGMA synchronous = NORMAL")
            self._conn.execute("PRAGMA busy_timeout = 5000")
            migrate(self._conn)
        except BaseException as exc:
            self._conn.close()
            if isinstance(exc, sqlite3.Error):
                raise StoreError(
                    f"cannot open the store at {self.path}: {exc}; is it an actorgraph store?"
                ) from exc
            raise

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
        stored = self.stage_versions(doc.id)
        if stored is not None and stored == new_versions:
            return "unchanged"
        rows = build_rows(analysis)
        if stored is None:
            groups, stages = frozenset(_write.GROUPS), set(new_versions)
        else:
            groups = _write.changed_groups(stored, new_versions)
            stages = {
                s for s in set(stored) | set(new_versions) if stored.get(s) != new_versions.get(s)
            }
        with self._transaction():
            _write.write(
                self._conn, analysis, rows, groups=groups, stages=stages, new=stored is None
            )
        return "added" if stored is None else "updated"

    @contextmanager
    def _transaction(self) -> Iterator[None]:
        self._conn.execute("BEGIN IMMEDIATE")
        try:
            yield
        except BaseException as exc:
            self._conn.execute("ROLLBACK")
            if isinstance(exc, sqlite3.Error):
                raise StoreError(f"nothing was written: {exc}") from exc
            raise
        self._conn.execute("COMMIT")

    # -- resuming --------------------------------------------------------------------

    def has_document(self, document_id: str) -> bool:
        """Return whether a document with this id (the SHA-256 of its text) is stored."""
        row = self._conn.execute("SELECT 1 FROM documents WHERE id = ?", (document_id,))
        return row.fetchone() is not None

    def stage_versions(self, document_id: str) -> dict[str, str] | None:
        """Return the stage versions that wrote a document's rows, or None if it is not stored."""
        rows = self._conn.execute(
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
        for doc_id, stage, version in self._conn.execute(
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
        return queries.summary(self._conn)

    def actors(self, type: str | None = None, limit: int = 100) -> list[ActorRow]:
        """Return actors (of one entity type, if given), most mentioned first."""
        return queries.actors(self._conn, type=type, limit=limit)

    def find_actors(self, query: str, limit: int = 10) -> list[tuple[ActorRow, float]]:
        """Return actors whose name or an alias matches ``query``, with a 0-100 score."""
        return search.find_actors(self._conn, query, limit=limit)

    def actor_profile(self, actor_id: str) -> Profile:
        """Return an actor's aliases, documents, quotes, relations and events."""
        return queries.profile(self._conn, actor_id)

    def quotes(self, speaker: str | None = None, limit: int = 100) -> list[QuoteRow]:
        """Return quotes, newest first; ``speaker`` keeps those of the actors it names."""
        speakers = None if speaker is None else search.matching_ids(self._conn, speaker)
        return queries.quotes(self._conn, speakers=speakers, limit=limit)

    def check(self) -> list[str]:
        """Return the problems found: broken foreign keys, bad spans, mismatched texts."""
        problems = [
            f"{table} row {rowid}: foreign key to {parent} points at nothing"
            for table, rowid, parent, _ in self._conn.execute("PRAGMA foreign_key_check")
        ]
        return problems + queries.check_spans(self._conn)

    # -- lifetime --------------------------------------------------------------------

    def close(self) -> None:
        """Close the connection (checkpointing the WAL)."""
        self._conn.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()
