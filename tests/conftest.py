"""Shared fixtures: the real pinned model (loaded once), fresh stores, the shared/ marker."""

from __future__ import annotations

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


@pytest.fixture(scope="session")
def nlp() -> Any:
    """The real pinned spaCy pipeline, loaded once per test session."""
    from actorgraph.pipeline.nlp import load

    return load("auto")


@pytest.fixture(scope="session")
def shared() -> Path:
    return SHARED
