"""Consistency checks of a store: what ``actorgraph check`` reports.

Each check returns one line per problem (or per kind of problem, with a count and an
example, where one broken save would break many rows alike) and never writes. A store
written only by :meth:`Store.save` passes them all, interrupted or not: a document is
saved in one transaction, so a crash leaves it whole or absent.
"""

from __future__ import annotations

from actorgraph.store._db import Database


def check_store(db: Database) -> list[str]:
    """Return every problem: broken keys, spans, links between rows, stale sort keys."""
    return (
        db.foreign_key_problems()
        + check_spans(db)
        + check_evidence(db)
        + check_links(db)
        + check_sort_keys(db)
    )


# Tables with spans, the column that names a row in a report, and whether it stores text.
_SPANS: tuple[tuple[str, str, bool], ...] = (
    ("mentions", "local_id", True),
    ("dates", "text", True),
    ("quotes", "id", True),
    ("relations", "id", False),
    ("events", "id", False),
    ("event_casualties", "event_id", False),
    ("evidence", "id", False),
)
# A quote's optional inner spans: the words naming its speaker and the speech verb.
_QUOTE_PARTS: tuple[tuple[str, str, str], ...] = (
    ("speaker", "speaker_start", "speaker_text"),
    ("cue", "cue_start", "cue"),
)


def check_spans(db: Database) -> list[str]:
    """Return problems with spans: outside their document, or text that differs from it.

    Compared in Python one document at a time: SUBSTR per row would rescan long texts.
    """
    problems = []
    for (doc,) in db.execute("SELECT id FROM documents ORDER BY id").fetchall():
        (text,) = db.execute("SELECT text FROM documents WHERE id = ?", (doc,)).fetchone()
        for table, label, has_text in _SPANS:
            stored = "text" if has_text else "NULL"
            for name, start, end, words in db.execute(
                f"SELECT {label}, start_char, end_char, {stored} FROM {table} "
                "WHERE document_id = ?",
                (doc,),
            ):
                problems += _span_problems(
                    f"{table} {name!r}", doc, text, start, end, words if has_text else None
                )
        for part, start_column, text_column in _QUOTE_PARTS:
            end_column = start_column.replace("start", "end")
            for name, start, end, words in db.execute(
                f"SELECT id, {start_column}, {end_column}, {text_column} FROM quotes "
                f"WHERE document_id = ? AND {start_column} IS NOT NULL",
                (doc,),
            ):
                problems += _span_problems(f"quotes {name!r} {part}", doc, text, start, end, words)
    return problems


def _span_problems(
    what: str, doc: str, text: str, start: int, end: int | None, words: str | None
) -> list[str]:
    if end is None or not 0 <= start <= end <= len(text):
        return [
            f"{what} in document {doc[:12]}: span [{start}, {end}) lies outside the text "
            f"({len(text)} characters)"
        ]
    if words is not None and words != text[start:end]:
        return [
            f"{what} in document {doc[:12]} at [{start}, {end}): stored text {words!r} "
            f"differs from the document's {text[start:end]!r}"
        ]
    return []


_FACTS: tuple[tuple[str, str], ...] = (
    ("quotes", "quote_id"),
    ("relations", "relation_id"),
    ("events", "event_id"),
)


def check_evidence(db: Database) -> list[str]:
    """Return relations and events without evidence, and evidence (or the casualty counts
    and participants of an event) in another document than its fact.

    A quote is its own evidence: its evidence rows are optional.
    """
    problems = []
    for table, column in _FACTS[1:]:
        for (fact,) in db.execute(
            f"SELECT x.id FROM {table} x WHERE NOT EXISTS "
            f"(SELECT 1 FROM evidence e WHERE e.{column} = x.id) ORDER BY x.id"
        ):
            problems.append(f"{table} {fact}: no evidence row")
    for table, column in _FACTS:
        for evidence, fact in db.execute(
            f"SELECT e.id, x.id FROM evidence e JOIN {table} x ON x.id = e.{column} "
            "WHERE e.document_id <> x.document_id ORDER BY e.id"
        ):
            problems.append(f"evidence {evidence}: in another document than its {table} {fact}")
    for event, role, local in db.execute(
        "SELECT x.event_id, x.role, x.local_id FROM event_actors x "
        "JOIN events e ON e.id = x.event_id WHERE x.document_id <> e.document_id "
        "ORDER BY x.event_id, x.role, x.local_id"
    ):
        problems.append(f"event_actors {event} {role} {local}: in another document than its event")
    for event, seq in db.execute(
        "SELECT x.event_id, x.seq FROM event_casualties x "
        "JOIN events e ON e.id = x.event_id WHERE x.document_id <> e.document_id "
        "ORDER BY x.event_id, x.seq"
    ):
        problems.append(f"event_casualties {event} #{seq}: in another document than its event")
    return problems


# Every column that copies an entity's actor id, with the entity's local-id column beside
# it (the same list as store._edit's, which rewrites them together).
_ACTOR_COPIES: tuple[tuple[str, str, str], ...] = (
    ("mentions", "actor_id", "local_id"),
    ("actor_aliases", "actor_id", "local_id"),
    ("actor_keys", "actor_id", "local_id"),
    ("event_actors", "actor_id", "local_id"),
    ("quotes", "speaker_actor_id", "speaker_local_id"),
    ("relations", "subject_actor_id", "subject_local_id"),
    ("relations", "object_actor_id", "object_local_id"),
    ("relations", "attributed_actor_id", "attributed_local_id"),
    ("events", "attributed_actor_id", "attributed_local_id"),
    ("event_casualties", "attributed_actor_id", "attributed_local_id"),
)
# The stage whose run a document must record for it to have rows in a table.
_STAGE_OF: tuple[tuple[str, str], ...] = (
    ("entities", "entities"),
    ("dates", "dates"),
    ("quotes", "quotes"),
    ("relations", "relations"),
    ("events", "events"),
    ("event_casualties", "events"),
)


def check_links(db: Database) -> list[str]:
    """Return rows that disagree with the rows they belong to, and rows left alone.

    Copied actor ids that differ from their entity's, entities without mentions, actors
    no entity names, documents without stage runs, rows of a stage a document never ran.
    """
    problems = []
    for table, column, local in _ACTOR_COPIES:
        n, doc, name = _count_and_example(
            db,
            f"FROM {table} x LEFT JOIN entities e "
            f"ON e.document_id = x.document_id AND e.local_id = x.{local} "
            f"WHERE (x.{local} IS NULL AND x.{column} IS NOT NULL) "
            f"OR (e.local_id IS NOT NULL AND (x.{column} IS NULL OR x.{column} <> e.actor_id))",
            f"x.document_id, x.{local}",
        )
        if n:
            problems.append(
                f"{table}.{column}: {n} rows whose actor is not their entity's "
                f"(e.g. document {doc[:12]} entity {name}); re-save those documents"
            )
    n, doc, name = _count_and_example(
        db,
        "FROM entities e WHERE NOT EXISTS (SELECT 1 FROM mentions m "
        "WHERE m.document_id = e.document_id AND m.local_id = e.local_id)",
        "e.document_id, e.local_id",
    )
    if n:
        problems.append(
            f"entities: {n} without a mention (e.g. document {doc[:12]} entity {name}); "
            "re-save those documents"
        )
    for (actor,) in db.execute(
        "SELECT a.id FROM actors a WHERE NOT EXISTS "
        "(SELECT 1 FROM entities e WHERE e.actor_id = a.id) ORDER BY a.id"
    ):
        problems.append(f"actors {actor}: no entity names it")
    for (doc,) in db.execute(
        "SELECT d.id FROM documents d WHERE NOT EXISTS "
        "(SELECT 1 FROM stage_runs s WHERE s.document_id = d.id) ORDER BY d.id"
    ):
        problems.append(f"documents {doc}: no stage runs (half saved?); re-ingest it")
    for table, stage in _STAGE_OF:
        for (doc,) in db.execute(
            f"SELECT DISTINCT x.document_id FROM {table} x WHERE NOT EXISTS "
            "(SELECT 1 FROM stage_runs s WHERE s.document_id = x.document_id "
            "AND s.stage = ?) ORDER BY x.document_id",
            (stage,),
        ):
            problems.append(f"{table} of document {doc[:12]}: the stage {stage!r} has no run")
    return problems


def _count_and_example(db: Database, body: str, columns: str) -> tuple[int, str, str]:
    """Return how many rows ``body`` (FROM ... WHERE ...) selects, and the first one's keys."""
    (n,) = db.execute(f"SELECT COUNT(*) {body}").fetchone()
    if not n:
        return 0, "", ""
    doc, name = db.execute(f"SELECT {columns} {body} ORDER BY {columns}").fetchone()
    return int(n), str(doc), str(name)


def check_sort_keys(db: Database) -> list[str]:
    """Return the fact rows whose copied sort key (m004) differs from its source."""
    problems = []
    for table in ("mentions", "quotes", "relations"):
        (n,) = db.execute(
            f"SELECT COUNT(*) FROM {table} x JOIN documents d ON d.id = x.document_id "
            "WHERE x.published_key <> COALESCE(d.published, '')"
        ).fetchone()
        if n:
            problems.append(
                f"{table}: {n} rows whose published_key differs from their document's date; "
                "re-save those documents"
            )
    (n,) = db.execute(
        "SELECT COUNT(*) FROM event_actors x JOIN events e ON e.id = x.event_id "
        "WHERE x.date_key <> COALESCE(e.date_start, '') OR x.start_char <> e.start_char"
    ).fetchone()
    if n:
        problems.append(
            f"event_actors: {n} rows whose date_key or start_char differs from their event's; "
            "re-save those documents"
        )
    return problems
