"""Read files into Documents: plain text, Markdown, HTML and JSON Lines.

Readers never raise for bad input: they yield a ``Failure`` naming the file (and line)
and go on with the next file or line.
"""

from __future__ import annotations

import json
import shlex
from collections.abc import Iterator, Sequence
from pathlib import Path

from actorgraph.errors import InputError
from actorgraph.ingest import _html, _markdown, _text
from actorgraph.ingest._headline import is_headline_only, split_headline
from actorgraph.ingest.failure import Failure
from actorgraph.ingest.jsonl import parse_record, read_jsonl
from actorgraph.ingest.metadata import (
    Fields,
    Meta,
    is_sidecar,
    merge,
    read_sidecar,
    sidecar_path,
)
from actorgraph.ingest.walk import Kind, iter_files, kind_of
from actorgraph.model import Document
from actorgraph.settings import Settings

DEFAULT_MAX_BYTES: int = Settings.max_bytes
NO_META = Meta()


def iter_documents(
    paths: Sequence[Path], *, meta: Meta = NO_META, max_bytes: int = DEFAULT_MAX_BYTES
) -> Iterator[Document | Failure]:
    """Read every file named in ``paths``, walking directories in sorted order.

    A file met twice (named twice, or named and inside a named directory) is read once.
    """
    for item in iter_files(paths):
        if isinstance(item, Failure):
            yield item
        else:
            yield from read_file(item, meta=meta, max_bytes=max_bytes)


def read_path(
    path: Path, *, meta: Meta = NO_META, max_bytes: int = DEFAULT_MAX_BYTES
) -> Iterator[Document | Failure]:
    """Read one file, or every readable file under a directory."""
    return iter_documents([path], meta=meta, max_bytes=max_bytes)


def read_file(
    path: Path, *, meta: Meta = NO_META, max_bytes: int = DEFAULT_MAX_BYTES
) -> Iterator[Document | Failure]:
    """Read one file named explicitly; an unknown extension is read as plain text."""
    source = str(path)
    kind = kind_of(path)
    if kind == "jsonl":
        yield from read_jsonl(path, meta=meta, max_bytes=max_bytes)
        return
    if is_sidecar(path):
        yield Failure(
            source,
            "is a metadata sidecar, not a document; name the document it describes "
            "(or its directory) instead",
        )
        return
    try:
        text, infile, problems = _read_one(path, kind, meta=meta, max_bytes=max_bytes)
    except InputError as e:
        yield Failure(e.source, e.reason)
        return
    for problem in problems:
        yield Failure(source, problem, fatal=False)
    sidecar: Fields = {}
    try:
        sidecar, sidecar_problems = read_sidecar(path)
    except InputError as e:
        yield Failure(e.source, f"{e.reason}; {path.name} was read without it", fatal=False)
    else:
        for problem in sidecar_problems:
            yield Failure(str(sidecar_path(path)), problem, fatal=False)
    fields = merge(infile, sidecar, meta.as_fields())
    if kind in (None, "text"):
        text, headline = split_headline(text, fields.get("title"))
        if headline is not None and not fields.get("title"):
            fields["title"] = headline
        if headline is None and is_headline_only(text):
            yield Failure(source, _headline_only(text.strip()))
            return
    yield Document.from_text(text, source=source, **fields)


def _headline_only(headline: str) -> str:
    return (
        f"holds only a headline ({headline!r}) and no article text; add the text below it "
        "after a blank line (the headline becomes the title)"
    )


def _read_one(
    path: Path, kind: Kind | None, *, meta: Meta, max_bytes: int
) -> tuple[str, Fields, tuple[str, ...]]:
    """Return the text, the metadata the file states, and metadata problems."""
    source = str(path)
    data = _text.read_bytes(path, max_bytes=max_bytes)
    if kind == "html":
        html = _html.decode_html(data, source)
        _require_text(html, source)
        text, infile = _html.extract_html(html, source, url=meta.url)
        return text, infile, ()
    if kind == "json":
        return _read_json(data, source)
    text = _text.decode(data, source)
    _require_text(text, source)
    if kind == "markdown":
        md = _markdown.parse_markdown(text)
        if not md.text.strip():
            if md.meta.get("title") and not text.lstrip().startswith("---"):
                raise InputError(source, _headline_only(str(md.meta["title"])))
            raise InputError(source, "has front matter but no text; add the document text")
        return md.text, md.meta, md.problems
    return text, {}, ()


def _read_json(data: bytes, source: str) -> tuple[str, Fields, tuple[str, ...]]:
    """Read a .json file named explicitly as one record like a JSON Lines line."""
    text = _text.decode(data, source)
    _require_text(text, source)
    try:
        value = json.loads(text)
    except RecursionError as e:
        raise _text.nesting_error(source) from e
    except json.JSONDecodeError as e:
        raise InputError(
            source,
            f"is not valid JSON ({e.msg} at line {e.lineno}, column {e.colno}); fix it, or "
            "rename it to .txt to read it as plain text",
        ) from e
    if isinstance(value, list):
        jsonl = str(Path(source).with_suffix(".jsonl"))
        raise InputError(
            source,
            "holds a JSON array; give one record per line as JSON Lines instead, e.g. "
            f"`jq -c '.[]' {shlex.quote(source)} > {shlex.quote(jsonl)}`",
        )
    text, fields, problems = parse_record(value, source)
    return text, fields, tuple(problems)


def _require_text(text: str, source: str) -> None:
    if not text:
        raise InputError(source, "is empty; remove it or add the document text")
    if not text.strip():
        raise InputError(source, "contains only whitespace; remove it or add the document text")
