"""Acceptance: the PolNeAR dev split (84 articles) gives one actor per person, across outlets."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from actorgraph.batch.local import ingest
from actorgraph.resolve.keys import person_name
from actorgraph.store import Store, open_store

PEOPLE = {
    # full name: (a spelling each of its documents uses, aliases it must collect)
    "Hillary Clinton": ("Hillary Clinton", {"Clinton", "Hillary"}),
    "Donald Trump": ("Donald Trump", {"Trump", "Donald J. Trump"}),
    "James Comey": ("James Comey", set()),
}


def _actors_named(store: Store, full: str) -> set[str]:
    """Return the actors any entity names with ``full``'s first and last name."""
    want = person_name(full)
    found = set()
    for actor, alias in store._db.execute("SELECT DISTINCT actor_id, alias FROM actor_aliases"):
        parts = person_name(alias)
        if (
            parts is not None
            and want is not None
            and (parts.first, parts.last)
            == (
                want.first,
                want.last,
            )
        ):
            found.add(actor)
    return found


@pytest.mark.shared
def test_polnear_one_actor_per_person(tmp_path: Path, nlp: Any, shared: Path) -> None:
    paths = sorted((shared / "datasets/quotes/polnear/data/dev/text").glob("*.txt"))
    assert len(paths) == 84
    with open_store(tmp_path / "store.db") as store:
        report = ingest(paths, store, nlp=nlp)
        assert report.failed == 0 and report.added == 84
        ids = {}
        for full, (spelling, aliases) in PEOPLE.items():
            (actor,) = _actors_named(store, full)  # exactly one actor has the full name
            ids[full] = actor
            profile = store.actor_profile(actor)
            assert profile.actor.type == "PERSON"
            assert aliases <= set(profile.aliases) | {profile.actor.name}
            # Every document that spells out the full name has its mentions on the actor.
            holders = {
                doc
                for (doc,) in store._db.execute(
                    "SELECT id FROM documents WHERE text LIKE ?", (f"%{spelling}%",)
                )
            }
            on_actor = {d.document_id for d in profile.documents}
            assert holders <= on_actor, f"{full}: {len(holders - on_actor)} documents elsewhere"
            stray = store._db.execute(
                "SELECT COUNT(*) FROM mentions WHERE text = ? AND actor_id <> ?",
                (spelling, actor),
            ).fetchone()[0]
            assert stray == 0, f"{full}: {stray} mentions of {spelling!r} on other actors"
            # A document that only says "Trump" or "Clinton" joins the person too.
            surname = full.split()[-1]
            bare = store._db.execute(
                "SELECT COUNT(*) FROM actors WHERE name = ?", (surname,)
            ).fetchone()[0]
            assert bare == 0, f"{bare} actors named only {surname!r}"
        (bill,) = _actors_named(store, "Bill Clinton")
        assert bill != ids["Hillary Clinton"]
        assert store.check() == []
