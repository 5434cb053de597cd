"""Ingest on a Dask cluster: the client reads, the workers analyse, one writer stores.

The client reads the input (skipping documents already stored with the current stage
versions, as ``batch.local`` does), groups the documents into partitions of a few
documents and megabytes, and sends each partition *with its texts* to the cluster, so
workers need no access to the input files, only an installed actorgraph and its model
package. A task carries settings (plain values), never a loaded model or a connection:
each worker builds the pipeline once (``batch._dask_worker``).

Results come back in input order (as with ``batch.workers``: which actor an entity joins
depends on what was saved before), never more than ``in_flight`` partitions out at a time
and twice that many read and not yet stored, and this process saves each document in its
own transaction. With ``out``, the workers write one Parquet shard per partition instead
(``batch.shards``; the folder must be one the workers can write to) and only the shard
paths come back; ``actorgraph load`` puts the shards into a store later.
"""

from __future__ import annotations

import os
import uuid
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from actorgraph.batch._dask_worker import (
    Partition,
    ShardResult,
    WorkerSettings,
    analyse_partition,
    loaded_model_id,
    write_partition,
)
from actorgraph.batch._runs import recorded
from actorgraph.batch._worker import Analyse, BatchResult
from actorgraph.batch.local import IngestReport, Progress, Sink, save_one
from actorgraph.batch.workers import Reorder
from actorgraph.errors import ActorgraphError
from actorgraph.ingest import Failure, Meta, iter_documents
from actorgraph.model import Analysis, Document
from actorgraph.pipeline.analyze import stage_versions

if TYPE_CHECKING:
    from distributed import Client, Future

LOCAL = "local"
# Partitions bigger than this are scattered to the cluster rather than embedded in the
# task, which Dask warns about above 10 MB.
_SCATTER_BYTES = 4_000_000


@dataclass
class DaskReport(IngestReport):
    """The counts of an ingest on a cluster; with ``out``, the shards written."""

    out: Path | None = None
    written: int = 0  # documents written to shards
    shards: list[Path] = field(default_factory=list)

    def line(self) -> str:
        if self.out is None:
            return super().line()
        shards = f"{len(self.shards)} shard{'' if len(self.shards) == 1 else 's'}"
        line = (
            f"documents: {self.written} written to {shards} in {self.out}, "
            f"{self.unchanged} unchanged, {self.failed} failed"
        )
        return f"{line}; load them with 'actorgraph load {self.out}'" if self.shards else line


def local_workers(address: str, default: int | None = None) -> int | None:
    """Return N for ``local:N`` (``local`` alone: ``default``, else one per core), else None."""
    name, _, count = address.partition(":")
    if name != LOCAL:
        return None
    if not count:
        return default or os.cpu_count() or 1
    if not count.isdigit() or int(count) < 1:
        raise ActorgraphError(
            f"--dask {address}: give the number of local workers, e.g. local:2, "
            "or a scheduler address such as tcp://scheduler:8786"
        )
    return int(count)


@contextmanager
def connect(address: str, *, default_workers: int | None = None) -> Iterator[Client]:
    """Yield a client of the scheduler at ``address``, or of a local cluster for ``local:N``.

    A local cluster has N worker processes of one thread each, listens on 127.0.0.1 only
    and serves no dashboard; it is shut down on leaving.
    """
    from distributed import Client, LocalCluster

    workers = local_workers(address, default_workers)
    if workers is None:
        try:
            client = Client(address, timeout="30s")
        except OSError as exc:
            raise ActorgraphError(
                f"cannot reach the Dask scheduler at {address}: {exc}; start one with "
                "'dask scheduler' (and workers with 'dask worker ADDRESS --nthreads 1'), "
                "or use --dask local:N to run on this machine"
            ) from exc
        with client:
            yield client
        return
    with (
        LocalCluster(
            n_workers=workers,
            threads_per_worker=1,
            processes=True,
            host="127.0.0.1",
            dashboard_address=None,
        ) as cluster,
        Client(cluster) as client,
    ):
        yield client


def partitions(
    documents: Iterable[Document], *, max_docs: int = 16, max_bytes: int = _SCATTER_BYTES
) -> Iterator[Partition]:
    """Group documents into partitions of at most ``max_docs`` and about ``max_bytes``.

    A document larger than ``max_bytes`` makes a partition of its own.
    """
    batch: list[Document] = []
    size = index = 0
    for document in documents:
        n = _size(document)
        if batch and (len(batch) >= max_docs or size + n > max_bytes):
            yield Partition(index, tuple(batch))
            batch, size, index = [], 0, index + 1
        batch.append(document)
        size += n
    if batch:
        yield Partition(index, tuple(batch))


@recorded("ingest")
def ingest(
    paths: Sequence[Path],
    sink: Sink,
    *,
    client: Client,
    out: Path | None = None,
    meta: Meta | None = None,
    max_bytes: int = 10_000_000,
    max_chars: int = 2_000_000,
    model: str = "auto",
    nlp_max_length: int = 2_500_000,
    batch_size: int = 8,
    partition_docs: int = 16,
    partition_bytes: int = _SCATTER_BYTES,
    in_flight: int | None = None,
    analyse: Analyse | None = None,
    progress: Progress | None = None,
) -> DaskReport:
    """Analyse every document under ``paths`` on the cluster; store them, or shard them.

    ``sink`` is the store written to, and (with ``out``) the one consulted to skip
    documents already current. ``in_flight`` defaults to two partitions per worker
    thread. ``analyse`` replaces the stages (it must be importable on the workers).
    """
    settings = WorkerSettings(model=model, nlp_max_length=nlp_max_length, batch_size=batch_size)
    report = DaskReport(out=out)
    notify = progress or (lambda source, status: None)
    versions = dict(stage_versions(_probe(client, settings)))
    todo = _todo(paths, sink, versions, report, notify, meta or Meta(), max_bytes, max_chars)
    parts = partitions(todo, max_docs=partition_docs, max_bytes=partition_bytes)
    limit = in_flight or 2 * max(1, sum(client.nthreads().values()))
    task: Callable[..., Any]
    args: tuple[Any, ...]
    if out is None:
        task, args = analyse_partition, (settings, analyse)
    else:
        out = out.resolve()  # workers do not share this process's working directory
        out.mkdir(parents=True, exist_ok=True)
        report.out = out
        task, args = write_partition, (settings, str(out), analyse)
    for partition, result in _results(client, parts, task, args, limit):
        if isinstance(result, BaseException):
            _fail(report, notify, partition.documents, _message(result))
            continue
        if result.pid:
            report.worker_max_rss_kib[result.pid] = result.max_rss_kib
        for failure in result.failures:
            report.failures.append(failure)
            notify(failure.source, "failed")
        if isinstance(result, ShardResult):
            _count_shard(report, notify, partition, result)
        else:
            for analysis in result.analyses:
                _store(report, notify, sink, analysis)
    return report


def _probe(client: Client, settings: WorkerSettings) -> str:
    """Have every worker build its pipeline now; return the model id they all load."""
    try:
        client.wait_for_workers(1, timeout=60)
    except TimeoutError as exc:
        raise ActorgraphError(
            "no Dask worker joined the scheduler within 60 s; start some with "
            "'dask worker SCHEDULER_ADDRESS --nthreads 1'"
        ) from exc
    futures = [
        client.submit(
            loaded_model_id,
            settings,
            key=f"actorgraph-load-{uuid.uuid4().hex}",
            workers=[worker],
            allow_other_workers=True,  # the worker may leave meanwhile
            pure=False,
        )
        for worker in client.scheduler_info()["workers"]
    ]
    try:
        found = {str(model) for model in client.gather(futures)}
    except ActorgraphError:
        raise
    except Exception as exc:
        raise ActorgraphError(f"a Dask worker could not build the pipeline: {exc!r}") from exc
    if len(found) != 1:
        raise ActorgraphError(
            f"the Dask workers load different models ({', '.join(sorted(found))}); "
            "install the same model package on every worker"
        )
    return found.pop()


def _todo(
    paths: Sequence[Path],
    sink: Sink,
    versions: dict[str, str],
    report: IngestReport,
    notify: Progress,
    meta: Meta,
    max_bytes: int,
    max_chars: int,
) -> Iterator[Document]:
    """Yield the documents to analyse: readable, not too long, not already current."""
    for item in iter_documents(paths, meta=meta, max_bytes=max_bytes):
        if isinstance(item, Failure):
            report.failures.append(item)
            if item.fatal:
                notify(item.source, "failed")
            continue
        if len(item.text) > max_chars:
            _fail(
                report,
                notify,
                [item],
                f"text has {len(item.text):,} characters, over the limit of {max_chars:,}; "
                "raise it with --max-chars or ACTORGRAPH_MAX_CHARS",
            )
            continue
        if sink.is_current(item.id, versions):
            report.unchanged += 1
            notify(item.source or item.id, "unchanged")
            continue
        yield item


def _results(
    client: Client,
    parts: Iterator[Partition],
    task: Callable[..., Any],
    args: tuple[Any, ...],
    limit: int,
) -> Iterator[tuple[Partition, BatchResult | ShardResult | BaseException]]:
    """Yield each partition's result (or error) in input order, ``limit`` out at a time.

    When Dask gives up on a partition because its workers died (``KilledWorker``), the
    culprit may be any document in it, or another task on the same worker: its documents
    are tried again one at a time, each alone on the cluster, so only a document that
    kills its worker on its own is reported as failed (as ``batch.workers`` does).
    """
    from distributed import KilledWorker, as_completed

    order: Reorder[tuple[Partition, BatchResult | ShardResult | BaseException]] = Reorder()
    # partition, where its documents start in the original one, whether submitted alone
    pending: dict[Future[Any], tuple[Partition, int, bool]] = {}
    suspects: deque[tuple[Partition, int]] = deque()
    done = as_completed()

    def submit(partition: Partition, offset: int = 0, *, alone: bool = False) -> None:
        data: Any = partition
        if sum(map(_size, partition.documents)) > _SCATTER_BYTES:
            data = client.scatter(partition, hash=False)
        future = client.submit(
            task, data, *args, key=f"actorgraph-{partition.index}-{uuid.uuid4().hex}", pure=False
        )
        pending[future] = (partition, offset, alone)
        done.add(future)

    def refill() -> None:
        if suspects:
            if not pending:  # wait for the rest to finish, then one suspect at a time
                submit(*suspects.popleft(), alone=True)
            return
        while len(pending) < limit and order.held < 2 * limit:
            nxt = next(parts, None)
            if nxt is None:
                return
            if order.add(len(nxt.documents)) != nxt.index:
                raise AssertionError("partitions are numbered in order from 0")
            submit(nxt)

    try:
        refill()
        for future in done:
            partition, offset, alone = pending.pop(future)
            result: BatchResult | ShardResult | BaseException | None
            try:
                result = future.result()
            except KilledWorker as exc:
                if alone:
                    result = exc
                else:
                    suspects.extend(
                        (Partition(partition.index, (d,)), offset + i)
                        for i, d in enumerate(partition.documents)
                    )
                    result = None
            except Exception as exc:  # raised in the task, outside the per-document guard
                result = exc
            finally:
                future.release()
            if result is not None:
                order.put(partition.index, offset, len(partition.documents), (partition, result))
            yield from order.ready()
            refill()  # after the release: a full window has room again only then
    finally:
        if pending:  # interrupted: nothing more to compute
            client.cancel(list(pending))


def _store(report: IngestReport, notify: Progress, sink: Sink, analysis: Analysis) -> None:
    save_one(sink, analysis, report, notify)


def _count_shard(
    report: DaskReport, notify: Progress, partition: Partition, result: ShardResult
) -> None:
    if result.path is not None:
        report.shards.append(Path(result.path))
    report.written += result.documents
    failed = {f.source for f in result.failures}
    for document in partition.documents:
        source = document.source or document.id
        if source not in failed:
            notify(source, "written")


def _fail(
    report: IngestReport, notify: Progress, documents: Iterable[Document], message: str
) -> None:
    for document in documents:
        source = document.source or document.id
        report.failures.append(Failure(source, message))
        notify(source, "failed")


def _message(error: BaseException) -> str:
    from distributed import KilledWorker

    if isinstance(error, KilledWorker):
        return (
            "the Dask worker analysing it died (killed, or out of memory?); try it alone, "
            "or with a lower --max-chars"
        )
    return f"analysis failed on the cluster: {error!r}"


def _size(document: Document) -> int:
    return len(document.text.encode("utf-8", "surrogatepass"))
