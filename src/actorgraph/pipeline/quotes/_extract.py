"""Find direct and indirect quotes and attach each to its speaker.

Direct quotes come from paired quotation marks (``_quotes_marks``); a quoted name or
term that nobody says is left out. The speaker is read from a speech cue next to the
quote (``"...," she said``; ``X said: "..."``; ``"...," said X``; ``"..." ― X``); a quote
standing alone takes the most recent speaker of its paragraph or the one before (the
news convention), and a quote running over paragraphs may take the speaker named at its
end. Quoted words inside a longer clause (``says "the wind is at our backs" despite``)
are not direct quotes. Indirect quotes are the clauses speech verbs report
(``_quotes_indirect``), kept only when their speaker can speak.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from actorgraph.model import Evidence, Quote
from actorgraph.pipeline.entities import EntityResult
from actorgraph.pipeline.limits import check_time
from actorgraph.pipeline.nlp import ParsedDoc
from actorgraph.pipeline.quotes._context import SENT_END, DocContext
from actorgraph.pipeline.quotes._indirect import find_reported
from actorgraph.pipeline.quotes._lexicon import NAMING_WORDS
from actorgraph.pipeline.quotes._marks import Quoted, find_quoted
from actorgraph.pipeline.quotes._speaker import (
    Speaker,
    according_to,
    after_window,
    before_window,
    colon_speaker,
    dash_speaker,
    find_cue,
    is_agent,
    is_cue,
    mention_span,
    resolve,
    speaker_of_cue,
)

STAGE = "quotes.v1"
MAX_QUOTES = 5000  # quoted spans examined per document; the rest are recorded as skipped
CONFIDENCE = {"name": 0.9, "pronoun": 0.8, "group": 0.75, "running": 0.6, "other": 0.7}
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
_CUE_GAP = 4  # tokens between a closing mark and an "X said" that follows it
_NEAR = 10  # tokens before a quote searched for its lead-in cue
_SENT_STOP = set(".!?:")
_END_PUNCT = set(",.!?;:…")
_RUN_ON_POS = ("ADP", "SCONJ", "CCONJ", "VERB", "AUX", "PART", "ADV")
_FULL_BEFORE = set(":,.;!?—–-([") | set('"“”')


@dataclass(frozen=True)
class QuoteResult:
    quotes: tuple[Quote, ...]
    skipped: tuple[str, ...] = ()


def extract_quotes(
    parsed: ParsedDoc, entities: EntityResult, *, max_len: int = 2000
) -> QuoteResult:
    """Find direct and indirect quotes and attach each to its speaker."""
    text = parsed.text
    quoted, notes = find_quoted(text)
    skipped = list(notes)
    if len(quoted) > MAX_QUOTES:
        skipped.append(
            f"{len(quoted) - MAX_QUOTES} quotations after the first {MAX_QUOTES} skipped"
        )
        quoted = quoted[:MAX_QUOTES]
    ctx = DocContext(text, parsed.doc, entities, quoted)
    doc_id = parsed.document.id
    reported = find_reported(ctx)
    out: list[Quote] = []
    speakers: set[str] = set()
    last: tuple[int, Speaker] | None = None  # (paragraph, speaker) of the latest attribution
    r = 0
    prev_direct: tuple[Quoted, Speaker | None] | None = None
    chain_end: dict[int, Speaker | None] = {}  # speaker found at the end of a quote chain
    ends = _chain_ends(quoted)
    for k, q in enumerate(quoted):
        check_time("quotes")
        while r < len(reported) and reported[r].cue.idx < q.open_mark:
            rep = reported[r]
            r += 1
            quote = _indirect_quote(ctx, rep, speakers, doc_id, max_len)
            if quote is not None:
                out.append(quote)
                if quote.speaker:
                    speakers.add(quote.speaker)
                last = (ctx.para_of(quote.start), _as_speaker(quote))
        if q.end - q.start > max_len:
            skipped.append(f"quotation at {q.start} longer than {max_len} characters skipped")
            continue
        spk, explicit = _attribute(ctx, quoted, k, speakers)
        if spk is None and q.continued and prev_direct is not None and prev_direct[1] is not None:
            spk = Speaker(**{**prev_direct[1].__dict__, "how": "running"})
        if spk is None and q.continues:
            # a quotation running over paragraphs is often attributed at its end
            end = ends[k]
            if end not in chain_end:
                chain_end[end] = _attribute(ctx, quoted, end, speakers)[0] if end > k else None
            spk = chain_end[end]
        if not _is_speech(ctx, q, explicit or spk is not None):
            if spk is not None and spk.how != "running":
                # 'a "change agent," Cole said.': no quotation, but Cole is speaking
                last = (q.para, spk)
            continue
        if spk is None and last is not None and last[0] >= q.para - 1:
            spk = Speaker(**{**last[1].__dict__, "how": "running", "cue": None, "cue_text": None})
        out.append(_direct_quote(ctx, q, spk, doc_id))
        prev_direct = (q, spk)
        if spk is not None:
            if spk.entity:
                speakers.add(spk.entity)
            last = (q.para, spk)
    for rep in reported[r:]:
        quote = _indirect_quote(ctx, rep, speakers, doc_id, max_len)
        if quote is not None:
            out.append(quote)
    out.sort(key=lambda x: (x.start, x.end))
    return QuoteResult(tuple(out), tuple(skipped))


def _chain_ends(quoted: list[Quoted]) -> list[int]:
    """Return, for each quote, the index of the last quote of the paragraph chain it opens."""
    ends = list(range(len(quoted)))
    for k in range(len(quoted) - 2, -1, -1):
        if quoted[k].continues and quoted[k + 1].continued:
            ends[k] = ends[k + 1]
    return ends


def _as_speaker(q: Quote) -> Speaker:
    assert q.speaker_mention is not None
    return Speaker(q.speaker_mention, q.speaker_text or "", q.speaker, "name", q.cue_span, q.cue)


def _speaker(ctx: DocContext, head: Any, cue: Any | None, speakers: set[str]) -> Speaker:
    span = mention_span(ctx, head)
    entity, how = resolve(ctx, head, span, speakers)
    cue_span = (int(cue.idx), int(cue.idx + len(cue.text))) if cue is not None else None
    return Speaker(
        span,
        ctx.text[span[0] : span[1]],
        entity,
        how,
        cue_span,
        cue.text if cue is not None else None,
    )


def _attribute(
    ctx: DocContext, quoted: list[Quoted], k: int, speakers: set[str]
) -> tuple[Speaker | None, bool]:
    """Return the speaker found next to quote k and whether a speech cue was found."""
    q = quoted[k]
    if not len(ctx.doc):
        return None, False
    p_lo, p_hi = ctx.paras[q.para]
    prev_end = p_lo
    if k > 0 and quoted[k - 1].para == q.para:
        pq = quoted[k - 1]
        prev_end = pq.close_mark + 1 if pq.close_mark is not None else pq.end
    nxt = p_hi
    if k + 1 < len(quoted) and quoted[k + 1].para == q.para:
        nxt = quoted[k + 1].open_mark
    close_end = q.close_mark + 1 if q.close_mark is not None else q.end
    inner = ctx.text[q.start : q.end]
    b_lo, b_hi = before_window(ctx, q.open_mark, prev_end), q.open_mark
    before = ctx.text[b_lo:b_hi].strip()
    if not before and q.open_mark == p_lo and q.para > 0 and not q.continued:
        lo, hi = ctx.paras[q.para - 1]
        if ctx.text[lo:hi].rstrip().endswith(":"):
            b_lo, b_hi = before_window(ctx, hi, lo), hi
            before = ctx.text[b_lo:b_hi].strip()
    order = []
    a_hi = after_window(ctx, close_end, nxt)
    after_ok = True
    rest = ctx.text[close_end:a_hi].lstrip()
    if inner[-1:] in ".!?" and rest[:1].isupper():
        # the sentence ended inside the quote: only "X said" can follow, at once
        # ('"Who are they?" Trump said of Apple in February, when ...')
        cue = find_cue(ctx, close_end, a_hi, last=False)
        after_ok = (
            cue is not None
            and (len(rest.split()) <= 6 or cue.i - ctx.tok_after(close_end) <= _CUE_GAP)
            and not any(c.dep_ == "ccomp" for c in cue.children)
        )
    if before.endswith(":"):
        # 'POLLS SHIFT - Jo Lee: "..."': a name before the colon beats any cue before it
        head = colon_speaker(ctx, b_lo, b_hi, bare=True)
        if head is not None:
            return _speaker(ctx, head, None, speakers), True
    if _cue_ends(ctx, b_lo, b_hi) or (before.endswith(":") and not inner.endswith(",")):
        # 'X said, "...," when asked' and 'X said: "..."' read the cue before; a quote
        # ending in a comma otherwise hands over to the clause after it ('"...," she wrote')
        order = [("before", b_lo, b_hi), ("after", close_end, a_hi)]
    else:
        order = [("after", close_end, a_hi), ("before", b_lo, b_hi)]
    for side, lo, hi in order:
        if side == "after" and not after_ok:
            continue
        cue = find_cue(ctx, lo, hi, last=side == "before")
        if cue is None:
            continue
        head = speaker_of_cue(ctx, cue, lo, hi)
        if head is None:
            return None, True
        return _speaker(ctx, head, cue, speakers), True
    if after_ok:
        head = dash_speaker(ctx, close_end, a_hi)
        if head is not None:
            return _speaker(ctx, head, None, speakers), True
    if before.endswith(":"):
        head = colon_speaker(ctx, b_lo, b_hi)
        if head is not None:
            return _speaker(ctx, head, None, speakers), True
    return None, False


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


def _cue_ends(ctx: DocContext, lo: int, hi: int) -> bool:
    """Return True when [lo, hi) ends with a speech cue and a comma or colon ('she said,')."""
    i = ctx.tok_after(hi) - 1
    if i < 0 or ctx.doc[i].idx < lo or ctx.doc[i].text not in (",", ":"):
        return False
    return i > 0 and ctx.doc[i - 1].idx >= lo and is_cue(ctx.doc[i - 1])


def _is_speech(ctx: DocContext, q: Quoted, attributed: bool) -> bool:
    """Return False for a quoted name, title, term or scare-quoted phrase."""
    text = ctx.text
    inner = text[q.start : q.end]
    words = _WORD.findall(inner)
    n = len(words)
    lead = text[max(0, q.open_mark - 40) : q.open_mark]
    prev_words = [w.lower() for w in re.findall(r"[\w.\-]+", lead)[-2:]]
    if n <= 10 and (
        any(w in NAMING_WORDS for w in prev_words) or " ".join(prev_words) == "known as"
    ):
        return False
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
    if not full or _TRANSCRIPT.match(inner) or _runs_on(ctx, q):
        return False
    if stripped.endswith(",") and inner[:1].islower() and not _cue_near(ctx, q.open_mark):
        # 'if the U.S. pulls back, "our oceans are going to save us."': no cue leads in
        return False
    if attributed:
        return n > 0
    if n <= 3:
        return False
    content = [w for w in words if w.lower() not in _FUNCTION]
    title = all(w[:1].isupper() or w[:1].isdigit() for w in content)
    return not (title and n <= 8 and not re.search(r"[,;!?]", inner))


def _direct_quote(ctx: DocContext, q: Quoted, spk: Speaker | None, doc_id: str) -> Quote:
    conf = CONFIDENCE.get(spk.how, 0.6) if spk is not None else 0.4
    if spk is not None and spk.how in ("pronoun", "group") and spk.entity is None:
        conf -= 0.2
    lo, hi = q.start, q.end
    if spk is not None and spk.how != "running":
        lo, hi = min(lo, spk.mention[0]), max(hi, spk.mention[1])
        if spk.cue is not None:
            lo, hi = min(lo, spk.cue[0]), max(hi, spk.cue[1])
    return Quote(
        kind="direct",
        text=ctx.text[q.start : q.end],
        start=q.start,
        end=q.end,
        speaker=spk.entity if spk else None,
        speaker_mention=spk.mention if spk else None,
        speaker_text=spk.text if spk else None,
        cue=spk.cue_text if spk else None,
        cue_span=spk.cue if spk else None,
        confidence=conf,
        evidence=(Evidence(doc_id, lo, hi, STAGE, conf),),
    )


def _indirect_quote(
    ctx: DocContext, rep: Any, speakers: set[str], doc_id: str, max_len: int
) -> Quote | None:
    if rep.end - rep.start > max_len or rep.speaker is None:
        return None
    if not is_agent(ctx, rep.speaker):
        return None  # "the symbolism is telling that ...": not a speaker
    spk = _speaker(ctx, rep.speaker, rep.cue, speakers)
    if spk.how == "self":
        return None
    conf = CONFIDENCE.get(spk.how, 0.6) - 0.1
    lo = min(rep.start, spk.mention[0], int(rep.cue.idx))
    hi = max(rep.end, spk.mention[1], int(rep.cue.idx + len(rep.cue.text)))
    return Quote(
        kind="indirect",
        text=ctx.text[rep.start : rep.end],
        start=rep.start,
        end=rep.end,
        speaker=spk.entity,
        speaker_mention=spk.mention,
        speaker_text=spk.text,
        cue=spk.cue_text,
        cue_span=spk.cue,
        confidence=conf,
        evidence=(Evidence(doc_id, lo, hi, STAGE, conf),),
    )
