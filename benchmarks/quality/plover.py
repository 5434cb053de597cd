"""PLOVER event coding on the PLOVER gold-standard records (single news sentences).

Each record gives a sentence, its PLOVER event class and source/target actor strings.
We run our stages on the sentence (published 2000-01-01, the records' nominal date) and
compare our highest-confidence event:

- class accuracy: its type vs the gold class (a record where we find no event counts
  wrong). The file predates PLOVER 2021, so its old classes are mapped to the current
  sixteen: DEMAND -> REQUEST, FIGHT -> ASSAULT, DISAPPROVE and INVESTIGATE -> ACCUSE;
- actor match: over records with gold sources (targets), the share where one of our
  actor (target) entities' names overlaps a gold actor string by a shared word (or a
  fuzzy match >= 80), on events of any class.

A confusion summary lists the most frequent (gold, predicted) errors.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import re
from collections import Counter
from pathlib import Path
from typing import Any

DEFAULT_DATA = Path("../shared/datasets/events/plover_gsr/plover_gsr_dev.json")
OLD_TO_NEW = {
    "DEMAND": "REQUEST",
    "FIGHT": "ASSAULT",
    "DISAPPROVE": "ACCUSE",
    "INVESTIGATE": "ACCUSE",
}
_STOP = frozenset(["the", "of", "and", "a", "an", "in", "to", "for", "s"])


def _words(s: str) -> set[str]:
    return {w for w in re.findall(r"[a-z0-9]+", s.lower()) if w not in _STOP and len(w) > 2}


def _stem(w: str) -> str:
    """Crude: 'Hungarian' and 'Hungary', 'Israeli' and 'Israel' share a stem."""
    return w[:5]


def _match(names: list[str], gold: list[str]) -> bool:
    from rapidfuzz import fuzz

    for n in names:
        for g in gold:
            if {_stem(w) for w in _words(n)} & {_stem(w) for w in _words(g)}:
                return True
            if fuzz.partial_ratio(n.lower(), g.lower()) >= 80:
                return True
    return False


def _actors(field: Any) -> list[str]:
    if isinstance(field, list):
        return [a.get("actorText", "") for a in field if isinstance(a, dict)]
    return []


def run(data: Path, *, limit: int | None) -> tuple[str, float]:
    from actorgraph.model import Document
    from actorgraph.pipeline.analyze import analyze_parsed
    from actorgraph.pipeline.nlp import ParsedDoc, load, model_id

    records = [r for r in json.loads(data.read_text("utf-8")) if r.get("event") != "DOCUMENT"]
    if limit:
        records = records[:limit]
    nlp = load("auto")
    texts = [r["text"] for r in records]
    right = 0
    src_n = src_ok = tgt_n = tgt_ok = 0
    confusion: Counter[tuple[str, str]] = Counter()
    per_class: Counter[str] = Counter()
    per_class_ok: Counter[str] = Counter()
    for rec, doc in zip(records, nlp.pipe(texts, batch_size=32), strict=True):
        document = Document.from_text(rec["text"], published="2000-01-01")
        parsed = ParsedDoc(document, doc, dt.date(2000, 1, 1), model_id(nlp))
        result = analyze_parsed(parsed)  # every stage, as the pipeline runs them
        found = result
        gold = OLD_TO_NEW.get(rec["event"], rec["event"])
        per_class[gold] += 1
        top = max(result.events, key=lambda e: e.confidence, default=None)
        pred = top.type if top else "NONE"
        if pred == gold:
            right += 1
            per_class_ok[gold] += 1
        else:
            confusion[(gold, pred)] += 1
            if os.environ.get("QUAL_VERBOSE"):
                print(f"     ! {gold} -> {pred}: {rec['text'][:140]}")
        names = {e.id: e.name for e in found.entities}
        gs, gt = _actors(rec.get("source")), _actors(rec.get("target"))
        if gs:
            src_n += 1
            src_ok += bool(top and _match([names[a] for a in top.actors], gs))
        if gt:
            tgt_n += 1
            tgt_ok += bool(top and _match([names[a] for a in top.targets], gt))
    n = len(records)
    acc = right / n if n else 0.0
    print(f"   records={n} class_accuracy={acc:.3f}")
    print(
        f"   source_match={src_ok / src_n if src_n else 0:.3f} (n={src_n}) "
        f"target_match={tgt_ok / tgt_n if tgt_n else 0:.3f} (n={tgt_n})"
    )
    print(
        "   per class: "
        + " ".join(f"{c}={per_class_ok[c]}/{per_class[c]}" for c in sorted(per_class))
    )
    print("   most frequent errors (gold -> predicted):")
    for (g, p), k in confusion.most_common(12):
        print(f"     {g:>10} -> {p:<10} {k}")
    return "class_accuracy", acc
