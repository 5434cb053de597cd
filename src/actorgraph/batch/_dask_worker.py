"""What runs on a Dask worker: build the pipeline from settings once, analyse partitions.

Tasks carry settings (plain values), never a loaded model or a store connection: each
worker process loads the pipeline the first time a task needs it and keeps it in a
module-level cache keyed by the settings that shape it. Only ``model.py`` types,
``Failure`` and shard paths travel back to the client.
"""

from __future__ import annotations

import os
import resource
import threading
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from actorgraph.batch._worker import _WARM_UP, Analyse, BatchResult, analysed
from actorgraph.ingest import Failure
from actorgraph.model import Document
from actorgraph.pipeline.analyze import analyze_parsed
from actorgraph.pipeline.limits import Limits
from actorgraph.pipeline.nlp import ParsedDoc, load, model_id


@dataclass(frozen=True)
class WorkerSettings:
    """What a worker needs to build and run the pipeline: plain values, cheap to send."""

    model: str = "auto"
    nlp_max_length: int = 2_500_000
    batch_size: int = 8
    limits: Limits = field(default_factory=Limits.from_env)  # the client's environment


@dataclass(frozen=True)
class Partition:
    """Documents analysed by one task; the texts travel with it (read on the client)."""

    index: int
    documents: tuple[Document, ...]


@dataclass(frozen=True)
class ShardResult:
    """What a shard-writing task returns: where the shard is and what is not in it."""

    path: str | None  # None when no document of the partition was analysed
    documents: int = 0
    failures: tuple[Failure, ...] = ()
    pid: int = 0
    max_rss_kib: int = 0


_lock = threading.Lock()  # a worker with several threads loads each pipeline once
_pipelines: dict[tuple[str, int], Any] = {}


def pipeline(settings: WorkerSettings) -> Any:
    """Return this process's pipeline for ``settings``, loading and warming it up once."""
    key = (settings.model, settings.nlp_max_length)
    with _lock:
        nlp = _pipelines.get(key)
        if nlp is None:
            nlp = load(settings.model, settings.nlp_max_length)
            # The stages' lazy data (gazetteer, lexicons) loads now, not in the first task.
            warm = Document.from_text(_WARM_UP)
            analyze_parsed(ParsedDoc(warm, nlp(warm.text), None, model_id(nlp)))
            _pipelines[key] = nlp
    return nlp


def loaded_model_id(settings: WorkerSettings) -> str:
    """Load the pipeline (if not yet) and return its id: part of the stage versions."""
    return model_id(pipeline(settings))


def analyse_partition(
    partition: Partition, settings: WorkerSettings, analyse: Analyse | None = None
) -> BatchResult:
    """Analyse a partition; a document that breaks the pipeline is a Failure."""
    failures: list[Failure] = []
    analyses = tuple(
        analysed(
            partition.documents,
            pipeline(settings),
            failures,
            settings.batch_size,
            analyse=analyse,
            limits=settings.limits,
        )
    )
    return BatchResult(
        analyses=analyses, failures=tuple(failures), pid=os.getpid(), max_rss_kib=_max_rss()
    )


def write_partition(
    partition: Partition, settings: WorkerSettings, out: str, analyse: Analyse | None = None
) -> ShardResult:
    """Analyse a partition and write its analyses as one Parquet shard under ``out``."""
    from actorgraph.batch.shards import write_shard

    result = analyse_partition(partition, settings, analyse)
    path = write_shard(Path(out), result.analyses) if result.analyses else None
    return ShardResult(
        path=None if path is None else str(path),
        documents=len(result.analyses),
        failures=result.failures,
        pid=result.pid,
        max_rss_kib=result.max_rss_kib,
    )


def _max_rss() -> int:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
