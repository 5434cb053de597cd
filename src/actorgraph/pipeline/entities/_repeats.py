"""A name the model tagged once and missed again: "The Central General Staff, led by ..."
at a paragraph's start, after "the so-called Central General Staff" was tagged.

A many-word name of a body or a person is found again wherever the text spells it the same
way between word boundaries and no other mention covers or crosses the place; one word is
too often a common word ("Army", "State") to be taken so.
"""

from __future__ import annotations

import re

Raw = tuple[int, int, str, int]
_REPEATED = frozenset({"ORG", "PERSON"})
_WORD = re.compile(r"[A-Z][\w'’.-]*")


def _joins(ch: str) -> bool:
    """Whether a character next to a name makes it part of a longer word."""
    return ch.isalnum() or ch in "_'’-"


def _name(surface: str) -> bool:
    words = surface.split()
    return len(words) >= 2 and _WORD.fullmatch(words[0]) is not None and words[-1][:1].isupper()


def repeated_names(text: str, raw: list[Raw]) -> list[Raw]:
    """The mentions with each many-word ORG or PERSON name's untagged repeats added.

    One pass over the text's words, looking up the names that start with each: the work
    grows with the text, not with the text times its names.
    """
    covered = bytearray(len(text) + 1)
    by_first: dict[str, dict[str, str]] = {}
    for s, e, label, _ in raw:
        covered[s:e] = b"\x01" * (e - s)
        surface = text[s:e]
        if label in _REPEATED and _name(surface) and "\n" not in surface:
            by_first.setdefault(surface.split()[0], {}).setdefault(surface, label)
    added: list[Raw] = []
    for m in _WORD.finditer(text):
        s = m.start()
        if (s and _joins(text[s - 1])) or m.group() not in by_first:
            continue
        for surface, label in by_first[m.group()].items():
            e = s + len(surface)
            if not text.startswith(surface, s) or (e < len(text) and _joins(text[e])):
                continue
            if not any(covered[s:e]):
                added.append((s, e, label, 1))
                covered[s:e] = b"\x01" * (e - s)
    return raw + added
