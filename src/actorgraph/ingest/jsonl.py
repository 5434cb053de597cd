"""JSON Lines: one document per line, each line read (and failing) on its own."""

from __future__ import annotations

import codecs
import json
from collections.abc import Iterator
from pathlib import Path
from typing import BinaryIO

from actorgraph.errors import InputError
from actorgraph.ingest import _text
from actorgraph.ingest.failure import Failure
from actorgraph.ingest.metadata import Fields, Meta, from_mapping, json_type, merge
from actorgraph.model import Document

# Stop reading a file whose first lines are all bad: it is probably not JSON Lines at all.
GIVE_UP_AFTER = 20


def read_jsonl(path: Path, *, meta: Meta, max_bytes: int) -> Iterator[Document | Failure]:
    """Yield a Document or a Failure for each non-blank line, with source "path:LINE".

    ``max_bytes`` limits each line, not the file, so a large collection can be read as a
    stream. Blank lines are skipped. Sidecars do not apply to JSON Lines files.
    """
    source = str(path)
    try:
        with path.open("rb") as f:
            head = f.read(8192)
            _text.check_binary(head, source)
            f.seek(0)
            yield from _read_lines(f, source, meta=meta, max_bytes=max_bytes)
    except InputError as e:
        yield Failure(e.source, e.reason)
    except OSError as e:
        error = _text.os_error(source, e)
        yield Failure(error.source, error.reason)


def _read_lines(
    f: BinaryIO, source: str, *, meta: Meta, max_bytes: int
) -> Iterator[Document | Failure]:
    lineno = offset = good = bad = 0
    overrides = meta.as_fields()
    while True:
        line = f.readline(max_bytes + 1)
        if not line:
            break
        lineno += 1
        start = offset
        where = f"{source}:{lineno}"
        if len(line) > max_bytes and not line.endswith(b"\n"):
            rest, newline = _skip_rest_of_line(f)
            offset += len(line) + rest + newline
            size = len(line) + rest
            bad += 1
            yield Failure(where, _text.size_error(where, size, max_bytes).reason)
            continue
        offset += len(line)
        if lineno == 1 and line.startswith(codecs.BOM_UTF8):
            line = line[len(codecs.BOM_UTF8) :]
        if not line.strip():
            continue
        try:
            text, fields, problems = _parse_line(line, where, source, start)
        except InputError as e:
            bad += 1
            yield Failure(e.source, e.reason)
            if good == 0 and bad >= GIVE_UP_AFTER:
                yield Failure(
                    source,
                    f"stopped reading after {bad} bad lines and no good one; is it JSON Lines "
                    '(one JSON object with a "text" field per line)?',
                )
                return
            continue
        good += 1
        for problem in problems:
            yield Failure(where, problem, fatal=False)
        yield Document.from_text(text, source=where, **merge(fields, overrides))
    if good == 0 and bad == 0:
        word = "is empty" if offset == 0 else "contains only blank lines"
        yield Failure(source, f"{word}; remove it or add one JSON object per line")


def _parse_line(line: bytes, where: str, file: str, start: int) -> tuple[str, Fields, list[str]]:
    try:
        decoded = line.decode("utf-8")
    except UnicodeDecodeError as e:
        raise _text.encoding_error(
            where, line, e.start, file=file, file_offset=start + e.start
        ) from e
    try:
        value = json.loads(decoded)
    except RecursionError as e:
        raise _text.nesting_error(where) from e
    except json.JSONDecodeError as e:
        raise InputError(
            where,
            f"is not valid JSON ({e.msg} at column {e.colno}); each line must be one JSON "
            'object with a "text" field',
        ) from e
    return parse_record(value, where)


def parse_record(value: object, source: str) -> tuple[str, Fields, list[str]]:
    """Return the text, metadata and metadata problems of one JSON record.

    Raises ``InputError`` if ``value`` is not an object with a non-empty string "text".
    """
    if not isinstance(value, dict):
        raise InputError(
            source,
            f'is {json_type(value)}, not a JSON object; give an object with a "text" field',
        )
    raw = value.get("text")
    if raw is None:
        raise InputError(
            source,
            'has no "text" field; put the document text in "text" (other keys: '
            "title, published, publisher, author, url)",
        )
    if not isinstance(raw, str):
        raise InputError(
            source, f'has a "text" field that is {json_type(raw)}; it must be a string'
        )
    if not raw.strip():
        raise InputError(source, 'has an empty "text" field; fill it in or remove the record')
    fields, problems = from_mapping(value)
    text, bad = _text.replace_surrogates(raw)
    if bad:
        problems.append(_text.surrogate_problem('"text"', bad))
    return _text.normalize_newlines(text), fields, problems


def _skip_rest_of_line(f: BinaryIO) -> tuple[int, int]:
    """Read past the end of the current line; return the bytes skipped and the newline's."""
    skipped = 0
    while True:
        chunk = f.readline(1 << 20)
        if not chunk.endswith(b"\n"):
            skipped += len(chunk)
            if not chunk:
                return skipped, 0
            continue
        ending = 2 if chunk.endswith(b"\r\n") else 1
        return skipped + len(chunk) - ending, ending
