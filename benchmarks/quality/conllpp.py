"""NER quality on CoNLL++ dev: micro F1 for PER, ORG, LOC (exact span and type).

Documents are rebuilt from their tokens (one sentence per line) and run through our
entity and alias stages (so a surname's type comes from its full name, as in use).
Our types map to CoNLL's: PERSON -> PER; ORG -> ORG; GPE, LOC, FAC -> LOC; NORP is MISC
and not scored. Spans are compared on token boundaries.
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path

from actorgraph.model import Document
from actorgraph.pipeline.entities import extract_entities, resolve_aliases
from actorgraph.pipeline.nlp import ParsedDoc, load

DEFAULT_DATA = Path("../shared/datasets/ner/conllpp/conllpp_dev.txt")
TYPES = ("PER", "ORG", "LOC")
OURS = {"PERSON": "PER", "ORG": "ORG", "GPE": "LOC", "LOC": "LOC", "FAC": "LOC"}

Span = tuple[int, int, str]  # token start, token end (exclusive), type


def read_conll(path: Path) -> list[list[list[tuple[str, str]]]]:
    """Return documents -> sentences -> (token, IOB tag)."""
    docs: list[list[list[tuple[str, str]]]] = []
    sentence: list[tuple[str, str]] = []
    for line in path.read_text("utf-8").splitlines():
        if line.startswith("-DOCSTART-"):
            docs.append([])
            continue
        if not line.strip():
            if sentence:
                docs[-1].append(sentence)
                sentence = []
            continue
        cols = line.split()
        if not docs:
            docs.append([])
        sentence.append((cols[0], cols[-1]))
    if sentence:
        docs[-1].append(sentence)
    return [d for d in docs if d]


def gold_spans(tags: list[str]) -> set[Span]:
    spans: set[Span] = set()
    start, typ = -1, ""
    for i, tag in enumerate([*tags, "O"]):
        if tag == "O" or tag.startswith("B-") or (tag.startswith("I-") and tag[2:] != typ):
            if start >= 0 and typ in TYPES:
                spans.add((start, i, typ))
            start, typ = (i, tag[2:]) if tag != "O" else (-1, "")
    return spans


def run(data: Path, *, limit: int | None) -> tuple[str, float]:
    docs = read_conll(data)[: limit or None]
    nlp = load("auto")
    texts, offsets, golds = [], [], []
    for doc in docs:
        tokens = [tok for sent in doc for tok, _ in sent]
        tags = [tag for sent in doc for _, tag in sent]
        starts, parts, pos = [], [], 0
        for s_i, sent in enumerate(doc):
            for t_i, (tok, _) in enumerate(sent):
                starts.append(pos)
                parts.append(tok)
                pos += len(tok)
                sep = " " if t_i < len(sent) - 1 else ("\n" if s_i < len(doc) - 1 else "")
                parts.append(sep)
                pos += len(sep)
        texts.append("".join(parts))
        offsets.append(starts)
        golds.append(gold_spans(tags))
        assert len(tokens) == len(starts)
    tp: Counter[str] = Counter()
    fp: Counter[str] = Counter()
    fn: Counter[str] = Counter()
    for text, starts, gold, sdoc in zip(texts, offsets, golds, nlp.pipe(texts), strict=True):
        parsed = ParsedDoc(Document.from_text(text), sdoc, None)
        found = resolve_aliases(parsed, extract_entities(parsed))
        index = {s: i for i, s in enumerate(starts)}
        pred: set[Span] = set()
        for e in found.entities:
            typ = OURS.get(e.type)
            if typ is None:
                continue
            for m in e.mentions:
                if m.label in {"anaphor", "NORP"}:  # descriptions and demonyms: not names
                    continue
                if m.start not in index:
                    continue
                first = index[m.start]
                last = first
                while last + 1 < len(starts) and starts[last + 1] < m.end:
                    last += 1
                pred.add((first, last + 1, typ))
        for typ in TYPES:
            g = {s for s in gold if s[2] == typ}
            p = {s for s in pred if s[2] == typ}
            tp[typ] += len(g & p)
            fp[typ] += len(p - g)
            fn[typ] += len(g - p)
    print(f"   {'type':<6} {'P':>6} {'R':>6} {'F1':>6}  (tp/fp/fn)")
    for typ in (*TYPES, "micro"):
        t = sum(tp.values()) if typ == "micro" else tp[typ]
        f_p = sum(fp.values()) if typ == "micro" else fp[typ]
        f_n = sum(fn.values()) if typ == "micro" else fn[typ]
        p = t / (t + f_p) if t + f_p else 0.0
        r = t / (t + f_n) if t + f_n else 0.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        print(f"   {typ:<6} {p:6.3f} {r:6.3f} {f:6.3f}  ({t}/{f_p}/{f_n})")
    t, f_p, f_n = sum(tp.values()), sum(fp.values()), sum(fn.values())
    p = t / (t + f_p) if t + f_p else 0.0
    r = t / (t + f_n) if t + f_n else 0.0
    return "f1", (2 * p * r / (p + r) if p + r else 0.0)
