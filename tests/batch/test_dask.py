"""Ingest on a local Dask cluster: the same store as a local ingest, shards that load."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from batch_samples import (
    contents,
    die_on_kill,
    fail_on_boom,
    slow_on_slow,
    write_corpus,
)
from click.testing import CliRunner
from dask import config as dask_config

from actorgraph.batch import dask
from actorgraph.batch.local import ingest as local_ingest
from actorgraph.batch.shards import load_shards, shard_paths
from actorgraph.cli.main import cli
from actorgraph.errors import ActorgraphError
from actorgraph.model import Document
from actorgraph.store import open_store
from actorgraph.store.snapshot import Snapshot


@pytest.fixture(scope="module")
def client() -> Iterator[Any]:
    """A local cluster of two worker processes (each loads the model once), per module.

    Dask gives up on a task at its first worker death here (not its fourth), so the test
    of a killed worker restarts workers twice rather than eight times.
    """
    with (
        dask_config.set({"distributed.scheduler.allowed-failures": 0}),
        dask.connect("local:2") as client,
    ):
        yield client


@pytest.fixture(scope="module")
def local_store(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Snapshot]:
    """The corpus and what an in-process ingest of it stores."""
    root = tmp_path_factory.mktemp("local")
    corpus = corpus_of(root / "corpus")
    with open_store(root / "local.db") as store:
        report = local_ingest([corpus], store, workers=1)
    assert (report.added, report.failed) == (10, 0)
    return corpus, contents(root / "local.db")


def test_dask_local_cluster_stores_what_local_ingest_does(
    client: Any, local_store: tuple[Path, Snapshot], tmp_path: Path
) -> None:
    corpus, expected = local_store
    seen: list[tuple[str, str]] = []
    with open_store(tmp_path / "dask.db") as store:
        report = dask.ingest(
            [corpus],
            store,
            client=client,
            partition_docs=3,
            in_flight=2,
            progress=lambda source, status: seen.append((source, status)),
        )
    assert report.line() == "documents: 10 added, 0 unchanged, 0 updated, 0 failed"
    assert len(client.scheduler_info()["workers"]) == 2
    assert 1 <= len(report.worker_max_rss_kib) <= 2  # which worker takes which partition varies
    assert sorted(seen) == sorted((str(p), "added") for p in corpus.iterdir())
    found = contents(tmp_path / "dask.db")
    assert found.counts()["documents"] == 10 and found.counts()["relations"] > 0
    assert expected.diff(found) == []
    with open_store(tmp_path / "dask.db") as store:
        again = dask.ingest([corpus], store, client=client)
    assert again.line() == "documents: 0 added, 10 unchanged, 0 updated, 0 failed"


def test_dask_out_writes_shards_that_load_into_the_same_store(
    client: Any, local_store: tuple[Path, Snapshot], tmp_path: Path
) -> None:
    corpus, expected = local_store
    with open_store(tmp_path / "dask.db") as store:
        report = dask.ingest([corpus], store, client=client, out=tmp_path / "shards")
        assert store.document_versions() == {}  # nothing stored: it went to the shards
    assert (report.written, report.failed, len(report.shards)) == (10, 0, 1)
    assert report.line() == (
        f"documents: 10 written to 1 shard in {tmp_path / 'shards'}, 0 unchanged, 0 failed; "
        f"load them with 'actorgraph load {tmp_path / 'shards'}'"
    )
    assert shard_paths(tmp_path / "shards") == report.shards
    with open_store(tmp_path / "dask.db") as store:
        loaded = load_shards(report.shards, store)
    assert loaded.line() == "documents: 10 added, 0 unchanged, 0 updated, 0 failed"
    assert expected.diff(contents(tmp_path / "dask.db")) == []


def test_dask_failing_document_is_reported_and_the_rest_stored(client: Any, tmp_path: Path) -> None:
    corpus = corpus_of(tmp_path / "corpus", 4, odd={2: "BOOM said General Omar Tahir."})
    with open_store(tmp_path / "dask.db") as store:
        report = dask.ingest([corpus], store, client=client, analyse=fail_on_boom)
    assert (report.added, report.failed) == (3, 1)
    assert report.failures[0].source == str(corpus / "doc02.txt")
    assert "boom" in report.failures[0].message


def test_dask_killed_worker_fails_its_document_only(client: Any, tmp_path: Path) -> None:
    corpus = corpus_of(tmp_path / "corpus", 4, odd={1: "KILLME said General Omar Tahir."})
    with open_store(tmp_path / "dask.db") as store:
        report = dask.ingest([corpus], store, client=client, analyse=die_on_kill)
    assert (report.added, report.failed) == (3, 1)
    assert report.failures[0].source == str(corpus / "doc01.txt")
    assert "worker analysing it died" in report.failures[0].message


def test_dask_partitions_by_count_and_bytes() -> None:
    docs = [Document.from_text(f"{i} " + "x" * 98) for i in range(7)]  # ~100 bytes each
    by_count = list(dask.partitions(docs, max_docs=3, max_bytes=10_000))
    assert [len(p.documents) for p in by_count] == [3, 3, 1]
    assert [p.index for p in by_count] == [0, 1, 2]
    by_bytes = list(dask.partitions(docs, max_docs=100, max_bytes=250))
    assert [len(p.documents) for p in by_bytes] == [2, 2, 2, 1]
    big = Document.from_text("y" * 1000)
    alone = list(dask.partitions([docs[0], big, docs[1]], max_docs=100, max_bytes=250))
    assert [len(p.documents) for p in alone] == [1, 1, 1]
    assert [d for p in by_bytes for d in p.documents] == docs


def test_dask_local_workers_parses_the_address() -> None:
    assert dask.local_workers("local:3") == 3
    assert dask.local_workers("local", default=2) == 2
    assert dask.local_workers("tcp://scheduler:8786") is None
    assert dask.local_workers("scheduler:8786") is None
    with pytest.raises(ActorgraphError, match="number of local workers"):
        dask.local_workers("local:0")


def test_dask_cli_out_needs_dask(tmp_path: Path) -> None:
    corpus = corpus_of(tmp_path / "corpus", 1)
    result = CliRunner().invoke(
        cli, ["--db", str(tmp_path / "x.db"), "ingest", "--out", str(tmp_path / "s"), str(corpus)]
    )
    assert result.exit_code == 2
    assert "--out needs --dask" in result.output


def corpus_of(folder: Path, n: int = 10, *, odd: dict[int, str] | None = None) -> Path:
    return write_corpus(folder, n, odd=odd)


def test_dask_stores_in_input_order_whatever_finishes_first(client: Any, tmp_path: Path) -> None:
    # The first partition takes longest: the other worker finishes the next ones first.
    corpus = corpus_of(tmp_path / "corpus", 6, odd={0: "SLOW said General Omar Tahir."})
    seen: list[str] = []
    with open_store(tmp_path / "dask.db") as store:
        report = dask.ingest(
            [corpus],
            store,
            client=client,
            partition_docs=1,
            in_flight=2,
            analyse=slow_on_slow,
            progress=lambda source, status: seen.append(Path(source).name),
        )
    assert (report.added, report.failed) == (6, 0)
    assert seen == [f"doc{i:02d}.txt" for i in range(6)]
