"""Cross-document entity coreference on ECB+ (CAT XML): people, organisations and places.

Each document's tokens are joined with spaces (sentences on their own lines) and run
through the pipeline (``actorgraph.analyze``); the analyses are saved in document order to
a temporary store, so the real cross-document resolver decides the actors. Gold: the
HUMAN_PART_PER / _ORG / _GPE and LOC_* mentions of the annotated sentences
(``ECBplus_coreference_sentences.csv``), clustered by their CROSS_DOC_COREF (or
INTRA_DOC_COREF) instance; a mention in no relation is a singleton.

A gold mention takes the actor of our mention with the same token span, else of one
inside it ending on its last token (the head, for English noun phrases), else one that
contains it and ends there. Unmatched gold mentions are singletons in every system, so
the figures are over all gold mentions (and over the matched ones, second line).
Metrics: MUC, B3, CEAF-e and their mean, the CoNLL F1 (headline).

Systems: ``ours`` (the store's actors), ``same-name`` (one actor per normalised name and
type: cross-document identity before the resolver) and ``within-doc`` (no cross-document
links at all).
"""

from __future__ import annotations

import csv
import tempfile
import xml.etree.ElementTree as ET
from collections import defaultdict
from collections.abc import Hashable
from dataclasses import dataclass
from pathlib import Path

import networkx as nx

DEFAULT_DATA = Path("../shared/datasets/coref/ecbplus")
CLASSES = ("HUMAN_PART_PER", "HUMAN_PART_ORG", "HUMAN_PART_GPE", "LOC_GEO", "LOC_FAC", "LOC_OTHER")

Clusters = dict[Hashable, Hashable]  # mention -> cluster


@dataclass
class GoldDoc:
    name: str
    text: str
    spans: dict[int, tuple[int, int, int]]  # t_id -> (start, end, sentence)
    mentions: dict[tuple[int, ...], str]  # token ids -> gold cluster


def read_doc(path: Path, annotated: set[tuple[str, int]]) -> GoldDoc:
    """Read one CAT XML file: its text, token offsets and gold entity mentions."""
    root = ET.parse(path).getroot()
    name = path.stem
    parts: list[str] = []
    spans: dict[int, tuple[int, int, int]] = {}
    pos, last_sentence = 0, None
    for tok in root.iter("token"):
        sentence = int(tok.get("sentence", "0"))
        if last_sentence is not None:
            sep = "\n" if sentence != last_sentence else " "
            parts.append(sep)
            pos += 1
        word = tok.text or "_"
        spans[int(tok.get("t_id", "0"))] = (pos, pos + len(word), sentence)
        parts.append(word)
        pos += len(word)
        last_sentence = sentence
    markables = root.find("Markables")
    anchored: dict[str, tuple[int, ...]] = {}
    instance: dict[str, str] = {}
    for m in markables if markables is not None else []:
        mid = m.get("m_id", "")
        anchors = tuple(int(a.get("t_id", "0")) for a in m.findall("token_anchor"))
        if anchors and m.tag in CLASSES:
            anchored[mid] = anchors
        elif not anchors and m.get("instance_id"):
            instance[mid] = m.get("instance_id", "")
    cluster: dict[str, str] = {}
    relations = root.find("Relations")
    for rel in relations if relations is not None else []:
        target = rel.find("target")
        if target is None:
            continue
        tid = target.get("m_id", "")
        key = rel.get("note") or instance.get(tid) or f"{name}/{tid}"
        for src in rel.findall("source"):
            cluster.setdefault(src.get("m_id", ""), key)
    mentions = {}
    for mid, anchors in anchored.items():
        sentence = spans[anchors[0]][2]
        if (name, sentence) not in annotated:
            continue
        mentions[anchors] = cluster.get(mid, f"{name}/single/{mid}")
    return GoldDoc(name, "".join(parts), spans, mentions)


def read_annotated(data: Path) -> set[tuple[str, int]]:
    with (data / "ECBplus_coreference_sentences.csv").open(encoding="utf-8") as f:
        return {
            (f"{row['Topic']}_{row['File']}", int(row["Sentence Number"]))
            for row in csv.DictReader(f)
        }


# -- metrics -----------------------------------------------------------------------------


def _groups(c: Clusters) -> list[set[Hashable]]:
    out: dict[Hashable, set[Hashable]] = defaultdict(set)
    for m, k in c.items():
        out[k].add(m)
    return list(out.values())


def _f1(p: float, r: float) -> float:
    return 2 * p * r / (p + r) if p + r else 0.0


def muc(key: Clusters, response: Clusters) -> tuple[float, float, float]:
    """Return MUC precision, recall and F1 (links: singletons count for nothing)."""

    def score(a: Clusters, b: Clusters) -> float:
        num = den = 0
        for group in _groups(a):
            parts = {b.get(m, ("alone", m)) for m in group}
            num += len(group) - len(parts)
            den += len(group) - 1
        return num / den if den else 0.0

    r, p = score(key, response), score(response, key)
    return p, r, _f1(p, r)


def b_cubed(key: Clusters, response: Clusters) -> tuple[float, float, float]:
    """Return B3 precision, recall and F1 over the mentions of ``key``."""
    kg = {m: g for g in _groups(key) for m in g}
    rg = {m: g for g in _groups(response) for m in g}
    mentions = list(key)
    if not mentions:
        return 0.0, 0.0, 0.0
    p = sum(len(kg[m] & rg[m]) / len(rg[m]) for m in mentions) / len(mentions)
    r = sum(len(kg[m] & rg[m]) / len(kg[m]) for m in mentions) / len(mentions)
    return p, r, _f1(p, r)


def ceaf_e(key: Clusters, response: Clusters) -> tuple[float, float, float]:
    """Return entity-based CEAF (phi4 similarity, best one-to-one alignment)."""
    kgs, rgs = _groups(key), _groups(response)
    where = {m: i for i, g in enumerate(rgs) for m in g}
    graph = nx.Graph()
    for i, g in enumerate(kgs):
        for j in {where[m] for m in g if m in where}:
            sim = 2 * len(g & rgs[j]) / (len(g) + len(rgs[j]))
            graph.add_edge(("k", i), ("r", j), weight=sim)
    total = 0.0
    for u, v in nx.max_weight_matching(graph):
        total += graph[u][v]["weight"]
    p, r = total / len(rgs) if rgs else 0.0, total / len(kgs) if kgs else 0.0
    return p, r, _f1(p, r)


def conll(key: Clusters, response: Clusters) -> dict[str, tuple[float, float, float]]:
    scores = {"MUC": muc(key, response), "B3": b_cubed(key, response)}
    scores["CEAF-e"] = ceaf_e(key, response)
    f = sum(s[2] for s in scores.values()) / 3
    scores["CoNLL"] = (f, f, f)
    return scores


# -- the run -----------------------------------------------------------------------------


def _match(
    gold: dict[tuple[int, ...], str], ours: list[tuple[tuple[int, ...], Hashable, Hashable]]
) -> dict[tuple[int, ...], tuple[Hashable, Hashable]]:
    """Map gold token spans to (actor, entity) of our mention: exact, then by head token."""
    found: dict[tuple[int, ...], tuple[Hashable, Hashable]] = {}
    by_span = {span: (a, e) for span, a, e in ours}
    for g in gold:
        if g in by_span:
            found[g] = by_span[g]
    for g in gold:
        if g in found:
            continue
        gs = set(g)
        inside = [(s, a, e) for s, a, e in ours if set(s) <= gs and s[-1] == g[-1]]
        around = [(s, a, e) for s, a, e in ours if gs <= set(s) and s[-1] == g[-1]]
        for cands in (inside, around):
            if cands:
                _, a, e = max(cands, key=lambda x: (len(x[0]), x[0]))
                found[g] = (a, e)
                break
    return found


def _tokens(doc: GoldDoc, start: int, end: int) -> tuple[int, ...]:
    return tuple(t for t, (s, e, _) in sorted(doc.spans.items()) if s < end and e > start)


def run(data: Path, *, limit: int | None) -> tuple[str, float]:
    import actorgraph
    from actorgraph.pipeline.nlp import load
    from actorgraph.resolve.identity import actor_id
    from actorgraph.store import open_store

    annotated = read_annotated(data)
    files = sorted(
        (data / "ECB+").glob("*/*.xml"),
        key=lambda p: (int(p.parent.name), p.stem.split("_")[1]),
    )
    if limit:
        files = files[:limit]
    nlp = load("auto")
    key: Clusters = {}
    systems: dict[str, Clusters] = {"ours": {}, "same-name": {}, "within-doc": {}}
    matched: set[Hashable] = set()
    with tempfile.TemporaryDirectory() as tmp, open_store(Path(tmp) / "ecb.db") as store:
        for path in files:
            doc = read_doc(path, annotated)
            analysis = actorgraph.analyze(doc.text, nlp=nlp)
            store.save(analysis)
            stored = dict(
                store._db.execute(
                    "SELECT local_id, actor_id FROM entities WHERE document_id = ?",
                    (analysis.document.id,),
                ).fetchall()
            )
            ours = [
                (_tokens(doc, m.start, m.end), stored[e.id], e.id)
                for e in analysis.entities
                for m in e.mentions
            ]
            names = {e.id: actor_id(e.name, e.type) for e in analysis.entities}
            found = _match(doc.mentions, ours)
            for span, cluster in doc.mentions.items():
                mention = (doc.name, span)
                key[mention] = cluster
                if span in found:
                    actor, local = found[span]
                    matched.add(mention)
                    systems["ours"][mention] = actor
                    systems["same-name"][mention] = names[str(local)]
                    systems["within-doc"][mention] = (doc.name, local)
                else:
                    for system in systems.values():
                        system[mention] = ("alone", mention)
    print(
        f"   {len(files)} documents, {len(key)} gold mentions in "
        f"{len(set(key.values()))} entities; ours found {len(matched)} "
        f"({len(matched) / max(1, len(key)):.1%})"
    )
    headline = 0.0
    for subset, mentions in (
        ("all gold mentions", list(key)),
        ("matched only", sorted(matched, key=str)),
    ):
        k = {m: key[m] for m in mentions}
        print(f"   -- {subset}")
        heads = ("MUC F1", "B3 P", "B3 R", "B3 F1", "CEAF-e", "CoNLL")
        print(f"   {'system':<11} " + " ".join(f"{h:>{max(6, len(h))}}" for h in heads))
        for name, system in systems.items():
            s = conll(k, {m: system[m] for m in mentions})
            b3 = s["B3"]
            print(
                f"   {name:<11} {s['MUC'][2]:7.3f} {b3[0]:6.3f} {b3[1]:6.3f} {b3[2]:6.3f} "
                f"{s['CEAF-e'][2]:7.3f} {s['CoNLL'][2]:6.3f}"
            )
            if name == "ours" and subset == "all gold mentions":
                headline = s["CoNLL"][2]
    return "conll_f1", headline
