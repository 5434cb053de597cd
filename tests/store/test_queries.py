from __future__ import annotations

import pytest
from store_engines import foreign_keys_off
from store_samples import other, seed

from actorgraph.errors import NotFoundError
from actorgraph.store import Store
from actorgraph.store.queries import passage


def khazali_id(store: Store) -> str:
    (row, _), *_ = store.find_actors("Qais al-Khazali")
    return row.id


def test_queries_actor_profile_content(store: Store) -> None:
    store.save(seed())
    store.save(other())
    profile = store.actor_profile(khazali_id(store))
    assert (profile.actor.name, profile.actor.type, profile.actor.kind) == (
        "Qais al-Khazali",
        "PERSON",
        None,
    )
    assert profile.aliases == ("Khazali",)
    assert [(d.title, d.published, d.mentions) for d in profile.documents] == [
        ("Khazali in Basra", "2015-03-01", 2),
        ("Militias in Baghdad", "2015-02-04", 2),
    ]
    assert [q.text for q in profile.quotes] == [
        "Our men will stay,",
        "We fight the Islamic State today,",
    ]
    assert profile.quotes[1].context == '"We fight the Islamic State today," Khazali said.'
    (relation,) = profile.relations
    assert (relation.subject_name, relation.predicate, relation.object_name) == (
        "Qais al-Khazali",
        "leader_of",
        "Asaib Ahl al-Haq",
    )
    assert relation.evidence_text == "Qais al-Khazali, the leader of Asaib Ahl al-Haq"
    assert profile.events == ()


def test_queries_profile_lists_events_with_role(store: Store) -> None:
    store.save(seed())
    (badr, _), *_ = store.find_actors("Badr Organization")
    (event,) = store.actor_profile(badr.id).events
    assert (event.type, event.role, event.date_value, event.evidence_text) == (
        "MOBILIZE",
        "actor",
        "2014-06",
        "joined the fight last June",
    )


def test_queries_profile_of_unknown_actor_raises(store: Store) -> None:
    with pytest.raises(NotFoundError, match="find_actors"):
        store.actor_profile("nobody")


def test_queries_quotes_filter_by_speaker(store: Store) -> None:
    store.save(seed())
    store.save(other())
    assert len(store.quotes()) == 2
    by_khazali = store.quotes(speaker="khazali")
    assert {(q.speaker_name, q.document_title) for q in by_khazali} == {
        ("Qais al-Khazali", "Khazali in Basra"),
        ("Qais al-Khazali", "Militias in Baghdad"),
    }
    assert store.quotes(speaker="Hadi al-Amiri") == []
    assert store.quotes(speaker="Zelensky") == []
    assert len(store.quotes(limit=1)) == 1


def test_queries_actors_sorted_by_mentions_and_filtered_by_type(store: Store) -> None:
    store.save(seed())
    store.save(other())
    everyone = store.actors()
    assert everyone[0].name == "Qais al-Khazali"
    assert [a.mentions for a in everyone] == sorted((a.mentions for a in everyone), reverse=True)
    assert {a.name for a in store.actors(type="GPE")} == {"Baghdad", "Basra"}
    assert len(store.actors(limit=2)) == 2


def test_queries_summary_counts(store: Store) -> None:
    store.save(seed())
    store.save(other())
    summary = store.summary()
    assert (summary["documents"], summary["actors"], summary["quotes"]) == (2, 7, 2)
    assert summary["actors_by_type"]["PERSON"] == {"actors": 2, "mentions": 5}
    assert summary["quotes_by_speaker"][0]["name"] == "Qais al-Khazali"
    assert summary["quotes_by_speaker"][0]["quotes"] == 2
    assert {(r["subject"], r["object"]) for r in summary["top_relations"]} == {
        ("Qais al-Khazali", "Asaib Ahl al-Haq"),
        ("Hadi al-Amiri", "Badr Organization"),
    }


def test_queries_check_clean_store_has_no_problems(store: Store) -> None:
    store.save(seed())
    store.save(other())
    assert store.check() == []


def test_queries_check_detects_corrupted_spans(store: Store) -> None:
    store.save(seed())
    store._db.execute("UPDATE mentions SET end_char = 100000 WHERE local_id = 'E3'")
    store._db.execute("UPDATE quotes SET start_char = start_char + 1")
    problems = store.check()
    assert any(p.startswith("mentions 'E3'") and "outside the text" in p for p in problems)
    assert any(p.startswith("quotes ") and "differs" in p for p in problems)


def test_queries_check_detects_broken_foreign_key_and_missing_evidence(store: Store) -> None:
    store.save(seed())
    with foreign_keys_off(store):
        store._db.execute("DELETE FROM entities WHERE local_id = 'E6'")
        store._db.execute("DELETE FROM evidence WHERE event_id IS NOT NULL")
    problems = store.check()
    assert any(p.startswith("mentions row") and "entities" in p for p in problems)
    assert any(p.startswith("events ") and "no evidence" in p for p in problems)


def test_queries_passage_is_the_enclosing_sentence() -> None:
    text = "First one. He said: it works. Last one."
    start = text.index("it works")
    assert passage(text, start, start + 8) == "He said: it works."
