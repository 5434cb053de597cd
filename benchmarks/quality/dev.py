"""The dev articles (../shared/corpus/dev) against the project's hand-made gold.

Each article is read as ``actorgraph ingest`` reads it (its ``.meta.json`` sidecar gives
the title and publication date), analysed, and scored with ../shared/eval/score.py
against ``benchmarks/gold/dev/NAME.gold.json``. Printed: micro precision / recall / F1 per
field across the articles, each article's overall F1, what the event types and relation
predicates were confused with, casualty counts (scored here: score.py does not know
them), claim status, and a reliability table of the facts' confidence. ``--split``
chooses the tune or check articles fixed in ``benchmarks/gold/dev/split.json``.
"""

from __future__ import annotations

import importlib.util
import json
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

DEFAULT_DATA = Path("../shared/corpus/dev")
GOLD = Path(__file__).resolve().parent.parent / "gold" / "dev"
LAYERS = ("entities", "relations", "events", "quotes", "dates", "places")
CASUALTY_KINDS = ("killed", "injured", "abducted", "arrested")
LEVELS = (0.5, 0.6, 0.7, 0.8, 0.9)


def _scorer(shared: Path) -> Any:
    spec = importlib.util.spec_from_file_location("score", shared / "eval" / "score.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def split_names(split: str) -> list[str]:
    """Return the article names of ``split`` (tune, check or all), in sorted order."""
    fixed = json.loads((GOLD / "split.json").read_text("utf-8"))
    names = fixed["tune"] + fixed["check"] if split == "all" else fixed[split]
    return sorted(names)


@dataclass
class Counts:
    """Micro counts of one field: right, predicted, expected."""

    tp: float = 0
    pred: float = 0
    gold: float = 0

    def add(self, tp: float, pred: float, gold: float) -> None:
        self.tp += tp
        self.pred += pred
        self.gold += gold

    def prf(self) -> tuple[float, float, float]:
        p = self.tp / self.pred if self.pred else (1.0 if not self.gold else 0.0)
        r = self.tp / self.gold if self.gold else 1.0
        return p, r, (2 * p * r / (p + r) if p + r else 0.0)


@dataclass
class Totals:
    """Everything summed across articles."""

    fields: dict[str, Counts] = field(default_factory=lambda: {k: Counts() for k in LAYERS})
    quote_found: int = 0
    quote_attributed: int = 0
    splits: int = 0
    merges: int = 0
    casualties: Counts = field(default_factory=Counts)
    modality: Counter[str] = field(default_factory=Counter)
    event_confusion: Counter[tuple[str, str]] = field(default_factory=Counter)
    relation_confusion: Counter[tuple[str, str]] = field(default_factory=Counter)
    facts: list[tuple[float, bool, str]] = field(default_factory=list)  # (confidence, right, kind)
    articles: list[tuple[str, float]] = field(default_factory=list)


def _as_list(x: Any) -> list[Any]:
    return x if isinstance(x, list) else [x]


def match_events(gold: dict[str, Any], pred: dict[str, Any], m: Any) -> dict[int, dict[str, Any]]:
    """Return predicted event index -> gold event, matched as score.py matches them."""
    used: set[str] = set()
    out: dict[int, dict[str, Any]] = {}
    for i, ev in enumerate(pred.get("events", [])):
        actors = {m.gold_of(a) for a in ev.get("actors", [])} - {None}
        value = (ev.get("date") or {}).get("value") or ""
        for g in gold.get("events", []):
            if g["id"] in used or ev.get("type") not in _as_list(g["type"]):
                continue
            if g.get("actors") and not actors & set(g["actors"]):
                continue
            gv = g.get("date", "")
            if gv and value and not (value.startswith(gv) or gv.startswith(value)):
                continue
            used.add(g["id"])
            out[i] = g
            break
    return out


def match_relations(
    gold: dict[str, Any], pred: dict[str, Any], m: Any, symmetric: Iterable[str]
) -> dict[int, dict[str, Any]]:
    """Return predicted relation index -> the gold relation it hits (optional ones too)."""
    sym = set(symmetric)
    out: dict[int, dict[str, Any]] = {}
    for i, rel in enumerate(pred.get("relations", [])):
        s, o, p = m.gold_of(rel.get("subject")), m.gold_of(rel.get("object")), rel.get("predicate")
        for g in gold.get("relations", []):
            subj_ok = s in [g["subject"], *g.get("subject_alt", [])]
            if g["predicate"] == p and (
                (subj_ok and o == g["object"])
                or (p in sym and s == g["object"] and o == g["subject"])
            ):
                out[i] = g
                break
    return out


def _norm(text: str) -> str:
    return " ".join(
        text.replace("\u2019", "'").replace("\u201c", '"').replace("\u201d", '"').split()
    ).lower()


def _cue_hits(cue: str, evidence: list[dict[str, Any]]) -> bool:
    c = _norm(cue)
    return any(c in _norm(e.get("text", "")) or _norm(e.get("text", "")) in c for e in evidence)


def score_casualties(
    gold: dict[str, Any], pred: dict[str, Any], matched: dict[int, dict[str, Any]]
) -> tuple[int, int, int]:
    """Return (right, predicted, expected) casualty counts: kind and value must agree."""
    expected = sum(
        1
        for g in gold.get("events", [])
        for k in CASUALTY_KINDS
        if (g.get("casualties") or {}).get(k)
    )
    predicted = right = 0
    for i, ev in enumerate(pred.get("events", [])):
        for kind, figure in (ev.get("casualties") or {}).items():
            if kind not in CASUALTY_KINDS or not figure:
                continue
            predicted += 1
            g = matched.get(i)
            if g is None:
                continue
            values = {
                (alt.get(kind) or {}).get("value")
                for alt in (g.get("casualties") or {}, g.get("casualties_alt") or {})
            }
            if figure.get("value") in values - {None}:
                right += 1
    return right, predicted, expected


def score_modality(
    gold: dict[str, Any],
    pred: dict[str, Any],
    m: Any,
    matched: dict[int, dict[str, Any]],
    kind: str,
) -> Counter[str]:
    """Count matched facts whose claim status agrees with the gold's ``attributed_to``."""
    out: Counter[str] = Counter()
    for i, g in matched.items():
        p = pred[kind][i]
        said_by = g.get("attributed_to")
        ours = m.gold_of(p.get("attributed_to")) if p.get("attributed_to") else None
        if said_by is None and g.get("reported"):  # an unnamed source
            right = p.get("modality") != "asserted" and ours is None
            out["reported right" if right else "reported, wrong source"] += 1
        elif said_by is None:
            out[
                "asserted right"
                if p.get("modality") in ("asserted", None)
                else "asserted as reported"
            ] += 1
        elif p.get("modality") == "asserted":
            out["reported as asserted"] += 1
        else:
            out["reported right" if ours == said_by else "reported, wrong source"] += 1
    return out


def confusions(
    gold: dict[str, Any],
    pred: dict[str, Any],
    m: Any,
    totals: Totals,
    ev_match: dict[int, dict[str, Any]],
    rel_match: dict[int, dict[str, Any]],
) -> None:
    """Record what each gold event type and relation predicate was read as."""
    matched_events = {id(g) for g in ev_match.values()}
    for g in gold.get("events", []):
        gtype = "/".join(_as_list(g["type"]))
        if id(g) in matched_events:
            totals.event_confusion[(gtype, "right")] += 1
            continue
        near = [
            e for e in pred.get("events", []) if _cue_hits(g.get("cue", ""), e.get("evidence", []))
        ]
        label = ",".join(sorted({e["type"] for e in near})) + " (args/date)" if near else "missed"
        totals.event_confusion[(gtype, label)] += 1
    for i, ev in enumerate(pred.get("events", [])):
        if i not in ev_match:
            totals.event_confusion[("none", ev["type"])] += 1
    matched_rel = {id(g) for g in rel_match.values()}
    pairs: dict[frozenset[str | None], list[str]] = {}
    for rel in pred.get("relations", []):
        key = frozenset((m.gold_of(rel["subject"]), m.gold_of(rel["object"])))
        pairs.setdefault(key, []).append(rel["predicate"])
    for g in gold.get("relations", []):
        if g.get("optional"):
            continue
        if id(g) in matched_rel:
            totals.relation_confusion[(g["predicate"], "right")] += 1
            continue
        other = pairs.get(frozenset((g["subject"], g["object"])))
        totals.relation_confusion[
            (g["predicate"], ",".join(sorted(set(other))) if other else "missed")
        ] += 1
    for i, rel in enumerate(pred.get("relations", [])):
        if i not in rel_match:
            totals.relation_confusion[("none", rel["predicate"])] += 1


def score_article(scorer: Any, gold: dict[str, Any], pred: dict[str, Any], totals: Totals) -> float:
    """Score one article into ``totals``; return its overall F1."""
    result = scorer.score(pred, gold)
    m = scorer.Mapper(gold, pred)
    f = totals.fields
    ent = result["entities"]
    f["entities"].add(ent["found"], ent["found"], ent["gold"])
    totals.splits += ent["split"]
    totals.merges += ent["wrongly_merged"]
    rel = result["relations"]
    required = sum(1 for g in gold.get("relations", []) if not g.get("optional"))
    f["relations"].add(rel["tp"], rel["tp"] + rel["fp"], required)
    ev = result["events"]
    f["events"].add(ev["tp"], ev["tp"] + ev["fp"], len(gold.get("events", [])))
    q = result["quotes"]
    direct = [x for x in pred.get("quotes", []) if x.get("kind", "direct") == "direct"]
    n_gold_q = len(gold.get("quotes", []))
    found = n_gold_q - len(q["missed"])
    attributed = found - len(q["misattributed"])
    f["quotes"].add(round(q["detect_precision"] * len(direct)), len(direct), n_gold_q)
    totals.quote_found += found
    totals.quote_attributed += attributed
    for layer in ("dates", "places"):
        n = len(gold.get(layer, []))
        ok = n - len(result[layer]["wrong_or_missing"])
        f[layer].add(ok, n, n)
    ev_match = match_events(gold, pred, m)
    rel_match = match_relations(gold, pred, m, scorer.SYMMETRIC)
    totals.casualties.add(*score_casualties(gold, pred, ev_match))
    totals.modality.update(score_modality(gold, pred, m, ev_match, "events"))
    totals.modality.update(score_modality(gold, pred, m, rel_match, "relations"))
    confusions(gold, pred, m, totals, ev_match, rel_match)
    for i, e in enumerate(pred.get("events", [])):
        totals.facts.append((float(e.get("confidence", 0.0)), i in ev_match, "event"))
    for i, r in enumerate(pred.get("relations", [])):
        totals.facts.append((float(r.get("confidence", 0.0)), i in rel_match, "relation"))
    return float(result["overall_f1"])


def _quotes_prf(totals: Totals) -> tuple[float, float, float]:
    c = totals.fields["quotes"]
    detect_p = c.tp / c.pred if c.pred else 0.0
    accuracy = totals.quote_attributed / totals.quote_found if totals.quote_found else 0.0
    p = detect_p * accuracy
    r = totals.quote_attributed / c.gold if c.gold else 1.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def field_f1(totals: Totals) -> dict[str, tuple[float, float, float]]:
    """Return micro (P, R, F1) per field; for entities, dates and places F1 is recall."""
    out = {k: totals.fields[k].prf() for k in LAYERS}
    out["quotes"] = _quotes_prf(totals)
    for k in ("entities", "dates", "places"):
        r = out[k][1]
        out[k] = (out[k][0], r, r)
    return out


def reliability(facts: list[tuple[float, bool, str]]) -> list[tuple[float, int, float | None]]:
    """Return, per level c, how many facts have confidence >= c and the share of them right."""
    rows = []
    for c in LEVELS:
        chosen = [right for conf, right, _ in facts if conf >= c]
        rows.append((c, len(chosen), sum(chosen) / len(chosen) if chosen else None))
    return rows


def analyse_articles(
    data: Path, names: list[str], *, calibrated: bool = True
) -> dict[str, dict[str, Any]]:
    """Read and analyse the named articles as `actorgraph ingest` would; name -> JSON."""
    from actorgraph.ingest import read_file
    from actorgraph.jsonout import to_json
    from actorgraph.model import Document
    from actorgraph.pipeline.analyze import analyze_many
    from actorgraph.pipeline.nlp import load

    documents: list[tuple[str, Document]] = []
    for name in names:
        for item in read_file(data / f"{name}.txt"):
            if not isinstance(item, Document):
                raise SystemExit(f"{name}: {item}")
            documents.append((name, item))
    analyses = analyze_many([d for _, d in documents], nlp=load("auto"), calibrated=calibrated)
    return {name: to_json(a) for (name, _), a in zip(documents, analyses, strict=True)}


def run(
    data: Path, *, limit: int | None, split: str = "tune", fit: bool = False
) -> dict[str, float]:
    """Score the ``split`` articles under ``data``; return the headline figures.

    With ``fit``, analyse the tune split with raw confidences, fit the calibration map
    (``actorgraph.pipeline.calibration``) on how often they were right, and write it.
    """
    shared = data.resolve().parent.parent
    scorer = _scorer(shared)
    if fit:
        split = "tune"
    names = split_names(split)[:limit]
    predictions = analyse_articles(data, names, calibrated=not fit)
    totals = Totals()
    for name in names:
        gold = json.loads((GOLD / f"{name}.gold.json").read_text("utf-8"))
        totals.articles.append((name, score_article(scorer, gold, predictions[name], totals)))
    if fit:
        write_calibration(totals.facts)
    report(totals, split)
    figures = field_f1(totals)
    overall = sum(f for _, f in totals.articles) / len(totals.articles) if totals.articles else 0.0
    return {
        "overall_f1": overall,
        "relations_f1": figures["relations"][2],
        "events_f1": figures["events"][2],
    }


def write_calibration(facts: list[tuple[float, bool, str]]) -> None:
    """Fit and write the calibration map from the tune split's raw confidences."""
    from actorgraph.pipeline import calibration

    kinds = {}
    for kind in calibration.KINDS:
        raw, value = calibration.fit([(c, right) for c, right, k in facts if k == kind])
        kinds[kind] = {
            "raw": raw,
            "calibrated": value,
            "facts": sum(1 for *_, k in facts if k == kind),
        }
    out = Path(calibration.__file__).parent / "lexicons" / calibration.FILE
    doc = {
        "about": "Fitted by `benchmarks/quality.py --dataset dev --fit-calibration` on the tune "
        "split of benchmarks/gold/dev: raw confidence -> share of such facts right.",
        "kinds": kinds,
    }
    out.write_text(json.dumps(doc, indent=1) + "\n", encoding="utf-8")
    print(f"   wrote {out}")


def report(totals: Totals, split: str) -> None:
    """Print the figures of one split."""
    print(f"   {split} split, {len(totals.articles)} articles")
    figures = field_f1(totals)
    for k in LAYERS:
        p, r, f = figures[k]
        extra = f" (split {totals.splits}, merged {totals.merges})" if k == "entities" else ""
        print(f"   {k:<10} P={p:.3f} R={r:.3f} F1={f:.3f}{extra}")
    p, r, f = totals.casualties.prf()
    print(f"   {'casualties':<10} P={p:.3f} R={r:.3f} F1={f:.3f}  casualties_f1={f:.3f}")
    print("   per article (overall F1):")
    for name, f1 in totals.articles:
        print(f"      {f1:.3f}  {name}")
    print("   events, gold type -> read as (count):")
    for (g, p_), n in sorted(totals.event_confusion.items(), key=lambda kv: (kv[0][0], -kv[1])):
        print(f"      {g:<24} {p_:<28} {n}")
    print("   relations, gold predicate -> read as (count):")
    for (g, p_), n in sorted(totals.relation_confusion.items(), key=lambda kv: (kv[0][0], -kv[1])):
        print(f"      {g:<24} {p_:<28} {n}")
    print("   claim status of matched facts:")
    for k, n in sorted(totals.modality.items()):
        print(f"      {k:<24} {n}")
    print("   reliability (facts with confidence >= c: share right):")
    for c, n, rate in reliability(totals.facts):
        shown = f"{rate:.3f}" if rate is not None else "  -  "
        print(f"      c={c:.1f}  n={n:<4} right={shown}")
