"""Fuzzy actor search over names and aliases with rapidfuzz."""

from __future__ import annotations

import functools

from rapidfuzz import fuzz, process

from actorgraph.resolve.identity import norm_search_key, normalize_name, search_key
from actorgraph.store._db import Database
from actorgraph.store.queries import actor_rows
from actorgraph.store.rows import ActorRow

MIN_SCORE = 80.0
_KEY_EQUAL = 99.0  # same name once transliteration and articles are evened out
_MAX_CANDIDATES = 500
_MAX_WORDS = 4  # words of a query that narrow the candidates; more add little
_PREFIX = 2  # letters of a word that a candidate's word must start with
_ARTICLES = frozenset({"al", "el", "ul"})  # as search_key drops them

# The same names come back as candidates search after search (all those under a common
# prefix), and keying them was half the time of a search; 64k keys take a few MiB.
_norm_key = functools.lru_cache(maxsize=1 << 16)(norm_search_key)


def find_actors(
    db: Database, query: str, *, limit: int = 10, min_score: float = MIN_SCORE
) -> list[tuple[ActorRow, float]]:
    """Return actors whose name or an alias matches ``query``, best first, with a 0-100 score.

    Only an exact match of the normalised name or alias scores 100; those rank first, then
    higher scores, then actors mentioned more often. Names and aliases are scored only if
    one of their words starts like a word of the query (see :func:`_candidates`).
    """
    norm, key = normalize_name(query), search_key(query)
    if not norm:
        return []
    names = _candidates(db, norm, key)
    norms = [n for _, _, n in names]
    keys = [_norm_key(n) for _, _, n in names]
    best: dict[str, float] = {}
    exact: set[str] = set()

    def note(index: int, score: float) -> None:
        actor = names[index][0]
        best[actor] = max(best.get(actor, 0.0), score)

    for i, (n, k) in enumerate(zip(norms, keys, strict=True)):
        if n == norm:
            exact.add(names[i][0])
            note(i, 100.0)
        elif k and k == key:
            note(i, _KEY_EQUAL)
    if len(norm) >= 3:  # shorter queries match too much by partial ratio
        for choices, q in ((norms, norm), (keys, key)):
            for _, score, i in process.extract(
                q, choices, scorer=fuzz.WRatio, score_cutoff=min_score, limit=None
            ):
                note(i, min(float(score), _KEY_EQUAL))  # 100 is kept for exact matches
    ranked = sorted(best, key=lambda a: (a not in exact, -best[a], a))[:_MAX_CANDIDATES]
    if len(ranked) > limit:
        # Mentions only break ties: count them for the actors that can still make the cut
        # (counting a hub's mentions is the costly part of a search).
        last = ranked[limit - 1]
        cut = (last not in exact, -best[last])
        ranked = [a for a in ranked if (a not in exact, -best[a]) <= cut]
    rows = actor_rows(db, ranked)
    ordered = sorted(
        (rows[a] for a in ranked if a in rows),
        key=lambda r: (r.id not in exact, -best[r.id], -r.mentions, r.name, r.id),
    )
    return [(row, round(best[row.id], 1)) for row in ordered[:limit]]


def _prefixes(norm: str, key: str) -> set[str]:
    """Return the word starts (``_PREFIX`` letters) that a name must share with the query.

    Taken from the words of the query and of its search key, with q and k swapped and
    each letter doubled, since the key evens out those spellings. Two letters matched a
    large share of the names of a big store, but three miss "Ameri" for "Amiri".
    """
    words = [w for w in dict.fromkeys([*norm.split(), *key.split()]) if w not in _ARTICLES]
    if len(norm) < 3:  # short queries only match whole names, exactly or by key
        words = [norm, key] if key else [norm]
    found: set[str] = set()
    for word in words[:_MAX_WORDS]:
        start = word[:_PREFIX]
        spellings = {start}
        for i, letter in enumerate(start):
            if letter in "kq":
                spellings |= {s[:i] + swap + s[i + 1 :] for s in spellings for swap in "kq"}
        doubled = {s[: i + 1] + s[i:] for s in spellings for i in range(len(s))}
        found |= spellings | {s[: len(start)] for s in doubled}
    return found


def _candidates(db: Database, norm: str, key: str) -> list[tuple[str, str, str]]:
    """Return the (actor id, name or alias, its normal form) triples worth scoring.

    Those with a word that starts like a word of the query: names and aliases that begin
    with it (or with an article and it), read through the name_norm and alias_norm
    indexes one range at a time (SQLite scans a whole table for OR'd ranges), and actor
    names with a later word that does (one pass over the actors' names; aliases are many
    more rows, one per document, and are matched from the start).
    """
    starts = sorted(_prefixes(norm, key))
    if not starts:
        return []
    found: set[tuple[str, str, str]] = set()
    for start in starts:
        for article in ("", *(f"{a} " for a in sorted(_ARTICLES))):
            low = article + start
            high = low[:-1] + chr(ord(low[-1]) + 1)
            found.update(
                db.execute(
                    "SELECT id, name, name_norm FROM actors WHERE name_norm >= ? AND name_norm < ?",
                    (low, high),
                )
            )
            found.update(
                db.execute(
                    "SELECT DISTINCT actor_id, alias, alias_norm FROM actor_aliases "
                    "WHERE alias_norm >= ? AND alias_norm < ?",
                    (low, high),
                )
            )
    inner = " OR ".join("name_norm LIKE ?" for _ in starts)
    found.update(
        db.execute(
            f"SELECT id, name, name_norm FROM actors WHERE {inner}", [f"% {s}%" for s in starts]
        )
    )
    return sorted(found)


def matching_ids(db: Database, query: str, *, min_score: float = MIN_SCORE) -> list[str]:
    """Return the ids of the actors ``query`` names: exact matches if any, else fuzzy ones."""
    found = find_actors(db, query, limit=_MAX_CANDIDATES, min_score=min_score)
    exact = [row.id for row, score in found if score >= 100.0]
    return exact or [row.id for row, _ in found]
