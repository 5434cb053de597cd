"""Fuzzy actor search over names and aliases with rapidfuzz."""

from __future__ import annotations

from rapidfuzz import fuzz, process

from actorgraph.store._db import Database
from actorgraph.store.identity import normalize_name, search_key
from actorgraph.store.queries import actor_rows
from actorgraph.store.rows import ActorRow

MIN_SCORE = 80.0
_KEY_EQUAL = 99.0  # same name once transliteration and articles are evened out
_MAX_CANDIDATES = 500
_MAX_WORDS = 4  # words of a query that narrow the candidates; more add little
_ARTICLES = frozenset({"al", "el", "ul"})  # as search_key drops them


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
    norms = [normalize_name(n) for _, n in names]
    keys = [search_key(n) for _, n in names]
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
    """Return the two-letter word starts that a name must share with the query.

    Taken from the words of the query and of its search key, with q and k swapped and
    the first letter doubled, since the key evens out those spellings.
    """
    words = [w for w in dict.fromkeys([*norm.split(), *key.split()]) if w not in _ARTICLES]
    if len(norm) < 3:  # short queries only match whole names, exactly or by key
        words = [norm, key] if key else [norm]
    found: set[str] = set()
    for word in words[:_MAX_WORDS]:
        start = word[:2]
        spellings = {start}
        for i, letter in enumerate(start):
            if letter in "kq":
                spellings |= {s[:i] + swap + s[i + 1 :] for s in spellings for swap in "kq"}
        found |= spellings | {s[0] * 2 for s in spellings}
    return found


def _candidates(db: Database, norm: str, key: str) -> list[tuple[str, str]]:
    """Return the (actor id, name or alias) pairs worth scoring against the query.

    Those with a word that starts like a word of the query: names and aliases that begin
    with it (or with an article and it), read through the name_norm and alias_norm
    indexes, and actor names with a later word that does (one pass over the actors'
    names; aliases are many more rows, one per document, and are matched from the start).
    """
    starts = sorted(_prefixes(norm, key))
    if not starts:
        return []
    ranges: list[str] = []
    bounds: list[str] = []
    for start in starts:
        for article in ("", *(f"{a} " for a in sorted(_ARTICLES))):
            low = article + start
            ranges.append("({column} >= ? AND {column} < ?)")
            bounds += [low, low[:-1] + chr(ord(low[-1]) + 1)]
    within = " OR ".join(ranges)
    inner = " OR ".join("name_norm LIKE ?" for _ in starts)
    sql = (
        f"SELECT id, name FROM actors WHERE {within.format(column='name_norm')} "
        f"UNION SELECT id, name FROM actors WHERE {inner} "
        "UNION SELECT actor_id, alias FROM actor_aliases "
        f"WHERE {within.format(column='alias_norm')} ORDER BY 1, 2"
    )
    params = [*bounds, *(f"% {s}%" for s in starts), *bounds]
    return [(row[0], row[1]) for row in db.execute(sql, params)]


def matching_ids(db: Database, query: str, *, min_score: float = MIN_SCORE) -> list[str]:
    """Return the ids of the actors ``query`` names: exact matches if any, else fuzzy ones."""
    found = find_actors(db, query, limit=_MAX_CANDIDATES, min_score=min_score)
    exact = [row.id for row, score in found if score >= 100.0]
    return exact or [row.id for row, _ in found]
