"""Names of bodies the model cuts at their small words: "the Group for the Support of Islam and
Muslims" read as "Group", "Islam" and "Muslims"; "the Volunteers for the Defence of the
Homeland" read as "Homeland". A run of capitalised words joined by "for (the)", "of (the)"
and "and", opened by a body's noun, is one organisation's name."""

from __future__ import annotations

from typing import Any

from actorgraph.pipeline.nlp import tokens

# Nouns a body's name opens with: "Movement for ...", "Volunteers for ...", "Union of ...".
OPENERS = frozenset(
    {"group", "movement", "front", "council", "volunteers", "committee", "union", "party",
     "coalition", "alliance", "organisation", "organization", "league", "brigade", "brigades",
     "battalion", "assembly", "federation", "association", "congress", "network", "society",
     "rally", "convention", "forces", "army", "patriots", "defenders", "guardians", "soldiers"}
)  # fmt: skip
_LINKS = frozenset({"for", "of"})
_MAX_WORDS = 12


def _capital(tok: Any) -> bool:
    return bool(tok.text[:1].isupper() and tok.is_alpha)


def joined_bodies(
    doc: Any, raw: list[tuple[int, int, str, int]]
) -> list[tuple[int, int, str, int]]:
    """Replace the model's pieces of a body's name with one ORG span over the whole name."""
    toks = tokens(doc)
    by_start = {r[0]: r for r in raw}
    out = list(raw)
    for tok in toks:
        if tok.lower_ not in OPENERS or not _capital(tok) or tok.i + 2 >= len(toks):
            continue
        end = _run_end(toks, tok.i, by_start)
        if end is None:
            continue
        start_char = tok.idx
        end_char = toks[end].idx + len(toks[end].text)
        inside = [r for r in out if start_char <= r[0] and r[1] <= end_char]
        if any(r[0] == start_char and r[1] == end_char for r in inside):
            continue  # the model read it whole
        opened = [r for r in out if r[0] < start_char and r[1] == tok.idx + len(tok.text)]
        if opened and opened[0][2] == "ORG":  # "the National Movement" cut before "for the"
            start_char = opened[0][0]
            inside = [r for r in out if start_char <= r[0] and r[1] <= end_char]
        elif any(r[0] < start_char < r[1] or r[0] < end_char < r[1] for r in out):
            continue  # a name across its edge: leave the model's reading
        out = [r for r in out if r not in inside]
        out.append((start_char, end_char, "ORG", 3))
    return sorted(out)


def _run_end(toks: Any, i: int, by_start: dict[int, tuple[int, int, str, int]]) -> int | None:
    """The last token of the name opened at ``i``, if words joined by 'for'/'of' follow."""
    j, end, linked = i + 1, None, False
    while j < len(toks) and j - i <= _MAX_WORDS:
        t = toks[j]
        if t.lower_ in _LINKS and j + 1 < len(toks):
            k = j + 2 if toks[j + 1].lower_ == "the" else j + 1
            if k + 1 < len(toks) and toks[k].ent_type_ == "NORP" and toks[k + 1].is_lower:
                break  # "the Brigade of the Kenyan army": the army is a body of its own
            if k < len(toks) and _capital(toks[k]):
                j, linked = k, True
                continue
            break
        if t.lower_ == "and" and linked and j + 1 < len(toks) and _capital(toks[j + 1]):
            other = by_start.get(toks[j + 1].idx)
            if other is not None and other[2] in {"GPE", "PERSON", "ORG"}:
                break  # "... of Islam and France": another name
            j += 1
            continue
        if _capital(t) and t.pos_ in {"PROPN", "NOUN", "ADJ"}:
            end = j
            j += 1
            continue
        break
    return end if linked and end is not None else None
