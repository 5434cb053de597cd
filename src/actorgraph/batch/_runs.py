"""Record each ingest or load as an ingest run of the store it writes to (``store.runs``)."""

from __future__ import annotations

import functools
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from typing import Any, ParamSpec, Protocol, TypeVar, cast, runtime_checkable


@runtime_checkable
class Recorder(Protocol):
    """A sink that records ingest runs (a Store): see ``Store.begin_run``."""

    def begin_run(self, *, command: str, inputs: Sequence[str]) -> int: ...

    def end_run(self, run_id: int, *, status: str, unchanged: int, failed: int) -> Any: ...


class Counts(Protocol):
    """What a run's report tells the store: documents skipped as unchanged, and failed."""

    unchanged: int
    run_id: int | None

    @property
    def failed(self) -> int: ...


P = ParamSpec("P")
Report = TypeVar("Report", bound=Counts)


def recorded(command: str) -> Callable[[Callable[P, Report]], Callable[P, Report]]:
    """Record each call ``f(paths, sink, ...)`` as an ingest run of ``sink`` if it records
    runs: begun, then ended done, interrupted or failed, with its counts.

    A call with ``out`` set writes shards rather than storing, and is no run.
    """

    def wrap(run: Callable[P, Report]) -> Callable[P, Report]:
        @functools.wraps(run)
        def call(*args: P.args, **options: P.kwargs) -> Report:
            sink = args[1]
            if not isinstance(sink, Recorder) or options.get("out") is not None:
                return run(*args, **options)
            paths = list(cast(Iterable[Path], args[0]))  # read once: it may be an iterator
            again = cast(Callable[..., Report], run)
            run_id = sink.begin_run(command=command, inputs=[str(p) for p in paths])
            status, report = "failed", None
            try:
                report = again(paths, *args[1:], **options)
                report.run_id, status = run_id, "done"
                return report
            except KeyboardInterrupt:
                status = "interrupted"
                raise
            finally:
                unchanged, failed = (0, 0) if report is None else (report.unchanged, report.failed)
                sink.end_run(run_id, status=status, unchanged=unchanged, failed=failed)

        return call

    return wrap
