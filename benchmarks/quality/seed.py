"""The seed article against its hand-made gold, through ../shared/eval/score.py.

``--data`` may name the gold file or the folder that holds ``gold/`` and ``corpus/``
(the shared folder); the gold file names its document and publication date.
"""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path
from typing import Any

import actorgraph
from actorgraph.jsonout import to_json

DEFAULT_DATA = Path("../shared/gold/seed-militias.gold.json")


def _scorer(shared: Path) -> Any:
    spec = importlib.util.spec_from_file_location("score", shared / "eval" / "score.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def run(data: Path, *, limit: int | None) -> tuple[str, float]:
    gold_path = data if data.is_file() else data / "gold" / "seed-militias.gold.json"
    shared = gold_path.resolve().parent.parent
    gold = json.loads(gold_path.read_text("utf-8"))
    meta = gold["document"]
    text = (shared / meta["file"]).read_text("utf-8")
    analysis = actorgraph.analyze(
        text,
        published=meta.get("published"),
        title=meta.get("title"),
        publisher=meta.get("publisher"),
        author=meta.get("author"),
    )
    result = _scorer(shared).score(to_json(analysis), gold)
    for layer, figures in result.items():
        if isinstance(figures, dict):
            flat = " ".join(
                f"{k}={v:.2f}" if isinstance(v, float) else f"{k}={v}"
                for k, v in figures.items()
                if not isinstance(v, (list, dict))
            )
            print(f"   {layer:<10} {flat}")
    return "overall_f1", float(result["overall_f1"])
