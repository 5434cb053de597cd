"""Ingest files into a store on this machine: read, analyse, write each document.

Each document is written in its own transaction, so an interrupted run leaves the store
consistent; running it again skips what is already stored with the current stage
versions and finishes the rest. With ``workers`` > 1 the parsing runs in worker processes
(``batch.workers``) and this process reads the files and writes the results.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol

from actorgraph.batch._runs import recorded
from actorgraph.batch._worker import Analyse, analysed
from actorgraph.ingest import Failure, Meta, iter_documents
from actorgraph.model import Analysis, Document
from actorgraph.pipeline.analyze import stage_versions
from actorgraph.pipeline.limits import Limits
from actorgraph.pipeline.nlp import load, model_id

if TYPE_CHECKING:
    from actorgraph.batch.workers import StartMethod


class Sink(Protocol):
    """Where analyses go: a store (or anything with the same two methods)."""

    def is_current(self, document_id: str, stages: dict[str, str]) -> bool: ...

    def save(self, analysis: Analysis) -> str: ...


@dataclass
class IngestReport:
    """Counts of one ingest run, and the failures with their messages."""

    added: int = 0
    unchanged: int = 0
    updated: int = 0
    failures: list[Failure] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    worker_max_rss_kib: dict[int, int] = field(default_factory=dict)  # peak memory per pid
    run_id: int | None = None  # the ingest run the store recorded, if it records runs

    @property
    def failed(self) -> int:
        return sum(1 for f in self.failures if f.fatal)

    def line(self) -> str:
        return (
            f"documents: {self.added} added, {self.unchanged} unchanged, "
            f"{self.updated} updated, {self.failed} failed"
        )


Progress = Callable[[str, str], None]  # (source, status)


def save_one(sink: Sink, analysis: Analysis, report: IngestReport, notify: Progress) -> None:
    """Store one analysis, count what happened and tell the progress callback."""
    status = sink.save(analysis)
    if status == "added":
        report.added += 1
    elif status == "updated":
        report.updated += 1
    else:
        report.unchanged += 1
    notify(analysis.document.source or analysis.document.id, status)


@recorded("ingest")
def ingest(
    paths: Sequence[Path],
    sink: Sink,
    *,
    meta: Meta | None = None,
    max_bytes: int = 10_000_000,
    max_chars: int = 2_000_000,
    model: str = "auto",
    nlp: Any = None,
    batch_size: int = 8,
    workers: int = 1,
    start_method: StartMethod = "spawn",
    analyse: Analyse | None = None,
    progress: Progress | None = None,
    limits: Limits | None = None,
) -> IngestReport:
    """Read, analyse and store every document under ``paths``; return the counts.

    ``workers`` > 1 parses in that many processes, each loading ``model`` once; ``nlp`` (a
    loaded pipeline) is only usable in this process. ``analyse`` replaces the stages (tests
    make a document fail with it; in workers it must be importable, i.e. module-level).
    ``limits`` defaults to the ACTORGRAPH_* environment (worker processes always read it).
    """
    if workers > 1 and nlp is not None:
        raise ValueError("a loaded pipeline (nlp) cannot be shared with workers: pass workers=1")
    report = IngestReport()
    notify = progress or (lambda source, status: None)

    def todo(versions: dict[str, str]) -> Iterator[Document]:
        for item in iter_documents(paths, meta=meta or Meta(), max_bytes=max_bytes):
            if isinstance(item, Failure):
                report.failures.append(item)
                if item.fatal:
                    notify(item.source, "failed")
                continue
            if len(item.text) > max_chars:
                report.failures.append(
                    Failure(
                        item.source or item.id,
                        f"text has {len(item.text):,} characters, over the limit of "
                        f"{max_chars:,}; raise it with --max-chars or ACTORGRAPH_MAX_CHARS",
                    )
                )
                notify(item.source or item.id, "failed")
                continue
            if sink.is_current(item.id, versions):
                report.unchanged += 1
                notify(item.source or item.id, "unchanged")
                continue
            yield item

    def store(analysis: Analysis) -> None:
        save_one(sink, analysis, report, notify)

    if workers <= 1:
        nlp = nlp if nlp is not None else load(model)
        versions = dict(stage_versions(model_id(nlp)))
        docs = todo(versions)
        for analysis in analysed(
            docs, nlp, report.failures, batch_size, analyse=analyse, limits=limits
        ):
            store(analysis)
        return report

    from actorgraph.batch.workers import WorkerPool

    pool = WorkerPool(
        workers, model=model, batch_size=batch_size, start_method=start_method, analyse=analyse
    )
    with pool:
        versions = dict(stage_versions(pool.model_id))
        # Results come in input order, so the store is the one a single process writes:
        # which actor an entity joins depends on the documents saved before it.
        for result in pool.analyse_all(todo(versions)):
            if result.pid:
                report.worker_max_rss_kib[result.pid] = result.max_rss_kib
            for failure in result.failures:
                report.failures.append(failure)
                notify(failure.source, "failed")
            for analysis in result.analyses:
                store(analysis)
    return report
