"""Names spelled out before their acronym: "Islamic State West Africa Province (ISWAP)",
"Cooperative for the Development of Congo (CODECO)", a name whose acronym is its own
language's ("National Movement for the Liberation of Azawad (MNLA)")."""

from __future__ import annotations

import bisect
import re

_PAREN_ACRONYM = re.compile(r"\(([A-Z][A-Za-z]{1,9})\)")
_NAME_WORD = re.compile(r"[A-Z][\w'’]*(?:-\w+)*|of|the|for|and|in|de|du|des|la|le|al|el|wal|an|on")
_GLUE = frozenset(
    {"of", "the", "for", "and", "in", "de", "du", "des", "la", "le", "al", "el", "wal", "an", "on"}
)


def spelled_acronyms(text: str) -> list[tuple[int, int, str]]:
    """Find "Islamic State West Africa Province (ISWAP)": capitalised words whose initials
    spell the acronym in parentheses right after them make one organisation's name, however
    the model cut them."""
    out = []
    for m in _PAREN_ACRONYM.finditer(text):
        letters = "".join(c for c in m.group(1) if c.isupper())
        if len(letters) < 2:
            continue
        before = text[max(0, m.start() - 160) : m.start()]
        words = list(re.finditer(r"\S+", before))
        initials: list[str] = []
        glued: list[str] = []  # with the glue words' initials: "Movement for Peace (MFP)"
        named: list[str] = []
        for w in reversed(words):
            token = w.group().rstrip(",;:")
            if token != w.group() and initials:
                break
            if token.lower() in _GLUE:
                glued.insert(0, token[0].upper())
                continue
            if not _NAME_WORD.fullmatch(token):
                break
            initials[:0] = [p[0] for p in re.split(r"-", token) if p[:1].isupper()]
            glued[:0] = [p[0] for p in re.split(r"-", token) if p[:1].isupper()]
            named.insert(0, token)
            spelled = "".join(initials)
            if (
                spelled == letters
                or "".join(glued) == letters
                or _syllables(m.group(1), named)
                or _reordered(spelled, letters)
            ):
                start = m.start() - len(before) + w.start()
                end = m.start() - 1 if text[m.start() - 1] == " " else m.start()
                out.append((start, end, "ORG"))
                break
            if len(initials) > len(letters):
                break
    return out


def _reordered(spelled: str, letters: str) -> bool:
    """ "National Movement for the Liberation of Azawad (MNLA)": the acronym of the name in
    its own language, the same initials in another order."""
    return len(letters) >= 3 and sorted(spelled) == sorted(letters)


def _syllables(acronym: str, words: list[str]) -> bool:
    """ "Cooperative for the Development of Congo (CODECO)": each word gives the acronym
    its first letters (two or more words, an acronym of four letters or more)."""
    if len(acronym) < 4 or len(words) < 2 or len(acronym) <= len(words):
        return False

    def spell(rest: str, ws: list[str]) -> bool:
        if not ws:
            return not rest
        word = ws[0].lower()
        return any(
            word.startswith(rest[:k]) and spell(rest[k:], ws[1:])
            for k in range(1, min(len(word), len(rest) - len(ws) + 1) + 1)
        )

    return spell(acronym.lower(), words)


_PAREN_CODE = re.compile(r"\s?\(([A-Z][A-Z0-9]*(?:-[A-Z0-9]+)*)\)")


def parenthesised_acronyms(
    text: str, spans: list[tuple[int, int, str]]
) -> list[tuple[int, int, str]]:
    """Find "Islamic State in Khorasan (IS-KP)": the code in parentheses right after an
    organisation's name is a name of it, one the model left unlabelled (hyphenated, or
    spelling a longer form of the name)."""
    ends = {e: label for _, e, label in spans if label == "ORG"}
    starts = sorted(s for s, _, _ in spans)
    out = []
    for m in _PAREN_CODE.finditer(text):
        code = m.group(1)
        if m.start() not in ends or sum(c.isupper() for c in code) < 2:
            continue
        i = bisect.bisect_left(starts, m.start(1))
        if i < len(starts) and starts[i] < m.end(1):
            continue  # labelled already
        out.append((m.start(1), m.end(1), "ORG"))
    return out
