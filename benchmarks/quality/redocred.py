"""Document-level relation quality on Re-DocRED dev, over the Wikidata properties we map to.

Each document's text is its sentences' tokens joined with spaces; our entity mentions are
mapped to the dataset's entities (``vertexSet``) by token-span overlap. Our predicates map
to properties as below (direction is the dataset's: head -> tail):

- P112 founded by (org -> person): founder_of, reversed.
- P463 member of: member_of (also accepted as P102 or P241).
- P102 member of political party: member_of an ORG of kind party (the dataset often
  says P463 for parties, so either is accepted).
- P108 employer: works_for, spokesperson_of.
- P6 head of government (state -> person): holds_role / leader_of of a GPE, reversed;
  also accepted as P39 position held (person -> office), whose span holds the state's name.
- P607 conflict (actor -> war): fights_against (either direction), part_of. Our objects
  are actors, not wars, so this stays near zero.
- P241 military branch: member_of / works_for / part_of an ORG of kind state_force.

A prediction is its set of acceptable (head vertex, tail vertex, property) triples; it is
correct if any of them is gold. A predicate with no mapping is ignored; a prediction whose
argument maps to no vertex counts as wrong. A gold triple is found when some prediction
hits it (any mentions of the two vertex sets). Figures for head of state (P35) and
chairperson (P488, leader_of an org, reversed) are printed as an extra line, outside the
headline, which is micro F1 over the properties of the table.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from actorgraph.model import Analysis, Document, Entity, Relation
from actorgraph.pipeline.analyze import analyze_parsed
from actorgraph.pipeline.nlp import ParsedDoc, load, model_id

DEFAULT_DATA = Path("../shared/datasets/relations/re-docred/dev_revised.json")
SCORED = ("P112", "P463", "P102", "P108", "P6", "P39", "P607", "P241")
EXTRA = ("P35", "P488")
NAMES = {
    "P112": "founded by",
    "P463": "member of",
    "P102": "member of party",
    "P108": "employer",
    "P6": "head of government",
    "P39": "position held",
    "P607": "conflict",
    "P241": "military branch",
    "P35": "head of state",
    "P488": "chairperson",
}
STATE_FORCE = "state_force"

Triple = tuple[int, int, str]  # head vertex, tail vertex, property


@dataclass(frozen=True)
class Sample:
    text: str
    vertices: tuple[tuple[tuple[int, int], ...], ...]  # per vertex: its mentions' char spans
    gold: frozenset[Triple]


def read_redocred(path: Path) -> list[Sample]:
    """Return the documents with mention spans in character offsets of the rebuilt text."""
    out = []
    for doc in json.loads(path.read_text("utf-8")):
        starts: list[list[int]] = []
        parts, pos = [], 0
        for sent in doc["sents"]:
            row = []
            for tok in sent:
                row.append(pos)
                parts.append(tok)
                pos += len(tok) + 1
            starts.append(row)
        text = " ".join(parts)
        vertices = []
        for vertex in doc["vertexSet"]:
            spans = []
            for m in vertex:
                row, (a, b) = starts[m["sent_id"]], m["pos"]
                last = doc["sents"][m["sent_id"]][b - 1]
                spans.append((row[a], row[b - 1] + len(last)))
            vertices.append(tuple(spans))
        gold = frozenset((lab["h"], lab["t"], lab["r"]) for lab in doc["labels"])
        out.append(Sample(text, tuple(vertices), gold))
    return out


def _options(rel: Relation, s: Entity, o: Entity) -> tuple[tuple[bool, str], ...]:
    """(reversed?, property) pairs a relation may stand for; the first is its own."""
    p = rel.predicate
    force = o.kind == STATE_FORCE
    if p == "founder_of":
        return ((True, "P112"),)
    if p == "member_of":
        first = "P241" if force else "P102" if o.kind == "party" else "P463"
        return tuple(dict.fromkeys([(False, first), (False, "P463"), (False, "P102"),
                                    (False, "P241")]))  # fmt: skip
    if p in {"works_for", "spokesperson_of"}:
        return ((False, "P241"), (False, "P108")) if force else ((False, "P108"),)
    if p in {"holds_role", "leader_of"} and o.type == "GPE":
        return ((True, "P6"), (False, "P39"), (True, "P35"))
    if p == "leader_of" and o.type == "ORG":
        return ((True, "P488"),)
    if p == "part_of":
        return ((False, "P241"), (False, "P607")) if force else ((False, "P607"),)
    if p == "fights_against":
        return ((False, "P607"), (True, "P607"))
    return ()


def _vertices_of(e: Entity, sample: Sample) -> set[int]:
    return {
        v
        for v, spans in enumerate(sample.vertices)
        if any(m.start < b and a < m.end for m in e.mentions for a, b in spans)
    }


def predictions(a: Analysis, sample: Sample) -> list[tuple[str, frozenset[Triple]]]:
    """Our mapped relations: (own property, acceptable gold triples), duplicates merged."""
    ents = {e.id: e for e in a.entities}
    ours = {e.id: -1 - i for i, e in enumerate(a.entities)}  # ids outside the vertex sets
    seen: dict[tuple[str, frozenset[Triple]], None] = {}
    for rel in a.relations:
        s, o = ents[rel.subject], ents[rel.object]
        options = _options(rel, s, o)
        if not options:
            continue
        vs, vo = _vertices_of(s, sample), _vertices_of(o, sample)
        triples = frozenset(
            (t, h, prop) if rev else (h, t, prop)
            for rev, prop in options
            for h in vs
            for t in vo
            if h != t
        )
        if not triples:  # an argument the dataset does not know: keep it apart by our ids
            triples = frozenset({(ours[s.id], ours[o.id], options[0][1])})
        seen[(options[0][1], triples)] = None
    return list(seen)


def _analyses(texts: list[str]) -> Iterable[Analysis]:
    nlp = load("auto")
    for text, doc in zip(texts, nlp.pipe(texts, batch_size=16), strict=True):
        yield analyze_parsed(ParsedDoc(Document.from_text(text), doc, None, model_id(nlp)))


def _score(
    rows: list[tuple[list[tuple[str, frozenset[Triple]]], frozenset[Triple]]], props: set[str]
) -> dict[str, Counter[str]]:
    """Per property: predictions, correct predictions, gold triples, gold triples found."""
    c: dict[str, Counter[str]] = {k: Counter() for k in ("pred", "ok", "gold", "found")}
    for preds, gold in rows:
        gold = frozenset(g for g in gold if g[2] in props)
        for own, triples in preds:
            allowed = {t for t in triples if t[2] in props}
            if not allowed:
                continue
            hit = allowed & gold
            prop = min(hit, key=lambda t: t[2] != own)[2] if hit else own
            if prop not in props:
                prop = min(t[2] for t in allowed)
            c["pred"][prop] += 1
            c["ok"][prop] += bool(hit)
        hits = {t for _, triples in preds for t in triples}
        for g in gold:
            c["gold"][g[2]] += 1
            c["found"][g[2]] += g in hits
    return c


def _line(name: str, c: dict[str, Counter[str]], props: Iterable[str]) -> float:
    props = list(props)
    n_pred, ok = sum(c["pred"][p] for p in props), sum(c["ok"][p] for p in props)
    n_gold, found = sum(c["gold"][p] for p in props), sum(c["found"][p] for p in props)
    p = ok / n_pred if n_pred else 0.0
    r = found / n_gold if n_gold else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    print(f"   {name:<28} {p:6.3f} {r:6.3f} {f:6.3f}  ({found}/{n_pred - ok}/{n_gold - found})")
    return f


def run(data: Path, *, limit: int | None) -> tuple[str, float]:
    samples = read_redocred(data)[: limit or None]
    rows: list[Any] = []
    unmapped = 0
    for sample, a in zip(samples, _analyses([s.text for s in samples]), strict=True):
        preds = predictions(a, sample)
        unmapped += sum(1 for _, t in preds if any(h < 0 for h, _, _ in t))
        rows.append((preds, sample.gold))
    print(f"   {'property':<28} {'P':>6} {'R':>6} {'F1':>6}  (tp/fp/fn)")
    c = _score(rows, set(SCORED))
    for prop in SCORED:
        _line(f"{prop} {NAMES[prop]}", c, [prop])
    f1 = _line("micro", c, SCORED)
    extra = _score(rows, {*SCORED, *EXTRA})
    for prop in EXTRA:
        _line(f"{prop} {NAMES[prop]} (extra)", extra, [prop])
    _line("micro with P35, P488 (extra)", extra, (*SCORED, *EXTRA))
    print(f"   predictions with an argument outside the vertex sets: {unmapped}")
    return "f1", f1
