from __future__ import annotations

import pytest
from store_samples import entity, other, seed

from actorgraph.model import Analysis, Document
from actorgraph.store import Store


@pytest.mark.parametrize(
    "query",
    ["Khazali", "khazali", "KHAZALI", "khazaali", "al-khazali", "Qais al Khazali", "Kais Khazaali"],
)
def test_search_finds_khazali_by_alias_or_transliteration(store: Store, query: str) -> None:
    store.save(seed())
    found = store.find_actors(query)
    assert found, query
    assert found[0][0].name == "Qais al-Khazali"


def test_search_exact_alias_scores_100(store: Store) -> None:
    store.save(seed())
    (row, score), *_ = store.find_actors("Khazali")
    assert (row.name, score) == ("Qais al-Khazali", 100.0)


def test_search_exact_match_ranks_before_fuzzy_ones(store: Store) -> None:
    text = "Amiri met Hadi al-Amiri and Ameri."
    doc = Document.from_text(text)
    analysis = Analysis(
        document=doc,
        entities=(
            entity(text, "E1", "Hadi al-Amiri", "PERSON", "Hadi al-Amiri"),
            entity(text, "E2", "Ameri", "PERSON"),
            entity(text, "E3", "Amiri", "ORG"),
        ),
    )
    store.save(analysis)
    found = [(row.name, row.type) for row, _ in store.find_actors("Amiri")]
    assert found[0] == ("Amiri", "ORG")
    assert set(found) == {("Amiri", "ORG"), ("Hadi al-Amiri", "PERSON"), ("Ameri", "PERSON")}


def test_search_ties_ranked_by_mentions(store: Store) -> None:
    text = "Kata Hezbollah and Kataib Hezbollah; Kataib Hezbollah again."
    analysis = Analysis(
        document=Document.from_text(text),
        entities=(
            entity(text, "E1", "Kataib Hezbollah", "ORG", "Kataib Hezbollah", "Kataib Hezbollah"),
            entity(text, "E2", "Kataib Hezbollah", "NORP", "Kataib Hezbollah"),
        ),
    )
    store.save(analysis)
    found = store.find_actors("Kataib Hezbollah")
    assert [(r.type, r.mentions, s) for r, s in found] == [("ORG", 2, 100.0), ("NORP", 1, 100.0)]


def test_search_unrelated_query_finds_nothing(store: Store) -> None:
    store.save(seed())
    store.save(other())
    assert store.find_actors("Zelensky") == []
    assert store.find_actors("") == []
    assert store.find_actors("al") == []


def test_search_respects_limit(store: Store) -> None:
    store.save(seed())
    assert len(store.find_actors("a", limit=1)) <= 1
    assert len(store.find_actors("Asaib", limit=1)) == 1
