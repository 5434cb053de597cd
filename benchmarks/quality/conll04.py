"""Relation quality on CoNLL04 dev: precision, recall and F1 per relation type.

Each document (one news sentence) is rebuilt from its tokens joined with spaces and run
through the whole pipeline. Gold relations are read from the head-selection columns
(stored on the last token of the head entity, pointing at the last token of the tail).

What we produce for each CoNLL04 type:

- Work_For (person -> org): works_for, member_of, leader_of, spokesperson_of, founder_of
  with a PERSON subject, and holds_role to an org or state (CoNLL04 types states as Loc,
  so "Ohio's governor X" is a false positive here though we read it right).
- Kill (person -> person): an ASSAULT event of the events stage with the killer among its
  actors and the victim among its targets, both persons. Nouns ("the assassin of Y",
  "X, the killer of Y") and "accused of killing Y" give no event yet.
- OrgBased_In (org -> place): located_in / operates_in with an ORG subject ("based in",
  "the Cairo-based Y", "the consulate in Z"); datelines ("Paris AFP") are not read.
- Live_In (person -> place): located_in with a PERSON subject ("lives in", "X of Z");
  birthplaces and nationality titles ("New Jersey Gov. X") are not residence for us.
- Located_In (place -> place): no rule reads place hierarchies ("Niles, Ohio"): zero.

A predicted relation matches a gold one of its type when a mention of our subject
overlaps the gold head span, a mention of our object overlaps the gold tail span and (for
relations) one of its evidence spans covers both (the same sentence). Precision counts
predictions that match some gold relation; recall counts gold relations that some
prediction matches. The headline is micro F1 over Work_For and Kill.
"""

from __future__ import annotations

import ast
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from actorgraph.model import Analysis, Document, Entity
from actorgraph.pipeline.analyze import analyze_parsed
from actorgraph.pipeline.nlp import ParsedDoc, load, model_id

DEFAULT_DATA = Path("../shared/datasets/relations/conll04/dev.txt")
TYPES = ("Work_For", "Kill", "OrgBased_In", "Live_In", "Located_In")
HEADLINE = ("Work_For", "Kill")
WORK_FOR = frozenset({"works_for", "member_of", "leader_of", "spokesperson_of", "founder_of"})
PLACES = frozenset({"GPE", "LOC", "FAC"})

Span = tuple[int, int]  # character offsets, end exclusive


@dataclass(frozen=True)
class Sample:
    text: str
    gold: tuple[tuple[Span, str, Span], ...]  # (head span, type, tail span)


@dataclass(frozen=True)
class Pred:
    type: str
    subject: Entity
    object: Entity
    evidence: tuple[Span, ...]  # empty: no same-sentence check (events)


def read_conll04(path: Path) -> list[Sample]:
    """Return the documents with their gold relations in character offsets."""
    samples: list[Sample] = []
    rows: list[list[str]] = []
    for line in [*path.read_text("utf-8").splitlines(), "#doc end"]:
        if line.startswith("#doc"):
            if rows:
                samples.append(_sample(rows))
            rows = []
        elif line.strip():
            rows.append(line.split("\t"))
    return samples


def _sample(rows: list[list[str]]) -> Sample:
    tokens = [r[1] for r in rows]
    starts, pos = [], 0
    for tok in tokens:
        starts.append(pos)
        pos += len(tok) + 1
    ends = [s + len(t) for s, t in zip(starts, tokens, strict=True)]
    first: dict[int, int] = {}  # last token of an entity -> its first token
    start = -1
    for i, r in enumerate(rows):
        tag = r[2]
        if tag.startswith("B-") or tag == "O":
            start = i if tag.startswith("B-") else -1
        if start >= 0 and (i + 1 == len(rows) or not rows[i + 1][2].startswith("I-")):
            first[i] = start
            start = -1
    gold = []
    for i, r in enumerate(rows):
        labels, heads = ast.literal_eval(r[3]), ast.literal_eval(r[4])
        for label, j in zip(labels, heads, strict=True):
            if label != "N" and i in first and j in first:
                gold.append(((starts[first[i]], ends[i]), label, (starts[first[j]], ends[j])))
    return Sample(" ".join(tokens), tuple(gold))


def predictions(a: Analysis) -> list[Pred]:
    """Our relations and ASSAULT events, mapped to CoNLL04 types."""
    ents = {e.id: e for e in a.entities}
    out: list[Pred] = []
    for r in a.relations:
        s, o = ents[r.subject], ents[r.object]
        typ = None
        works = r.predicate in WORK_FOR and s.type == "PERSON"
        if works or (r.predicate == "holds_role" and o.type in {"ORG", "GPE", "NORP"}):
            typ = "Work_For"
        elif r.predicate in {"located_in", "operates_in"} and o.type in PLACES:
            if s.type == "ORG":
                typ = "OrgBased_In"
            elif s.type == "PERSON" and r.predicate == "located_in":
                typ = "Live_In"
            elif s.type in PLACES and r.predicate == "located_in":
                typ = "Located_In"
        if typ is not None:
            out.append(Pred(typ, s, o, tuple((ev.start, ev.end) for ev in r.evidence)))
    for ev in a.events:
        if ev.type != "ASSAULT":
            continue
        for actor in ev.actors:
            for target in ev.targets:
                s, o = ents[actor], ents[target]
                if s.type == "PERSON" and o.type == "PERSON" and s.id != o.id:
                    out.append(Pred("Kill", s, o, ()))
    return out


def _overlaps(e: Entity, span: Span) -> bool:
    return any(m.start < span[1] and span[0] < m.end for m in e.mentions)


def matches(p: Pred, gold: tuple[Span, str, Span]) -> bool:
    head, typ, tail = gold
    if p.type != typ or not _overlaps(p.subject, head) or not _overlaps(p.object, tail):
        return False
    lo, hi = min(head[0], tail[0]), max(head[1], tail[1])
    return not p.evidence or any(s <= lo and hi <= e for s, e in p.evidence)


def _analyses(texts: list[str]) -> Iterable[Analysis]:
    nlp = load("auto")
    for text, doc in zip(texts, nlp.pipe(texts, batch_size=64), strict=True):
        yield analyze_parsed(ParsedDoc(Document.from_text(text), doc, None, model_id(nlp)))


def _prf(tp_pred: int, n_pred: int, tp_gold: int, n_gold: int) -> tuple[float, float, float]:
    p = tp_pred / n_pred if n_pred else 0.0
    r = tp_gold / n_gold if n_gold else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def run(data: Path, *, limit: int | None) -> tuple[str, float]:
    samples = read_conll04(data)[: limit or None]
    n_pred: Counter[str] = Counter()
    ok_pred: Counter[str] = Counter()
    n_gold: Counter[str] = Counter()
    ok_gold: Counter[str] = Counter()
    for sample, a in zip(samples, _analyses([s.text for s in samples]), strict=True):
        preds = predictions(a)
        for p in preds:
            n_pred[p.type] += 1
            ok_pred[p.type] += any(matches(p, g) for g in sample.gold)
        for g in sample.gold:
            n_gold[g[1]] += 1
            ok_gold[g[1]] += any(matches(p, g) for p in preds)
    print(f"   {'type':<14} {'P':>6} {'R':>6} {'F1':>6}  (tp/fp/fn)")
    rows: list[tuple[str, tuple[str, ...]]] = [(t, (t,)) for t in TYPES]
    rows += [("micro", TYPES), ("micro WF+Kill", HEADLINE)]
    f1 = 0.0
    for name, types in rows:
        np_, op = sum(n_pred[t] for t in types), sum(ok_pred[t] for t in types)
        ng, og = sum(n_gold[t] for t in types), sum(ok_gold[t] for t in types)
        prec, rec, f1 = _prf(op, np_, og, ng)
        print(f"   {name:<14} {prec:6.3f} {rec:6.3f} {f1:6.3f}  ({og}/{np_ - op}/{ng - og})")
    return "f1", f1
