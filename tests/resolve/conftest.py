"""Resolve fixtures: ``store`` is a fresh store on SQLite and on PostgreSQL.

The PostgreSQL server is the store tests' own fixture (``tests/store/conftest.py``),
loaded by path so the two directories share one definition.
"""

from __future__ import annotations

import importlib.util
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from actorgraph.store import Store, open_store

_STORE_TESTS = Path(__file__).resolve().parent.parent / "store"
if str(_STORE_TESTS) not in sys.path:
    sys.path.insert(0, str(_STORE_TESTS))
_spec = importlib.util.spec_from_file_location("store_conftest", _STORE_TESTS / "conftest.py")
assert _spec is not None and _spec.loader is not None
_store_conftest = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(_store_conftest)

postgres_server = _store_conftest.postgres_server
store_url = _store_conftest.store_url


@pytest.fixture
def store(store_url: str) -> Iterator[Store]:
    """A fresh store, once per engine."""
    with open_store(store_url) as opened:
        yield opened


@pytest.fixture
def sqlite_store(tmp_path: Path) -> Iterator[Store]:
    """A fresh SQLite store, for tests that need no second engine."""
    with open_store(tmp_path / "store.db") as opened:
        yield opened
