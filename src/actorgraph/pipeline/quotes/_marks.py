"""Pair quotation marks into quoted spans, one paragraph at a time, in linear time.

Straight and curly double marks may be mixed in one text (an opening curly mark closed by
a straight one, and the reverse). Whether a mark opens or closes is read from the
characters around it first and from its glyph second. A quote left open at the end of a
paragraph is closed there: when the next paragraph starts with an opening mark this is
the news convention for a quote that continues, otherwise it is recorded as unbalanced.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

OPEN_GLYPHS = "“„«‟"
CLOSE_GLYPHS = "”»"
MARKS = '"' + OPEN_GLYPHS + CLOSE_GLYPHS
_MARK_RE = re.compile("[" + re.escape(MARKS) + "]{1,2}")
_RUN_RE = re.compile("[" + re.escape(MARKS) + "]{3,}")
_PARA_RE = re.compile(r"\n[ \t\r\f\v\u00a0]*\n\s*")
_LINE_RE = re.compile(r"\n\s*")
_BEFORE_OPEN = set(" \t\n\r\u00a0([{—–-/") | set(MARKS)
_AFTER_CLOSE = set(" \t\n\r\u00a0.,;:!?)]}—–-…/") | set(MARKS)
_LINE_ENDS = set('.!?:;"”’»)…')  # a line ending so may end its paragraph
MAX_NOTES = 20


@dataclass(frozen=True)
class Quoted:
    """A span of text between quotation marks (offsets of the inner text, trimmed)."""

    start: int
    end: int
    open_mark: int  # offset of the opening mark
    close_mark: int | None  # offset of the closing mark; None when closed at paragraph end
    para: int  # paragraph number
    continues: bool = False  # left open at paragraph end; the next paragraph continues it
    continued: bool = False  # opens a paragraph that continues the previous one's quote
    opened: bool = True  # False: no opening mark, the quote is read from its paragraph's start


def paragraphs(text: str) -> list[tuple[int, int]]:
    """Return (start, end) of each paragraph: blank-line separated, else line separated.

    Without blank lines, a line break inside a sentence (the line ends without a full stop
    and the next starts in lower case, or the text is hard-wrapped and the line is full)
    and one inside a quotation (a mark left open, the next line closing it) wrap a
    paragraph rather than end it.
    """
    blank = bool(_PARA_RE.search(text))
    splitter = _PARA_RE if blank else _LINE_RE
    out: list[tuple[int, int]] = []
    pos = 0
    for m in splitter.finditer(text):
        if m.start() > pos:
            out.append((pos, m.start()))
        pos = m.end()
    if pos < len(text):
        out.append((pos, len(text)))
    return out if blank or len(out) < 2 else _unwrap(text, out)


def _unwrap(text: str, lines: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Join the lines of a line-separated text that wrap one paragraph."""
    lengths = sorted(e - s for s, e in lines)
    width = lengths[(len(lengths) * 9) // 10]
    full = [n >= 0.7 * width for n in lengths]
    wrapped = width <= 100 and len(lines) >= 3 and sum(full) >= 0.5 * len(lines)
    out = [lines[0]]
    for s, e in lines[1:]:
        ps, pe = out[-1]
        line = text[ps:pe].rstrip()
        ends = line[-1:] in _LINE_ENDS
        nxt = text[s : s + 1]
        joined = not ends and (
            nxt.islower()
            or nxt.isdigit()
            or (wrapped and len(text[ps:pe].splitlines()[-1]) >= 0.7 * width)
        )
        if joined or _left_open(text, ps, pe, s, e):
            out[-1] = (ps, e)
        else:
            out.append((s, e))
    return out


def _left_open(text: str, lo: int, hi: int, nlo: int, nhi: int) -> bool:
    """True when [lo, hi) leaves a quotation open and the next line closes it first."""
    depth = 0
    for m in _MARK_RE.finditer(text, lo, hi):
        for i in range(*m.span()):
            role = _role(text, i, lo, hi)
            if role == "open" or (role == "either" and depth == 0):
                depth += 1
            elif depth:
                depth -= 1
    if depth == 0 or text[nlo] in MARKS:
        return False
    first = _MARK_RE.search(text, nlo, nhi)
    return first is not None and _role(text, first.start(), nlo, nhi) == "close"


def _family(ch: str) -> str:
    return "straight" if ch == '"' else "curly"


def _role(text: str, i: int, lo: int, hi: int) -> str:
    """Return 'open', 'close' or 'either' for the mark at i within paragraph [lo, hi)."""
    prev = text[i - 1] if i > lo else " "
    nxt = text[i + 1] if i + 1 < hi else " "
    left = prev in _BEFORE_OPEN and not nxt.isspace()
    right = nxt in _AFTER_CLOSE and not prev.isspace()
    if left and not right:
        return "open"
    if right and not left:
        return "close"
    ch = text[i]
    if ch in OPEN_GLYPHS:
        return "open"
    if ch in CLOSE_GLYPHS:
        return "close"
    return "either"


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def _lead_in(text: str, found: list[Quoted], p: int, lo: int, i: int) -> int | None:
    """Where a quote closed at i without an opening mark starts: its paragraph's start, when
    the mark ends a clause (',' '.' '?' '!' before it) and no quotation came before it in
    the paragraph."""
    if i == lo or text[i - 1] not in ",.!?" or any(q.para == p for q in found[-1:]):
        return None
    return lo if text[i + 1 : i + 2].isspace() else None


def find_quoted(text: str) -> tuple[list[Quoted], list[str]]:
    """Return every outermost quoted span and notes about marks that did not pair."""
    found: list[Quoted] = []
    notes: list[str] = []
    dropped = 0

    def note(msg: str) -> None:
        nonlocal dropped
        if len(notes) < MAX_NOTES:
            notes.append(msg)
        else:
            dropped += 1

    paras = paragraphs(text)
    continued_next = False
    for p, (lo, hi) in enumerate(paras):
        continued = continued_next
        continued_next = False
        stack: list[tuple[int, str]] = []  # (offset of opening mark, glyph family)
        positions: list[int] = []
        pos = lo
        for run in _RUN_RE.finditer(text, lo, hi):
            # three or more marks in a row pair with nothing: skip the run in one step
            positions.extend(
                i for m in _MARK_RE.finditer(text, pos, run.start()) for i in range(*m.span())
            )
            note(f"run of {run.end() - run.start()} quotation marks at {run.start()} ignored")
            pos = run.end()
        positions.extend(i for m in _MARK_RE.finditer(text, pos, hi) for i in range(*m.span()))
        for i in positions:
            role = _role(text, i, lo, hi)
            if not stack:
                if role == "close":
                    lead = _lead_in(text, found, p, lo, i)
                    if lead is not None:
                        # 'We saw them," a resident said.': the opening mark was left out
                        s, e = _trim(text, lead, i)
                        found.append(Quoted(s, e, lead, i, p, opened=False))
                        note(f"closing quotation mark at {i} without an opening one")
                    else:
                        note(f"unpaired closing quotation mark at {i} ignored")
                    continue
                stack.append((i, _family(text[i])))
                continue
            if role == "open":
                if _family(text[i]) != stack[-1][1] or (text[i] in OPEN_GLYPHS and len(stack) == 1):
                    stack.append((i, _family(text[i])))
                    continue
                # the same kind of opening mark again: the previous quote was never closed
                if len(stack) == 1:
                    opened = stack[0][0]
                    s, e = _trim(text, opened + 1, i)
                    if e > s:
                        found.append(Quoted(s, e, opened, None, p, continued=continued))
                        continued = False
                    note(f"quotation opened at {opened} not closed before {i}")
                    stack = [(i, _family(text[i]))]
                else:
                    stack.append((i, _family(text[i])))
                continue
            opened = stack.pop()[0]
            if not stack:
                s, e = _trim(text, opened + 1, i)
                if e > s:
                    is_cont = continued and not any(q.para == p for q in found[-1:])
                    found.append(Quoted(s, e, opened, i, p, continued=is_cont))
        if stack:
            opened = stack[0][0]
            s, e = _trim(text, opened + 1, hi)
            nxt_lo = paras[p + 1][0] if p + 1 < len(paras) else None
            goes_on = nxt_lo is not None and text[nxt_lo] in '"' + OPEN_GLYPHS
            if not goes_on:
                note(f"quotation opened at {opened} not closed; closed at paragraph end {hi}")
            if e > s:
                is_cont = continued and not any(q.para == p for q in found[-1:])
                found.append(Quoted(s, e, opened, None, p, continues=goes_on, continued=is_cont))
            continued_next = goes_on
    if dropped:
        notes.append(f"{dropped} more notes about quotation marks left out")
    return found, notes
