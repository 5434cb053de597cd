"""Shared fixtures: the real pinned model (loaded once), fresh stores, the shared/ marker."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    if SHARED.is_dir():
        return
    skip = pytest.mark.skip(reason=f"../shared is missing ({SHARED}): shared data not available")
    for item in items:
        if "shared" in item.keywords:
            item.add_marker(skip)


@pytest.fixture(scope="session", autouse=True)
def _local_cache(tmp_path_factory: pytest.TempPathFactory) -> Iterator[None]:
    """Keep derived caches (the gazetteer index) out of the user's ~/.cache during tests.

    Set in the environment, so the ingest subprocesses and worker processes share it.
    """
    old = os.environ.get("ACTORGRAPH_CACHE_DIR")
    os.environ["ACTORGRAPH_CACHE_DIR"] = str(tmp_path_factory.mktemp("cache"))
    yield
    if old is None:
        del os.environ["ACTORGRAPH_CACHE_DIR"]
    else:
        os.environ["ACTORGRAPH_CACHE_DIR"] = old


@pytest.fixture(scope="session")
def nlp() -> Any:
    """The real pinned spaCy pipeline, loaded once per test session."""
    from actorgraph.pipeline.nlp import load

    return load("auto")


@pytest.fixture(scope="session")
def shared() -> Path:
    return SHARED
