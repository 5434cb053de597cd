"""Find reported speech: the clause a speech verb reports, outside quotation marks."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from actorgraph.pipeline.nlp import tokens
from actorgraph.pipeline.quotes._context import DocContext
from actorgraph.pipeline.quotes._lexicon import CONTENT_NOUNS, INDIRECT_LEMMAS
from actorgraph.pipeline.quotes._speaker import according_to, head_of_chunk, speaker_of_cue

MIN_TOKENS = 3
PUNCT_EDGE = " ,;:—–-\n\t"


@dataclass(frozen=True)
class Reported:
    """A reported clause with the cue that reports it and the speaker's head token."""

    start: int
    end: int
    cue: Any  # spacy Token
    speaker: Any | None  # spacy Token


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start] in PUNCT_EDGE:
        start += 1
    while end > start and text[end - 1] in PUNCT_EDGE + ".":
        end -= 1
    return start, end


def _covered(ctx: DocContext, start: int, end: int) -> bool:
    """Return True when a quotation covers most of [start, end) (then it is direct speech)."""
    inside = 0
    for s, e in ctx.regions_in(start, end):
        inside += min(e, end) - max(s, start)
    return inside * 2 > end - start


def _misread_clause(verb: Any) -> Any | None:
    """A "that" clause the parser hung on the cue's object ("told local radio that ...",
    "said in a statement that ..."): a clause with its own subject after "that"."""
    nouns = [c for c in verb.children if c.dep_ == "dobj" and c.i > verb.i]
    nouns += [p for c in verb.children if c.dep_ == "prep" and c.i > verb.i
              for p in c.children if p.dep_ == "pobj"]  # fmt: skip
    for noun in nouns:
        if noun.lemma_.lower() in CONTENT_NOUNS:
            continue
        for c in noun.children:
            if c.dep_ not in {"relcl", "acl"} or c.pos_ not in {"VERB", "AUX"}:
                continue
            marked = any(m.dep_ == "mark" and m.lower_ == "that" for m in c.children)
            subject = any(
                m.dep_ in {"nsubj", "nsubjpass"} and m.lower_ not in {"that", "which", "who"}
                for m in c.children
            )
            if marked and subject:
                return c
    return None


def find_reported(ctx: DocContext) -> list[Reported]:
    """Return reported clauses of speech verbs, in text order."""
    if not ctx.has_dep:
        return []
    out: list[Reported] = []
    doc, text = ctx.doc, ctx.text
    for tok in tokens(doc):
        low = tok.lower_
        if low == "according":
            obj = according_to(tok)
            if obj is None or ctx.in_quote(tok.idx):
                continue
            sent = tok.sent
            prep_start = int(tok.idx)
            prep_end = int(ctx.tok_end(obj.right_edge.i))
            left = _trim(text, int(sent.start_char), prep_start)
            right = _trim(text, prep_end, int(sent.end_char))
            s, e = left if left[1] - left[0] >= right[1] - right[0] else right
            if e - s > 10 and not _covered(ctx, s, e):
                out.append(Reported(s, e, tok, head_of_chunk(obj)))
            continue
        if tok.pos_ != "VERB" or tok.lemma_.lower() not in INDIRECT_LEMMAS:
            continue
        if ctx.in_quote(tok.idx):
            continue
        clause = None
        for c in tok.children:
            if c.dep_ == "ccomp" and c.i > tok.i:
                clause = c
                break
        if clause is None:
            clause = _misread_clause(tok)  # "told local radio that X", parsed as radio's
        if clause is None:
            # "Gunmen killed six soldiers, the army said.": the clause before the cue
            clause = next((c for c in tok.children if c.dep_ == "ccomp" and c.i < tok.i), None)
        if clause is not None:
            s, e = int(clause.left_edge.idx), ctx.tok_end(clause.right_edge.i)
        elif tok.dep_ in ("parataxis", "ccomp") and tok.head.i < tok.i:
            # "..., officials said.": the reported clause is the head's, before the cue
            head = tok.head
            s = int(head.left_edge.idx)
            e = int(tok.left_edge.idx)
        else:
            continue
        s, e = _trim(text, s, e)
        if e <= s or len(doc.char_span(s, e, alignment_mode="expand") or ()) < MIN_TOKENS:
            continue
        if _covered(ctx, s, e) or ctx.in_quote(s):
            continue
        spk = speaker_of_cue(ctx, tok, int(tok.sent.start_char), int(tok.sent.end_char))
        if spk is None:
            continue
        out.append(Reported(s, e, tok, spk))
    return out
