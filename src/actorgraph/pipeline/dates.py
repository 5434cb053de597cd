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

import calendar
import datetime as dt
import re
from dataclasses import dataclass
from typing import Any, Literal

from actorgraph.model import DateRef, Evidence
from actorgraph.pipeline.nlp import ParsedDoc

STAGE = "dates.v1"

Tense = Literal["past", "future"]


@dataclass(frozen=True)
class DateResult:
    dates: tuple[DateRef, ...]


@dataclass(frozen=True)
class Normalized:
    """The normalised reading of one date expression."""

    value: str | None
    precision: str | None = None
    start_date: str | None = None
    end_date: str | None = None
    relative: bool = False


# --- lexicons -------------------------------------------------------------------------

_MONTHS = {
    "january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6, "july": 7,
    "august": 8, "september": 9, "october": 10, "november": 11, "december": 12,
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8, "sep": 9,
    "sept": 9, "oct": 10, "nov": 11, "dec": 12,
}  # fmt: skip
_WEEKDAYS = {
    "monday": 0, "tuesday": 1, "wednesday": 2, "thursday": 3, "friday": 4, "saturday": 5,
    "sunday": 6, "mon": 0, "tue": 1, "tues": 1, "wed": 2, "thu": 3, "thur": 3, "thurs": 3,
    "fri": 4, "sat": 5, "sun": 6,
}  # fmt: skip
_NUMBERS = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
    "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12,
    "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17,
    "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50,
    "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90, "hundred": 100,
}  # fmt: skip
_ORDINALS = {
    "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7,
    "eighth": 8, "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12, "thirteenth": 13,
    "fourteenth": 14, "fifteenth": 15, "sixteenth": 16, "seventeenth": 17,
    "eighteenth": 18, "nineteenth": 19, "twentieth": 20, "twenty-first": 21,
}  # fmt: skip
_DECADE_WORDS = {
    "twenties": 2, "thirties": 3, "forties": 4, "fifties": 5, "sixties": 6, "seventies": 7,
    "eighties": 8, "nineties": 9,
}  # fmt: skip
_QUARTERS = {
    "first": 1,
    "second": 2,
    "third": 3,
    "fourth": 4,
    "1st": 1,
    "2nd": 2,
    "3rd": 3,
    "4th": 4,
}
# Northern meteorological seasons: (first month, number of months).
_SEASONS = {"spring": 3, "summer": 6, "autumn": 9, "fall": 9, "winter": 12}


def _alts(words: list[str]) -> str:
    """Alternation of words in Title and UPPER case (month and day names are capitalised)."""
    forms = {f for w in words for f in (w.capitalize(), w.upper())}
    return "|".join(sorted((re.escape(f) for f in forms), key=len, reverse=True))


def _ialts(words: list[str]) -> str:
    return "(?i:" + "|".join(sorted(map(re.escape, words), key=len, reverse=True)) + ")"


_FULL_MONTHS = [m for m in _MONTHS if len(m) > 4 or m in ("may", "june", "july")]
_MON_FULL = rf"(?:{_alts(_FULL_MONTHS)})"
_MON = rf"(?:{_alts(_FULL_MONTHS)}|(?:{_alts([m for m in _MONTHS if len(m) <= 4])})\.?)"
_WD = rf"(?:{_alts([w for w in _WEEKDAYS if len(w) > 4])}|(?:{_alts(['tues', 'thurs'])})\.?)"
_NUM = rf"(?:\d{{1,3}}|{_ialts([n for n in _NUMBERS if n != 'hundred'])})"
_ORD = rf"(?:\d{{1,2}}(?:st|nd|rd|th)|{_ialts(list(_ORDINALS))})"
_YEAR = r"(?:1[0-9]\d\d|20\d\d)"
_B = r"(?<![\w'])"  # left word boundary
_E = r"(?![\w])"  # right word boundary
_REL = _ialts(["this", "last", "next", "coming", "current", "past", "this past", "previous"])
_UNIT = _ialts(["day", "week", "month", "year", "decade", "century", "weekend", "quarter"])
_POD = _ialts(["morning", "afternoon", "evening", "night"])

# Core patterns: each becomes one compiled regex with its own named groups.
_CORES: dict[str, str] = {
    "iso": rf"(?P<y>{_YEAR})-(?P<m>[01]\d)-(?P<d>[0-3]\d)(?![\d:-])",
    "numeric": r"(?P<a>[0-3]?\d)/(?P<b>[0-3]?\d)/(?P<y>\d{4}|\d{2})(?![/\d])",
    "mdy": rf"(?:(?P<w>{_WD}),?\s+)?(?P<m>{_MON})\s+(?P<d>[0-3]?\d)(?:st|nd|rd|th)?(?!\d)"
    rf"(?:,?\s+(?P<y>{_YEAR}))?",
    "dmy": rf"(?:(?P<w>{_WD}),?\s+)?(?:(?i:the)\s+)?(?P<d>[0-3]?\d)(?:st|nd|rd|th)?\s+"
    rf"(?:(?i:of)\s+)?(?P<m>{_MON})(?:,?\s+(?P<y>{_YEAR}))?",
    "my": rf"(?P<m>{_MON}),?\s+(?:(?i:of)\s+)?(?P<y>{_YEAR})",
    "yrange": rf"(?P<y>{_YEAR})\s*[-\u2013\u2014/]\s*(?P<y2>{_YEAR}|\d\d)(?![-\d])",
    "decade": rf"(?:(?i:the)\s+)?(?:(?P<dec>1\d\d0|20\d0)'?s|'(?P<d2>\d0)s|"
    rf"(?P<dw>{_ialts(list(_DECADE_WORDS))}))",
    "century": rf"(?:(?i:the)\s+)?(?P<n>{_ORD})[\s-]+(?i:century)",
    "quarter": rf"(?:(?i:the)\s+)?(?:(?P<rel>{_REL}|(?i:latest))\s+)?"
    rf"(?P<q>{_ialts(list(_QUARTERS))})"
    rf"[\s-]+(?i:quarter)(?:\s+(?:(?i:of)\s+)?(?P<y>{_YEAR}))?"
    rf"|Q(?P<qn>[1-4])\s+(?P<y_2>{_YEAR})",
    "season": rf"(?:(?i:the)\s+)?(?:(?P<rel>{_REL})\s+)?"
    rf"(?P<s>{_ialts(['spring', 'summer', 'autumn', 'winter'])})"
    rf"(?:\s+(?:(?i:of)\s+)?(?P<y>{_YEAR}))?"
    rf"|(?:(?i:the)\s+(?:(?P<rel_2>{_REL})\s+)?|(?P<rel_3>{_REL})\s+)(?P<s_2>(?i:fall))"
    rf"(?:\s+(?:(?i:of)\s+)?(?P<y_2>{_YEAR}))?"
    rf"|(?P<s_3>(?i:fall))\s+(?:(?i:of)\s+)?(?P<y_3>{_YEAR})",
    "relmonth": rf"(?P<rel>{_REL})\s+(?P<m>{_MON_FULL})",
    "month": rf"(?P<m>{_MON_FULL})",
    "relunit": rf"(?:(?i:the)\s+)?(?P<rel>{_REL})\s+(?:(?i:fiscal)\s+)?(?P<u>{_UNIT})",
    "weekend": r"(?i:the\s+weekend)",
    "weekday": rf"(?:(?P<rel>{_REL})\s+)?(?P<w>{_WD})",
    "deictic": rf"(?P<x>{_ialts(['today', 'tonight', 'yesterday', 'tomorrow', 'last night'])}"
    rf"|(?i:this)\s+{_POD}|(?i:the\s+day\s+(?:before\s+yesterday|after\s+tomorrow)))",
    "ago": rf"(?P<n>{_NUM})\s+(?P<u>{_UNIT})s?\s+(?P<dir>{_ialts(['ago', 'from now', 'hence'])})",
    "year": rf"(?:(?i:fiscal|FY)\s*)?(?:(?i:the\s+year)\s+)?(?P<y>{_YEAR})"
    r"(?!\s*(?:%|[-\d])|[.,]\d)",
}
_CORE_RE = {name: re.compile(rf"{_B}(?:{pat}){_E}") for name, pat in _CORES.items()}
_FULL_RE = {name: re.compile(rf"(?:{pat})") for name, pat in _CORES.items()}
# Left modifiers narrow the interval ("early 2015", "the end of last year", "mid-June").
_MOD = (
    r"(?:(?i:the)\s+)?(?:(?i:very)\s+)?(?P<mod>(?i:earlier|early|mid|later|late))(?![a-z])\s*-?\s*"
    r"|(?i:the)\s+(?P<mod2>(?i:end|beginning|start|middle|first\s+half|second\s+half"
    r"|latter\s+part|early\s+part))\s+(?i:of)\s+"
)
_LEFT_RE = re.compile(rf"(?:{_MOD})$")
_MOD_RE = re.compile(rf"^(?:{_MOD})")
_RIGHT_RE = re.compile(rf"^\s+{_POD}{_E}")
_POD_RE = re.compile(rf"\s+{_POD}$")
_YEAR_CONTEXT = re.compile(
    r"(?i:\b(?:in|since|by|until|till|through|from|to|during|before|after|of|between|and|or"
    r"|around|circa|early|late|mid|summer|spring|autumn|fall|winter)\s+)$"
)
_NOT_YEAR = re.compile(r"\s*(?:[a-z]+(?:ers|ians|ies|ons|men)|people|troops|percent|per)\b")
_NAME_OF = re.compile(r"\s+(?:for|of)\s+(?:the\s+)?[A-Z]")
_SEASON_OR_MONTH = re.compile(rf"{_MON_FULL}|(?i:spring|summer|autumn|fall|winter)")
_ARTICLE = re.compile(r"^(?:(?i:an?)\s+(?=[A-Z\d])|(?i:on|in|at|since|by|during)\s+)")
_TRAIL = re.compile(r"(?:'s|\u2019s|[\s,.;:'\u2019)\]-])+$")
_AGE = re.compile(r"\b(?:his|her|their|its|aged?)\b|-year-old|\byears? old\b|\bmid-\d0s\b", re.I)
_ANCHOR = re.compile(
    rf"\b(?:1[5-9]\d\d|20\d\d)\b|{_MON_FULL}|{_WD}|\b(?i:ago|earlier|later|previous|following|prior)\b"
)


# --- date arithmetic ------------------------------------------------------------------


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
    first = _SEASONS[name]
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

    y = ref.year + (1 if _SEASONS[name] == 12 and ref.month == 12 else 0)
    start, end = bounds(y)
    if rel in ("last", "past", "this past", "previous"):
        return y if end < ref else y - 1
    if rel in ("next", "coming"):
        return y if start > ref else y + 1
    if start <= ref or (start - ref).days <= 92:
        return y
    return y - 1


# --- normalisation --------------------------------------------------------------------


def _narrow(n: Normalized, mod: str, ref: dt.date | None) -> Normalized:
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
    m = _MOD_RE.match(text)
    if m and m.end() < len(text):
        mod = m.group("mod") or m.group("mod2")
        text = text[m.end() :]
    found = _match(text)
    if found is None:
        return None
    name, core = found
    groups = {k.split("_")[0]: v for k, v in core.groupdict().items() if v}
    result = _resolve(name, groups, reference, tense)
    return _narrow(result, mod, reference) if result is not None and mod else result


def _match(text: str) -> tuple[str, re.Match[str]] | None:
    """The first core pattern matching the whole text, with or without a part of the day."""
    for t in (text, _POD_RE.sub("", text)):
        for name, rx in _FULL_RE.items():
            m = rx.fullmatch(t)
            if m is not None:
                return name, m
    return None


def _resolve(
    name: str, g: dict[str, str], ref: dt.date | None, tense: Tense | None
) -> Normalized | None:
    unresolved = Normalized(None, None, None, None, True)
    rel = " ".join(g.get("rel", "").lower().split())
    if name == "iso":
        return _valid_day(int(g["y"]), int(g["m"]), int(g["d"]))
    if name == "numeric":
        a, b = int(g["a"]), int(g["b"])
        mo, d = (a, b) if a <= 12 else (b, a)
        return _valid_day(_year2(0, g["y"]), mo, d)
    if name in ("mdy", "dmy", "my", "month", "relmonth"):
        mo = _MONTHS[g["m"].lower().rstrip(".")]
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
                w = _WEEKDAYS[g["w"].lower().rstrip(".")]
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
        return _decade(1900 + 10 * _DECADE_WORDS[g["dw"].lower()], False)
    if name == "century":
        n = g["n"].lower()
        idx = _ORDINALS[n] if n in _ORDINALS else int(n[:-2])
        return _century(idx - 1, False) if 1 <= idx <= 21 else None
    if name == "year":
        return _year(int(g["y"]), False)
    if name == "quarter":
        q = int(g["qn"]) if "qn" in g else _QUARTERS[g["q"].lower()]
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
        return _day(_pick_weekday(_WEEKDAYS[g["w"].lower().rstrip(".")], ref, rel, tense), True)
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
        else:
            k = _NUMBERS.get(g["n"].lower()) or int(g["n"])
            k = -k if g["dir"].lower() == "ago" else k
            if unit in ("decade", "century"):  # "a decade ago": about that year
                return _year(ref.year + k * (10 if unit == "decade" else 100), True)
        return _shift(ref, unit, k)
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


def _tense(doc: Any, start: int, end: int) -> Tense | None:
    """Tense of the clause a date expression attaches to, or None when the parse does not say.

    Future: a modal, an infinitive after a verb of intent or a present-tense one ("is to
    resume Tuesday", "plans to leave on Friday"), a present-tense verb other than a
    reporting one ("talks resume Monday"), or "until". Past: a past-tense verb or a
    perfect auxiliary.
    """
    span = doc.char_span(start, end, alignment_mode="expand")
    verb = _verb(span.root) if span is not None else None
    if verb is None:
        return "future" if _FUTURE_CUE.search(doc.text, max(0, start - 16), start) else None
    aux = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
    words = {w.lower_ for w in aux}
    if words & _PERFECT:
        return "past"
    if _FUTURE_CUE.search(doc.text, max(0, start - 16), start) or words & _MODALS:
        return "future"
    if verb.tag_ == "VB" and "to" in words:
        head = verb.head
        if head.lemma_ in _INTENT or head.tag_ in ("VBP", "VBZ"):
            return "future"
        return "past" if head.tag_ == "VBD" else None
    if verb.tag_ == "VBD" or any(w.tag_ == "VBD" for w in aux):
        return "past"
    if verb.tag_ in ("VBP", "VBZ") and verb.lemma_ not in _REPORTING:
        return "future"
    return None


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    """Drop a leading article or preposition and trailing punctuation or possessive."""
    m = _ARTICLE.match(text[start:end])
    if m:
        start += m.end()
    m = _TRAIL.search(text, start, end)
    if m and m.start() > start:
        end = m.start()
    return start, end


def _candidates(text: str) -> list[tuple[int, int]]:
    spans = []
    for name, rx in _CORE_RE.items():
        for m in rx.finditer(text):
            s, e = m.span()
            left = _LEFT_RE.search(text, max(0, s - 40), s)
            if name == "year" and not m.group(0)[0].isalpha():
                if left is None and not _YEAR_CONTEXT.search(text, max(0, s - 20), s):
                    continue
                if _NOT_YEAR.match(text, e):
                    continue
            if name in ("month", "season") and _NAME_OF.match(text, e):
                continue  # "the March for Life", "the Spring of Nations"
            if (
                name == "month"
                and m.group("m") in ("May", "MAY")
                and not _YEAR_CONTEXT.search(text, max(0, s - 20), s)
            ):
                continue  # the modal verb at a sentence start
            if left is not None and left.group(0).strip():
                s = left.start()
            right = _RIGHT_RE.match(text[e : e + 12])
            spans.append((s, e + (right.end() if right else 0)))
    return spans


def _not_a_date(text: str, start: int, end: int) -> bool:
    """A number that counts things ("1500 troops") or a name ("the March for Life")."""
    if text[start:end].isdigit():
        return _NOT_YEAR.match(text, end) is not None
    return bool(_SEASON_OR_MONTH.fullmatch(text, start, end) and _NAME_OF.match(text, end))


def extract_dates(parsed: ParsedDoc) -> DateResult:
    """Return every date expression with its value resolved against ``parsed.reference``."""
    text = parsed.document.text
    ref = parsed.reference
    found: list[tuple[int, int, Normalized, float]] = []
    for s, e in _candidates(text):
        n = normalize(text[s:e], ref, tense=_tense(parsed.doc, s, e))
        if n is not None:
            found.append((s, e, n, 0.9))
    for ent in parsed.doc.ents:
        if ent.label_ != "DATE":
            continue
        s, e = _trim(text, ent.start_char, ent.end_char)
        if s >= e or _AGE.search(text[s:e]) or _not_a_date(text, s, e):
            continue
        n = normalize(text[s:e], ref, tense=_tense(parsed.doc, s, e))
        if n is not None:
            found.append((s, e, n, 0.9))
        elif _ANCHOR.search(text[s:e]) and not any(fs < e and s < fe for fs, fe, _, _ in found):
            found.append((s, e, Normalized(None), 0.5))
    # Prefer resolved readings, then longer spans; keep non-overlapping ones.
    found.sort(key=lambda f: (f[2].value is not None, f[1] - f[0]), reverse=True)
    kept: list[tuple[int, int, Normalized, float]] = []
    for f in found:
        if all(f[1] <= k[0] or k[1] <= f[0] for k in kept):
            kept.append(f)
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
