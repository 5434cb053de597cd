"""The gazetteer's city index is cached on disk and read back the same; a bad cache is rebuilt."""

from __future__ import annotations

from pathlib import Path

import pytest

from actorgraph.pipeline.places import _cache, _gazetteer
from actorgraph.pipeline.places._cities import CityIndex


def _lookups(g: CityIndex) -> list[object]:
    return [g.cities(k) for k in ("mosul", "springfield", "paris", "nowhere at all")]


def test_built_once_then_read_back(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("ACTORGRAPH_CACHE_DIR", str(tmp_path / "cache"))
    built = CityIndex()
    files = list((tmp_path / "cache").glob("cities-*.marshal"))
    assert len(files) == 1 and not list((tmp_path / "cache").glob("*.tmp"))

    def no_build(self: CityIndex) -> None:
        raise AssertionError("the cached index should have been used")

    monkeypatch.setattr(CityIndex, "_build", no_build)
    cached = CityIndex()
    assert _lookups(cached) == _lookups(built)
    assert len(cached._names) == len(built._names) > 100_000
    assert cached.cities("mosul")[0].country == "IQ"


def test_damaged_or_foreign_files_are_not_used(tmp_path: Path) -> None:
    path = tmp_path / "cities-x.marshal"
    assert _cache.load(path) is None  # missing
    path.write_bytes(b"\x00garbage")
    assert _cache.load(path) is None
    _cache.save(path, {"something": "else"})
    assert _cache.load(path) is None
    fields = {name: [] for name in _cache.FIELDS}
    _cache.save(path, fields)
    assert _cache.load(path) == fields


def test_the_key_changes_with_the_code(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("ACTORGRAPH_CACHE_DIR", str(tmp_path))
    code = tmp_path / "builder.py"
    code.write_text("x = 1\n")
    first = _cache.cache_path((code,))
    code.write_text("x = 2\n")
    assert first is not None and _cache.cache_path((code,)) not in (None, first)
    assert _cache.cache_path(_gazetteer._SOURCES) is not None


def test_off_and_unwritable(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("ACTORGRAPH_CACHE_DIR", "off")
    assert _cache.cache_path(_gazetteer._SOURCES) is None
    blocked = tmp_path / "file"
    blocked.write_text("not a folder")
    _cache.save(blocked / "sub" / "cities.marshal", {})  # no error, nothing written
    assert blocked.read_text() == "not a folder"
