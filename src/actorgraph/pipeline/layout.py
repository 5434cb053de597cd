"""The shape of a news text around its sentences: datelines and lines that are not the story.

- A **dateline** opens a wire story's first paragraph: "GOMA, DR Congo, Nov 12 (AFP) -",
  "TRIPOLI:", "Bogota, Dec 6 (EFE).-". It says where the story was filed: its place is a
  place (the paragraph's events may happen there), never an actor; the agency in
  parentheses is the story's author, not an actor of it.
- **Boilerplate** lines are the page's, not the story's: bylines ("By A and B", "by
  Reuters"), agency credit lines, photo credits, time stamps, "Share this", "Read more",
  "(Reporting by ...)", "(Adds comments ...)", "To contact the author" blocks. No actor or
  fact is read from them.

Character offsets into the document text throughout; nothing here needs the parse.
"""

from __future__ import annotations

import bisect
import functools
import re
from dataclasses import dataclass
from typing import Any

_MONTH = (
    r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?\s+\d{1,2}(?:,\s*\d{4})?"
)
_CAPS_PLACE = r"[A-Z][A-Z'’.\-]+(?: [A-Z][A-Z'’.\-]+){0,3}"
_TITLE_PLACE = r"[A-Z][a-z'’.\-]+(?: [A-Z][a-z'’.\-]+){0,3}"
_REGION = r"[A-Z][\w'’.\-]*(?: (?:of (?:the )?)?[A-Z][\w'’.\-]*){0,3}"  # "Republic of Congo"
_AGENCY_NAME = r"[A-Z][A-Za-z]*(?:[/ ][A-Z][A-Za-z]*){0,3}"
_AGENCY = rf"\((?P<agency>{_AGENCY_NAME})\)"
_END = r"\s*\.?\s*[-–—:]+\s+"
# ALLCAPS place (a region and a date may follow), or a title-case one credited to an agency.
_DATELINE = re.compile(
    rf"(?P<place>{_CAPS_PLACE})(?:,\s*(?P<date1>{_MONTH})|,\s*(?P<region>{_REGION}))?"
    rf"(?:,?\s*(?P<date2>{_MONTH}))?\s*(?:{_AGENCY})?{_END}"
    rf"|(?P<tplace>{_TITLE_PLACE})(?:,\s*(?P<tregion>{_REGION}))?(?:,?\s*{_MONTH})?\s*"
    rf"\((?P<tagency>{_AGENCY_NAME})\){_END}"
)
_AGENCY_LINE = re.compile(
    r"(?:Agence France[- ]Presse|Associated Press|Reuters|AFP|AP|Xinhua|Anadolu Agency|"
    r"EFE|dpa|UPI|IANS|PTI|ANA)\.?",
    re.IGNORECASE,
)
_NAME = r"[A-Z][\w.'’\-]+(?:\s+[A-Z][\w.'’\-]+){0,3}"
_BOILERPLATE = re.compile(
    rf"(?:by\s+{_NAME}(?:\s*(?:,|and|&)\s*{_NAME})*"
    r"|\(?(?:reporting|writing|editing|additional reporting|compiled)\s+by\b.*"
    r"|\((?:adds|updates|recasts|corrects|changes)\b.*"
    r"|(?:photo|photograph|photographer|picture|image|credit|file photo)s?\b\s*[:|(].*"
    r"|.*/(?:getty images|afp|reuters|ap|epa|anadolu agency)\b.*"
    r"|(?:share(?: this)?(?: article)?|tweet|email|print|read more|read also|also read|related"
    r"|related stories|advertisement|subscribe|follow us|click here|comments?)\b.{0,60}"
    r"|to contact the (?:author|editor|reporter|writer)s?\b.*"
    rf"|(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day,?\s+)?(?:\d{{1,2}}\s+\w+|\w+\s+\d{{1,2}}),?"
    r"\s+\d{4}(?:\s*[|,-]?\s*\d{1,2}[:.]\d{2}(?:\s*(?:[ap]\.?m\.?))?(?:\s*(?:GMT|UTC|[A-Z]{2,4}))?)?"
    r"(?:\s*(?:GMT|UTC))?)\s*",
    re.IGNORECASE,
)
_CONTACT_TAIL = re.compile(rf"{_NAME}\s+at\s*")
_NOT_PLACES = frozenset(
    {"BYLINE", "CLARIFICATION", "CORRECTION", "UPDATE", "UPDATED", "BREAKING", "EDITOR'S NOTE",
     "NOTE", "WARNING", "EXCLUSIVE", "ANALYSIS", "OPINION", "COMMENT", "WATCH", "LIVE", "VIDEO"}
)  # fmt: skip
DATELINE_REACH = 1200
"""A dateline stands in the story's first lines: after a headline, bullets and a byline."""


@dataclass(frozen=True)
class Dateline:
    """A dateline: where its place (and region) stand, and the agency's span, if any."""

    start: int
    end: int
    places: tuple[tuple[int, int], ...]
    agency: tuple[int, int] | None


@dataclass(frozen=True)
class Layout:
    """The datelines and boilerplate lines of one text."""

    datelines: tuple[Dateline, ...]
    boilerplate: tuple[tuple[int, int], ...]

    def is_boilerplate(self, start: int, end: int) -> bool:
        """Return whether [start, end) lies in a boilerplate line."""
        i = bisect.bisect_right(self.boilerplate, (start, 1 << 62)) - 1
        return i >= 0 and self.boilerplate[i][0] <= start and end <= self.boilerplate[i][1]

    def in_dateline(self, start: int, end: int) -> Dateline | None:
        """Return the dateline [start, end) lies in, if any."""
        for d in self.datelines:
            if d.start <= start and end <= d.end:
                return d
        return None


def _lines(text: str) -> list[tuple[int, int]]:
    out, pos = [], 0
    for line in text.split("\n"):
        out.append((pos, pos + len(line)))
        pos += len(line) + 1
    return out


@functools.lru_cache(maxsize=8)
def layout(text: str) -> Layout:
    """Return the datelines and boilerplate lines of ``text``."""
    datelines: list[Dateline] = []
    boiler: list[tuple[int, int]] = []
    after_contact = False
    for start, end in _lines(text):
        line = text[start:end]
        stripped = line.strip()
        if not stripped:
            continue
        lead = start + len(line) - len(line.lstrip())
        if after_contact and _CONTACT_TAIL.fullmatch(stripped):
            boiler.append((start, end))
        elif not datelines and lead < DATELINE_REACH and (d := _dateline(text, lead, end)):
            datelines.append(d)  # one per story, where the story starts
        elif (
            len(stripped) <= 120
            and len(stripped.split()) <= 14
            and (_BOILERPLATE.fullmatch(stripped) or _AGENCY_LINE.fullmatch(stripped))
        ):
            boiler.append((start, end))
        after_contact = stripped.lower().startswith("to contact the")
    return Layout(tuple(datelines), tuple(boiler))


def _dateline(text: str, start: int, end: int) -> Dateline | None:
    m = _DATELINE.match(text, start, end)
    if m is None or m.end() >= end or (m.group("place") or "") in _NOT_PLACES:
        return None
    if m.group("place") and text[m.end() - 2 : m.end()].strip() == ":" and " " in m.group("place"):
        return None  # "JAKE TAPPER:" opens a transcript's line
    places = tuple(
        m.span(g) for g in ("place", "region", "tplace", "tregion") if m.group(g) is not None
    )
    agency_group = "agency" if m.group("agency") is not None else "tagency"
    agency = m.span(agency_group) if m.group(agency_group) is not None else None
    return Dateline(start, m.end(), places, agency)


def dateline_at(text: str, start: int) -> int | None:
    """The end of a dateline opening the line at ``start``, or None."""
    end = text.find("\n", start)
    d = _dateline(text, start, len(text) if end == -1 else end)
    return d.end if d is not None else None


def in_dateline(tok: object) -> bool:
    """Whether a spaCy token lies in its document's dateline (a parse often makes the
    dateline's city the subject of the lead's verb)."""
    t = tok  # spaCy Token
    idx: int = t.idx  # type: ignore[attr-defined]
    if idx >= DATELINE_REACH + 200:
        return False  # a dateline opens the story
    data: dict[str, object] = t.doc.user_data  # type: ignore[attr-defined]
    page = data.get(_KEY)
    if not isinstance(page, Layout):  # doc.text is rebuilt at each access: read it once
        page = data[_KEY] = layout(text_of(t.doc))  # type: ignore[attr-defined]
    return page.in_dateline(idx, idx + 1) is not None


def past_dateline(tok: Any) -> Any | None:
    """A verb's subject with the dateline skipped: the token itself outside the dateline, the
    name hung on the city in it ("KHARTOUM, June 3 - Sudan's X shelled": X), else None."""
    if not in_dateline(tok):
        return tok
    return next((a for a in tok.children if a.dep_ == "appos" and not in_dateline(a)), None)


_TEXT = "actorgraph.text"


def text_of(doc: Any) -> str:
    """The document's text, joined once: ``Doc.text`` joins every token at each access."""
    found = doc.user_data.get(_TEXT)
    if found is None:
        found = doc.user_data[_TEXT] = doc.text
    return found  # type: ignore[no-any-return]


def remember(doc: object, text: str) -> None:
    """Keep the layout of a parsed document's text with it, so ``in_dateline`` need not
    rebuild ``doc.text`` (a join of every token) to find it."""
    data: dict[str, object] = doc.user_data  # type: ignore[attr-defined]
    data[_KEY] = layout(text)
    data[_TEXT] = text


_KEY = "actorgraph.layout"
