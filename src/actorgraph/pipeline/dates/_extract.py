"""Find date expressions and normalise them against the publication date.

Candidates come from compiled regular expressions over the text and from spaCy's DATE
entities (which catch what the rules do not and are re-bounded by them). Each candidate is
normalised by :func:`normalize`, a pure function of the expression and the reference date:
``value`` is an ISO 8601 prefix at the precision the text supports ("2014-04-07",
"2014-06", "2014", "198" for the 1980s, "18" for the 19th century). Expressions that need
the reference get ``value=None`` when it is unknown; nothing is resolved against today.

Conventions: weeks run Monday to Sunday and take the month of their Thursday as value;
seasons are northern meteorological ones (winter 2015 = December 2014 to February 2015)
with the year as value; quarters give the year as value and the quarter as interval;
"2014-2015" gives the first year as value and both years as interval. A bare weekday,
month or day-and-month is placed in the past unless the clause's tense says future.
"""

from __future__ import annotations

import bisect
import datetime as dt
import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from actorgraph.model import DateRef, Evidence
from actorgraph.pipeline.dates._calendar import Normalized, Tense, narrow, resolve
from actorgraph.pipeline.dates._ranges import range_ends
from actorgraph.pipeline.dates._rules import (
    AGE,
    ANCHOR,
    ARTICLE,
    BARE_WEEKEND,
    CORE_RE,
    CORE_SIGNS,
    CORE_WORDS,
    FOLD_ODD,
    FULL_RE,
    LEFT_RE,
    MOD_RE,
    NAME_OF,
    NAMED_OVERNIGHT,
    NOT_YEAR,
    OVERNIGHT_NAMED,
    POD_RE,
    RIGHT_RE,
    SEASON_OR_MONTH,
    TRAIL,
    YEAR_CONTEXT,
)
from actorgraph.pipeline.layout import text_of
from actorgraph.pipeline.limits import check_time
from actorgraph.pipeline.nlp import IRREGULAR_PAST, ParsedDoc, tokens

__all__ = ["STAGE", "DateResult", "Normalized", "Tense", "extract_dates", "normalize"]

STAGE = "dates.v2"


@dataclass(frozen=True)
class DateResult:
    dates: tuple[DateRef, ...]


# --- normalisation --------------------------------------------------------------------


def normalize(
    expression: str, reference: dt.date | None, *, tense: Tense | None = None
) -> Normalized | None:
    """Normalise one date expression against ``reference`` (the publication date).

    Return None when the expression is not a date this module reads, and a result with
    ``value=None`` when it needs the reference and there is none. ``tense`` picks the
    direction for a bare weekday, month or day ("Friday", "in March"): past by default.
    """
    text = " ".join(expression.split())
    mod = ""
    m = MOD_RE.match(text)
    if m and m.end() < len(text):
        mod = m.group("mod") or m.group("mod2")
        text = text[m.end() :]
    found = _match(text)
    if found is None:
        return None
    name, core = found
    groups = {k.split("_")[0]: v for k, v in core.groupdict().items() if v}
    result = resolve(name, groups, reference, tense)
    return narrow(result, mod, reference) if result is not None and mod else result


def _match(text: str) -> tuple[str, re.Match[str]] | None:
    """The first core pattern matching the whole text, with or without a part of the day."""
    for t in (text, POD_RE.sub("", text)):
        for name, rx in FULL_RE.items():
            m = rx.fullmatch(t)
            if m is not None:
                return name, m
    return None


# --- extraction -----------------------------------------------------------------------


_MODALS = {"will", "'ll", "shall", "wo", "would", "could", "might", "may", "can", "should"}
_PERFECT = {"has", "have", "had", "'ve", "'d"}
_REPORTING = {"say", "tell", "announce", "report", "add", "state", "claim", "confirm"}
_INTENT = {
    "plan", "schedule", "expect", "set", "due", "intend", "hope", "aim", "prepare", "vow",
    "pledge", "promise", "threaten", "want", "seek", "try", "go",
}  # fmt: skip
_FUTURE_CUE = re.compile(r"(?i:\b(?:until|till|as\s+(?:soon|early)\s+as)\s+)$")


def _verb(tok: Any) -> Any:
    """The verb a date phrase attaches to ("met on Tuesday", "met Tuesday"), or None."""
    if tok.dep_ == "pobj":
        tok = tok.head
    head = tok.head
    if tok.dep_ in ("poss", "compound", "amod", "nmod") or head is tok:
        return None  # "Wednesday's ruling": the noun's own time, not the clause's
    return head if head.pos_ in ("VERB", "AUX") else None


def _root(doc: Any, starts: list[int], start: int, end: int) -> Any:
    """The syntactic root of the tokens covering [start, end) (no per-call scan of the doc)."""
    lo = max(0, bisect.bisect_right(starts, start) - 1)
    hi = max(lo + 1, bisect.bisect_left(starts, end))
    tokens = doc[lo:hi]
    for tok in tokens:
        if not (lo <= tok.head.i < hi) or tok.head.i == tok.i:
            return tok
    return tokens[0] if len(tokens) else None


_SINCE = re.compile(r"\b(?i:since)\s+$")


def _tense(
    doc: Any, start: int, end: int, starts: list[int] | None = None, text: str | None = None
) -> Tense | None:
    """Tense of the clause a date expression attaches to, or None when the parse does not say.

    Future: a modal, an infinitive after a verb of intent or a present-tense one ("is to
    resume Tuesday", "plans to leave on Friday"), a present-tense verb other than a
    reporting one ("talks resume Monday"), or "until" (but "was not seen until Monday" is
    past). Past: a past-tense verb or a perfect auxiliary, and "since" whatever the verb
    ("has been trying to take the town since April").
    """
    if text is None:
        text = text_of(doc)
    if _SINCE.search(text, max(0, start - 8), start):
        return "past"
    root = _root(doc, starts if starts is not None else [t.idx for t in doc], start, end)
    verb = _verb(root) if root is not None else None
    if verb is None:
        return "future" if _FUTURE_CUE.search(text, max(0, start - 16), start) else None
    aux = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
    words = {w.lower_ for w in aux}
    if words & _PERFECT:
        return "past"
    past = verb.tag_ == "VBD" or any(w.tag_ == "VBD" for w in aux)
    past = past or (not aux and verb.lower_ in IRREGULAR_PAST)  # "retook", tagged present
    if past and any(c.dep_ == "neg" for c in verb.children):
        return "past"  # "was not reported until Thursday": it did happen, on Thursday
    if _FUTURE_CUE.search(text, max(0, start - 16), start) or words & _MODALS:
        return "future"  # "postponed until Tuesday", "will meet on Friday"
    if past:
        return "past"
    if verb.tag_ == "VB" and "to" in words:
        head = verb.head
        if head.lemma_ in _INTENT or head.tag_ in ("VBP", "VBZ"):
            return "future"
        return "past" if head.tag_ == "VBD" else None
    if verb.tag_ in ("VBP", "VBZ") and verb.lemma_ not in _REPORTING:
        return "future"
    return None


def _last_night(
    doc: Any, text: str, starts: list[int], start: int, end: int, tense: Tense | None
) -> bool:
    """Tell whether "overnight" dates a happening: a past clause or a noun ("an overnight raid").

    Otherwise it means "suddenly" or a length of stay ("will stay overnight").
    """
    if OVERNIGHT_NAMED.match(text, end) or NAMED_OVERNIGHT.search(text, max(0, start - 16), start):
        return False  # "overnight Thursday to Friday": the weekdays date it
    if tense == "past":
        return True
    root = _root(doc, starts, start, end)
    if root is None or tense == "future":
        return False
    if root.dep_ == "amod" and root.head.pos_ == "NOUN":
        return True
    # A parse broken by a hard line wrap loses the verb: look back for a past one.
    for tok in reversed(doc[max(0, root.i - 15) : root.i]):
        if tok.tag_ == "VBD":
            return True
        if tok.text in ".!?;" or tok.tag_ == "MD":
            break
    return False


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    """Drop a leading article or preposition and trailing punctuation or possessive."""
    m = ARTICLE.match(text[start:end])
    if m:
        start += m.end()
    m = TRAIL.search(text, start, end)
    if m and m.start() > start:
        end = m.start()
    return start, end


def _can_match(name: str, text: str, folded: str | None) -> bool:
    """Whether the text has a word or sign that every match of core pattern ``name`` has
    (``folded`` is the lower-cased text, None when lower-casing may lose a match)."""
    words, sign = CORE_WORDS.get(name), CORE_SIGNS.get(name)
    if folded is None or (words is None and sign is None):
        return True
    if words is not None and any(w in folded for w in words):
        return True
    return sign is not None and sign.search(text) is not None


def _candidates(text: str) -> list[tuple[int, int]]:
    spans = []
    folded = None if any(c in text for c in FOLD_ODD) else text.lower()
    for name, rx in CORE_RE.items():
        if not _can_match(name, text, folded):
            continue
        for m in rx.finditer(text):
            s, e = m.span()
            left = LEFT_RE.search(text, max(0, s - 40), s)
            if name == "year" and not m.group(0)[0].isalpha():
                if left is None and not YEAR_CONTEXT.search(text, max(0, s - 20), s):
                    continue
                if NOT_YEAR.match(text, e):
                    continue
            if name in ("month", "season") and NAME_OF.match(text, e):
                continue  # "the March for Life", "the Spring of Nations"
            if name == "weekend" and not m.group("the") and _lone_weekend(text, s):
                continue
            if (
                name == "month"
                and m.group("m") in ("May", "MAY")
                and not YEAR_CONTEXT.search(text, max(0, s - 20), s)
            ):
                continue  # the modal verb at a sentence start
            if left is not None and left.group(0).strip():
                s = left.start()
            right = RIGHT_RE.match(text[e : e + 12])
            spans.append((s, e + (right.end() if right else 0)))
    return spans


def _lone_weekend(text: str, start: int) -> bool:
    """Tell whether a bare "weekend" is no date ("her weekend column"; "over weekend" is)."""
    return BARE_WEEKEND.search(text, max(0, start - 8), start) is None


def _not_a_date(text: str, start: int, end: int) -> bool:
    """A number that counts things ("1500 troops") or a name ("the March for Life")."""
    if text[start:end].isdigit():
        return NOT_YEAR.match(text, end) is not None
    return bool(SEASON_OR_MONTH.fullmatch(text, start, end) and NAME_OF.match(text, end))


class _Chars:
    """A set of character positions: overlap tests in time linear in a span's length."""

    def __init__(self, size: int, spans: Iterable[tuple[int, int]]) -> None:
        self.marks = bytearray(size)
        for s, e in spans:
            self.add(s, e)

    def add(self, start: int, end: int) -> None:
        self.marks[start:end] = b"\x01" * (end - start)

    def any(self, start: int, end: int) -> bool:
        return self.marks.find(1, start, end) != -1


def extract_dates(parsed: ParsedDoc) -> DateResult:
    """Return every date expression with its value resolved against ``parsed.reference``."""
    text = parsed.document.text
    ref = parsed.reference
    starts = [t.idx for t in tokens(parsed.doc)]
    found: list[tuple[int, int, Normalized, float]] = []
    for s, e in _candidates(text):
        check_time("dates")
        tense = _tense(parsed.doc, s, e, starts, text)
        overnight = text[s:e].lower() == "overnight"
        if overnight and not _last_night(parsed.doc, text, starts, s, e, tense):
            continue
        n = normalize(text[s:e], ref, tense=tense)
        if n is not None:
            found.append((s, e, n, 0.9))
    # the characters found so far (entities never overlap one another, so only these count)
    taken = _Chars(len(text), ((s, e) for s, e, _, _ in found))
    for ent in parsed.doc.ents:
        if ent.label_ != "DATE":
            continue
        s, e = _trim(text, ent.start_char, ent.end_char)
        if s >= e or AGE.search(text[s:e]) or _not_a_date(text, s, e):
            continue
        if text[s:e].lower() == "weekend" and _lone_weekend(text, s):
            continue
        n = normalize(text[s:e], ref, tense=_tense(parsed.doc, s, e, starts, text))
        if n is not None:
            found.append((s, e, n, 0.9))
        elif ANCHOR.search(text[s:e]) and not taken.any(s, e):
            found.append((s, e, Normalized(None), 0.5))
    # Prefer resolved readings, then longer spans; keep non-overlapping ones.
    found.sort(key=lambda f: (f[2].value is not None, f[1] - f[0]), reverse=True)
    kept: list[tuple[int, int, Normalized, float]] = []
    kept_chars = _Chars(len(text), ())
    for f in found:
        if not kept_chars.any(f[0], f[1]):
            kept.append(f)
            kept_chars.add(f[0], f[1])
    for s, e, n in range_ends(text, parsed.doc, starts, [(s, e, n) for s, e, n, _ in kept]):
        if not kept_chars.any(s, e):
            kept.append((s, e, n, 0.8))
            kept_chars.add(s, e)
    doc_id = parsed.document.id
    return DateResult(
        tuple(
            DateRef(
                text=text[s:e],
                start=s,
                end=e,
                value=n.value,
                precision=n.precision,
                start_date=n.start_date,
                end_date=n.end_date,
                relative=n.relative,
                evidence=(Evidence(doc_id, s, e, STAGE, conf),),
            )
            for s, e, n, conf in sorted(kept, key=lambda f: f[0])
        )
    )
