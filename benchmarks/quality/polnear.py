"""Quote detection and speaker attribution on PolNeAR (brat standoff), against textacy.

Gold: each attribution's Content span (fragments joined when only whitespace separates
them); a fragment enclosed in quotation marks is a direct quote, and its Source span is the
speaker. Where several annotators annotated an article, the first .ann file (by name) is
used. Metrics, for our stage and for textacy's ``direct_quotations`` on the same parse:

- direct-quote detection P/R/F1, exact span (after trimming marks, spaces and edge
  punctuation) and overlap;
- speaker attribution for direct quotes: a predicted quote is right when it overlaps a gold
  direct quote and its speaker mention overlaps that quote's Source (headline: F1);
- the same over all attributions (indirect included) as a secondary figure.
"""

from __future__ import annotations

import csv
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

DEFAULT_DATA = Path("../shared/datasets/quotes/polnear/data/dev")
OPEN = '"“„«'
CLOSE = '"”»'
EDGE = " \t\n\u00a0\"“”„«»'‘’.,;:"

Span = tuple[int, int]


@dataclass(frozen=True)
class Unit:
    """A quote span with the speaker span(s) that go with it (empty when none)."""

    span: Span
    speakers: tuple[Span, ...]


def _ann(path: Path) -> list[tuple[list[Span], list[Span]]]:
    """Return (content fragments, source fragments) of every attribution in a .ann file."""
    spans: dict[str, list[Span]] = {}
    rels: list[dict[str, str]] = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.startswith("T"):
            tid, mid, *_ = line.split("\t")
            _label, offsets = mid.split(" ", 1)
            frags = [tuple(map(int, f.split())) for f in offsets.split(";")]
            spans[tid] = [(a, b) for a, b in frags]
        elif line.startswith("E"):
            _eid, rest = line.split("\t", 1)
            rels.append(dict(part.split(":", 1) for part in rest.split()))
    out = []
    for rel in rels:
        if "Content" not in rel:
            continue
        content = spans.get(rel["Content"], [])
        source = spans.get(rel["Source"], []) if "Source" in rel else []
        out.append((content, source))
    return out


def _merge(text: str, frags: list[Span]) -> list[Span]:
    merged: list[Span] = []
    for s, e in sorted(frags):
        if merged and not text[merged[-1][1] : s].strip():
            merged[-1] = (merged[-1][0], e)
        else:
            merged.append((s, e))
    return merged


def _is_direct(text: str, span: Span) -> bool:
    frag = text[span[0] : span[1]].strip()
    return frag[:1] in OPEN and frag.rstrip(".,;:!? ")[-1:] in CLOSE and len(frag) > 2


def trim(text: str, span: Span) -> Span:
    s, e = span
    while s < e and text[s] in EDGE:
        s += 1
    while e > s and text[e - 1] in EDGE:
        e -= 1
    return s, e


def gold_units(text: str, ann: Path) -> tuple[list[Unit], list[Unit]]:
    """Return (direct quotes, all attributions) of one article."""
    direct, every = [], []
    for content, source in _ann(ann):
        for span in _merge(text, content):
            unit = Unit(span, tuple(source))
            every.append(unit)
            if _is_direct(text, span):
                direct.append(unit)
    return direct, every


def _overlap(a: Span, b: Span) -> bool:
    return a[0] < b[1] and b[0] < a[1]


@dataclass
class Counts:
    n_pred: int = 0
    n_gold: int = 0
    tp_pred: int = 0
    tp_gold: int = 0

    def add(self, p: int, g: int, tp_p: int, tp_g: int) -> None:
        self.n_pred += p
        self.n_gold += g
        self.tp_pred += tp_p
        self.tp_gold += tp_g

    def prf(self) -> tuple[float, float, float]:
        p = self.tp_pred / self.n_pred if self.n_pred else 0.0
        r = self.tp_gold / self.n_gold if self.n_gold else 0.0
        return p, r, (2 * p * r / (p + r) if p + r else 0.0)


@dataclass
class Scores:
    exact: Counts
    overlap: Counts
    speaker: Counts
    all_speaker: Counts


def score(
    text: str,
    preds: list[Unit],
    preds_all: list[Unit],
    direct: list[Unit],
    every: list[Unit],
    into: Scores,
) -> None:
    """Add one article's counts to ``into``."""
    gold_exact = {trim(text, g.span) for g in direct}
    pred_exact = [trim(text, p.span) for p in preds]
    into.exact.add(
        len(preds),
        len(direct),
        sum(1 for p in pred_exact if p in gold_exact),
        sum(1 for g in gold_exact if g in set(pred_exact)),
    )
    into.overlap.add(
        len(preds),
        len(direct),
        sum(1 for p in preds if any(_overlap(p.span, g.span) for g in direct)),
        sum(1 for g in direct if any(_overlap(p.span, g.span) for p in preds)),
    )
    for counts, ps, gs in ((into.speaker, preds, direct), (into.all_speaker, preds_all, every)):
        attributed = [g for g in gs if g.speakers]
        n_pred = tp_pred = 0
        hit: set[int] = set()
        for p in ps:
            over = [i for i, g in enumerate(gs) if _overlap(p.span, g.span)]
            if over and not any(gs[i].speakers for i in over):
                continue  # the gold quote names no source: not scored
            n_pred += 1
            ok = [
                i for i in over if any(_overlap(sp, s) for sp in p.speakers for s in gs[i].speakers)
            ]
            if ok:
                tp_pred += 1
                hit.update(ok)
        counts.add(n_pred, len(attributed), tp_pred, sum(1 for i in hit if gs[i].speakers))


def _articles(data: Path, limit: int | None) -> list[tuple[str, str, Path, str | None]]:
    meta: dict[str, str] = {}
    tsv = data.parent / "metadata.tsv"
    if tsv.exists():
        with tsv.open(encoding="utf-8") as fh:
            for row in csv.DictReader(fh, delimiter="\t"):
                meta[row["filename"]] = row["publication_date"]
    out = []
    for txt in sorted((data / "text").glob("*.txt")):
        anns = sorted((data / "attributions").glob(f"{txt.stem}_*.ann"))
        if not anns:
            continue
        out.append((txt.stem, txt.read_text(encoding="utf-8"), anns[0], meta.get(txt.stem)))
        if limit is not None and len(out) >= limit:
            break
    return out


def _textacy_units(doc: object) -> list[Unit] | None:
    """Return textacy's direct quotations, or None when it refuses the document."""
    from textacy.extract.triples import direct_quotations

    units = []
    try:
        found = list(direct_quotations(doc))
    except ValueError:  # it bails out on an unbalanced quotation mark
        return None
    for dq in found:
        speakers = tuple((t.idx, t.idx + len(t.text)) for t in dq.speaker)
        if speakers:
            speakers = ((min(s for s, _ in speakers), max(e for _, e in speakers)),)
        units.append(Unit((dq.content.start_char, dq.content.end_char), speakers))
    return units


def _print(name: str, s: Scores) -> None:
    for label, c in (
        ("direct detection, exact", s.exact),
        ("direct detection, overlap", s.overlap),
        ("direct speaker (overlap)", s.speaker),
        ("all attributions speaker", s.all_speaker),
    ):
        p, r, f = c.prf()
        print(f"   {name:8s} {label:28s} P={p:.3f} R={r:.3f} F1={f:.3f}")


def run(data: Path, *, limit: int | None) -> tuple[str, float]:
    """Score our quotes stage and textacy on the PolNeAR split at ``data``."""
    from actorgraph.model import Document
    from actorgraph.pipeline.analyze import analyze_parsed, reference_date
    from actorgraph.pipeline.nlp import ParsedDoc, load

    nlp = load("auto")
    articles = _articles(data, limit)
    ours = Scores(Counts(), Counts(), Counts(), Counts())
    theirs = Scores(Counts(), Counts(), Counts(), Counts())
    n_direct = n_all = refused = 0
    texts: Iterable[str] = (a[1] for a in articles)
    for (_name, text, ann, published), doc in zip(articles, nlp.pipe(texts), strict=True):
        direct, every = gold_units(text, ann)
        n_direct += len(direct)
        n_all += len(every)
        document = Document.from_text(text, published=published)
        analysis = analyze_parsed(ParsedDoc(document, doc, reference_date(published)))
        units = [
            Unit((q.start, q.end), (q.speaker_mention,) if q.speaker_mention else ())
            for q in analysis.quotes
        ]
        preds = [u for u, q in zip(units, analysis.quotes, strict=True) if q.kind == "direct"]
        score(text, preds, units, direct, every, ours)
        tx = _textacy_units(doc)
        if tx is None:
            refused += 1
            tx = []
        score(text, tx, tx, direct, every, theirs)
    print(f"   {len(articles)} articles, {n_direct} gold direct quotes, {n_all} attributions")
    _print("ours", ours)
    _print("textacy", theirs)
    print(f"   textacy refused {refused} article(s) with an unbalanced mark (counted as no quotes)")
    return "speaker_f1", ours.speaker.prf()[2]
