"""A store built once per module from the bundled seed article, and clients for its API."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from api_samples import TOKEN
from fastapi.testclient import TestClient

from actorgraph.api import create_app
from actorgraph.ingest import Failure, read_path
from actorgraph.pipeline.analyze import analyze_document
from actorgraph.store import open_store

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"


def build_store(path: Path, nlp: Any, *extra: Path) -> Path:
    """Ingest the seed article (and ``extra`` files) into a new SQLite store at ``path``."""
    with open_store(path) as store:
        for source in (EXAMPLES, *extra):
            for doc in read_path(source):
                assert not isinstance(doc, Failure), doc
                store.save(analyze_document(doc, nlp=nlp))
    return path


@pytest.fixture(scope="module")
def seed_db(tmp_path_factory: pytest.TempPathFactory, nlp: Any) -> Path:
    """The seed article's store: read-only for the tests, so built once per module."""
    return build_store(tmp_path_factory.mktemp("api") / "seed.db", nlp)


@pytest.fixture
def client(seed_db: Path) -> Iterator[TestClient]:
    with TestClient(create_app(str(seed_db)), base_url="http://127.0.0.1") as c:
        yield c


@pytest.fixture
def writable_db(seed_db: Path, tmp_path: Path) -> Path:
    """A copy of the seed store that a test may change."""
    return Path(shutil.copy(seed_db, tmp_path / "writable.db"))


@pytest.fixture
def writer(writable_db: Path) -> Iterator[TestClient]:
    """A client of an app with a token, over a store of its own; it sends no token itself."""
    app = create_app(str(writable_db), token=TOKEN)
    with TestClient(app, base_url="http://127.0.0.1", raise_server_exceptions=False) as c:
        yield c
