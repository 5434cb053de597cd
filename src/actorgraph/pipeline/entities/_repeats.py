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


def _name(surface: str) -> bool:
    words = surface.split()
    return len(words) >= 2 and _WORD.fullmatch(words[0]) is not None and words[-1][:1].isupper()


def repeated_names(text: str, raw: list[Raw]) -> list[Raw]:
    """The mentions with each many-word ORG or PERSON name's untagged repeats added."""
    taken = sorted((s, e) for s, e, _, _ in raw)
    names: dict[str, str] = {}
    for s, e, label, _ in raw:
        surface = text[s:e]
        if label in _REPEATED and _name(surface) and "\n" not in surface:
            names.setdefault(surface, label)
    added: list[Raw] = []
    for surface, label in names.items():
        for m in re.finditer(rf"(?<![\w'’-]){re.escape(surface)}(?![\w'’-])", text):
            s, e = m.span()
            if any(a < e and s < b for a, b in taken):
                continue
            added.append((s, e, label, 1))
            taken.append((s, e))
    return raw + added
