"""A small generated corpus, store snapshots and failing analysers shared by the batch tests.

The analysers are module-level so worker processes (local pools and Dask workers) can
import them by name.
"""

from __future__ import annotations

import os
import signal
import sqlite3
from pathlib import Path
from typing import Any

from actorgraph.model import Analysis
from actorgraph.pipeline.analyze import analyze_parsed
from actorgraph.pipeline.nlp import ParsedDoc

PEOPLE = ("Omar Tahir", "Leila Haddad", "Karim Aziz", "Sara Nouri", "Hassan Jaber")
PLACES = ("Kirkuk", "Mosul", "Basra", "Erbil")

Contents = tuple[dict[str, int], set[str], set[str], set[tuple[Any, ...]]]


def write_corpus(folder: Path, n: int, *, odd: dict[int, str] | None = None) -> Path:
    """Write ``n`` short reports (``odd`` replaces some texts) and return the folder."""
    folder.mkdir()
    for i in range(n):
        person, place = PEOPLE[i % len(PEOPLE)], PLACES[i % len(PLACES)]
        text = (
            f"Report {i}. General {person} of the Eastern Army said on Tuesday that his "
            f'troops had reached {place}. "We are ready," {person.split()[1]} said. '
            f"The Eastern Army is backed by Iran, according to Amnesty International, "
            f"which criticised the operation in statement {i}.\n"
        )
        (folder / f"doc{i:02d}.txt").write_text((odd or {}).get(i, text), encoding="utf-8")
    return folder


def contents(db: Path) -> Contents:
    """Rows per table, document ids, actor ids and relations (with their actors)."""
    with sqlite3.connect(db) as conn:
        tables = [
            name
            for (name,) in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")
            if not name.startswith("sqlite_") and name != "schema_migrations"
        ]
        counts = {t: int(conn.execute(f'SELECT COUNT(*) FROM "{t}"').fetchone()[0]) for t in tables}
        docs = {row[0] for row in conn.execute("SELECT id FROM documents")}
        actors = {row[0] for row in conn.execute("SELECT id FROM actors")}
        relations = set(
            conn.execute(
                "SELECT id, document_id, start_char, end_char, subject_actor_id, predicate, "
                "object_actor_id, modality, confidence FROM relations"
            )
        )
    return counts, docs, actors, relations


def fail_on_boom(parsed: ParsedDoc) -> Analysis:
    """Analyse as usual, but raise on a text with BOOM."""
    if "BOOM" in parsed.text:
        raise ValueError("boom")
    return analyze_parsed(parsed)


def die_on_kill(parsed: ParsedDoc) -> Analysis:
    """Kill the worker process on a text with KILLME, as the out-of-memory killer would."""
    if "KILLME" in parsed.text:
        os.kill(os.getpid(), signal.SIGKILL)
    return analyze_parsed(parsed)
