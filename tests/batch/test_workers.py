"""Ingest with worker processes: the same store as in-process, failures per document."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from batch_samples import contents, die_on_kill, fail_on_boom, write_corpus

from actorgraph.batch.local import IngestReport, ingest
from actorgraph.store import open_store


def _ingest(corpus: Path, db: Path, workers: int, **kw: Any) -> IngestReport:
    with open_store(db) as store:
        return ingest([corpus], store, workers=workers, **kw)


def test_workers_two_processes_store_what_one_does(tmp_path: Path) -> None:
    corpus = corpus_of(tmp_path / "corpus")
    one = _ingest(corpus, tmp_path / "one.db", workers=1)
    two = _ingest(corpus, tmp_path / "two.db", workers=2)
    assert (one.added, one.failed) == (20, 0)
    assert (two.added, two.failed) == (20, 0)
    assert 1 <= len(two.worker_max_rss_kib) <= 2  # which worker takes which batch varies
    counts, docs, actors, relations = contents(tmp_path / "two.db")
    assert counts["documents"] == 20 and counts["actors"] > 0
    assert (counts, docs, actors, relations) == contents(tmp_path / "one.db")
    again = _ingest(corpus, tmp_path / "two.db", workers=2)
    assert again.line() == "documents: 0 added, 20 unchanged, 0 updated, 0 failed"


# The next tests fork workers from this process, which has the model loaded (the ``nlp``
# fixture): they start at once, where spawned ones load it again. Spawn is the default and
# is what the test above and the CLI tests run.


def test_workers_failing_document_is_reported_others_stored(tmp_path: Path, nlp: Any) -> None:
    corpus = corpus_of(tmp_path / "corpus", odd={7: "BOOM said General Omar Tahir in Kirkuk.\n"})
    kw: dict[str, Any] = {"analyse": fail_on_boom, "start_method": "fork"}
    report = _ingest(corpus, tmp_path / "s.db", workers=2, **kw)
    assert (report.added, report.failed) == (19, 1)
    (failure,) = report.failures
    assert failure.source.endswith("doc07.txt") and "ValueError('boom')" in failure.message
    again = _ingest(corpus, tmp_path / "s.db", workers=2, **kw)
    assert (again.added, again.unchanged, again.failed) == (0, 19, 1)


def test_workers_killed_worker_fails_its_document_only(tmp_path: Path, nlp: Any) -> None:
    corpus = corpus_of(tmp_path / "corpus", odd={11: "KILLME said General Omar Tahir.\n"})
    kw: dict[str, Any] = {"analyse": die_on_kill, "start_method": "fork"}
    report = _ingest(corpus, tmp_path / "s.db", workers=2, **kw)
    assert (report.added, report.failed) == (19, 1)
    (failure,) = report.failures
    assert failure.source.endswith("doc11.txt") and "died" in failure.message


def corpus_of(folder: Path, n: int = 20, *, odd: dict[int, str] | None = None) -> Path:
    return write_corpus(folder, n, odd=odd)
