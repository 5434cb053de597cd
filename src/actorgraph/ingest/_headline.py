"""A plain-text file's first line that reads as a headline: the title, not body text.

Saved web pages and wire copy start with the headline. Analysed as text, it repeats the
lead's event in headline grammar ("Rebels kill 5 in town") and makes actors of
title-cased words, so it is taken out of the body and kept as the document's title.
"""

from __future__ import annotations

import re

MAX_CHARS = 160
MAX_WORDS = 25
_FOLD = re.compile(r"[\W_]+")


def _fold(text: str) -> str:
    return _FOLD.sub(" ", text.casefold()).strip()


def is_headline_only(text: str) -> bool:
    """Return whether ``text`` is one line that reads as a headline and nothing else:
    short, of two words or more with letters, without a final full stop."""
    line = text.strip()
    words = [w for w in line.split() if any(c.isalpha() for c in w)]
    return (
        bool(line)
        and "\n" not in line
        and len(line) <= MAX_CHARS
        and 2 <= len(words) <= MAX_WORDS
        and line[-1] not in ".,;:"
    )


def same_title(title: str | None, line: str) -> bool:
    """Return whether ``line`` says ``title`` (case, spacing and punctuation aside)."""
    return title is not None and _fold(title) == _fold(line)


def split_headline(text: str, title: str | None = None) -> tuple[str, str | None]:
    """Return (body, headline): the headline is the first line when it is short, ends
    without a full stop and is followed by a blank line, or when it is the given title;
    else (text, None). The body starts at its first non-blank character."""
    stripped = text.lstrip()
    first, newline, rest = stripped.partition("\n")
    line = first.strip()
    if not newline or not rest.strip() or not line:
        return text, None
    same_as_title = same_title(title, line)
    looks = (
        len(line) <= MAX_CHARS
        and len(line.split()) <= MAX_WORDS
        and line[-1] not in ".,;:"
        and rest.lstrip(" \t\r").startswith("\n")
    )
    if not (looks or same_as_title):
        return text, None
    return rest.lstrip(), line
