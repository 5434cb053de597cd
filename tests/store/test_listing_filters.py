"""Store filters on three documents, on SQLite and PostgreSQL: the same rows on both."""

from __future__ import annotations

import pytest

from actorgraph.errors import NotFoundError, UsageError
from actorgraph.store import Store
from listing_samples import analysis_a, analysis_b, analysis_c

A, B, C = (x().document.id for x in (analysis_a, analysis_b, analysis_c))


@pytest.fixture
def three(store: Store) -> Store:
    for analysis in (analysis_a(), analysis_b(), analysis_c()):
        store.save(analysis)
    return store


def _events(store: Store, **typed: object) -> list[str]:
    flt = store.filters(**typed)
    found = sorted(e.type for e in store.events_of(None, flt=flt))
    assert store.count("events", flt=flt) == len(found)
    return found


def test_filters_events_by_date_place_claim_and_confidence(three: Store) -> None:
    assert _events(three) == ["ASSAULT", "ASSAULT", "COERCE", "PROTEST"]
    assert _events(three, since="2016-05-03", until="2016-05-03") == ["ASSAULT"]
    assert _events(three, since="2016") == ["ASSAULT", "PROTEST"]  # undated ones left out
    assert _events(three, min_confidence=0.6) == ["ASSAULT", "PROTEST"]
    assert _events(three, modalities=("denied",)) == ["ASSAULT"]
    assert _events(three, countries=("Syria", "LB")) == ["ASSAULT", "PROTEST"]
    assert _events(three, countries=("SY",), place="Kessa") == ["PROTEST"]
    assert _events(three, place="Rif Dimashq") == ["PROTEST"]
    assert _events(three, documents=(B[:7],)) == ["ASSAULT", "PROTEST"]
    assert _events(three, actor="Northern Brigade", min_confidence=0.5) == ["ASSAULT"]


def test_filters_relations_quotes_actors_and_documents(three: Store) -> None:
    def relations(**typed: object) -> list[str]:
        flt = three.filters(**typed)
        found = sorted(r.predicate for r in three.relations_of(None, flt=flt))
        assert three.count("relations", flt=flt) == len(found)
        return found

    assert relations() == ["leader_of", "leader_of", "operates_in"]
    assert relations(since="2016-05", until="2016-05") == ["leader_of"]  # A, published in May
    assert relations(modalities=("alleged",), min_confidence=0.5) == ["operates_in"]
    assert relations(documents=(A, C)) == ["leader_of", "leader_of"]
    flt = three.filters(since="2016-06")
    assert three.quotes_of(None, flt=flt) == [] and three.count("quotes", flt=flt) == 0
    flt = three.filters(min_confidence=0.85)
    assert [q.text for q in three.quotes_of(None, flt=flt)] == ["We will hold the line."]
    flt = three.filters(documents=(C,))
    assert {a.name: a.mentions for a in three.actors(flt=flt)} == {
        "Northern Brigade": 1,
        "Samir Haddad": 1,
    }
    assert three.count("actors", flt=flt) == 2 and three.count("actors") == 8
    rows, total = three.documents(flt=three.filters(since="2016-06-01"))
    assert ([d.id for d in rows], total) == ([B], 1)
    assert rows[0].counts == {"mentions": 3, "quotes": 0, "relations": 1, "events": 2}
    assert rows[0].label == "Denial and protests (South Post, 2016-06-10)"


def test_filters_refuse_what_cannot_be_one(three: Store) -> None:
    with pytest.raises(UsageError, match="not a date"):
        three.filters(since="June")
    with pytest.raises(UsageError, match="claim status"):
        three.filters(modalities=("rumoured",))
    with pytest.raises(UsageError, match="not a country"):
        three.filters(countries=("Narnia",))
    with pytest.raises(UsageError, match="at least 6"):
        three.filters(documents=("ab",))
    with pytest.raises(NotFoundError):
        three.filters(documents=("000000",))
