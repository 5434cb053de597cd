"""Parse in worker processes; the calling process stays the one writer.

Each worker loads the pipeline once (the pool's initializer) and turns small batches of
``Document`` into ``Analysis`` objects. Results come back in input order, whatever order
the workers finish in: which actor an entity joins depends on what was saved before, so
the store must not depend on scheduling (an interrupted run, finished later, then stores
what an uninterrupted one does). At most ``in_flight`` batches are out at a time and at
most twice that many read and not yet handed back, so memory stays flat however many
files there are.

``concurrent.futures.ProcessPoolExecutor`` rather than ``multiprocessing.Pool``: when a
worker dies (killed, out of memory) the executor fails the pending futures with
``BrokenProcessPool``, where ``Pool`` silently replaces the worker and waits forever for
the lost task. On a broken pool the documents that were out are retried one at a time in
a fresh pool, so the one that kills its worker is reported as failed and the rest are
stored. A document is failed only when its worker died twice while analysing it alone: a
worker killed once from outside (an operator, the out-of-memory killer choosing it for
another process's sake) costs a restart, not a document.
"""

from __future__ import annotations

import multiprocessing
import multiprocessing.connection
from collections import deque
from collections.abc import Iterable, Iterator
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass
from itertools import islice
from multiprocessing.process import BaseProcess
from types import TracebackType
from typing import Generic, Literal, TypeVar

from actorgraph.batch import _worker
from actorgraph.batch._worker import Analyse, BatchResult
from actorgraph.errors import ActorgraphError
from actorgraph.ingest import Failure
from actorgraph.model import Document

# "spawn" by default: a worker starts clean (no copy of the driver's SQLite connection,
# progress-bar thread or locks) and its parent is the driver, so it can tell when the
# driver dies. With "fork" the driver prepares the pipeline first and the workers inherit
# it: less memory and start-up CPU, at the price of forking a process that has threads
# (the progress bar) and an open connection. "forkserver" is not offered: its workers are
# children of the fork server, which a killed driver leaves running, so they never exit.
StartMethod = Literal["spawn", "fork"]
T = TypeVar("T")
# Deaths of a worker while it analysed one document alone before the document is failed.
_ALONE_DEATHS = 2
# Pools started before giving up when a worker dies while loading the pipeline (a load
# error is no death: it is raised at once, with its message).
_START_TRIES = 2


class Reorder(Generic[T]):
    """Hand results back in submission order, however they complete.

    Each batch is announced with :meth:`add` as it is sent out. Its results may come back
    in several parts (a batch split into single documents after a worker died), each
    covering ``count`` documents from ``offset``; a batch is released, its parts in offset
    order, once all its documents are covered and every earlier batch is released.
    """

    def __init__(self) -> None:
        self._sizes: dict[int, int] = {}
        self._parts: dict[int, list[tuple[int, T]]] = {}
        self._covered: dict[int, int] = {}
        self._head = 0  # the next batch to release
        self._next = 0  # the next batch to announce

    @property
    def held(self) -> int:
        """Return how many batches are announced and not yet released."""
        return self._next - self._head

    def add(self, size: int) -> int:
        """Announce the next batch, of ``size`` documents; return its sequence number."""
        if size < 1:
            raise ValueError(f"a batch has at least one document, not {size}")
        seq, self._next = self._next, self._next + 1
        self._sizes[seq], self._parts[seq], self._covered[seq] = size, [], 0
        return seq

    def put(self, seq: int, offset: int, count: int, item: T) -> None:
        """Take the result covering ``count`` documents of batch ``seq`` from ``offset``."""
        self._parts[seq].append((offset, item))
        self._covered[seq] += count
        if self._covered[seq] > self._sizes[seq]:
            raise ValueError(f"batch {seq} has {self._sizes[seq]} documents, not more")

    def ready(self) -> Iterator[T]:
        """Yield the results that are next in order and complete, releasing them."""
        while self._head < self._next and self._covered[self._head] == self._sizes[self._head]:
            seq = self._head
            del self._sizes[seq], self._covered[seq]
            parts = self._parts.pop(seq)
            self._head += 1
            for _, item in sorted(parts, key=lambda part: part[0]):
                yield item


@dataclass
class _Job:
    """Documents sent out together: a batch, or one document of it after a worker died."""

    seq: int  # the batch's place in the input
    offset: int  # where these documents start in their batch
    documents: list[Document]
    deaths: int = 0  # times a worker died analysing it alone


class WorkerPool:
    """Worker processes that each load the pipeline once and analyse batches of documents.

    Use it as a context manager: leaving it normally waits for the workers to finish;
    leaving it with an exception (Ctrl-C included) terminates them.
    """

    def __init__(
        self,
        workers: int,
        *,
        model: str = "auto",
        batch_size: int = 8,
        in_flight: int | None = None,
        start_method: StartMethod = "spawn",
        analyse: Analyse | None = None,
    ) -> None:
        if workers < 1:
            raise ValueError(f"workers must be at least 1, not {workers}")
        self.workers = workers
        self.model = model
        self.batch_size = batch_size
        # Two batches per worker: one being parsed, one waiting, so no worker idles while
        # the writer catches up.
        self.in_flight = in_flight or 2 * workers
        self.start_method = start_method
        self.analyse = analyse
        self.model_id = ""
        self.restarts = 0
        self._executor: ProcessPoolExecutor | None = None

    def __enter__(self) -> WorkerPool:
        self._start()
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close(terminate=exc_type is not None)

    def _start(self) -> None:
        if self.start_method == "fork":
            # Forked workers inherit the prepared pipeline: they start at once and share
            # its memory until they write to it.
            _worker.prepare(self.model)
        for attempt in range(_START_TRIES):
            try:
                self._start_once()
                return
            except BrokenProcessPool as exc:  # a worker died while loading: killed, OOM
                if attempt + 1 == _START_TRIES:
                    raise ActorgraphError(f"worker processes did not start: {exc}") from exc

    def _start_once(self) -> None:
        self._executor = ProcessPoolExecutor(
            self.workers,
            mp_context=multiprocessing.get_context(self.start_method),
            initializer=_worker.init,
            initargs=(self.model, self.analyse, self.batch_size),
        )
        # One probe per worker starts them all now (they load the model in parallel) and
        # tells which model they loaded: its id is part of the stage versions.
        probes = [self._executor.submit(_worker.loaded_model_id) for _ in range(self.workers)]
        try:
            self.model_id = probes[0].result()
            for probe in probes[1:]:
                probe.result()
        except BaseException:  # a load error, a dead worker, Ctrl-C: __exit__ will not run
            self.close(terminate=True)
            raise

    def close(self, *, terminate: bool = False) -> None:
        """Stop the workers: wait for them, or (``terminate``) kill them at once."""
        executor, self._executor = self._executor, None
        if executor is None:
            return
        # The executor has no public way to kill running workers (3.14 adds one).
        processes = list(getattr(executor, "_processes", {}).values())
        if not terminate:
            executor.shutdown(wait=False)
            _join_workers(processes)
            executor.shutdown(wait=True)
            return
        executor.shutdown(wait=False, cancel_futures=True)
        for process in processes:
            process.terminate()
        for process in processes:
            process.join(timeout=5)

    def analyse_all(self, documents: Iterable[Document]) -> Iterator[BatchResult]:
        """Yield results batch by batch in input order, never more than ``in_flight`` out.

        Documents are read from ``documents`` only as room frees up: at most ``in_flight``
        batches are out, and at most twice that many are read and not yet yielded (the
        batches finished early wait for the one before them). Failures come in order too.
        """
        source = iter(documents)
        order: Reorder[BatchResult] = Reorder()
        pending: dict[Future[BatchResult], _Job] = {}
        suspects: deque[_Job] = deque()  # out when a worker died: retried one by one
        while True:
            if suspects:
                if not pending:
                    self._submit(pending, suspects.popleft())
            else:
                while len(pending) < self.in_flight and order.held < 2 * self.in_flight:
                    batch = list(islice(source, self.batch_size))
                    if not batch:
                        break
                    self._submit(pending, _Job(order.add(len(batch)), 0, batch))
            if not pending:
                assert order.held == 0, "every batch sent out came back"
                return
            alone = len(pending) == 1 and len(next(iter(pending.values())).documents) == 1
            done, _ = wait(pending, return_when=FIRST_COMPLETED)
            lost: list[_Job] = []
            for future in done:
                job = pending.pop(future)
                error = future.exception()
                if error is None:
                    _put(order, job, future.result())
                elif isinstance(error, BrokenProcessPool):
                    lost.append(job)
                else:  # the batch itself raised outside the per-document guard
                    _put(order, job, _failed(job.documents, f"analysis failed: {error!r}"))
            if lost:
                # The pool is broken: everything still out is lost with it.
                lost.extend(pending.values())
                pending.clear()
                self._requeue(order, suspects, lost, alone=alone)
                self._restart()
            yield from order.ready()

    def _requeue(
        self, order: Reorder[BatchResult], suspects: deque[_Job], lost: list[_Job], *, alone: bool
    ) -> None:
        """Queue the documents lost with a broken pool, one job each, earliest first."""
        if alone:
            (job,) = lost
            job.deaths += 1
            if job.deaths >= _ALONE_DEATHS:
                message = (
                    "the worker process analysing it died (killed, or out of memory?); "
                    "try it alone, or with a lower --max-chars"
                )
                _put(order, job, _failed(job.documents, message))
            else:
                suspects.appendleft(job)
            return
        singles = [
            _Job(job.seq, job.offset + i, [document])
            for job in lost
            for i, document in enumerate(job.documents)
        ]
        suspects.extend(sorted(singles, key=lambda job: (job.seq, job.offset)))

    def _submit(self, pending: dict[Future[BatchResult], _Job], job: _Job) -> None:
        assert self._executor is not None, "use WorkerPool as a context manager"
        try:
            future = self._executor.submit(_worker.analyse_batch, job.documents)
        except BrokenProcessPool as exc:  # broke since the last wait: a lost batch, as there
            future = Future()
            future.set_exception(exc)
        pending[future] = job

    def _restart(self) -> None:
        self.restarts += 1
        self.close(terminate=True)
        self._start()


def _join_workers(processes: list[BaseProcess]) -> None:
    """Wait for the workers to exit; once one has died, end the others.

    A worker killed while it waits for a task dies holding the task queue's lock: the
    others then wait for that lock forever instead of reading the executor's "stop", and
    the executor, which no longer watches for deaths once it shuts down, waits for them.
    """
    while alive := [p for p in processes if p.exitcode is None]:
        if any(p.exitcode not in (None, 0) for p in processes):
            for process in alive:
                process.terminate()
            for process in alive:
                process.join()
            return
        multiprocessing.connection.wait([p.sentinel for p in alive])


def _put(order: Reorder[BatchResult], job: _Job, result: BatchResult) -> None:
    order.put(job.seq, job.offset, len(job.documents), result)


def _failed(documents: list[Document], message: str) -> BatchResult:
    return BatchResult(failures=tuple(Failure(d.source or d.id, message) for d in documents))
