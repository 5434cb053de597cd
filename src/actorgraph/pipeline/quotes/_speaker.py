"""Find the cue and the speaker of a quote, and resolve the speaker to an entity."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from actorgraph.pipeline.layout import in_dateline
from actorgraph.pipeline.quotes._context import SENT_END, DocContext
from actorgraph.pipeline.quotes._lexicon import (
    AGENT_NOUNS,
    AGENT_SUFFIXES,
    CUE_FORMS,
    GROUP_NOUNS,
    PHRASAL_CUES,
    RELATIVE_PRONOUNS,
    ROLE_NOUNS,
    SPEECH_LEMMAS,
    THING_PRONOUNS,
)
from actorgraph.pipeline.quotes._orgs import institution

SUBJ_DEPS = ("nsubj", "nsubjpass")
CLIMB_DEPS = ("conj", "xcomp", "advcl", "pcomp", "prep", "acl", "parataxis")
NOMINAL = ("PROPN", "NOUN", "PRON")
ADDRESSEE_LEMMAS = ("ask", "tell", "question", "urge", "warn", "inform", "remind")
SUBJ_POS = (*NOMINAL, "ADJ", "NUM", "DET", "X")  # "the 46-year-old said", "some said"
CLAUSE_POS = ("PUNCT", "VERB", "AUX", "SCONJ")  # end of the phrase after an inverted cue
DASHES = "―—–-"
WINDOW = 40  # tokens of context searched on each side of a quote
PERSONISH = ("PERSON", "ORG", "NORP", "GPE")
SPEAKING_ORGS = ("ORG", "NORP")  # who "it" and "they" can be when they speak


@dataclass(frozen=True)
class Speaker:
    """Where a speaker was found: its local mention, the cue and how it was found."""

    mention: tuple[int, int]
    text: str
    entity: str | None
    how: str  # name / pronoun / group / other / running
    cue: tuple[int, int] | None = None
    cue_text: str | None = None


def is_cue(tok: Any) -> bool:
    low = tok.lower_
    if low in CUE_FORMS:
        return True
    if tok.pos_ not in ("VERB", "AUX"):
        return False
    lemma = tok.lemma_.lower()
    if lemma in SPEECH_LEMMAS:
        return True
    # "shot back", "went on", "chimed in", "pointed out": the particle makes it speech
    nxt = tok.doc[tok.i + 1] if tok.i + 1 < len(tok.doc) else None
    return nxt is not None and (lemma, nxt.lower_) in PHRASAL_CUES


def according_to(tok: Any) -> Any | None:
    """Return the object of 'according to X' when tok is 'according'."""
    if tok.lower_ != "according":
        return None
    nxt = tok.nbor(1) if tok.i + 1 < len(tok.doc) else None
    if nxt is None or nxt.lower_ != "to":
        return None
    for c in nxt.children:
        if c.dep_ == "pobj":
            return c
    for t in tok.doc[tok.i + 2 : tok.i + 6]:
        if t.pos_ in NOMINAL:
            return head_of_chunk(t)
    return None


def head_of_chunk(tok: Any) -> Any:
    """Move from a compound modifier to the noun it modifies (when adjacent)."""
    for _ in range(4):
        if tok.dep_ in ("compound", "flat") and tok.head.i == tok.i + 1:
            tok = tok.head
        else:
            break
    return tok


def dep_subject(cue: Any) -> Any | None:
    """Return the grammatical subject of a cue verb, climbing coordination and clauses."""
    tok = cue
    for _ in range(4):
        for c in tok.children:
            if c.dep_ in SUBJ_DEPS and not in_dateline(c):  # "ADEN, Yemen (AP) - Rebels said"
                if c.lower_ in RELATIVE_PRONOUNS and tok.dep_ == "relcl":
                    return tok.head
                return c
        if tok.dep_ in CLIMB_DEPS and tok.head is not tok:
            tok = tok.head
        else:
            return None
    return None


def positional_subject(ctx: DocContext, cue: Any, lo: int, hi: int) -> Any | None:
    """Return the nominal right before the cue ('he said') or right after ('said Smith')."""
    doc = ctx.doc
    i = cue.i - 1
    while i >= 0 and doc[i].idx >= lo and cue.i - i <= 4:
        t = doc[i]
        if t.pos_ in ("PUNCT", "VERB", "CCONJ", "ADP") or t.dep_ in ("dobj", "pobj", "conj"):
            break
        if t.pos_ in NOMINAL and not ctx.in_quote(t.idx):
            return t
        i -= 1
    for t in doc[cue.i + 1 : min(len(doc), cue.i + 6)]:
        if t.idx >= hi or ctx.in_quote(t.idx) or t.pos_ in CLAUSE_POS or t.tag_ == "WRB":
            break
        if t.pos_ in NOMINAL and t.dep_ not in ("dobj", "pobj"):
            head = head_of_chunk(t)
            if ctx.has_dep and head.dep_ in SUBJ_DEPS and head.head.i != cue.i:
                return None  # 'saying Clinton would ...': the subject of the reported clause
            return head
    return None


def mention_span(ctx: DocContext, head: Any) -> tuple[int, int]:
    """Return the span naming the speaker: its entity mention, or the noun phrase's left part."""
    hs, he = int(head.idx), int(head.idx + len(head.text))
    for m, _ in ctx.entities.mentions_in(max(0, hs - 80), he + 80):
        if m.start <= hs and m.end >= he:
            return m.start, m.end
    if head.pos_ == "PRON":
        return hs, he
    start = head.i
    for t in reversed(list(head.lefts)):
        # "the 46-year-old", "the campaign's statement": left parts that touch the head
        if t.right_edge.i != start - 1 or ctx.in_quote(t.left_edge.idx):
            break
        if t.pos_ == "PUNCT" and t.tag_ != "HYPH":
            break
        start = min(start, t.left_edge.i)
    return int(ctx.doc[start].idx), he


def find_cue(ctx: DocContext, lo: int, hi: int, *, last: bool) -> Any | None:
    """Return the first (or last) cue token in [lo, hi) outside quotations."""
    if hi <= lo:
        return None
    a, b = ctx.tok_after(lo), ctx.tok_after(hi)
    rng = range(b - 1, a - 1, -1) if last else range(a, b)
    for i in rng:
        t = ctx.doc[i]
        if ctx.in_quote(t.idx):
            continue
        if is_cue(t) or according_to(t) is not None:
            return t
    return None


# Abbreviated ranks and titles whose stop ends no sentence: "spokesman Lt. Col. X said".
_ABBREVIATED = frozenset(
    {"lt", "col", "gen", "brig", "maj", "capt", "sgt", "cpl", "adm", "cmdr", "lieut", "dr",
     "mr", "mrs", "ms", "gov", "sen", "rep", "prof", "rev", "st"}
)  # fmt: skip


def _abbreviation(t: Any) -> bool:
    """A stop right after an abbreviated rank or title, a capitalised name following."""
    doc = t.doc
    if t.text != "." or t.i == 0 or t.i + 1 >= len(doc):
        return False
    return doc[t.i - 1].lower_ in _ABBREVIATED and doc[t.i + 1].text[:1].isupper()


def after_window(ctx: DocContext, close_end: int, limit: int) -> int:
    """Return where the clause after a closing mark ends (sentence end, next quote or limit)."""
    i = ctx.tok_after(close_end)
    end = limit
    for t in ctx.doc[i : min(len(ctx.doc), i + WINDOW)]:
        if t.idx >= limit:
            break
        if t.text in SENT_END and not ctx.in_quote(t.idx) and not _abbreviation(t):
            return min(limit, int(t.idx) + 1)
        end = min(limit, int(t.idx + len(t.text)))
    return end


def before_window(ctx: DocContext, open_mark: int, limit: int) -> int:
    """Return where the clause before an opening mark starts."""
    i = ctx.tok_after(open_mark) - 1
    start = open_mark
    n = 0
    while i >= 0 and n < WINDOW:
        t = ctx.doc[i]
        if t.idx < limit:
            break
        if t.text in SENT_END and not ctx.in_quote(t.idx) and not _abbreviation(t):
            break
        start = int(t.idx)
        i -= 1
        n += 1
    return max(start, limit)


def speaker_of_cue(ctx: DocContext, cue: Any, lo: int, hi: int) -> Any | None:
    """Return the head token of the speaker of a cue inside the window [lo, hi)."""
    obj = according_to(cue)
    if obj is not None:
        return obj
    subj = dep_subject(cue) if ctx.has_dep else None
    if subj is not None and subj.dep_ == "nsubjpass" and cue.lemma_.lower() in ADDRESSEE_LEMMAS:
        # "Sanders was asked by host Bill Maher": the asker speaks, the subject listens
        for c in cue.children:
            if c.dep_ == "agent":
                return next((head_of_chunk(o) for o in c.children if o.dep_ == "pobj"), None)
        return None
    if subj is not None and ctx.in_quote(subj.idx):
        # '"Good reporter, this guy," Trump, the frontrunner, said': the parser made the
        # speaker an apposition of a word inside the quote
        subj = next(
            (c for c in subj.children if c.dep_ == "appos" and not ctx.in_quote(c.idx)), None
        )
    if subj is not None and not lo - 200 <= subj.idx < hi + 200:
        subj = None
    if subj is not None and subj.pos_ not in SUBJ_POS and subj.lower_ not in RELATIVE_PRONOUNS:
        subj = None
    if subj is None:
        subj = positional_subject(ctx, cue, lo, hi)
    if subj is None and ctx.has_dep:
        # coordinated verbs whose subject the parser attached elsewhere: the clause subject
        root = cue
        while root.head is not root and root.dep_ != "ROOT":
            root = root.head
        for c in root.children:
            if c.dep_ in SUBJ_DEPS and c.i < cue.i and not ctx.in_quote(c.idx):
                subj = c
    head = head_of_chunk(subj) if subj is not None else None
    return _past_rank(head) if head is not None else None


# Abbreviated ranks the tokenizer may cut from the name they open ("Brig. Gen. X").
_RANK_WORDS = frozenset(
    {"brig", "gen", "maj", "col", "lt", "capt", "sgt", "cpl", "adm", "cmdr", "lieut"}
)


def _past_rank(head: Any) -> Any:
    """ "said Brig. Gen. Ramon Cruz": the speaker is the name after the ranks, not "Brig"."""
    if head.lower_.rstrip(".") not in _RANK_WORDS:
        return head
    doc = head.doc
    for t in doc[head.i + 1 : head.i + 6]:
        if t.ent_type_ == "PERSON":
            last = t
            while last.i + 1 < len(doc) and doc[last.i + 1].ent_iob_ == "I":
                last = doc[last.i + 1]
            return last
        if t.lower_.rstrip(".") not in _RANK_WORDS and t.text != ".":
            break
    return head


def colon_speaker(ctx: DocContext, lo: int, hi: int, *, bare: bool = False) -> Any | None:
    """Return who speaks after a colon without a cue: 'Cruz called them on it:', 'Jo Lee:'.

    With ``bare``, only a name standing alone before the colon ('POLLS SHIFT - Jo Lee:').
    """
    i = ctx.tok_after(hi) - 1
    if i <= 0 or i >= len(ctx.doc) or ctx.doc[i].text != ":" or ctx.doc[i - 1].idx < lo:
        return None
    last = ctx.doc[i - 1]
    ent = ctx.entities.at(int(last.idx), ctx.tok_end(last.i))
    if ent is not None and ent.type in ("PERSON", "ORG"):
        m = next(m for m in ent.mentions if m.start <= last.idx < m.end)
        k = ctx.tok_at(m.start)
        prev = ctx.doc[k - 1] if k > 0 else None
        alone = prev is None or prev.text in DASHES or prev.is_space or prev.text in SENT_END
        if alone or (not bare and ent.type == "PERSON"):
            return last
    elif ent is None and last.pos_ == "PROPN":
        # a name the recogniser missed: two or more title-case proper nouns after a dash
        k = last.i
        while k > 0 and last.i - k < 4 and ctx.doc[k - 1].pos_ == "PROPN":
            k -= 1
        words = ctx.doc[k : last.i + 1]
        prev = ctx.doc[k - 1] if k > 0 else None
        if (
            len(words) >= 2
            and all(w.text[:1].isupper() and not w.is_upper for w in words)
            and (prev is None or prev.text in DASHES)
        ):
            return last
    if bare or not ctx.has_dep:
        return None
    verb = last
    for _ in range(8):
        if verb.pos_ in ("VERB", "AUX") or verb.head is verb:
            break
        verb = verb.head
    subj = dep_subject(verb)
    if subj is None or subj.i > last.i or subj.idx < lo or ctx.in_quote(subj.idx):
        return None
    head = head_of_chunk(subj)
    return head if is_agent(ctx, head) else None


_IT_SAYS = frozenset({"say", "add", "tell", "announce", "state"})


def is_agent(ctx: DocContext, head: Any) -> bool:
    """Return True for a speaker that can speak: a name, a person or group noun, a pronoun."""
    low = head.lower_
    if head.pos_ == "PRON":
        if low in THING_PRONOUNS:  # "It said the army had": the body that spoke last
            return head.dep_ == "nsubj" and head.head.lemma_.lower() in _IT_SAYS
        return low not in RELATIVE_PRONOUNS
    ent = ctx.entities.at(int(head.idx), ctx.tok_end(head.i))
    if ent is not None:
        return ent.type in PERSONISH
    if ctx.is_name_word(head.text):
        return True
    lemma = head.lemma_.lower()
    return (
        institution(head) is not None
        or lemma in ROLE_NOUNS
        or low in GROUP_NOUNS
        or lemma in GROUP_NOUNS
        or lemma in AGENT_NOUNS
        or (head.pos_ in ("PROPN", "NOUN") and head.text[:1].isupper() and not head.is_sent_start)
        or lemma.endswith(AGENT_SUFFIXES)
    )


def dash_speaker(ctx: DocContext, close_end: int, limit: int) -> Any | None:
    """Return the name after a dash that follows a quote ('"..." ― Jane Doe')."""
    j = close_end
    while j < limit and ctx.text[j].isspace():
        j += 1
    if j >= limit or ctx.text[j] not in DASHES:
        return None
    i = ctx.tok_after(j + 1)
    if i < len(ctx.doc) and ctx.doc[i].pos_ == "PUNCT":
        i += 1
    for t in ctx.doc[i : min(len(ctx.doc), i + 4)]:
        if t.idx >= limit:
            break
        if t.pos_ in ("PROPN", "NOUN"):
            while t.i + 1 < len(ctx.doc) and ctx.doc[t.i + 1].pos_ == "PROPN":
                t = ctx.doc[t.i + 1]
            return t
    return None
