"""Make a fact's confidence mean the chance that it is right.

The stages score a relation or an event by how strong its pattern is (a raw confidence).
``benchmarks/quality.py --dataset dev --fit-calibration`` measures, on the tune split of
the dev gold, how often facts of each raw confidence were right, and writes a monotone
map from raw to observed share right (``lexicons/calibration.json``, pooled adjacent
violators with a pessimistic prior). The pipeline applies it to every relation and event,
so that facts with confidence >= c are right at a rate of about c.
"""

from __future__ import annotations

import bisect
import functools
import hashlib
import json
from collections.abc import Iterable, Sequence
from dataclasses import replace
from importlib import resources
from typing import TypeVar

from actorgraph.model import Event, Relation

KINDS = ("relation", "event")
FILE = "calibration.json"
PRIOR_RIGHT, PRIOR_WRONG = 1.0, 2.0  # a small bin is trusted less, pulled down


@functools.cache
def table() -> dict[str, tuple[tuple[float, ...], tuple[float, ...]]]:
    """Per kind: (upper raw bounds, calibrated values); empty when never fitted."""
    path = resources.files("actorgraph.pipeline").joinpath("lexicons", FILE)
    if not path.is_file():
        return {}
    data = json.loads(path.read_text("utf-8"))
    return {k: (tuple(v["raw"]), tuple(v["calibrated"])) for k, v in data["kinds"].items()}


@functools.cache
def version() -> str:
    """The fitted map's version: its file's digest ("none" when never fitted)."""
    path = resources.files("actorgraph.pipeline").joinpath("lexicons", FILE)
    if not path.is_file():
        return "calibration.none"
    return "calibration." + hashlib.sha256(path.read_bytes()).hexdigest()[:12]


def calibrate(kind: str, raw: float) -> float:
    """Return the calibrated confidence of a raw one (the raw one when not fitted)."""
    found = table().get(kind)
    if not found:
        return raw
    bounds, values = found
    i = bisect.bisect_left(bounds, raw)
    return values[min(i, len(values) - 1)]


def apply(
    relations: Iterable[Relation], events: Iterable[Event]
) -> tuple[tuple[Relation, ...], tuple[Event, ...]]:
    """Return the facts with calibrated confidences (their evidence's too)."""
    return (
        tuple(_re(r, calibrate("relation", r.confidence)) for r in relations),
        tuple(_re(e, calibrate("event", e.confidence)) for e in events),
    )


_Fact = TypeVar("_Fact", Relation, Event)


def _re(fact: _Fact, conf: float) -> _Fact:
    conf = round(conf, 3)
    evidence = tuple(replace(ev, confidence=conf) for ev in fact.evidence)
    return replace(fact, confidence=conf, evidence=evidence)


def fit(observed: Sequence[tuple[float, bool]]) -> tuple[list[float], list[float]]:
    """Fit the monotone map: pooled adjacent violators over (raw, right) pairs.

    Returns the upper raw bound of each pooled block and its calibrated value
    ``(right + PRIOR_RIGHT) / (n + PRIOR_RIGHT + PRIOR_WRONG)``.
    """
    blocks: list[list[float]] = []  # [upper raw, right, n]
    for raw, right in sorted(observed):
        blocks.append([raw, float(right), 1.0])
        while len(blocks) > 1 and _value(blocks[-2]) >= _value(blocks[-1]):
            hi, r, n = blocks.pop()
            blocks[-1] = [hi, blocks[-1][1] + r, blocks[-1][2] + n]
    return [b[0] for b in blocks], [round(_value(b), 3) for b in blocks]


def _value(block: list[float]) -> float:
    return (block[1] + PRIOR_RIGHT) / (block[2] + PRIOR_RIGHT + PRIOR_WRONG)
