"""Parquet shards of analyses: written by batch workers, bulk-loaded into a store later.

One shard holds the analyses of one partition of documents, one row each: the key
columns ``document_id``, ``source`` and ``stages`` (the stage versions as JSON) and the
whole analysis as lossless JSON (``batch._codec``, UTF-8 bytes) in ``analysis``. A shard is written
under a temporary name and renamed, so a directory never holds half a shard; its name
comes from the ids it holds, so writing the same partition again replaces it.

``load_shards`` saves each analysis in its own transaction through ``Store.save``:
loading the same shards again changes nothing ("unchanged").
"""

from __future__ import annotations

import hashlib
import json
import uuid
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple

from actorgraph.batch._codec import CODEC, analysis_from_bytes, analysis_to_bytes
from actorgraph.batch._runs import recorded
from actorgraph.errors import InputError
from actorgraph.ingest import Failure
from actorgraph.model import Analysis

if TYPE_CHECKING:
    from actorgraph.batch.local import IngestReport, Progress, Sink

SUFFIX = ".parquet"
COLUMNS = ("document_id", "source", "stages", "analysis")
_META_KEY = b"actorgraph.codec"


def shard_name(document_ids: Sequence[str]) -> str:
    """Return the file name of the shard holding these documents."""
    digest = hashlib.sha256("\n".join(document_ids).encode("ascii")).hexdigest()[:20]
    return f"part-{digest}{SUFFIX}"


def write_shard(folder: Path, analyses: Sequence[Analysis]) -> Path:
    """Write the analyses as one shard in ``folder`` (created if missing); return its path."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    folder.mkdir(parents=True, exist_ok=True)
    path = folder / shard_name([a.document.id for a in analyses])
    schema = pa.schema(
        [
            ("document_id", pa.string()),
            ("source", pa.string()),
            ("stages", pa.string()),
            ("analysis", pa.binary()),  # UTF-8 JSON, lone surrogates passed through
        ],
        metadata={_META_KEY: CODEC.encode()},
    )
    table = pa.table(
        {
            "document_id": [a.document.id for a in analyses],
            "source": [_printable(a.document.source) for a in analyses],
            "stages": [json.dumps(dict(a.stages), sort_keys=True) for a in analyses],
            "analysis": [analysis_to_bytes(a) for a in analyses],
        },
        schema=schema,
    )
    # Unique per write: two workers retrying the same partition never share a file.
    part = path.with_name(f"{path.name}.{uuid.uuid4().hex[:12]}.part")
    try:
        pq.write_table(table, part, compression="zstd")
        part.replace(path)
    finally:
        part.unlink(missing_ok=True)
    return path


def shard_paths(folder: Path) -> list[Path]:
    """Return the shards in ``folder``, sorted by name; raise InputError if there are none."""
    if not folder.is_dir():
        raise InputError(str(folder), "no such folder; give the --out folder of an ingest")
    found = sorted(p for p in folder.iterdir() if p.name.endswith(SUFFIX) and p.is_file())
    if not found:
        raise InputError(
            str(folder), f"no {SUFFIX} shards in it; give the --out folder of an ingest"
        )
    return found


class Row(NamedTuple):
    """One row of a shard, the analysis still as JSON bytes."""

    document_id: str
    source: str | None
    stages: dict[str, str]
    analysis: bytes


def iter_rows(path: Path, *, batch_rows: int = 64) -> Iterator[Row]:
    """Yield the rows of one shard, reading a few at a time."""
    import pyarrow.parquet as pq

    with pq.ParquetFile(path) as shard:
        codec = (shard.schema_arrow.metadata or {}).get(_META_KEY, b"").decode()
        if codec != CODEC:
            raise InputError(
                str(path),
                f"not an actorgraph shard of codec {CODEC!r} (found {codec!r}); "
                "write it again with this version's 'actorgraph ingest --out'",
            )
        for batch in shard.iter_batches(batch_size=batch_rows, columns=list(COLUMNS)):
            columns = batch.to_pydict()
            for doc_id, source, stages, text in zip(*(columns[c] for c in COLUMNS), strict=True):
                yield Row(doc_id, source, json.loads(stages), text)


def read_shard(path: Path) -> Iterator[Analysis]:
    """Yield the analyses of one shard, in the order they were written."""
    for row in iter_rows(path):
        yield analysis_from_bytes(row.analysis)


@recorded("load")
def load_shards(
    paths: Iterable[Path], sink: Sink, *, progress: Progress | None = None
) -> IngestReport:
    """Save every analysis in the shards, each in its own transaction; return the counts.

    A row already stored with the same stage versions is skipped before decoding. A shard
    that cannot be read, or a row that cannot be decoded or saved, is a failure naming
    it; the rest go on.
    """
    from actorgraph.batch.local import IngestReport
    from actorgraph.errors import StoreError

    report = IngestReport()
    notify = progress or (lambda source, status: None)
    for path in paths:
        try:
            # A shard is one partition (a few MB): read whole, so a damaged file is
            # reported before any of its rows is saved.
            rows = list(iter_rows(path))
        except Exception as exc:  # not Parquet, truncated, another codec
            reason = exc.reason if isinstance(exc, InputError) else f"cannot read the shard: {exc}"
            report.failures.append(Failure(str(path), reason))
            notify(str(path), "failed")
            continue
        for number, row in enumerate(rows, start=1):
            where = f"{row.source or row.document_id[:12]} ({path.name} row {number})"
            if sink.is_current(row.document_id, row.stages):
                report.unchanged += 1
                notify(where, "unchanged")
                continue
            try:
                status = sink.save(analysis_from_bytes(row.analysis))
            except (ValueError, StoreError) as exc:
                report.failures.append(Failure(where, f"not loaded: {exc}"))
                notify(where, "failed")
                continue
            if status == "added":
                report.added += 1
            elif status == "updated":
                report.updated += 1
            else:
                report.unchanged += 1
            notify(where, status)
    return report


def count_rows(paths: Iterable[Path]) -> int:
    """Return the number of rows in the shards, from their footers (0 for an unreadable one)."""
    import pyarrow.parquet as pq

    total = 0
    for path in paths:
        try:
            total += int(pq.read_metadata(path).num_rows)
        except Exception:  # reported by load_shards, which reads it for real
            continue
    return total


def _printable(text: str | None) -> str | None:
    """Return ``text`` as valid UTF-8 (a path may hold undecodable bytes): for display only."""
    if text is None:
        return None
    return text.encode("utf-8", "backslashreplace").decode("utf-8")
