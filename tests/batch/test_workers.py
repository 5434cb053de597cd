"""Ingest with worker processes: the same store as in-process, failures per document."""

from __future__ import annotations

import os
import signal
import sqlite3
from pathlib import Path
from typing import Any

from actorgraph.batch.local import IngestReport, ingest
from actorgraph.model import Analysis
from actorgraph.pipeline.analyze import analyze_parsed
from actorgraph.pipeline.nlp import ParsedDoc
from actorgraph.store import open_store

PEOPLE = ("Omar Tahir", "Leila Haddad", "Karim Aziz", "Sara Nouri", "Hassan Jaber")
PLACES = ("Kirkuk", "Mosul", "Basra", "Erbil")


def _corpus(folder: Path, n: int = 20, *, odd: dict[int, str] | None = None) -> Path:
    folder.mkdir()
    for i in range(n):
        person, place = PEOPLE[i % len(PEOPLE)], PLACES[i % len(PLACES)]
        text = (
            f"Report {i}. General {person} of the Eastern Army said on Tuesday that his "
            f'troops had reached {place}. "We are ready," {person.split()[1]} said. '
            f"Amnesty International criticised the operation in statement {i}.\n"
        )
        (folder / f"doc{i:02d}.txt").write_text((odd or {}).get(i, text), encoding="utf-8")
    return folder


def _contents(db: Path) -> tuple[dict[str, int], set[str], set[str]]:
    with sqlite3.connect(db) as conn:
        tables = [
            name
            for (name,) in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")
            if not name.startswith("sqlite_") and name != "schema_migrations"
        ]
        counts = {t: int(conn.execute(f'SELECT COUNT(*) FROM "{t}"').fetchone()[0]) for t in tables}
        docs = {row[0] for row in conn.execute("SELECT id FROM documents")}
        actors = {row[0] for row in conn.execute("SELECT id FROM actors")}
    return counts, docs, actors


def _ingest(corpus: Path, db: Path, workers: int, **kw: Any) -> IngestReport:
    with open_store(db) as store:
        return ingest([corpus], store, workers=workers, **kw)


def _fail_on_boom(parsed: ParsedDoc) -> Analysis:
    """Analyse as usual, but raise on a text with BOOM (module-level: workers import it)."""
    if "BOOM" in parsed.text:
        raise ValueError("boom")
    return analyze_parsed(parsed)


def _die_on_kill(parsed: ParsedDoc) -> Analysis:
    """Kill the worker process on a text with KILLME, as the out-of-memory killer would."""
    if "KILLME" in parsed.text:
        os.kill(os.getpid(), signal.SIGKILL)
    return analyze_parsed(parsed)


def test_workers_two_processes_store_what_one_does(tmp_path: Path) -> None:
    corpus = _corpus(tmp_path / "corpus")
    one = _ingest(corpus, tmp_path / "one.db", workers=1)
    two = _ingest(corpus, tmp_path / "two.db", workers=2)
    assert (one.added, one.failed) == (20, 0)
    assert (two.added, two.failed) == (20, 0)
    assert 1 <= len(two.worker_max_rss_kib) <= 2  # which worker takes which batch varies
    counts, docs, actors = _contents(tmp_path / "two.db")
    assert counts["documents"] == 20 and counts["actors"] > 0
    assert (counts, docs, actors) == _contents(tmp_path / "one.db")
    again = _ingest(corpus, tmp_path / "two.db", workers=2)
    assert again.line() == "documents: 0 added, 20 unchanged, 0 updated, 0 failed"


# The next tests fork workers from this process, which has the model loaded (the ``nlp``
# fixture): they start at once, where spawned ones load it again. Spawn is the default and
# is what the test above and the CLI tests run.


def test_workers_failing_document_is_reported_others_stored(tmp_path: Path, nlp: Any) -> None:
    corpus = _corpus(tmp_path / "corpus", odd={7: "BOOM said General Omar Tahir in Kirkuk.\n"})
    kw: dict[str, Any] = {"analyse": _fail_on_boom, "start_method": "fork"}
    report = _ingest(corpus, tmp_path / "s.db", workers=2, **kw)
    assert (report.added, report.failed) == (19, 1)
    (failure,) = report.failures
    assert failure.source.endswith("doc07.txt") and "ValueError('boom')" in failure.message
    again = _ingest(corpus, tmp_path / "s.db", workers=2, **kw)
    assert (again.added, again.unchanged, again.failed) == (0, 19, 1)


def test_workers_killed_worker_fails_its_document_only(tmp_path: Path, nlp: Any) -> None:
    corpus = _corpus(tmp_path / "corpus", odd={11: "KILLME said General Omar Tahir.\n"})
    kw: dict[str, Any] = {"analyse": _die_on_kill, "start_method": "fork"}
    report = _ingest(corpus, tmp_path / "s.db", workers=2, **kw)
    assert (report.added, report.failed) == (19, 1)
    (failure,) = report.failures
    assert failure.source.endswith("doc11.txt") and "died" in failure.message
