"""Ingest files into a store on this machine: read, analyse, write each document.

Each document is written in its own transaction, so an interrupted run leaves the store
consistent; running it again skips what is already stored with the current stage
versions and finishes the rest.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Protocol

from actorgraph.ingest import Failure, Meta, iter_documents
from actorgraph.model import Analysis, Document
from actorgraph.pipeline.analyze import analyze_parsed, reference_date, stage_versions
from actorgraph.pipeline.nlp import ParsedDoc, load, model_id


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

    @property
    def failed(self) -> int:
        return sum(1 for f in self.failures if f.fatal)

    def line(self) -> str:
        return (
            f"documents: {self.added} added, {self.unchanged} unchanged, "
            f"{self.updated} updated, {self.failed} failed"
        )


Progress = Callable[[str, str], None]  # (source, status)


def _analysed(
    documents: Iterable[Document], nlp: Any, report: IngestReport, batch_size: int
) -> Iterator[Analysis]:
    """Parse in batches; a document that breaks the pipeline is reported, not fatal."""
    batch: list[Document] = []
    model = model_id(nlp)

    def flush() -> Iterator[Analysis]:
        try:
            docs = list(nlp.pipe([d.text for d in batch], batch_size=batch_size))
        except Exception:  # one bad text must not lose the batch: parse one by one
            docs = []
            for d in batch:
                try:
                    docs.append(nlp(d.text))
                except Exception as exc:
                    docs.append(None)
                    report.failures.append(Failure(d.source or d.id, f"cannot parse: {exc}"))
        for document, doc in zip(batch, docs, strict=True):
            if doc is None:
                continue
            try:
                parsed = ParsedDoc(document, doc, reference_date(document.published), model)
                yield analyze_parsed(parsed)
            except Exception as exc:
                report.failures.append(
                    Failure(document.source or document.id, f"analysis failed: {exc!r}")
                )
        batch.clear()

    for document in documents:
        batch.append(document)
        if len(batch) >= batch_size:
            yield from flush()
    if batch:
        yield from flush()


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
    progress: Progress | None = None,
) -> IngestReport:
    """Read, analyse and store every document under ``paths``; return the counts."""
    report = IngestReport()
    nlp = nlp if nlp is not None else load(model)
    versions = dict(stage_versions(model_id(nlp)))
    notify = progress or (lambda source, status: None)

    def todo() -> Iterator[Document]:
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

    for analysis in _analysed(todo(), nlp, report, batch_size):
        status = sink.save(analysis)
        if status == "added":
            report.added += 1
        elif status == "updated":
            report.updated += 1
        else:
            report.unchanged += 1
        notify(analysis.document.source or analysis.document.id, status)
    return report
