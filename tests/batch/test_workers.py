"""Ingest with worker processes: the same store as in-process, failures per document."""

from __future__ import annotations

import multiprocessing
import os
import signal
import time
from pathlib import Path
from typing import Any

import pytest
from batch_samples import (
    DIE_ONCE,
    contents,
    die_on_kill,
    die_once,
    fail_on_boom,
    probe_dies_once,
    slow_on_slow,
    write_corpus,
)

from actorgraph.batch import _worker
from actorgraph.batch.local import IngestReport, ingest
from actorgraph.batch.workers import Reorder, WorkerPool, _join_workers
from actorgraph.model import Document
from actorgraph.pipeline.nlp import model_id
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
    found = contents(tmp_path / "two.db")
    assert found.counts()["documents"] == 20 and found.counts()["relations"] > 0
    assert contents(tmp_path / "one.db").diff(found) == []
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


def test_workers_store_in_input_order_whatever_finishes_first(tmp_path: Path, nlp: Any) -> None:
    # The first document takes longest: the other worker finishes the next ones first.
    corpus = corpus_of(tmp_path / "corpus", 8, odd={0: "SLOW said General Omar Tahir.\n"})
    seen: list[str] = []
    report = _ingest(
        corpus,
        tmp_path / "s.db",
        workers=2,
        batch_size=1,
        analyse=slow_on_slow,
        start_method="fork",
        progress=lambda source, status: seen.append(Path(source).name),
    )
    assert (report.added, report.failed) == (8, 0)
    assert seen == [f"doc{i:02d}.txt" for i in range(8)]


def test_workers_killed_worker_keeps_input_order_and_every_document(
    tmp_path: Path, nlp: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(DIE_ONCE, str(tmp_path / "died"))
    corpus = corpus_of(tmp_path / "corpus", 12, odd={5: "KILLONCE said General Omar Tahir.\n"})
    seen: list[str] = []
    report = _ingest(
        corpus,
        tmp_path / "s.db",
        workers=2,
        batch_size=2,
        analyse=die_once,
        start_method="fork",
        progress=lambda source, status: seen.append(Path(source).name),
    )
    assert (tmp_path / "died").exists()  # a worker did die
    assert (report.added, report.failed) == (12, 0)
    assert seen == [f"doc{i:02d}.txt" for i in range(12)]


def test_workers_document_alone_whose_worker_is_killed_once_is_stored(
    tmp_path: Path, nlp: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    # A worker killed from outside while analysing the last document alone: one death
    # is no proof that the document kills workers, so it is tried again.
    monkeypatch.setenv(DIE_ONCE, str(tmp_path / "died"))
    corpus = corpus_of(tmp_path / "corpus", 1, odd={0: "KILLONCE said General Omar Tahir.\n"})
    kw: dict[str, Any] = {"analyse": die_once, "start_method": "fork"}
    report = _ingest(corpus, tmp_path / "s.db", workers=2, **kw)
    assert (tmp_path / "died").exists()
    assert (report.added, report.failed) == (1, 0)


def test_workers_killed_while_starting_start_again(
    tmp_path: Path, nlp: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(DIE_ONCE, str(tmp_path / "died"))
    monkeypatch.setattr(_worker, "loaded_model_id", probe_dies_once)
    with WorkerPool(2, start_method="fork") as pool:
        assert (tmp_path / "died").exists()  # the first pool broke: this is the second
        assert pool.model_id == model_id(nlp)
        (result,) = pool.analyse_all(Document.from_text(f"Report {i}.") for i in range(3))
    assert len(result.analyses) == 3


def test_workers_reorder_releases_batches_in_submission_order() -> None:
    order: Reorder[str] = Reorder()
    first, second, third = order.add(2), order.add(1), order.add(3)
    order.put(second, 0, 1, "b")
    order.put(third, 2, 1, "c2")
    assert list(order.ready()) == []  # the first batch is still out
    order.put(first, 1, 1, "a1")
    order.put(first, 0, 1, "a0")  # a batch split after a worker died: parts by offset
    order.put(third, 0, 2, "c0")
    assert list(order.ready()) == ["a0", "a1", "b", "c0", "c2"]
    assert order.held == 0
    with pytest.raises(ValueError, match="not more"):
        order.put(order.add(1), 0, 2, "too many")


def test_workers_join_ends_the_others_once_one_died() -> None:
    # A worker killed while it holds the task queue's lock leaves the others waiting for
    # it: a pool closing after such a death must end them rather than wait forever.
    spawn = multiprocessing.get_context("spawn")
    stuck, killed = (spawn.Process(target=time.sleep, args=(120,)) for _ in range(2))
    stuck.start()
    killed.start()
    os.kill(killed.pid or 0, signal.SIGKILL)
    _join_workers([stuck, killed])
    assert (stuck.exitcode, killed.exitcode) == (-signal.SIGTERM, -signal.SIGKILL)
    done = spawn.Process(target=time.sleep, args=(0.01,))
    done.start()
    _join_workers([done])
    assert done.exitcode == 0
