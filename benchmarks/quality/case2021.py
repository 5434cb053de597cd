"""Event class on CASE 2021 Task 2 snippets (ACLED sub-event types mapped to PLOVER).

Each row is a short news snippet with one ACLED-style sub-event type. We run our stages
on it (no publication date) and compare our highest-confidence event's type with the
mapped gold class; a snippet where we find no event counts wrong. Types with no PLOVER
counterpart (disasters, organised crime, OTHER, ...) are left out of the accuracy and
reported as how often we stay silent on them (a precision check).

Mapping (ACLED sub-event type -> accepted PLOVER classes), after the PLOVER 2021 codebook:

| ACLED sub-event | PLOVER | why |
|---|---|---|
| ARMED_CLASH | ASSAULT | conventional military force (ex-FIGHT) |
| ATTACK | ASSAULT | unconventional violence |
| AIR_STRIKE | ASSAULT | mode aerial |
| ART_MISS_ATTACK | ASSAULT | mode heavy-weapons |
| GRENADE, REM_EXPLOS, SUIC_BOMB | ASSAULT | mode explosives / suicide-attack |
| CHEM_WEAP | ASSAULT | mode unconventional (cbrn) |
| SEX_VIOL | ASSAULT | mode sexual |
| ABDUCT_DISSAP | ASSAULT, COERCE | abduct (2021: ASSAULT; older: COERCE) |
| PROPERTY_DISTRUCT | ASSAULT, COERCE | destroy property (2021: ASSAULT) |
| GOV_REGAINS_TERIT | COERCE, ASSAULT | occupy territory (seize), by fighting |
| NON_STATE_ACTOR_OVERTAKES_TER | COERCE, ASSAULT | occupy territory (seize), by fighting |
| NON_VIOL_TERRIT_TRANSFER | RETREAT, COERCE | withdraw / take over without a fight |
| HQ_ESTABLISHED | MOBILIZE | show of force, a base set up |
| DISR_WEAP | COERCE, RETREAT | seize weapons / disarm |
| ARREST | COERCE | mode arrest |
| AGREEMENT | AGREE, SUPPORT | agree (sign formal agreement: SUPPORT) |
| PEACE_PROTEST | PROTEST | mode demo |
| PROTEST_WITH_INTER | PROTEST, COERCE | demo met by an intervention |
| FORCE_AGAINST_PROTEST | COERCE, ASSAULT | violent repression of a protest |
| VIOL_DEMONSTR | PROTEST, ASSAULT | mode riot |
| MOB_VIOL | ASSAULT, PROTEST | mob violence |
| CHANGE_TO_GROUP_ACT | MOBILIZE, RETREAT | a group's strategic change |
| DIPLO | CONSULT, AGREE, SUPPORT, REQUEST, ACCUSE, REJECT, SANCTION | diplomacy |
| ORG_CRIME, NATURAL_DISASTER, MAN_MADE_DISASTER, ATTRIB, OTHER | (none) | not PLOVER events |
"""

from __future__ import annotations

import csv
import os
from collections import Counter
from pathlib import Path

DEFAULT_DATA = Path("../shared/datasets/events/case2021_task2")

_ASSAULT = ("ASSAULT",)
MAPPING: dict[str, tuple[str, ...]] = {
    "ARMED_CLASH": _ASSAULT,
    "ATTACK": _ASSAULT,
    "AIR_STRIKE": _ASSAULT,
    "ART_MISS_ATTACK": _ASSAULT,
    "GRENADE": _ASSAULT,
    "REM_EXPLOS": _ASSAULT,
    "SUIC_BOMB": _ASSAULT,
    "CHEM_WEAP": _ASSAULT,
    "SEX_VIOL": _ASSAULT,
    "ABDUCT_DISSAP": ("ASSAULT", "COERCE"),
    "PROPERTY_DISTRUCT": ("ASSAULT", "COERCE"),
    "GOV_REGAINS_TERIT": ("COERCE", "ASSAULT"),
    "NON_STATE_ACTOR_OVERTAKES_TER": ("COERCE", "ASSAULT"),
    "NON_VIOL_TERRIT_TRANSFER": ("RETREAT", "COERCE"),
    "HQ_ESTABLISHED": ("MOBILIZE",),
    "DISR_WEAP": ("COERCE", "RETREAT"),
    "ARREST": ("COERCE",),
    "AGREEMENT": ("AGREE", "SUPPORT"),
    "PEACE_PROTEST": ("PROTEST",),
    "PROTEST_WITH_INTER": ("PROTEST", "COERCE"),
    "FORCE_AGAINST_PROTEST": ("COERCE", "ASSAULT"),
    "VIOL_DEMONSTR": ("PROTEST", "ASSAULT"),
    "MOB_VIOL": ("ASSAULT", "PROTEST"),
    "CHANGE_TO_GROUP_ACT": ("MOBILIZE", "RETREAT"),
    "DIPLO": ("CONSULT", "AGREE", "SUPPORT", "REQUEST", "ACCUSE", "REJECT", "SANCTION"),
}


def _rows(data: Path) -> list[tuple[str, str]]:
    path = data / "case2021_task2_dev.tsv" if data.is_dir() else data
    with path.open(encoding="utf-8", newline="") as fh:
        reader = csv.reader(fh, delimiter="\t", quoting=csv.QUOTE_NONE)
        next(reader)
        return [(row[1], row[2]) for row in reader if len(row) >= 3]


def run(data: Path, *, limit: int | None) -> tuple[str, float]:
    from actorgraph.model import Document
    from actorgraph.pipeline.analyze import analyze_parsed
    from actorgraph.pipeline.nlp import ParsedDoc, load, model_id

    rows = _rows(data)
    if limit:
        rows = rows[:limit]
    nlp = load("auto")
    n = right = silent_unmapped = unmapped = 0
    confusion: Counter[tuple[str, str]] = Counter()
    per: Counter[str] = Counter()
    per_ok: Counter[str] = Counter()
    for (text, label), doc in zip(rows, nlp.pipe([t for t, _ in rows], batch_size=32), strict=True):
        parsed = ParsedDoc(Document.from_text(text), doc, None, model_id(nlp))
        result = analyze_parsed(parsed)  # every stage, as the pipeline runs them
        top = max(result.events, key=lambda e: e.confidence, default=None)
        pred = top.type if top else "NONE"
        gold = MAPPING.get(label)
        if gold is None:
            unmapped += 1
            silent_unmapped += top is None
            continue
        n += 1
        per[label] += 1
        if pred in gold:
            right += 1
            per_ok[label] += 1
        else:
            confusion[(label, pred)] += 1
            if os.environ.get("QUAL_VERBOSE"):
                print(f"     ! {label} -> {pred}: {text[:140]}")
    acc = right / n if n else 0.0
    print(f"   snippets={n} (+{unmapped} without a PLOVER class) class_accuracy={acc:.3f}")
    print(f"   silent on unmapped types: {silent_unmapped}/{unmapped}")
    print("   per type: " + " ".join(f"{k}={per_ok[k]}/{per[k]}" for k in sorted(per)))
    print("   most frequent errors (gold -> predicted):")
    for (g, p), k in confusion.most_common(12):
        print(f"     {g:>30} -> {p:<10} {k}")
    return "class_accuracy", acc
