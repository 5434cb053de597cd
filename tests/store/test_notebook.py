"""The store from a notebook: iterators with their filters and evidence, and DataFrames."""

from __future__ import annotations

import pytest

from actorgraph.errors import UsageError
from actorgraph.store import Store
from actorgraph.store.notebook import RELATION_COLUMNS
from changes_samples import analysis_d
from changes_samples import run as _run
from listing_samples import TEXT_A, analysis_a, analysis_b, analysis_c


@pytest.fixture
def filled(store: Store) -> Store:
    _run(store, analysis_a())
    _run(store, analysis_b(), analysis_c(), analysis_d())
    return store


def test_notebook_relations_carry_their_evidence(filled: Store) -> None:
    found = list(filled.iter_relations(actor="Samir Haddad", predicate="leader_of"))
    assert [(r.subject.name, r.object.name, r.modality) for r in found] == [
        ("Samir Haddad", "Northern Brigade", "asserted"),  # A, 2016-05-04
        ("Samir Haddad", "Northern Brigade", "denied"),  # D, 2016-06-01
        ("Samir Haddad", "Northern Brigade", "asserted"),  # C, undated: last
    ]
    a = found[0]
    assert (a.doc.id, a.doc.title) == (analysis_a().document.id, "Attack on Tel Hamra")
    (ev,) = a.evidence
    assert TEXT_A[ev.start : ev.end] == ev.text == "the commander of the Northern Brigade"


def test_notebook_relation_filters(filled: Store) -> None:
    def names(**kw: object) -> list[str]:
        return [f"{r.subject.name} {r.predicate} {r.object.name}"
                for r in filled.iter_relations(**kw)]  # type: ignore[arg-type]  # fmt: skip

    assert names(claim_status="denied") == ["Samir Haddad leader_of Northern Brigade"]
    assert names(claim_status=["alleged", "denied"]) == [
        "Samir Haddad leader_of Northern Brigade", "Southern Front operates_in Kessa",
    ]  # fmt: skip
    assert names(since="2016-06", until="2016-06") == [
        "Samir Haddad leader_of Northern Brigade", "Southern Front operates_in Kessa",
    ]  # fmt: skip
    assert names(min_confidence=0.65) == ["Samir Haddad leader_of Northern Brigade"] * 2
    assert names(predicate="operates_in", run=2) == ["Southern Front operates_in Kessa"]
    assert names(run=1) == ["Samir Haddad leader_of Northern Brigade"]
    assert names(actor="Kessa") == ["Southern Front operates_in Kessa"]
    assert names(document=analysis_b().document.id[:8]) == ["Southern Front operates_in Kessa"]
    with pytest.raises(UsageError, match="claim status"):
        names(claim_status="rumoured")


def test_notebook_events_quotes_and_actors(filled: Store) -> None:
    events = list(filled.iter_events())
    assert [e.type for e in events] == ["ASSAULT", "PROTEST", "ASSAULT", "COERCE"]
    assert [e.type for e in filled.iter_events(type="assault", claim_status="denied")] == [
        "ASSAULT"
    ]
    (protest,) = filled.iter_events(since="2016-06-01", until="2016-06-30")
    assert {p.name for p in protest.locations} == {"Kessa", "Douma"}
    # Located in Lebanon: the protest in Kessa (the denied attack only targets it).
    assert [e.type for e in filled.iter_events(country="Lebanon")] == ["PROTEST"]
    assert [e.type for e in filled.iter_events(actor="Northern Brigade")] == [
        "ASSAULT", "COERCE",
    ]  # fmt: skip
    (quote,) = filled.iter_quotes(speaker="Haddad")
    assert quote.text == "We will hold the line." and quote.speaker is not None
    assert list(filled.iter_quotes(since="2016-06")) == []
    armed = {a.name for a in filled.iter_actors(type="org", kind="armed_group")}
    assert armed == {"Northern Brigade", "Southern Front"}
    (haddad,) = filled.iter_actors(name="Samir Haddad")
    assert haddad.type == "PERSON" and len(haddad.document_ids) == 3


def test_notebook_to_pandas_flattens_one_row_per_record(filled: Store) -> None:
    relations = filled.iter_relations(actor="Samir Haddad").to_pandas()
    assert list(relations.columns) == list(RELATION_COLUMNS)
    assert list(relations["modality"]) == ["asserted", "denied", "asserted"]
    assert relations.loc[0, "evidence_text"] == "the commander of the Northern Brigade"
    assert relations.loc[0, "document_title"] == "Attack on Tel Hamra"
    events = filled.iter_events(type="ASSAULT").to_pandas()
    assert list(events["killed"].fillna(-1)) == [12, -1]
    assert events.loc[0, "actors"] == ["Northern Brigade"]
    assert events.loc[0, "country"] == "SY"
    actors = filled.iter_actors(type="GPE").to_pandas()
    assert set(actors["name"]) == {"Tel Hamra", "Kessa", "Douma"}
    empty = filled.iter_quotes(since="2099").to_pandas()
    assert empty.empty and "speaker" in empty.columns


def test_notebook_to_pandas_without_pandas_says_how(
    filled: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    import sys

    monkeypatch.setitem(sys.modules, "pandas", None)
    with pytest.raises(UsageError, match=r"actorgraph\[notebook\]"):
        filled.iter_quotes().to_pandas()
