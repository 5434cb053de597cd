"""Find the files to read: named files as given, directories walked in sorted order."""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Literal

from actorgraph.ingest import _text
from actorgraph.ingest.failure import Failure
from actorgraph.ingest.metadata import is_sidecar

Kind = Literal["text", "markdown", "html", "jsonl", "json"]
SUFFIXES: dict[str, Kind] = {
    ".txt": "text",
    ".text": "text",
    ".md": "markdown",
    ".markdown": "markdown",
    ".html": "html",
    ".htm": "html",
    ".xhtml": "html",
    ".jsonl": "jsonl",
    ".ndjson": "jsonl",
    ".json": "json",
}
# Kinds a directory walk picks up; a .json file is read only when named explicitly.
WALKED: frozenset[Kind] = frozenset({"text", "markdown", "html", "jsonl"})


def kind_of(path: Path) -> Kind | None:
    """Return the format of ``path`` by its extension (case-insensitive), None if unknown."""
    return SUFFIXES.get(path.suffix.lower())


def iter_files(paths: Iterable[Path]) -> Iterator[Path | Failure]:
    """Yield the files to read under ``paths``, or a Failure for a path that cannot be.

    Named files are yielded whatever their extension. In directories, hidden files and
    directories, sidecars, unknown extensions and symlinked directories are skipped
    silently. Each file is yielded once, however often it is reached.
    """
    seen: set[str] = set()
    for given in paths:
        path = Path(given)  # tolerate str from callers that skip the conversion
        try:
            is_dir = path.is_dir()
            exists = is_dir or path.exists()
        except OSError as e:
            yield _failure(str(path), e)
            continue
        if is_dir:
            yield from _walk(path, seen)
        elif not exists:
            yield Failure(str(path), "does not exist; check the path")
        elif _first_time(path, seen):
            yield path


def count_inputs(paths: Iterable[Path]) -> int:
    """Return how many items ``iter_files`` yields: a progress bar's total."""
    return sum(1 for _ in iter_files(paths))


def _walk(directory: Path, seen: set[str]) -> Iterator[Path | Failure]:
    try:
        with os.scandir(directory) as it:
            entries = sorted(it, key=lambda e: e.name)
    except OSError as e:
        yield _failure(str(directory), e, listing=True)
        return
    for entry in entries:
        if entry.name.startswith("."):
            continue
        path = directory / entry.name
        try:
            if entry.is_dir(follow_symlinks=False):
                yield from _walk(path, seen)
                continue
            if not entry.is_file():
                continue
        except OSError:  # vanished while walking
            continue
        kind = kind_of(path)
        if kind in WALKED and not is_sidecar(path) and _first_time(path, seen):
            yield path


def _first_time(path: Path, seen: set[str]) -> bool:
    key = os.path.realpath(path)
    if key in seen:
        return False
    seen.add(key)
    return True


def _failure(source: str, error: OSError, *, listing: bool = False) -> Failure:
    if listing and isinstance(error, PermissionError):
        return Failure(
            source, "cannot be listed (permission denied); check its permissions, e.g. `chmod +rx`"
        )
    e = _text.os_error(source, error)
    return Failure(e.source, e.reason)
