"""Parse in worker processes; the calling process stays the one writer.

Each worker loads the pipeline once (the pool's initializer) and turns small batches of
``Document`` into ``Analysis`` objects, which stream back as they complete. At most
``in_flight`` batches are out at a time, so memory stays flat however many files there are.

``concurrent.futures.ProcessPoolExecutor`` rather than ``multiprocessing.Pool``: when a
worker dies (killed, out of memory) the executor fails the pending futures with
``BrokenProcessPool``, where ``Pool`` silently replaces the worker and waits forever for
the lost task. On a broken pool the documents that were out are retried one at a time in
a fresh pool, so the one that kills its worker is reported as failed and the rest are
stored.
"""

from __future__ import annotations

import multiprocessing
from collections import deque
from collections.abc import Iterable, Iterator
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from concurrent.futures.process import BrokenProcessPool
from itertools import islice
from types import TracebackType
from typing import Literal

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
        except BaseException as exc:  # a load error, Ctrl-C: __exit__ will not run
            self.close(terminate=True)
            if isinstance(exc, BrokenProcessPool):
                raise ActorgraphError(f"worker processes did not start: {exc}") from exc
            raise

    def close(self, *, terminate: bool = False) -> None:
        """Stop the workers: wait for them, or (``terminate``) kill them at once."""
        executor, self._executor = self._executor, None
        if executor is None:
            return
        if not terminate:
            executor.shutdown(wait=True)
            return
        # The executor has no public way to kill running workers (3.14 adds one).
        processes = list(getattr(executor, "_processes", {}).values())
        executor.shutdown(wait=False, cancel_futures=True)
        for process in processes:
            process.terminate()
        for process in processes:
            process.join(timeout=5)

    def analyse_all(self, documents: Iterable[Document]) -> Iterator[BatchResult]:
        """Yield results batch by batch in completion order, never more than ``in_flight`` out.

        Documents are read from ``documents`` only as room frees up.
        """
        source = iter(documents)
        pending: dict[Future[BatchResult], list[Document]] = {}
        suspects: deque[Document] = deque()  # out when a worker died: retried one by one
        while True:
            if suspects:
                if not pending:
                    self._submit(pending, [suspects.popleft()])
            else:
                while len(pending) < self.in_flight:
                    batch = list(islice(source, self.batch_size))
                    if not batch:
                        break
                    self._submit(pending, batch)
            if not pending:
                return
            alone = len(pending) == 1 and len(next(iter(pending.values()))) == 1
            done, _ = wait(pending, return_when=FIRST_COMPLETED)
            results: list[BatchResult] = []
            lost: list[Document] = []
            for future in done:
                batch = pending.pop(future)
                error = future.exception()
                if error is None:
                    results.append(future.result())
                elif isinstance(error, BrokenProcessPool):
                    lost.extend(batch)
                else:  # the batch itself raised outside the per-document guard
                    results.append(_failed(batch, f"analysis failed: {error!r}"))
            if lost:
                # The pool is broken: everything still out is lost with it.
                for batch in pending.values():
                    lost.extend(batch)
                pending.clear()
                if alone and len(lost) == 1:
                    results.append(
                        _failed(
                            lost,
                            "the worker process analysing it died (killed, or out of "
                            "memory?); try it alone, or with a lower --max-chars",
                        )
                    )
                else:
                    suspects.extend(lost)
                self._restart()
            yield from results

    def _submit(
        self, pending: dict[Future[BatchResult], list[Document]], batch: list[Document]
    ) -> None:
        assert self._executor is not None, "use WorkerPool as a context manager"
        try:
            future = self._executor.submit(_worker.analyse_batch, batch)
        except BrokenProcessPool as exc:  # broke since the last wait: a lost batch, as there
            future = Future()
            future.set_exception(exc)
        pending[future] = batch

    def _restart(self) -> None:
        self.restarts += 1
        self.close(terminate=True)
        self._start()


def _failed(documents: list[Document], message: str) -> BatchResult:
    return BatchResult(failures=tuple(Failure(d.source or d.id, message) for d in documents))
