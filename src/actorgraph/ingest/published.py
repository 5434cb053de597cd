"""Normalise publication dates to an ISO 8601 prefix at the precision given."""

from __future__ import annotations

import re
from datetime import date, datetime
from functools import lru_cache
from typing import Any

_MONTHS = {
    "jan": 1, "january": 1, "feb": 2, "february": 2, "mar": 3, "march": 3,
    "apr": 4, "april": 4, "may": 5, "jun": 6, "june": 6, "jul": 7, "july": 7,
    "aug": 8, "august": 8, "sep": 9, "sept": 9, "september": 9, "oct": 10, "october": 10,
    "nov": 11, "november": 11, "dec": 12, "december": 12,
}  # fmt: skip
_WEEKDAY = r"(?:(?:mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)(?:day|nesday|sday|urday)?\.?,?\s+)?"
_ISO = re.compile(r"(\d{4})(?:([-/.])(\d{1,2})(?:\2(\d{1,2})(?:[T\s].*)?)?)?", re.DOTALL)
_COMPACT = re.compile(r"(\d{4})(\d{2})(\d{2})(?:T.*)?")
_NUMERIC_DMY = re.compile(r"(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})(?:[T\s].*)?", re.DOTALL)
_ORD = r"(?:st|nd|rd|th)?"
_DAY_MONTH_YEAR = re.compile(
    _WEEKDAY + r"(\d{1,2})" + _ORD + r"\.?\s+(?:of\s+)?([a-z]+)\.?,?\s+(\d{4})\b", re.I
)
_MONTH_DAY_YEAR = re.compile(_WEEKDAY + r"([a-z]+)\.?\s+(\d{1,2})" + _ORD + r",?\s+(\d{4})\b", re.I)
_MONTH_YEAR = re.compile(r"([a-z]+)\.?,?\s+(\d{4})\b", re.I)
# Languages tried by the dateparser fallback; detecting among all of them is slow.
_FALLBACK_LANGUAGES = ("en", "fr", "es", "de", "pt", "it", "ru", "ar")


def normalize_published(value: object) -> str | None:
    """Return ``value`` as "YYYY-MM-DD", "YYYY-MM" or "YYYY", or None if it is not a date.

    Accepts date and datetime objects, a four-digit year as an int, and strings such as
    "2015-02-04", "2015-02-04T10:00:00Z" (the date as written, not converted to UTC),
    "February 4, 2015", "4 Feb 2015", "Feb 2015", "2015", "20150204" and RFC 2822 dates.
    Relative expressions ("yesterday") and numeric dates whose day and month cannot be
    told apart ("04/02/2015") give None: a wrong publication date is worse than none.
    """
    if isinstance(value, bool) or value is None:
        return None
    if isinstance(value, datetime):
        return value.date().isoformat()
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, int):
        return f"{value:04d}" if 1000 <= value <= 9999 else None
    if not isinstance(value, str):
        return None
    text = " ".join(value.split())
    if not text:
        return None
    for parse in (_parse_iso, _parse_numeric, _parse_words):
        found = parse(text)
        if found is not None:
            return found or None  # "" means: recognised, but not a valid date
    return _parse_fallback(text)


def _ymd(year: int, month: int | None = None, day: int | None = None) -> str:
    """Return the ISO prefix, or "" if the parts do not make a calendar date."""
    if not 1000 <= year <= 9999:
        return ""
    if month is None:
        return f"{year:04d}"
    if day is None:
        return f"{year:04d}-{month:02d}" if 1 <= month <= 12 else ""
    try:
        return date(year, month, day).isoformat()
    except ValueError:
        return ""


def _parse_iso(text: str) -> str | None:
    m = _COMPACT.fullmatch(text)
    if m:
        return _ymd(int(m[1]), int(m[2]), int(m[3]))
    m = _ISO.fullmatch(text)
    if not m:
        return None
    year, month, day = m[1], m[3], m[4]
    return _ymd(int(year), int(month) if month else None, int(day) if day else None)


def _parse_numeric(text: str) -> str | None:
    m = _NUMERIC_DMY.fullmatch(text)
    if not m:
        return None
    first, second, year = int(m[1]), int(m[2]), int(m[3])
    if first > 12 >= second:
        return _ymd(year, second, first)
    if second > 12 >= first:
        return _ymd(year, first, second)
    if first == second:
        return _ymd(year, first, second)
    return ""  # day and month cannot be told apart


def _parse_words(text: str) -> str | None:
    for pattern, order in ((_DAY_MONTH_YEAR, "dmy"), (_MONTH_DAY_YEAR, "mdy")):
        m = pattern.match(text)
        if m:
            day, month = (m[1], m[2]) if order == "dmy" else (m[2], m[1])
            number = _MONTHS.get(month.lower())
            if number is not None:
                return _ymd(int(m[3]), number, int(day))
    m = _MONTH_YEAR.match(text)
    if m and m[1].lower() in _MONTHS:
        return _ymd(int(m[2]), _MONTHS[m[1].lower()])
    return None


def _parse_fallback(text: str) -> str | None:
    """Try dateparser (absolute dates only, an explicit year required)."""
    data = _dateparser().get_date_data(text)
    found: datetime | None = data.date_obj
    if found is None:
        return None
    period = data.period
    if period == "year":
        return _ymd(found.year) or None
    if period == "month":
        return _ymd(found.year, found.month) or None
    return _ymd(found.year, found.month, found.day) or None


@lru_cache(maxsize=1)
def _dateparser() -> Any:
    # Imported here: dateparser is only needed for unusual date strings.
    from dateparser.date import DateDataParser

    settings = {
        "REQUIRE_PARTS": ["year"],
        "PARSERS": ["absolute-time"],
        "PREFER_DAY_OF_MONTH": "first",
        "RETURN_TIME_AS_PERIOD": False,
    }
    return DateDataParser(languages=list(_FALLBACK_LANGUAGES), settings=settings)
