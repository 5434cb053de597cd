"""The resolver's reads (``store._index``) against a brute-force count over the entity rows."""

from __future__ import annotations

import random

from store_samples import STAGES, entity

from actorgraph.model import Analysis, Document
from actorgraph.store import Store
from actorgraph.store._index import SQLActorIndex

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
        ents = tuple(entity(text, f"E{j}", n, "ORG") for j, n in enumerate(chosen, 1))
        store.save(Analysis(Document.from_text(text), ents, stages=STAGES))
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


def test_index_shared_context_counts_context_actors_sharing_a_document(store: Store) -> None:
    _store_with_cooccurrences(store)
    actors = sorted(a for (a,) in store._db.execute("SELECT DISTINCT actor_id FROM entities"))
    assert len(actors) == len(NAMES)
    index = SQLActorIndex(store._db)
    degrees = {a: row.documents for a, row in index.actor_names(actors).items()}
    assert max(degrees.values()) >= 15 and min(degrees.values()) <= 5
    rng = random.Random(3)
    cases = [(actors, actors)]  # 17 x 17 pairs: more than one statement's worth
    cases += [(rng.sample(actors, 5), rng.sample(actors, 6)) for _ in range(8)]
    for cands, ctx in cases:
        expected = _brute(store, cands, ctx)
        assert expected, "the sample has co-occurrences"
        assert index.shared_context(cands, ctx, degrees) == expected
        # The counts only choose which side to walk: wrong or missing ones change nothing.
        assert index.shared_context(cands, ctx) == expected
        flipped = {a: -n for a, n in degrees.items()}
        assert index.shared_context(cands, ctx, flipped) == expected
    assert index.shared_context([], actors, degrees) == {}
