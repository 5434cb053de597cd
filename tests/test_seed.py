"""The founding example end to end: the seed article against its hand-made gold.

Reads ../shared (the article, its gold and the scorer), so it carries the `shared` marker.
"""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path
from typing import Any

import pytest

import actorgraph
from actorgraph.jsonout import to_json

pytestmark = pytest.mark.shared


def _score(shared: Path, nlp: Any) -> tuple[dict[str, Any], dict[str, Any]]:
    gold = json.loads((shared / "gold" / "seed-militias.gold.json").read_text("utf-8"))
    text = (shared / gold["document"]["file"]).read_text("utf-8")
    analysis = to_json(actorgraph.analyze(text, published="2015-02-04", nlp=nlp))
    spec = importlib.util.spec_from_file_location("score", shared / "eval" / "score.py")
    assert spec is not None and spec.loader is not None
    scorer = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(scorer)
    return analysis, scorer.score(analysis, gold)


def test_seed_meets_the_foundation_targets(shared: Path, nlp: Any) -> None:
    _, result = _score(shared, nlp)
    assert result["entities"]["recall"] >= 0.95
    assert result["entities"]["split"] == 0
    assert result["entities"]["wrongly_merged"] == 0
    assert result["quotes"]["f1"] >= 0.90
    assert result["dates"]["accuracy"] >= 0.90


def test_seed_analysis_is_valid_and_grounded(shared: Path, nlp: Any) -> None:
    import jsonschema

    analysis, _ = _score(shared, nlp)
    schema = json.loads((shared / "eval" / "analysis.schema.json").read_text("utf-8"))
    jsonschema.validate(analysis, schema)
    text = (shared / "corpus" / "seed" / "inside-iraqs-iranian-backed-militias.txt").read_text(
        "utf-8"
    )
    for q in analysis["quotes"]:
        assert text[q["start"] : q["end"]] == q["text"]
    for d in analysis["dates"]:
        assert text[d["start"] : d["end"]] == d["text"]
    for fact in analysis["relations"] + analysis["events"]:
        for ev in fact["evidence"]:
            assert text[ev["start"] : ev["end"]] == ev["text"]
