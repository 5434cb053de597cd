"""Actor rows with their mention and document counts, on both engines."""

from __future__ import annotations

from store_samples import other, seed

from actorgraph.store import Store
from actorgraph.store.queries import actor_rows


def test_queries_actor_rows_count_mentions_and_documents(store: Store) -> None:
    store.save(seed())
    store.save(other())
    (khazali, _), *_ = store.find_actors("Qais al-Khazali")
    (amiri, _), *_ = store.find_actors("Hadi al-Amiri")
    found = actor_rows(store._db, [khazali.id, amiri.id, "nobody", khazali.id])
    assert sorted(found) == sorted([khazali.id, amiri.id])
    k, a = found[khazali.id], found[amiri.id]
    # Two mentions in each of two documents; one mention in the seed article.
    assert (k.name, k.type, k.mentions, k.documents) == ("Qais al-Khazali", "PERSON", 4, 2)
    assert (a.name, a.type, a.mentions, a.documents) == ("Hadi al-Amiri", "PERSON", 1, 1)
    assert actor_rows(store._db, []) == {}
