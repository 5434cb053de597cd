"""Find direct and indirect quotes and attach each to its speaker.

Direct quotes come from paired quotation marks (``_marks``; a mark left out before a
speech cue, or a closing mark forgotten before '..., she said', is read as the writer
meant it); a quoted name or term that nobody says is left out (``_kinds``). The speaker
is read from a speech cue next to the quote (``"...," she said``; ``X said: "..."``;
``"...," said X``; ``"..." ― X``); a quote standing alone takes the most recent speaker
of its paragraph or the one before (the news convention), else the one named before the
next quote of its paragraph, and a quote running over paragraphs may take the speaker
named at its end. Quoted words inside a longer clause (``says "the wind is at our
backs" despite``) are not direct quotes, except in conflict reporting where a speech verb
governs them ('the army said a "small group" attacked'). A speaker named by a common
noun ("the army", "a Hamas official", "the source") stands for the organisation or person
``_actors`` finds; an organisation no entity holds is made (``QuoteResult.entities``).
Indirect quotes are the clauses speech verbs report (``_indirect``), kept only when their
speaker can speak.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass, replace
from typing import Any

from actorgraph.model import Entity, Evidence, Quote
from actorgraph.pipeline.entities import EntityResult, country_name
from actorgraph.pipeline.layout import layout
from actorgraph.pipeline.lexicon import capitals
from actorgraph.pipeline.limits import check_time
from actorgraph.pipeline.nlp import ParsedDoc
from actorgraph.pipeline.quotes._actors import Actors
from actorgraph.pipeline.quotes._context import DocContext
from actorgraph.pipeline.quotes._indirect import find_reported
from actorgraph.pipeline.quotes._kinds import fragment_speaker, speech_kind
from actorgraph.pipeline.quotes._marks import Quoted, find_quoted
from actorgraph.pipeline.quotes._resolve import speaker_at
from actorgraph.pipeline.quotes._speaker import (
    Speaker,
    after_window,
    before_window,
    colon_speaker,
    dash_speaker,
    find_cue,
    is_agent,
    is_cue,
    speaker_of_cue,
)

STAGE = "quotes.v2"
MAX_QUOTES = 5000  # quoted spans examined per document; the rest are recorded as skipped
CONFIDENCE = {
    "name": 0.9,
    "pronoun": 0.8,
    "org": 0.8,
    "group": 0.75,
    "member": 0.7,
    "role": 0.7,
    "running": 0.6,
    "other": 0.7,
}
_CUE_GAP = 4  # tokens between a closing mark and an "X said" that follows it


@dataclass(frozen=True)
class QuoteResult:
    """The quotes, notes on what was skipped, and the speaking organisations made here.

    ``entities`` are organisations a quote's speaker names by a common noun ("the army",
    "Kashmir police") that the entities stage did not list; the analysis adds them.
    """

    quotes: tuple[Quote, ...]
    skipped: tuple[str, ...] = ()
    entities: tuple[Entity, ...] = ()

    def speakers_renamed(self, same_as: dict[str, str]) -> QuoteResult:
        """The quotes with each speaker id in ``same_as`` replaced by the one it maps to."""
        quotes = tuple(
            replace(q, speaker=same_as.get(q.speaker, q.speaker)) if q.speaker else q
            for q in self.quotes
        )
        return replace(self, quotes=quotes)


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
    quoted = _cut_at_cues(parsed.doc, quoted)
    ctx = DocContext(text, parsed.doc, entities, quoted)
    actors = ctx.actors = Actors(ctx)
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
                actors.note(_at(quote), quote.speaker)
                last = (ctx.para_of(quote.start), _as_speaker(quote))
        if q.end - q.start > max_len:
            skipped.append(f"quotation at {q.start} longer than {max_len} characters skipped")
            continue
        spk, explicit = _attribute(ctx, quoted, k, speakers)
        if not q.opened and not explicit:
            continue  # a stray closing mark with no speech cue after it
        if spk is None and q.continued and prev_direct is not None and prev_direct[1] is not None:
            spk = Speaker(**{**prev_direct[1].__dict__, "how": "running"})
        if spk is None and q.continues:
            # a quotation running over paragraphs is often attributed at its end
            end = ends[k]
            if end not in chain_end:
                chain_end[end] = _attribute(ctx, quoted, end, speakers)[0] if end > k else None
            spk = chain_end[end]
        kind = speech_kind(ctx, q, explicit or spk is not None)
        if kind == "part" and ctx.conflict_reporting:
            part = fragment_speaker(ctx, q, spk if explicit else None, speakers)
            if part is not None:
                spk, kind = part, "speech"
        if kind != "speech":
            if spk is not None and spk.how != "running":
                # 'a "change agent," Cole said.': no quotation, but Cole is speaking
                last = (q.para, spk)
                actors.note(spk.mention[0], spk.entity)
            continue
        if spk is None and last is not None and last[0] >= q.para - 1:
            spk = Speaker(**{**last[1].__dict__, "how": "running", "cue": None, "cue_text": None})
        if spk is None:
            spk = _named_next(ctx, quoted, k, speakers)
        out.append(_direct_quote(ctx, q, spk, doc_id))
        actors.note(_at(out[-1]), out[-1].speaker)
        prev_direct = (q, spk)
        if spk is not None:
            if spk.entity:
                speakers.add(spk.entity)
            last = (q.para, spk)
    for rep in reported[r:]:
        quote = _indirect_quote(ctx, rep, speakers, doc_id, max_len)
        if quote is not None:
            out.append(quote)
            actors.note(_at(quote), quote.speaker)
    out.sort(key=lambda x: (x.start, x.end))
    used = {q.speaker for q in out}
    made = tuple(e for e in actors.orgs.entities(STAGE) if e.id in used)
    out = [_placeless(q, entities, text) for q in out]
    return QuoteResult(tuple(out), tuple(skipped), made)


def _placeless(q: Quote, entities: EntityResult, text: str) -> Quote:
    """A town never speaks: a dateline's city, a place that is no country nor capital."""
    e = entities.by_id(q.speaker)
    if e is None or e.type not in {"GPE", "LOC", "FAC"}:
        return q
    page = layout(text)
    if q.speaker_mention and page.in_dateline(*q.speaker_mention):
        return replace(q, speaker=None, speaker_mention=None, speaker_text=None)
    only_dateline = all(page.in_dateline(m.start, m.end) for m in e.mentions)
    state = e.type == "GPE" and (country_name(e) is not None or e.name in capitals())
    if state and not only_dateline:
        return q
    return replace(q, speaker=None, speaker_mention=None, speaker_text=None)


def _at(q: Quote) -> int:
    """Where a quote's attribution stands: its speaker's mention, else the quote."""
    return q.speaker_mention[0] if q.speaker_mention else q.start


def _cut_at_cues(doc: Any, quoted: list[Quoted]) -> list[Quoted]:
    """End a quotation left open (its closing mark forgotten) at the speech cue inside it.

    In '"We saw them burn the houses, a resident said. Nobody came.' the quote is read up to
    the comma before 'a resident said'.
    """
    if not len(doc) or not any(q.close_mark is None and not q.continues for q in quoted):
        return quoted
    starts = [t.idx for t in doc]
    out = []
    for q in quoted:
        if q.close_mark is None and not q.continues:
            a, b = bisect.bisect_left(starts, q.start), bisect.bisect_left(starts, q.end)
            for j in range(a + 2, b - 1):
                if doc[j].text == "," and _cue_phrase(doc[j + 1 : min(b, j + 8)]):
                    q = replace(q, end=int(doc[j].idx) + 1)
                    break
        out.append(q)
    return out


def _cue_phrase(toks: Any) -> bool:
    """'a resident said', 'he added', 'said the governor': a short attribution."""
    words = list(toks)
    for n, t in enumerate(words):
        if is_cue(t) and t.pos_ == "VERB":
            before, after = words[:n], words[n + 1 : n + 2]
            if before and all(w.pos_ in _NP_POS for w in before):
                return any(w.pos_ in ("NOUN", "PROPN", "PRON") for w in before)
            return not before and bool(after) and after[0].pos_ in ("DET", "PROPN", "NOUN")
        if t.pos_ not in _NP_POS:
            return False
    return False


_NP_POS = ("DET", "ADJ", "NOUN", "PROPN", "PRON", "NUM")


def _named_next(
    ctx: DocContext, quoted: list[Quoted], k: int, speakers: set[str]
) -> Speaker | None:
    """'"We have confirmed the attack." He went on: "We have set up an inquiry."': a quote
    with no speaker of its own takes the one named between it and the next quote of its
    paragraph."""
    q = quoted[k]
    if k + 1 >= len(quoted) or quoted[k + 1].para != q.para or q.close_mark is None:
        return None
    nxt, _ = _attribute(ctx, quoted, k + 1, speakers)
    if nxt is None or not q.close_mark < nxt.mention[0] < quoted[k + 1].open_mark:
        return None
    return Speaker(**{**nxt.__dict__, "how": "running", "cue": None, "cue_text": None})


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
            return speaker_at(ctx, head, None, speakers), True
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
        return speaker_at(ctx, head, cue, speakers), True
    if after_ok:
        head = dash_speaker(ctx, close_end, a_hi)
        if head is not None:
            return speaker_at(ctx, head, None, speakers), True
    if before.endswith(":"):
        head = colon_speaker(ctx, b_lo, b_hi)
        if head is not None:
            return speaker_at(ctx, head, None, speakers), True
    return None, False


def _cue_ends(ctx: DocContext, lo: int, hi: int) -> bool:
    """Return True when [lo, hi) ends with a speech cue and a comma or colon ('she said,')."""
    i = ctx.tok_after(hi) - 1
    if i < 0 or ctx.doc[i].idx < lo or ctx.doc[i].text not in (",", ":"):
        return False
    return i > 0 and ctx.doc[i - 1].idx >= lo and is_cue(ctx.doc[i - 1])


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
    spk = speaker_at(ctx, rep.speaker, rep.cue, speakers)
    if spk.how == "self":
        return None
    conf = CONFIDENCE.get(spk.how, 0.6) - 0.1
    start = _after_dateline(ctx.text, rep.start, rep.end)
    if start != rep.start:
        rep = replace(rep, start=start)
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


def _after_dateline(text: str, start: int, end: int) -> int:
    """Where a reported clause starts once its story's dateline ("KYIV (AP) -") is cut off."""
    for d in layout(text).datelines:
        if d.start <= start < d.end < end:
            start = d.end
            while start < end and text[start] in " \t\n-–—:":
                start += 1
    return start
