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


def find_actors(
    db: Database, query: str, *, limit: int = 10, min_score: float = MIN_SCORE
) -> list[tuple[ActorRow, float]]:
    """Return actors whose name or an alias matches ``query``, best first, with a 0-100 score.

    Only an exact match of the normalised name or alias scores 100; those rank first, then
    higher scores, then actors mentioned more often.
    """
    norm, key = normalize_name(query), search_key(query)
    if not norm:
        return []
    names: list[tuple[str, str]] = list(
        db.execute(
            "SELECT id, name FROM actors UNION SELECT actor_id, alias FROM actor_aliases "
            "ORDER BY 1, 2"
        )
    )
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
    ranked = sorted(best, key=lambda a: (a not in exact, -best[a]))[:_MAX_CANDIDATES]
    rows = actor_rows(db, ranked)
    ordered = sorted(
        (rows[a] for a in ranked if a in rows),
        key=lambda r: (r.id not in exact, -best[r.id], -r.mentions, r.name, r.id),
    )
    return [(row, round(best[row.id], 1)) for row in ordered[:limit]]


def matching_ids(db: Database, query: str, *, min_score: float = MIN_SCORE) -> list[str]:
    """Return the ids of the actors ``query`` names: exact matches if any, else fuzzy ones."""
    found = find_actors(db, query, limit=_MAX_CANDIDATES, min_score=min_score)
    exact = [row.id for row, score in found if score >= 100.0]
    return exact or [row.id for row, _ in found]
