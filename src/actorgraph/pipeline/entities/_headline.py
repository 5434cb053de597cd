"""Names in a headline written in title case ("Rebels Seize Town In Eastern Congo"), where
every word is capitalised and the model reads common words as names.

Such a headline's spans are kept only where the story says them too, capitalised the same
way, or where the lexicon knows them: the story's own words tell a name from a headline's
capitals.
"""

from __future__ import annotations

import re

from actorgraph.pipeline.lexicon import lookup_actor

HEAD_REACH = 400  # characters: a headline opens the text
_WORD = re.compile(r"[A-Za-z][\w'’-]*")
_SMALL = frozenset(
    {"a", "an", "the", "and", "or", "but", "of", "in", "on", "at", "to", "for", "by", "with",
     "as", "from", "into", "over", "after", "amid", "says", "say", "is", "are", "be", "vs"}
)  # fmt: skip


def title_case_lines(text: str) -> list[tuple[int, int]]:
    """The spans of the title-case lines that open ``text`` (before its first sentence)."""
    out = []
    pos = 0
    for line in text[:HEAD_REACH].split("\n"):
        start, end = pos, pos + len(line)
        pos = end + 1
        stripped = line.strip()
        if not stripped:
            continue
        if stripped[-1] in '.!?"”':
            break  # the story's first sentence
        words = [w for w in _WORD.findall(stripped) if w.lower() not in _SMALL]
        if len(words) >= 3 and all(w[0].isupper() or w[0].isdigit() for w in words):
            out.append((start, end))
    return out


Raw = tuple[int, int, str, int]


def said_in_story(text: str, raw: list[Raw]) -> list[Raw]:
    """``raw`` without the spans of a title-case headline that the story never writes and
    no lexicon knows."""
    heads = title_case_lines(text)
    if not heads:
        return raw
    out = []
    bodies: dict[tuple[int, int], str] = {}
    for r in raw:
        start, end = r[0], r[1]
        line = next(((s, e) for s, e in heads if s <= start and end <= e), None)
        if line is None:
            out.append(r)
            continue
        name = text[start:end]
        if line not in bodies:
            bodies[line] = text[: line[0]] + "\n" + text[line[1] :]
        body = bodies[line]
        said = re.search(rf"(?<![\w-]){re.escape(name)}(?![\w-])", body) is not None
        if said or lookup_actor(name) is not None:
            out.append(r)
    return out
