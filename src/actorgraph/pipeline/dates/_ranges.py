"""The bare day of a range whose month is written once ("between July 24 and 28").

The gold convention gives a range's endpoints separately; the second endpoint of "July 24
and 28" (or the first of "from 24 to 28 July") is a day number that takes its month and
year from the written date next to it.
"""

from __future__ import annotations

import bisect
import datetime as dt
import re
from typing import Any

from actorgraph.pipeline.dates._calendar import Normalized

_JOIN = r"\s*(?:-|\u2013|\band\b|\bto\b|\bthrough\b|\buntil\b|\btill\b|\bor\b)\s*"
_DAY = r"(?P<d>[0-3]?\d)(?:st|nd|rd|th)?"
_AFTER = re.compile(rf"{_JOIN}{_DAY}(?![\w%]|[.,]\d|\s*%)")
_BEFORE = re.compile(rf"(?<![\w.,]){_DAY}{_JOIN}$")
_ENDS_WITH_DAY = re.compile(r"\d(?:st|nd|rd|th)?$")


def range_ends(
    text: str, doc: Any, starts: list[int], dates: list[tuple[int, int, Normalized]]
) -> list[tuple[int, int, Normalized]]:
    """Return the bare day numbers joined to a written day by "and", "to" or a dash."""
    out = []
    for start, end, n in dates:
        if n.precision != "day" or n.start_date is None or n.start_date != n.end_date:
            continue
        day = dt.date.fromisoformat(n.start_date)
        written = text[start:end]
        if _ENDS_WITH_DAY.search(written):  # "July 24 and 28"
            m = _AFTER.match(text, end)
            if m and int(m.group("d")) > day.day and _counts_nothing(doc, starts, m.start("d")):
                out.append((m.start("d"), m.end("d"), _with_day(n, day, int(m.group("d")))))
        if written[0].isdigit():  # "from 24 to 28 July"
            m = _BEFORE.search(text, max(0, start - 16), start)
            if m and int(m.group("d")) < day.day:
                out.append((m.start("d"), m.end("d"), _with_day(n, day, int(m.group("d")))))
    return [(s, e, n) for s, e, n in out if n.value is not None]


def _counts_nothing(doc: Any, starts: list[int], char: int) -> bool:
    """Tell whether the number at ``char`` counts nothing (unlike "July 24 and 28 people")."""
    i = bisect.bisect_right(starts, char) - 1
    if i < 0 or i >= len(doc):
        return False
    tok = doc[i]
    return not (tok.dep_ == "nummod" and tok.head.i > tok.i)


def _with_day(n: Normalized, day: dt.date, other: int) -> Normalized:
    try:
        d = day.replace(day=other)
    except ValueError:
        return Normalized(None)
    iso = d.isoformat()
    return Normalized(iso, "day", iso, iso, n.relative)
