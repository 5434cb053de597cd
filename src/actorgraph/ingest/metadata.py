"""Document metadata: CLI overrides, sidecar files, and the precedence between sources."""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass, fields
from pathlib import Path

from actorgraph.errors import InputError
from actorgraph.ingest import _text
from actorgraph.ingest.published import normalize_published

FIELDS = ("title", "published", "publisher", "author", "url")
# Keys accepted in JSON Lines records, sidecars and front matter, in order of preference.
ALIASES: dict[str, tuple[str, ...]] = {
    "title": ("title", "headline"),
    "published": ("published", "date", "published_at", "publication_date"),
    "publisher": ("publisher", "source", "sitename", "site_name"),
    "author": ("author", "authors", "byline"),
    "url": ("url", "link"),
}
SIDECAR_SUFFIX = ".meta.json"
SIDECAR_MAX_BYTES = 1_000_000

Fields = dict[str, str]


@dataclass(frozen=True)
class Meta:
    """Metadata given on the command line; it wins over sidecars and the file itself.

    Empty strings count as not given. ``published`` is normalised on construction and an
    unparseable value raises ``InputError`` (source "--published"), so the CLI can report
    it before reading anything.
    """

    title: str | None = None
    published: str | None = None
    publisher: str | None = None
    author: str | None = None
    url: str | None = None

    def __post_init__(self) -> None:
        for f in fields(self):
            value = getattr(self, f.name)
            if value is not None and not value.strip():
                object.__setattr__(self, f.name, None)
        if self.published is not None:
            normal = normalize_published(self.published)
            if normal is None:
                raise InputError(
                    "--published",
                    f"{self.published!r} is not a date; give it as YYYY-MM-DD, YYYY-MM or YYYY",
                )
            object.__setattr__(self, "published", normal)

    def as_fields(self) -> Fields:
        return {name: v for name in FIELDS if (v := getattr(self, name)) is not None}


def from_mapping(data: Mapping[str, object]) -> tuple[Fields, list[str]]:
    """Pick the metadata fields out of a record, sidecar or front matter.

    Returns the fields found and a list of problems (one sentence each) with values that
    had to be dropped. Lists of strings (several authors) are joined with ", ".
    """
    found: Fields = {}
    problems: list[str] = []
    for name, keys in ALIASES.items():
        key = next((k for k in keys if data.get(k) not in (None, "", [])), None)
        if key is None:
            continue
        raw = data[key]
        if name == "published":
            value = normalize_published(raw)
            if value is None:
                problems.append(
                    f'"{key}" value {raw!r} is not a date (use YYYY-MM-DD, YYYY-MM or YYYY); '
                    "the document was read without a publication date from it"
                )
                continue
        else:
            value = _as_text(raw)
            if value is None:
                problems.append(
                    f'"{key}" should be a string, not {type(raw).__name__}; '
                    "the document was read without it"
                )
                continue
            value, bad = _text.replace_surrogates(value)
            if bad:
                problems.append(_text.surrogate_problem(f'"{key}"', bad))
        found[name] = value
    return found, problems


def merge(*layers: Mapping[str, str]) -> Fields:
    """Merge metadata layers, later ones winning (in-file, sidecar, command line)."""
    merged: Fields = {}
    for layer in layers:
        merged.update({k: v for k, v in layer.items() if k in FIELDS and v})
    return merged


def sidecar_path(path: Path) -> Path:
    """Return where the sidecar of ``path`` would be: NAME.meta.json next to NAME.ext."""
    return path.with_name(path.stem + SIDECAR_SUFFIX)


def is_sidecar(path: Path) -> bool:
    return path.name.endswith(SIDECAR_SUFFIX)


def read_sidecar(path: Path) -> tuple[Fields, list[str]]:
    """Return the metadata in the sidecar of ``path`` ({} if there is none) and problems.

    Raises ``InputError`` (source: the sidecar) if the sidecar exists but cannot be used.
    """
    side = sidecar_path(path)
    source = str(side)
    try:
        if not side.is_file():
            return {}, []
    except OSError as e:
        raise _text.os_error(source, e) from e
    data = _text.read_bytes(side, max_bytes=SIDECAR_MAX_BYTES, source=source)
    text = _text.decode(data, source)
    try:
        value = json.loads(text)
    except RecursionError as e:
        raise _text.nesting_error(source) from e
    except json.JSONDecodeError as e:
        raise InputError(
            source,
            f"is not valid JSON ({e.msg} at line {e.lineno}, column {e.colno}); fix it",
        ) from e
    if not isinstance(value, dict):
        raise InputError(
            source,
            f"should hold a JSON object of metadata, not {json_type(value)}; fix it",
        )
    return from_mapping(value)


def _as_text(value: object) -> str | None:
    if isinstance(value, str):
        return value.strip() or None
    if isinstance(value, bool):
        return None
    if isinstance(value, int | float):
        return str(value)
    if isinstance(value, list) and value and all(isinstance(v, str) for v in value):
        return ", ".join(v.strip() for v in value if v.strip()) or None
    return None


def json_type(value: object) -> str:
    names = {dict: "an object", list: "an array", str: "a string", bool: "a boolean"}
    return "null" if value is None else names.get(type(value), "a number")
