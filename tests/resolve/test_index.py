"""The resolver's reads against a brute-force count over the stored entity rows."""

from __future__ import annotations

import random

from resolve_samples import Ent, analysis

from actorgraph.resolve import index
from actorgraph.store import Store

# Organisation names that share no word, so each stays its own actor.
_BRIGADES = ["Alpha", "Bravo", "Delta", "Echo", "Foxtrot", "Golf", "Hotel", "India", "Juliet"]
_FRONTS = ["Kilo", "Lima", "Mike", "November", "Oscar", "Papa", "Quebec", "Romeo"]
NAMES = [f"{w} Brigade" for w in _BRIGADES] + [f"{w} Front" for w in _FRONTS]


def _store_with_cooccurrences(store: Store) -> list[set[str]]:
    rng = random.Random(7)
    docs = []
    for i in range(24):
        # A few hubs in most documents, the rest rarely: degrees as uneven as the news.
        chosen = [n for j, n in enumerate(NAMES) if rng.random() < (0.8 if j < 3 else 0.12)]
        chosen = chosen or [NAMES[i % len(NAMES)]]
        text = f"Report {i}: " + ". ".join(f"{n} moved" for n in chosen) + "."
        store.save(analysis(text, *(Ent(n, "ORG") for n in chosen)))
        docs.append(set(chosen))
    return docs


def _brute(store: Store, cands: list[str], ctx: list[str]) -> dict[str, int]:
    rows = store._db.execute("SELECT document_id, actor_id FROM entities").fetchall()
    by_doc: dict[str, set[str]] = {}
    for doc, actor in rows:
        by_doc.setdefault(doc, set()).add(actor)
    out = {}
    for c in set(cands):
        n = sum(1 for x in set(ctx) if x != c and any({c, x} <= a for a in by_doc.values()))
        if n:
            out[c] = n
    return out


def test_shared_context_counts_context_actors_sharing_a_document(store: Store) -> None:
    _store_with_cooccurrences(store)
    actors = sorted(a for (a,) in store._db.execute("SELECT DISTINCT actor_id FROM entities"))
    assert len(actors) == len(NAMES)
    degrees = {a: n for a, (_, _, _, n) in index.actor_names(store._db, actors).items()}
    assert max(degrees.values()) >= 15 and min(degrees.values()) <= 5
    rng = random.Random(3)
    cases = [(actors, actors)]  # 17 x 17 pairs: more than one statement's worth
    cases += [(rng.sample(actors, 5), rng.sample(actors, 6)) for _ in range(8)]
    for cands, ctx in cases:
        expected = _brute(store, cands, ctx)
        assert expected, "the sample has co-occurrences"
        assert index.shared_context(store._db, cands, ctx, degrees) == expected
        # The counts only choose which side to walk: wrong or missing ones change nothing.
        assert index.shared_context(store._db, cands, ctx) == expected
        flipped = {a: -n for a, n in degrees.items()}
        assert index.shared_context(store._db, cands, ctx, flipped) == expected
    assert index.shared_context(store._db, [], actors, degrees) == {}
