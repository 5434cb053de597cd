"""The README's notebook example, run as it is written, on the example article's store."""

from __future__ import annotations

import contextlib
import io
import re
from pathlib import Path
from typing import Any

import pytest

from actorgraph.ingest import Failure, read_path
from actorgraph.pipeline.analyze import analyze_document
from actorgraph.store import open_store

ROOT = Path(__file__).resolve().parents[2]


def _readme_example() -> str:
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    section = text.split("\n## In a notebook\n", 1)[1].split("\n## ", 1)[0]
    (code,) = re.findall(r"```python\n(.*?)```", section, flags=re.DOTALL)
    return code


def test_notebook_readme_example_runs(
    tmp_path: Path, nlp: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    with open_store(tmp_path / "actorgraph.db") as store:
        for doc in read_path(ROOT / "examples"):
            assert not isinstance(doc, Failure), doc
            store.save(analyze_document(doc, nlp=nlp))
    monkeypatch.chdir(tmp_path)
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        exec(compile(_readme_example(), "README.md", "exec"), {"__name__": "readme"})
    printed = out.getvalue()
    assert "Hadi al-Amiri leader_of Badr Organization [asserted]" in printed
    assert "Inside Iraq's Iranian-Backed Militias, characters " in printed
    assert "date_start" in printed and "mentions" in printed
    assert "Badr Organization" in printed.split("mentions", 1)[1]
