"""Score candidate actors for one entity: type, name agreement and shared context.

Pure functions over :class:`~actorgraph.resolve.keys.Names`; the resolver looks the
candidates up and the store writes the outcome. A person's full name must agree (first
and last name, middle names compatible): a shared surname alone never matches.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from rapidfuzz.distance import JaroWinkler, Levenshtein

from actorgraph.resolve.identity import fold_key, skeleton
from actorgraph.resolve.keys import MISTYPED_PERSON, Names, PersonName

THRESHOLD = 0.8
"""The least score that joins an entity to an existing actor."""
STRONG = 0.9
"""Scores from here on are exact-name matches: several entities of one document may share
the actor, and they give the context that weaker matches are weighed by."""
DECIDED = 1.0
"""The score of a match through a name a user attached to the actor."""

_COMPATIBLE = (frozenset({"GPE", "LOC"}),)
_CONTEXT_STEP = 0.05
_CONTEXT_MAX = 0.15


@dataclass(frozen=True)
class Candidate:
    """An existing actor found by one of the entity's keys."""

    actor_id: str
    names: Names  # the actor's name and every alias stored for it
    decided: bool = False  # found through a user's alias (or a merged actor's names)
    documents: int = 0


@dataclass(frozen=True)
class Match:
    actor_id: str
    score: float
    reason: str


def compatible(entity: str, actor: str) -> bool:
    """Return whether an entity of type ``entity`` may join an actor of type ``actor``.

    A person's full name tagged ORG, GPE or NORP may join a person (never the reverse).
    """
    if entity == actor or any(entity in g and actor in g for g in _COMPATIBLE):
        return True
    return actor == "PERSON" and entity in MISTYPED_PERSON


def _ratio(a: str, b: str) -> float:
    return float(Levenshtein.normalized_similarity(a, b))


def _token(a: str, b: str, *, first: bool) -> float:
    """Agreement of one name token: 1 equal, less for variants and initials, 0 different."""
    if a == b:
        return 1.0
    if first and (len(a) == 1 or len(b) == 1):
        return 0.85 if a[0] == b[0] else 0.0
    if a[0] != b[0] and skeleton(a) != skeleton(b):
        return 0.0
    jw = JaroWinkler.similarity(a, b)
    if skeleton(a) == skeleton(b) and jw >= 0.8:
        return 0.9
    if jw >= 0.93 and min(len(a), len(b)) >= 5:  # a misspelling of a long name
        return 0.85
    if skeleton(a) == skeleton(b) and jw >= 0.7:  # maybe a variant: context must tell
        return 0.75
    return 0.0


def person_agreement(p: PersonName, q: PersonName) -> float:
    """Return how well two full personal names agree (0: different people)."""
    last = _token(p.last, q.last, first=False)
    first = _token(p.first, q.first, first=True)
    if not last or not first:
        return 0.0
    if p.middle and q.middle:
        pm = {m[0] for m in p.middle}
        if not any(m[0] in pm for m in q.middle):
            return 0.0
    if (p.first, p.middle, p.last) == (q.first, q.middle, q.last):
        return 1.0
    return 0.95 * min(first, last)


def name_score(entity: Names, actor: Names) -> tuple[float, str]:
    """Return how well the entity's names match the actor's, and why."""
    if entity.type == "PERSON" or actor.type == "PERSON":
        if not compatible(entity.type, actor.type):
            return 0.0, "type"
        best = max(
            (person_agreement(p, q) for p in entity.persons for q in actor.persons), default=0.0
        )
        if entity.type != actor.type:  # a mistyped person: only the exact full name
            return (STRONG, "full name, other type") if best >= 0.95 else (0.0, "type")
        return best, "full name" if best >= STRONG else "name variant"
    shared = entity.exact & actor.exact
    if shared:
        own = entity.names[0] if entity.names else ""
        canonical = (
            any(n == own or fold_key(n) == fold_key(own) for n in actor.names) and not own.isupper()
        )
        score = 1.0 if canonical else STRONG
        if entity.type != actor.type:
            score -= 0.1
        return score, "same name" if canonical else "shared alias"
    best = 0.0
    for a in entity.names:
        if len(a.split()) < 2:
            continue
        fa = fold_key(a)
        for b in actor.names:
            if len(b.split()) < 2:
                continue
            fb = fold_key(b)
            ratio = _ratio(fa, fb)
            if skeleton(a) == skeleton(b) and ratio >= 0.8:
                best = max(best, 0.85)
            elif ratio >= 0.92 and min(len(fa), len(fb)) >= 8:
                best = max(best, 0.82)
            elif skeleton(a) == skeleton(b) and ratio >= 0.65:
                best = max(best, 0.7)
    if entity.type != actor.type:
        best = 0.0  # only an exact name carries across types
    return best, "spelling variant"


def context_bonus(shared: int) -> float:
    """Return the bonus for ``shared`` actors the document and the candidate both name."""
    return min(_CONTEXT_MAX, _CONTEXT_STEP * shared)


def rank(
    entity: Names,
    candidates: Sequence[Candidate],
    *,
    shared: dict[str, int] | None = None,
) -> list[Match]:
    """Return the candidates that match well enough, best first (ties: context, size, id)."""
    shared = shared or {}
    scored: list[tuple[float, int, int, str, str]] = []
    for c in candidates:
        if not compatible(entity.type, c.names.type):
            continue
        if c.decided:
            score, reason = DECIDED, "user alias"
        else:
            score, reason = name_score(entity, c.names)
            if score <= 0.0:
                continue
        n = shared.get(c.actor_id, 0)
        total = min(1.0, score + context_bonus(n)) if score < DECIDED else score
        if total >= THRESHOLD:
            scored.append((-round(total, 4), -n, -c.documents, c.actor_id, reason))
    scored.sort()
    return [Match(actor, -neg, reason) for neg, _, _, actor, reason in scored]


def needs_context(entity: Names, candidates: Sequence[Candidate]) -> bool:
    """Return whether shared context could change the outcome for this entity."""
    scores = [
        DECIDED if c.decided else name_score(entity, c.names)[0]
        for c in candidates
        if compatible(entity.type, c.names.type)
    ]
    near = [s for s in scores if s >= THRESHOLD - _CONTEXT_MAX]
    return len(near) > 1 or any(s < THRESHOLD for s in near)
