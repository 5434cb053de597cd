"""Which kind of quotation a quoted span is: speech, a part of a clause, or a name.

A quotation stands for itself when it opens its sentence, follows a colon or a cue, or is
attributed by a cue next to it. Quoted words inside a longer clause (``says "the wind is
at our backs" despite``) are a part of that clause; in conflict reporting such a part is
still the speaker's direct quote when a speech verb governs it ('X said a "small group"
attacked'). A quoted name, title or term that nobody says ("known as", "so-called",
'the "Army of the Free"') is no quote.
"""

from __future__ import annotations

import re

from actorgraph.pipeline.quotes._context import SENT_END, DocContext
from actorgraph.pipeline.quotes._lexicon import NAMING_WORDS
from actorgraph.pipeline.quotes._marks import Quoted
from actorgraph.pipeline.quotes._resolve import speaker_at
from actorgraph.pipeline.quotes._speaker import (
    Speaker,
    according_to,
    is_agent,
    is_cue,
    speaker_of_cue,
)

_WORD = re.compile(r"\w+")
_FUNCTION = frozenset(
    {
        "of",
        "the",
        "and",
        "for",
        "in",
        "on",
        "at",
        "to",
        "a",
        "an",
        "de",
        "al",
        "el",
        "la",
        "le",
        "von",
        "van",
        "bin",
    }
)
_TRANSCRIPT = re.compile(r"[A-Z][A-Z.'\- ]{1,30}:\s")  # "SMITH: ..." turns of a transcript
_NEAR = 10  # tokens before a quote searched for its lead-in cue
_SENT_STOP = set(".!?:")
_END_PUNCT = set(",.!?;:…")
_RUN_ON_POS = ("ADP", "SCONJ", "CCONJ", "VERB", "AUX", "PART", "ADV")
_FULL_BEFORE = set(":,.;!?—–-([") | set('"“”')


def _runs_on(ctx: DocContext, q: Quoted) -> bool:
    """Return True when the sentence runs on after an unpunctuated quote.

    In 'X says "the wind is at our backs" despite his loss' the quoted words are part of a
    longer reported clause, not a quotation standing for itself.
    """
    if q.close_mark is None or ctx.text[q.end - 1 : q.end] in _END_PUNCT or not len(ctx.doc):
        return False
    i = ctx.tok_after(q.close_mark + 1)
    if i >= len(ctx.doc):
        return False
    t = ctx.doc[i]
    if t.idx > q.close_mark + 3 or not t.text[:1].islower() or is_cue(t):
        return False
    # a quote that opens its sentence ('"We told them" to stop it, he said') stands for itself
    lead = ctx.text[ctx.paras[q.para][0] : q.open_mark].rstrip()
    return t.pos_ in _RUN_ON_POS and bool(lead) and lead[-1] not in _SENT_STOP


def _cue_near(ctx: DocContext, open_mark: int) -> bool:
    """Return True when a speech cue stands among the last tokens of the sentence before."""
    i = ctx.tok_after(open_mark) - 1
    for t in reversed(ctx.doc[max(0, i - _NEAR) : i + 1]):
        if t.text in SENT_END and not ctx.in_quote(t.idx):
            return False
        if is_cue(t) or according_to(t) is not None:
            return True
    return False


def speech_kind(ctx: DocContext, q: Quoted, attributed: bool) -> str:
    """Return 'speech' for a quotation, 'part' for quoted words inside a longer clause, or
    'none' for a quoted name, title, term or scare-quoted phrase."""
    text = ctx.text
    inner = text[q.start : q.end]
    words = _WORD.findall(inner)
    n = len(words)
    lead = text[max(0, q.open_mark - 40) : q.open_mark]
    prev_words = [w.lower() for w in re.findall(r"[\w.\-]+", lead)[-2:]]
    if n <= 10 and (
        any(w in NAMING_WORDS for w in prev_words) or " ".join(prev_words) == "known as"
    ):
        return "none"
    if _TRANSCRIPT.match(inner):
        return "none"
    stripped = lead.rstrip()
    p_lo = ctx.paras[q.para][0]
    full = q.open_mark == p_lo or not stripped or stripped[-1] in _FULL_BEFORE
    if not full and len(ctx.doc):
        # 'said "We ...' or 'told reporters "We ...' (but not 'said that "...')
        i = ctx.tok_after(q.open_mark) - 1
        prev = ctx.doc[i] if i >= 0 else None
        full = prev is not None and (
            is_cue(prev)
            or (i > 0 and prev.pos_ in ("PRON", "PROPN", "NOUN") and is_cue(ctx.doc[i - 1]))
        )
        full = full and (n >= 4 or inner[:1].isupper())
    if not full or _runs_on(ctx, q):
        return "part"
    if stripped.endswith(",") and inner[:1].islower() and not _cue_near(ctx, q.open_mark):
        # 'if the U.S. pulls back, "our oceans are going to save us."': no cue leads in
        return "part"
    if attributed:
        return "speech" if n > 0 else "none"
    if n <= 3:
        return "none"
    content = [w for w in words if w.lower() not in _FUNCTION]
    title = all(w[:1].isupper() or w[:1].isdigit() for w in content)
    return "none" if title and n <= 8 and not re.search(r"[,;!?]", inner) else "speech"


def _is_name(inner: str) -> bool:
    """True for quoted words that read as a name or title ('Army of the Free')."""
    words = _WORD.findall(inner)
    content = [w for w in words if w.lower() not in _FUNCTION]
    return bool(content) and all(w[:1].isupper() or w[:1].isdigit() for w in content)


def fragment_speaker(
    ctx: DocContext, q: Quoted, after: Speaker | None, speakers: set[str]
) -> Speaker | None:
    """Return the speaker of quoted words inside a clause that reports someone's speech.

    'X said a "small group" of assailants attacked', 'vowing to "wipe out" armed groups',
    'described the assault as a "huge terrorist attack"', 'Preliminary reports "indicate 28
    people killed," it said': the words are the speaker's. Quoted words that no speech
    verb governs ('to impose what they call an "Islamic system"') are nobody's.
    """
    if not ctx.has_dep or _is_name(ctx.text[q.start : q.end]):
        return None
    inner = ctx.text[q.start : q.end]
    if after is not None and after.cue is not None and inner[-1:] in ",.!?":
        return after  # '"...," it said': the cue right after the closing mark
    a, b = ctx.tok_after(q.start), ctx.tok_after(q.end)
    if a >= b:
        return None
    # the quoted words' own head: the token whose head lies outside the quotation
    root = next((t for t in ctx.doc[a:b] if not a <= t.head.i < b or t.head is t), ctx.doc[a])
    for anc in root.ancestors:
        if ctx.in_quote(anc.idx):
            continue
        if is_cue(anc):
            sent = anc.sent
            head = speaker_of_cue(ctx, anc, int(sent.start_char), int(sent.end_char))
            if head is None or not is_agent(ctx, head):
                return None
            return speaker_at(ctx, head, anc, speakers)
    sent = ctx.doc[a].sent
    for t in sent:
        if ctx.in_quote(t.idx):
            continue
        obj = according_to(t)
        if obj is not None and is_agent(ctx, obj):
            return speaker_at(ctx, obj, t, speakers)
    return None
