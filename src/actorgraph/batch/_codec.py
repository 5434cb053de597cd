"""Turn an ``Analysis`` into JSON and back, losing nothing.

``actorgraph.jsonout`` renders the public analysis JSON, which leaves fields out (the
stage of mentions, speaker text, cue spans, evidence objects, place details). Shards need
the exact dataclasses back, so this codec walks the fields of ``model.py`` itself: a
dataclass becomes an object of its fields, a tuple a list; decoding reads each field's
type annotation to rebuild tuples and nested dataclasses. A field added to ``model.py``
is therefore carried without touching this module; one of a type JSON cannot hold (a
dict, a set) makes encoding fail rather than lose it.
"""

from __future__ import annotations

import dataclasses
import functools
import json
import types
from typing import Any, Literal, Union, get_args, get_origin, get_type_hints

from actorgraph.model import Analysis

CODEC = "actorgraph.analysis-codec/1"

_SCALARS = (str, int, float, bool, type(None))


def analysis_to_dict(analysis: Analysis) -> dict[str, Any]:
    """Return the analysis as nested dicts and lists of JSON scalars."""
    encoded = _encode(analysis, "analysis")
    assert isinstance(encoded, dict)
    return encoded


def analysis_from_dict(data: dict[str, Any]) -> Analysis:
    """Rebuild the analysis ``analysis_to_dict`` returned; raise ValueError on a mismatch."""
    found = _decode(Analysis, data, "analysis")
    assert isinstance(found, Analysis)
    return found


def analysis_to_json(analysis: Analysis) -> str:
    """Return the analysis as compact JSON text, every character kept as it is.

    Not escaped to ASCII: ``json.loads`` would join an escaped surrogate pair into one
    character, and a document's id is the hash of its exact text. A text may hold lone
    surrogates (document ids allow them), so write it with ``analysis_to_bytes``.
    """
    return json.dumps(analysis_to_dict(analysis), ensure_ascii=False, separators=(",", ":"))


def analysis_from_json(text: str) -> Analysis:
    """Rebuild the analysis from ``analysis_to_json`` text."""
    data = json.loads(text)
    if not isinstance(data, dict):
        raise ValueError("analysis JSON is not an object")
    return analysis_from_dict(data)


def analysis_to_bytes(analysis: Analysis) -> bytes:
    """Return the analysis JSON as UTF-8, lone surrogates passed through."""
    return analysis_to_json(analysis).encode("utf-8", "surrogatepass")


def analysis_from_bytes(data: bytes) -> Analysis:
    """Rebuild the analysis from ``analysis_to_bytes`` output."""
    return analysis_from_json(data.decode("utf-8", "surrogatepass"))


def _encode(value: Any, where: str) -> Any:
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {
            f.name: _encode(getattr(value, f.name), f"{where}.{f.name}")
            for f in dataclasses.fields(value)
        }
    if isinstance(value, tuple):
        return [_encode(v, f"{where}[{i}]") for i, v in enumerate(value)]
    if isinstance(value, _SCALARS):
        return value
    raise TypeError(f"{where}: cannot encode a {type(value).__name__} losslessly as JSON")


@functools.cache
def _fields(cls: type) -> dict[str, Any]:
    hints = get_type_hints(cls)
    return {f.name: hints[f.name] for f in dataclasses.fields(cls)}


def _decode(tp: Any, value: Any, where: str) -> Any:
    origin = get_origin(tp)
    if tp is Any:
        return value
    if origin is Union or origin is types.UnionType:
        options = get_args(tp)
        if value is None and type(None) in options:
            return None
        others = [a for a in options if a is not type(None)]
        if len(others) != 1:
            raise ValueError(f"{where}: cannot decode a field typed {tp}")
        return _decode(others[0], value, where)
    if origin is tuple:
        if not isinstance(value, list):
            raise ValueError(f"{where}: expected a list, found {type(value).__name__}")
        args = get_args(tp)
        if len(args) == 2 and args[1] is Ellipsis:
            return tuple(_decode(args[0], v, f"{where}[{i}]") for i, v in enumerate(value))
        if len(args) != len(value):
            raise ValueError(f"{where}: expected {len(args)} items, found {len(value)}")
        items = enumerate(zip(args, value, strict=True))
        return tuple(_decode(a, v, f"{where}[{i}]") for i, (a, v) in items)
    if origin is Literal:
        if value not in get_args(tp):
            raise ValueError(f"{where}: {value!r} is not one of {get_args(tp)}")
        return value
    if isinstance(tp, type) and dataclasses.is_dataclass(tp):
        return _decode_dataclass(tp, value, where)
    if tp is float and isinstance(value, int | float) and not isinstance(value, bool):
        return value  # JSON keeps an int an int: equal to the float it stood for
    if tp in (str, int, bool) and type(value) is tp:
        return value
    raise ValueError(f"{where}: expected {getattr(tp, '__name__', tp)}, found {value!r}")


def _decode_dataclass(cls: type, value: Any, where: str) -> Any:
    if not isinstance(value, dict):
        raise ValueError(f"{where}: expected an object, found {type(value).__name__}")
    types_ = _fields(cls)
    unknown = set(value) - set(types_)
    if unknown:
        raise ValueError(
            f"{where}: unknown fields {sorted(unknown)}; was it written by a newer actorgraph?"
        )
    # A field missing from the JSON takes its default: shards written before it was added.
    kwargs = {k: _decode(types_[k], v, f"{where}.{k}") for k, v in value.items()}
    try:
        return cls(**kwargs)
    except TypeError as exc:
        raise ValueError(f"{where}: {exc}") from exc
