"""What runs inside a worker process: load the pipeline once, analyse batches, report back.

Only ``model.py`` types and ``Failure`` cross the process boundary; spaCy objects stay here.
"""

from __future__ import annotations

import functools
import os
import resource
import signal
import threading
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from typing import Any, ClassVar

from actorgraph.errors import ActorgraphError
from actorgraph.ingest import Failure
from actorgraph.model import Analysis, Document
from actorgraph.pipeline.analyze import analyze_parsed, reference_date
from actorgraph.pipeline.limits import Limits, check_parse
from actorgraph.pipeline.nlp import ParsedDoc, load, model_id, parser_text

Analyse = Callable[[ParsedDoc], Analysis]


@dataclass(frozen=True)
class BatchResult:
    """The analyses and failures of one batch, and the worker's peak memory so far."""

    analyses: tuple[Analysis, ...] = ()
    failures: tuple[Failure, ...] = ()
    pid: int = 0
    max_rss_kib: int = 0


def analysed(
    documents: Iterable[Document],
    nlp: Any,
    failures: list[Failure],
    batch_size: int,
    *,
    analyse: Analyse | None = None,
    limits: Limits | None = None,
) -> Iterator[Analysis]:
    """Parse in batches; a document that breaks the pipeline is a failure, not fatal.

    ``analyse`` replaces ``analyze_parsed`` (tests use it to make one document fail).
    ``limits`` (default: the ACTORGRAPH_* environment) refuses a document too slow to
    parse and stops one whose stages run too long; the text length is the caller's check.
    """
    limits = limits or Limits.from_env()
    run = analyse or functools.partial(analyze_parsed, limits=limits)
    batch: list[Document] = []
    model = model_id(nlp)

    def flush() -> Iterator[Analysis]:
        try:
            docs = list(nlp.pipe([parser_text(d.text) for d in batch], batch_size=batch_size))
        except Exception:  # one bad text must not lose the batch: parse one by one
            docs = []
            for d in batch:
                try:
                    docs.append(nlp(parser_text(d.text)))
                except Exception as exc:
                    docs.append(None)
                    failures.append(Failure(d.source or d.id, f"cannot parse: {exc}"))
        for document, doc in zip(batch, docs, strict=True):
            if doc is None:
                continue
            try:
                yield run(ParsedDoc(document, doc, reference_date(document.published), model))
            except Exception as exc:
                failures.append(
                    Failure(document.source or document.id, f"analysis failed: {exc!r}")
                )
        batch.clear()

    for document in documents:
        try:
            check_parse(document.text, limits)
        except ActorgraphError as exc:  # too slow to parse, or not text spaCy can parse
            failures.append(Failure(document.source or document.id, str(exc)))
            continue
        batch.append(document)
        if len(batch) >= batch_size:
            yield from flush()
    if batch:
        yield from flush()


class _State:
    nlp: Any = None
    analyse: Analyse | None = None
    batch_size: int = 8
    error: BaseException | None = None
    warm: ClassVar[set[str]] = set()  # models prepared in this process


_WARM_UP = "General Omar Tahir said on Tuesday in Kirkuk that the army had left Mosul."


def prepare(model: str) -> Any:
    """Load the pipeline and the stages' lazy data (gazetteer, ...) once in this process.

    Done at start-up, so the first batch is not seconds slower than the rest; when workers
    are forked from a prepared driver, they inherit all of it.
    """
    nlp = load(model)
    if model not in _State.warm:
        _State.warm.add(model)
        text = Document.from_text(_WARM_UP)
        analyze_parsed(ParsedDoc(text, nlp(text.text), None, model_id(nlp)))
    return nlp


def init(model: str, analyse: Analyse | None, batch_size: int, poll_s: float = 0.5) -> None:
    """Prepare a worker: ignore Ctrl-C, exit with the parent, load the pipeline once.

    A load error is kept and raised by every task, so the parent sees it as an exception
    (with its message) rather than as a pool broken for no stated reason.
    """
    # Ctrl-C reaches the whole process group; only the parent decides what to do with it.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    _watch_parent(os.getppid(), poll_s)
    _State.analyse, _State.batch_size = analyse, batch_size
    try:
        _State.nlp = prepare(model)
    except BaseException as exc:  # kept and raised by every task (see above)
        _State.error = exc


def _watch_parent(parent: int, poll_s: float) -> None:
    """Exit when the parent dies (SIGKILL gives it no chance to stop us).

    The task queue's pipe is also held open by the workers themselves, so they would
    otherwise wait on it forever (and keep the driver's stdout and stderr open).
    """

    def watch() -> None:
        while os.getppid() == parent:
            time.sleep(poll_s)
        os._exit(1)

    threading.Thread(target=watch, name="actorgraph-parent-watch", daemon=True).start()


def loaded_model_id() -> str:
    """Return the loaded pipeline's id (stage versions include it); raise a load error."""
    if _State.error is not None:
        raise _State.error
    return model_id(_State.nlp)


def analyse_batch(documents: list[Document]) -> BatchResult:
    """Parse a batch with ``nlp.pipe`` and run the stages; a failing document is a Failure."""
    if _State.error is not None:
        raise _State.error
    failures: list[Failure] = []
    analyses = tuple(
        analysed(documents, _State.nlp, failures, _State.batch_size, analyse=_State.analyse)
    )
    return BatchResult(
        analyses=analyses,
        failures=tuple(failures),
        pid=os.getpid(),
        max_rss_kib=resource.getrusage(resource.RUSAGE_SELF).ru_maxrss,
    )
