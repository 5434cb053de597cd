"""Users' merge, split and alias decisions, and that re-ingest applies them again."""

from __future__ import annotations

from dataclasses import replace

import pytest
from resolve_samples import Ent, Rel, actor_of, analysis

from actorgraph.errors import NotFoundError, StoreError
from actorgraph.model import Analysis
from actorgraph.resolve.edit import alias_key, alias_keys, merged_keys, split_id, split_name
from actorgraph.store import Store


def _reingest(store: Store, *analyses: Analysis) -> None:
    """Save again after an entities stage change: every entity re-resolves."""
    for a in analyses:
        newer = replace(a, stages=(("entities", "entities.v2"), *a.stages[1:]))
        assert store.save(newer) == "updated"


KH = analysis(
    "Kataib Hezbollah fighters attacked. Kataib Hezbollah is backed by Iran.",
    Ent("Kataib Hezbollah", "ORG"),
    Ent("Iran", "GPE"),
    relations=(Rel(1, "supported_by", 2, "Kataib Hezbollah is backed by Iran."),),
)
BRIGADE = analysis(
    "Brigade 45 fighters attacked.",
    Ent("Brigade 45", "ORG"),
)


def test_edit_merge_survives_reingest(store: Store) -> None:
    store.save(KH)
    store.save(BRIGADE)
    keep, other = actor_of(store, KH, "E1"), actor_of(store, BRIGADE, "E1")
    assert keep != other
    store.merge_actors(keep, other)
    assert actor_of(store, BRIGADE, "E1") == keep
    assert "Brigade 45" in store.actor_profile(keep).aliases
    with pytest.raises(NotFoundError):
        store.actor_profile(other)
    _reingest(store, BRIGADE, KH)
    assert actor_of(store, BRIGADE, "E1") == keep == actor_of(store, KH, "E1")
    later = analysis("Brigade 45 withdrew.", Ent("Brigade 45", "ORG"))
    store.save(later)  # the merged name now leads to the kept actor
    assert actor_of(store, later, "E1") == keep
    assert [d.kind for d in store.decisions()] == ["merge"]
    assert store.check() == []


def test_edit_split_document_survives_reingest(store: Store) -> None:
    a = analysis("Ali Hassan spoke in Basra.", Ent("Ali Hassan", "PERSON"))
    b = analysis("Ali Hassan, a footballer, scored.", Ent("Ali Hassan", "PERSON"))
    store.save(a)
    store.save(b)
    both = actor_of(store, a, "E1")
    assert actor_of(store, b, "E1") == both
    new = store.split_actor(both, document=b.document.id)
    assert actor_of(store, b, "E1") == new != both
    assert actor_of(store, a, "E1") == both
    _reingest(store, b, a)
    assert actor_of(store, b, "E1") == new
    assert actor_of(store, a, "E1") == both
    assert store.check() == []


def test_edit_split_alias_survives_reingest(store: Store) -> None:
    link = analysis("Asaib Ahl al-Haq (AAH) rallied.", Ent("Asaib Ahl al-Haq", "ORG", ("AAH",)))
    wrong = analysis("AAH, the hiking club, met.", Ent("AAH", "ORG"))
    right = analysis("Asaib Ahl al-Haq fought.", Ent("Asaib Ahl al-Haq", "ORG"))
    for x in (link, wrong, right):
        store.save(x)
    group = actor_of(store, right, "E1")
    assert actor_of(store, wrong, "E1") == group
    new = store.split_actor(group, alias="AAH")
    assert actor_of(store, wrong, "E1") == new
    assert actor_of(store, link, "E1") == new  # it carries the alias too
    assert actor_of(store, right, "E1") == group
    _reingest(store, wrong, link, right)
    assert actor_of(store, wrong, "E1") == new
    assert actor_of(store, right, "E1") == group
    later = analysis("AAH hikers returned.", Ent("AAH", "ORG"))
    store.save(later)
    assert actor_of(store, later, "E1") == new


def test_edit_alias_makes_later_documents_join(store: Store) -> None:
    hillary = analysis("Hillary Clinton spoke.", Ent("Hillary Clinton", "PERSON"))
    store.save(hillary)
    actor = actor_of(store, hillary, "E1")
    store.add_alias(actor, "Clinton")
    store.add_alias(actor, "HRC")
    bare = analysis("Mrs. Clinton was in Iowa.", Ent("Mrs. Clinton", "PERSON"))
    initials = analysis("HRC was in Iowa.", Ent("HRC", "PERSON"))
    store.save(bare)
    store.save(initials)
    assert actor_of(store, bare, "E1") == actor == actor_of(store, initials, "E1")
    _reingest(store, hillary, bare)
    assert actor_of(store, bare, "E1") == actor == actor_of(store, hillary, "E1")
    assert [d.kind for d in store.decisions()] == ["alias", "alias"]


def test_edit_merge_then_split_replays_in_order(store: Store) -> None:
    store.save(KH)
    store.save(BRIGADE)
    keep, other = actor_of(store, KH, "E1"), actor_of(store, BRIGADE, "E1")
    store.merge_actors(keep, other)
    new = store.split_actor(keep, document=BRIGADE.document.id)
    _reingest(store, BRIGADE)
    assert actor_of(store, BRIGADE, "E1") == new
    assert actor_of(store, KH, "E1") == keep


def test_edit_refuses_unknown_or_empty(store: Store) -> None:
    store.save(KH)
    actor = actor_of(store, KH, "E1")
    with pytest.raises(NotFoundError):
        store.merge_actors(actor, "nope")
    with pytest.raises(StoreError, match="itself"):
        store.merge_actors(actor, actor)
    with pytest.raises(StoreError, match="nothing to split"):
        store.split_actor(actor, alias="Somebody Else")
    with pytest.raises(StoreError, match="exactly one"):
        store.split_actor(actor)
    with pytest.raises(StoreError, match="capitalised"):
        store.add_alias(actor, "the group")
    assert store.decisions() == []


def test_edit_keys_and_split_names_without_a_store() -> None:
    assert alias_key("President Hadi al-Amiri", "PERSON") == alias_key("Hadi al-Amiri", "PERSON")
    keys = alias_keys("Hadi al-Amiri", "PERSON")
    assert alias_key("Hadi al-Amiri", "PERSON") in keys
    assert any(k.startswith("p:") for k in keys) and not any(k.startswith("s:") for k in keys)
    assert merged_keys(["n:badr", "s:bdr", "a:BADR"]) == {"n:badr", "a:BADR"}
    assert split_name(["AAH", "Asaib", "AAH", "Asaib"]) == "AAH"  # a tie: the first sorted
    assert split_name(["Asaib", "AAH", "Asaib"]) == "Asaib"
    first = split_id("actor", "AAH", "ORG", document=None, key="a:AAH")
    assert first == split_id("actor", "AAH", "ORG", document=None, key="a:AAH")
    assert first != split_id("actor", "AAH", "ORG", document="doc", key=None)
