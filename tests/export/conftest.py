"""Export fixtures: a fresh SQLite store holding the two hand-made sample documents."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from export_samples import analysis_a, analysis_b

from actorgraph.store import Store, open_store


@pytest.fixture
def sample_store(tmp_path: Path) -> Iterator[Store]:
    """A store with documents A and B saved."""
    with open_store(tmp_path / "store.db") as store:
        assert store.save(analysis_a()) == "added"
        assert store.save(analysis_b()) == "added"
        yield store
