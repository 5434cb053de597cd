"""Calendar arithmetic for the dates stage: read a matched pattern as an ISO value and interval.

The conventions (weeks, seasons, quarters, ranges, the default to the past) are described
in :mod:`actorgraph.pipeline.dates`.
"""

from __future__ import annotations

import calendar
import datetime as dt
from dataclasses import dataclass
from typing import Literal

from actorgraph.pipeline.dates._rules import (
    DECADE_WORDS,
    MONTHS,
    NUMBERS,
    ORDINALS,
    QUARTERS,
    SEASONS,
    VAGUE,
    WEEKDAYS,
)

Tense = Literal["past", "future"]


@dataclass(frozen=True)
class Normalized:
    """The normalised reading of one date expression."""

    value: str | None
    precision: str | None = None
    start_date: str | None = None
    end_date: str | None = None
    relative: bool = False


def _month_end(y: int, m: int) -> dt.date:
    return dt.date(y, m, calendar.monthrange(y, m)[1])


def _shift_month(y: int, m: int, k: int) -> tuple[int, int]:
    n = y * 12 + (m - 1) + k
    return n // 12, n % 12 + 1


def _out(value: str, precision: str, start: dt.date, end: dt.date, relative: bool) -> Normalized:
    return Normalized(value, precision, start.isoformat(), end.isoformat(), relative)


def _day(d: dt.date, relative: bool) -> Normalized:
    return _out(d.isoformat(), "day", d, d, relative)


def _month(y: int, m: int, relative: bool) -> Normalized:
    return _out(f"{y:04d}-{m:02d}", "month", dt.date(y, m, 1), _month_end(y, m), relative)


def _year(y: int, relative: bool) -> Normalized:
    return _out(f"{y:04d}", "year", dt.date(y, 1, 1), dt.date(y, 12, 31), relative)


def _week(d: dt.date, relative: bool) -> Normalized:
    """The Monday-to-Sunday week of ``d``; value is the month of its Thursday (as ISO does)."""
    monday = d - dt.timedelta(days=d.weekday())
    thursday = monday + dt.timedelta(days=3)
    value = f"{thursday.year:04d}-{thursday.month:02d}"
    return _out(value, "week", monday, monday + dt.timedelta(days=6), relative)


def _decade(first: int, relative: bool) -> Normalized:
    return _out(
        f"{first // 10:03d}", "decade", dt.date(first, 1, 1), dt.date(first + 9, 12, 31), relative
    )


def _century(index: int, relative: bool) -> Normalized:
    """Century by its hundreds digits (18 = the 1800s = "the 19th century")."""
    first = max(index * 100, 1)
    return _out(
        str(index), "century", dt.date(first, 1, 1), dt.date(index * 100 + 99, 12, 31), relative
    )


def _season(name: str, y: int, relative: bool) -> Normalized:
    """Season of year ``y``; winter ``y`` runs from December ``y-1`` to February ``y``."""
    first = SEASONS[name]
    sy, sm = (y - 1, 12) if first == 12 else (y, first)
    ey, em = _shift_month(sy, sm, 2)
    return _out(f"{y:04d}", "season", dt.date(sy, sm, 1), _month_end(ey, em), relative)


def _quarter(q: int, y: int, relative: bool) -> Normalized:
    em = q * 3
    return _out(f"{y:04d}", "quarter", dt.date(y, em - 2, 1), _month_end(y, em), relative)


def _year2(y: int, yy: str) -> int:
    """Expand a two-digit year: after a four-digit one, or with a 1950-2049 window."""
    if len(yy) == 4:
        return int(yy)
    n = int(yy)
    if y:
        return y // 100 * 100 + n + (100 if n < y % 100 else 0)
    return 1900 + n if n >= 50 else 2000 + n


_AGAINST = 20  # a day against the tense costs as much as this many days with it


def _pick_year(month: int, day: int, ref: dt.date, tense: Tense | None, exact_day: bool) -> int:
    """Year of a month (and day) given without one: the nearest, favouring the past."""
    cands = []
    for y in (ref.year - 1, ref.year, ref.year + 1):
        d = dt.date(y, month, min(day, calendar.monthrange(y, month)[1]))
        if not exact_day and (d.year, d.month) == (ref.year, ref.month):
            d = ref
        delta = (d - ref).days
        # Nearest, favouring the side the tense points to (the past when unknown).
        weight = {"past": _AGAINST, "future": 1}.get(tense or "", 2)
        cost = delta * weight if delta > 0 else -delta * (_AGAINST if tense == "future" else 1)
        if not exact_day and tense != "future" and delta > 0:
            cost = 10**6  # a bare month is the most recent one unless the tense says future
        cands.append((cost, y))
    return min(cands)[1] if cands else ref.year


def _pick_weekday(w: int, ref: dt.date, rel: str, tense: Tense | None) -> dt.date:
    back = (ref.weekday() - w) % 7
    if rel in ("next", "coming") or (not rel and tense == "future"):
        return ref + dt.timedelta(days=(w - ref.weekday()) % 7 or (7 if rel else 0))
    if rel == "this" and tense == "future":
        return ref + dt.timedelta(days=(w - ref.weekday()) % 7)
    if rel in ("last", "past", "this past", "previous"):
        return ref - dt.timedelta(days=back or 7)
    return ref - dt.timedelta(days=back)


def _pick_season(name: str, ref: dt.date, rel: str) -> int:
    """Year of a season named relative to the reference.

    "this summer" is the one under way or over this year, or one starting within three
    months (in February 2015: summer 2014; in May or July 2015: summer 2015). "last" is
    the latest that has ended, "next" the first not yet begun.
    """

    def bounds(y: int) -> tuple[dt.date, dt.date]:
        n = _season(name, y, True)
        assert n.start_date and n.end_date
        return dt.date.fromisoformat(n.start_date), dt.date.fromisoformat(n.end_date)

    y = ref.year + (1 if SEASONS[name] == 12 and ref.month == 12 else 0)
    start, end = bounds(y)
    if rel in ("last", "past", "this past", "previous"):
        return y if end < ref else y - 1
    if rel in ("next", "coming"):
        return y if start > ref else y + 1
    if start <= ref or (start - ref).days <= 92:
        return y
    return y - 1


def narrow(n: Normalized, mod: str, ref: dt.date | None) -> Normalized:
    """Narrow the interval for early/mid/late/end-of modifiers; the value keeps its precision."""
    if n.start_date is None or n.end_date is None:
        return n
    s, e = dt.date.fromisoformat(n.start_date), dt.date.fromisoformat(n.end_date)
    third = (e - s) // 3
    mod = " ".join(mod.lower().split())
    if mod == "earlier" and ref and s <= ref <= e:
        s, e = s, ref
    elif mod == "later" and ref and s <= ref <= e:
        s, e = ref, e
    elif mod in ("early", "beginning", "start", "early part", "earlier"):
        e = s + third
    elif mod in ("mid", "middle"):
        s, e = s + third, e - third
    elif mod in ("late", "end", "latter part", "later"):
        s = e - third
    elif mod == "first half":
        e = s + (e - s) // 2
    elif mod == "second half":
        s = e - (e - s) // 2
    return Normalized(n.value, n.precision, s.isoformat(), e.isoformat(), n.relative)


def resolve(
    name: str, g: dict[str, str], ref: dt.date | None, tense: Tense | None
) -> Normalized | None:
    """Read a matched pattern against ``ref``; None when it is not a date on the calendar.

    That includes a date the calendar cannot hold: "next year" in a text published in
    9999, the year before year 1.
    """
    try:
        return _resolve(name, g, ref, tense)
    except (ValueError, OverflowError):  # out of datetime.date's years 1 to 9999
        return None


def _resolve(
    name: str, g: dict[str, str], ref: dt.date | None, tense: Tense | None
) -> Normalized | None:
    unresolved = Normalized(None, None, None, None, True)
    rel = " ".join(g.get("rel", "").lower().split())
    if name in ("mdrange", "dmrange"):
        first = _resolve("mdy", {k: v for k, v in g.items() if k != "d2"}, ref, tense)
        return _to_day(first, int(g["d2"]))
    if name == "iso":
        return _valid_day(int(g["y"]), int(g["m"]), int(g["d"]))
    if name == "numeric":
        a, b = int(g["a"]), int(g["b"])
        mo, d = (a, b) if a <= 12 else (b, a)
        return _valid_day(_year2(0, g["y"]), mo, d)
    if name in ("mdy", "dmy", "my", "month", "relmonth"):
        mo = MONTHS[g["m"].lower().rstrip(".")]
        if "y" in g:
            return (
                _valid_day(int(g["y"]), mo, int(g["d"]))
                if "d" in g
                else _month(int(g["y"]), mo, False)
            )
        if ref is None:
            return unresolved
        if "d" in g:
            y = _pick_year(mo, int(g["d"]), ref, tense, True)
            if "w" in g:  # the weekday names the year ("Monday, Oct. 26")
                w = WEEKDAYS[g["w"].lower().rstrip(".")]
                for cand in (y, y - 1, y + 1):
                    if (
                        _valid_day(cand, mo, int(g["d"]))
                        and dt.date(cand, mo, int(g["d"])).weekday() == w
                    ):
                        y = cand
                        break
            return _valid_day(y, mo, int(g["d"]), relative=True)
        if rel in ("last", "past", "this past", "previous"):
            y = ref.year if mo < ref.month else ref.year - 1
        elif rel in ("next", "coming"):
            y = ref.year if mo > ref.month else ref.year + 1
        else:
            y = _pick_year(
                mo, 1, ref, "future" if rel == "this" and mo > ref.month else tense, False
            )
        return _month(y, mo, True)
    if name == "yrange":
        y1 = int(g["y"])
        y2 = _year2(y1, g["y2"])
        if not y1 < y2 <= y1 + 100:
            return None
        return _out(f"{y1:04d}", "year", dt.date(y1, 1, 1), dt.date(y2, 12, 31), False)
    if name == "decade":
        if "dec" in g:
            return _decade(int(g["dec"]), False)
        if "d2" in g:
            return _decade(1900 + int(g["d2"]), False)
        return _decade(1900 + 10 * DECADE_WORDS[g["dw"].lower()], False)
    if name == "century":
        n = g["n"].lower()
        idx = ORDINALS[n] if n in ORDINALS else int(n[:-2])
        return _century(idx - 1, False) if 1 <= idx <= 21 else None
    if name == "year":
        return _year(int(g["y"]), False)
    if name == "quarter":
        q = int(g["qn"]) if "qn" in g else QUARTERS[g["q"].lower()]
        if "y" in g:
            return _quarter(q, int(g["y"]), False)
        if ref is None:
            return unresolved
        current = (ref.month - 1) // 3 + 1
        y = ref.year if q <= current else ref.year - 1
        return _quarter(q, y + (1 if rel in ("next", "coming") else 0), True)
    if name == "season":
        s = g["s"].lower()
        if "y" in g:
            return _season(s, int(g["y"]), False)
        return unresolved if ref is None else _season(s, _pick_season(s, ref, rel), True)
    if ref is None:
        return unresolved
    if name == "weekend":
        sat = ref + dt.timedelta(days=(5 - ref.weekday()) % 7)
        if tense != "future" and sat > ref:
            sat -= dt.timedelta(days=7)
        return _out(sat.isoformat()[:7], "week", sat, sat + dt.timedelta(days=1), True)
    if name == "weekday":
        return _day(_pick_weekday(WEEKDAYS[g["w"].lower().rstrip(".")], ref, rel, tense), True)
    if name == "overnight":  # the night before the reference: both days' common prefix
        return _span(ref - dt.timedelta(days=1), ref)
    if name == "deictic":
        x = " ".join(g["x"].lower().split())
        shift = {"yesterday": -1, "last night": -1, "tomorrow": 1}.get(x, 0)
        shift = -2 if "before" in x else 2 if "after" in x else shift
        return _day(ref + dt.timedelta(days=shift), True)
    if name in ("relunit", "ago"):
        unit = g["u"].lower()
        if name == "relunit":
            k = {"last": -1, "past": -1, "previous": -1, "next": 1, "coming": 1}.get(rel, 0)
            if rel in ("past", "previous") and unit != "weekend":
                return None  # "the past year": a duration, or relative to the narrative
        elif "v" in g:
            return _vague_ago(ref, unit, VAGUE[" ".join(g["v"].lower().split())])
        else:
            k = NUMBERS.get(g["n"].lower()) or int(g["n"])
            k = -k if g["dir"].lower() == "ago" else k
            if unit in ("decade", "century"):  # "a decade ago": about that year
                return _year(ref.year + k * (10 if unit == "decade" else 100), True)
        return _shift(ref, unit, k)
    return None


def _to_day(first: Normalized | None, last_day: int) -> Normalized | None:
    """Stretch a resolved first day to a later day of its month ("July 24-28")."""
    if first is None or first.start_date is None or first.value is None:
        return first
    start = dt.date.fromisoformat(first.start_date)
    if not start.day < last_day <= calendar.monthrange(start.year, start.month)[1]:
        return None
    end = start.replace(day=last_day)
    return Normalized(first.value, "day", first.start_date, end.isoformat(), first.relative)


def _span(start: dt.date, end: dt.date) -> Normalized | None:
    """An interval whose value is the ISO prefix both ends share (a month or a year)."""
    if (start.year, start.month) == (end.year, end.month):
        return _out(f"{start.year:04d}-{start.month:02d}", "month", start, end, True)
    if start.year == end.year:
        return _out(f"{start.year:04d}", "year", start, end, True)
    return Normalized(None, None, start.isoformat(), end.isoformat(), True)


def _vague_ago(ref: dt.date, unit: str, counts: tuple[int, int]) -> Normalized | None:
    """Read "several days ago" as the span of its readings (three to eight days back)."""
    few, many = counts
    if unit == "day":
        return _span(ref - dt.timedelta(days=many), ref - dt.timedelta(days=few))
    if unit == "week":
        return _span(ref - dt.timedelta(weeks=many), ref - dt.timedelta(weeks=few))
    if unit == "month":
        sy, sm = _shift_month(ref.year, ref.month, -many)
        ey, em = _shift_month(ref.year, ref.month, -few)
        return _span(dt.date(sy, sm, 1), _month_end(ey, em))
    if unit == "year":
        return _span(dt.date(ref.year - many, 1, 1), dt.date(ref.year - few, 12, 31))
    return None


def _shift(ref: dt.date, unit: str, k: int) -> Normalized | None:
    if unit == "day":
        return _day(ref + dt.timedelta(days=k), True)
    if unit in ("week", "weekend"):
        n = _week(ref + dt.timedelta(weeks=k), True)
        if unit == "weekend" and n.start_date:
            sat = dt.date.fromisoformat(n.start_date) + dt.timedelta(days=5)
            return _out(sat.isoformat()[:7], "week", sat, sat + dt.timedelta(days=1), True)
        return n
    if unit == "month":
        return _month(*_shift_month(ref.year, ref.month, k), True)
    if unit == "quarter":
        y, mo = _shift_month(ref.year, ref.month, 3 * k)
        return _quarter((mo - 1) // 3 + 1, y, True)
    if unit == "year":
        return _year(ref.year + k, True)
    if unit == "decade":
        return (
            _decade(ref.year // 10 * 10 + 10 * k, True)
            if abs(k) <= 1
            else _year(ref.year + 10 * k, True)
        )
    if unit == "century":
        return _century(ref.year // 100 + k, True)
    return None


def _valid_day(y: int, mo: int, d: int, *, relative: bool = False) -> Normalized | None:
    try:
        return _day(dt.date(y, mo, d), relative)
    except ValueError:
        return None
