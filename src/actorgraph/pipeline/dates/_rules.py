"""Word lists and compiled patterns for the dates stage (:mod:`actorgraph.pipeline.dates`)."""

from __future__ import annotations

import re

MONTHS = {
    "january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6, "july": 7,
    "august": 8, "september": 9, "october": 10, "november": 11, "december": 12,
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8, "sep": 9,
    "sept": 9, "oct": 10, "nov": 11, "dec": 12,
}  # fmt: skip
WEEKDAYS = {
    "monday": 0, "tuesday": 1, "wednesday": 2, "thursday": 3, "friday": 4, "saturday": 5,
    "sunday": 6, "mon": 0, "tue": 1, "tues": 1, "wed": 2, "thu": 3, "thur": 3, "thurs": 3,
    "fri": 4, "sat": 5, "sun": 6,
}  # fmt: skip
NUMBERS = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
    "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12,
    "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17,
    "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50,
    "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90, "hundred": 100,
}  # fmt: skip
ORDINALS = {
    "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7,
    "eighth": 8, "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12, "thirteenth": 13,
    "fourteenth": 14, "fifteenth": 15, "sixteenth": 16, "seventeenth": 17,
    "eighteenth": 18, "nineteenth": 19, "twentieth": 20, "twenty-first": 21,
}  # fmt: skip
DECADE_WORDS = {
    "twenties": 2, "thirties": 3, "forties": 4, "fifties": 5, "sixties": 6, "seventies": 7,
    "eighties": 8, "nineties": 9,
}  # fmt: skip
QUARTERS = {
    "first": 1,
    "second": 2,
    "third": 3,
    "fourth": 4,
    "1st": 1,
    "2nd": 2,
    "3rd": 3,
    "4th": 4,
}
# Counts a writer gives without a number ("several days ago"): the fewest and most units
# they can mean, so the value keeps only what every reading shares.
VAGUE = {
    "a few": (2, 5), "few": (2, 5), "several": (3, 8), "a couple of": (2, 3), "a couple": (2, 3),
    "some": (2, 8),
}  # fmt: skip
# Qualifiers of a count ("more than two months ago"): part of the expression, same value.
QUALIFIERS = [
    "more than", "over", "nearly", "almost", "about", "around", "some", "roughly", "less than",
    "at least", "just over", "just under",
]  # fmt: skip
# Northern meteorological seasons: (first month, number of months).
SEASONS = {"spring": 3, "summer": 6, "autumn": 9, "fall": 9, "winter": 12}


def _alts(words: list[str]) -> str:
    """Alternation of words in Title and UPPER case (month and day names are capitalised)."""
    forms = {f for w in words for f in (w.capitalize(), w.upper())}
    return "|".join(sorted((re.escape(f) for f in forms), key=len, reverse=True))


def _ialts(words: list[str]) -> str:
    return "(?i:" + "|".join(sorted(map(re.escape, words), key=len, reverse=True)) + ")"


_FULL_MONTHS = [m for m in MONTHS if len(m) > 4 or m in ("may", "june", "july")]
_MON_FULL = rf"(?:{_alts(_FULL_MONTHS)})"
_MON = rf"(?:{_alts(_FULL_MONTHS)}|(?:{_alts([m for m in MONTHS if len(m) <= 4])})\.?)"
_WD = rf"(?:{_alts([w for w in WEEKDAYS if len(w) > 4])}|(?:{_alts(['tues', 'thurs'])})\.?)"
_NUM = rf"(?:\d{{1,3}}|{_ialts([n for n in NUMBERS if n != 'hundred'])})"
_ORD = rf"(?:\d{{1,2}}(?:st|nd|rd|th)|{_ialts(list(ORDINALS))})"
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
    rf"(?P<dw>{_ialts(list(DECADE_WORDS))}))",
    "century": rf"(?:(?i:the)\s+)?(?P<n>{_ORD})[\s-]+(?i:century)",
    "quarter": rf"(?:(?i:the)\s+)?(?:(?P<rel>{_REL}|(?i:latest))\s+)?"
    rf"(?P<q>{_ialts(list(QUARTERS))})"
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
    "weekend": r"(?i:(?P<the>the\s+)?weekend)",
    "weekday": rf"(?:(?P<rel>{_REL})\s+)?(?P<w>{_WD})",
    "deictic": rf"(?P<x>{_ialts(['today', 'tonight', 'yesterday', 'tomorrow', 'last night'])}"
    rf"|(?i:this)\s+{_POD}|(?i:the\s+day\s+(?:before\s+yesterday|after\s+tomorrow)))",
    "ago": rf"(?:{_ialts(QUALIFIERS)}\s+)?(?:(?P<v>{_ialts(list(VAGUE))})|(?P<n>{_NUM}))\s+"
    rf"(?P<u>{_UNIT})s?\s+(?P<dir>{_ialts(['ago', 'from now', 'hence'])})",
    "overnight": r"(?P<x>(?i:overnight))",
    # "July 24-28", "Dec. 30-31, 2022", "24-28 July": one expression, its first day as value
    "mdrange": rf"(?P<m>{_MON})\s+(?P<d>[0-3]?\d)(?:st|nd|rd|th)?\s*[-\u2013]\s*"
    rf"(?P<d2>[0-3]?\d)(?:st|nd|rd|th)?(?!\d)(?:,?\s+(?P<y>{_YEAR}))?",
    "dmrange": rf"(?P<d>[0-3]?\d)(?:st|nd|rd|th)?\s*[-\u2013]\s*(?P<d2>[0-3]?\d)(?:st|nd|rd|th)?\s+"
    rf"(?:(?i:of)\s+)?(?P<m>{_MON})(?:,?\s+(?P<y>{_YEAR}))?",
    "year": rf"(?:(?i:fiscal|FY)\s*)?(?:(?i:the\s+year)\s+)?(?P<y>{_YEAR})"
    r"(?!\s*(?:%|[-\d])|[.,]\d)",
}
CORE_RE = {name: re.compile(rf"{_B}(?:{pat}){_E}") for name, pat in _CORES.items()}
FULL_RE = {name: re.compile(rf"(?:{pat})") for name, pat in _CORES.items()}
# Most core patterns cannot match a text that lacks a word or sign every match of theirs
# contains; as a regex starting with a lookbehind is tried at every character, checking
# for these first skips most of the scans. Words are looked for in the lower-cased text.
CORE_WORDS: dict[str, tuple[str, ...]] = {
    "decade": tuple(DECADE_WORDS),
    "century": ("century",),
    "quarter": ("quarter",),
    "season": ("spring", "summer", "autumn", "winter", "fall"),
    "weekend": ("weekend",),
    "deictic": ("today", "tonight", "yesterday", "tomorrow", "night", "morning", "afternoon",
                "evening"),
    "ago": ("ago", "from now", "hence"),
    "overnight": ("overnight",),
}  # fmt: skip
CORE_SIGNS: dict[str, re.Pattern[str]] = {
    "iso": re.compile(r"-[01]\d-[0-3]\d"),
    "numeric": re.compile(r"\d/\d"),
    "yrange": re.compile(r"[-\u2013\u2014/]\s*\d"),
    "decade": re.compile(r"0'?s"),
    "quarter": re.compile(r"Q[1-4]"),
    "mdrange": re.compile(r"[-\u2013]\s*\d"),
    "dmrange": re.compile(r"[-\u2013]\s*\d"),
}
# Letters that match an ASCII letter under (?i:) but do not lower-case to it: a text with
# one is scanned with every pattern.
FOLD_ODD = ("\u0130", "\u0131", "\u017f", "\u212a")
# Left modifiers narrow the interval ("early 2015", "the end of last year", "mid-June").
_MOD = (
    r"(?:(?i:the)\s+)?(?:(?i:very)\s+)?(?P<mod>(?i:earlier|early|mid|later|late))(?![a-z])\s*-?\s*"
    r"|(?i:the)\s+(?P<mod2>(?i:end|beginning|start|middle|first\s+half|second\s+half"
    r"|latter\s+part|early\s+part))\s+(?i:of)\s+"
)
LEFT_RE = re.compile(rf"(?:{_MOD})$")
MOD_RE = re.compile(rf"^(?:{_MOD})")
RIGHT_RE = re.compile(rf"^\s+{_POD}{_E}")
POD_RE = re.compile(rf"\s+{_POD}$")
YEAR_CONTEXT = re.compile(
    r"(?i:\b(?:in|since|by|until|till|through|from|to|during|before|after|of|between|and|or"
    r"|around|circa|early|late|mid|summer|spring|autumn|fall|winter)\s+)$"
)
# "overnight Thursday to Friday", "Monday overnight": the weekday dates it, not "overnight"
OVERNIGHT_NAMED = re.compile(
    rf"\s+(?:(?i:on|of|from|into|between|to)\s+)?(?:{_WD}|(?i:yesterday|today|tonight))\b"
)
NAMED_OVERNIGHT = re.compile(rf"\b(?:{_WD}|(?i:yesterday|today))\s+$")
BARE_WEEKEND = re.compile(r"(?i:\b(?:over|at|during|on)\s+)$")
NOT_YEAR = re.compile(r"\s*(?:[a-z]+(?:ers|ians|ies|ons|men)|people|troops|percent|per)\b")
NAME_OF = re.compile(r"\s+(?:for|of)\s+(?:the\s+)?[A-Z]")
SEASON_OR_MONTH = re.compile(rf"{_MON_FULL}|(?i:spring|summer|autumn|fall|winter)")
ARTICLE = re.compile(r"^(?:(?i:an?)\s+(?=[A-Z\d])|(?i:on|in|at|since|by|during)\s+)")
TRAIL = re.compile(r"(?:'s|\u2019s|[\s,.;:'\u2019)\]-])+$")
AGE = re.compile(r"\b(?:his|her|their|its|aged?)\b|-year-old|\byears? old\b|\bmid-\d0s\b", re.I)
ANCHOR = re.compile(
    rf"\b(?:1[5-9]\d\d|20\d\d)\b|{_MON_FULL}|{_WD}|\b(?i:ago|earlier|later|previous|following|prior)\b"
)
