"""Cross-document identity at save time, on hand-made analyses (SQLite and PostgreSQL)."""

from __future__ import annotations

from collections.abc import Collection, Mapping
from dataclasses import replace

from resolve_samples import Ent, actor_of, analysis

from actorgraph.resolve.decisions import Decision
from actorgraph.resolve.identity import actor_id
from actorgraph.resolve.index import StoredActor
from actorgraph.resolve.keys import names_of
from actorgraph.resolve.resolver import resolve_entities
from actorgraph.store import Store


def test_resolver_transliteration_joins_across_documents(store: Store) -> None:
    a = analysis(
        "Qais al-Khazali spoke in Baghdad. Khazali said the fight goes on.",
        Ent("Qais al-Khazali", "PERSON", ("Khazali",)),
        Ent("Baghdad", "GPE"),
    )
    b = analysis(
        "Qays al-Khazaali, the militia chief, met reporters. Khazaali smiled.",
        Ent("Qays al-Khazaali", "PERSON", ("Khazaali",)),
    )
    c = analysis("Kais Khazali was in Basra on Monday.", Ent("Kais Khazali", "PERSON"))
    for x in (a, b, c):
        store.save(x)
    assert actor_of(store, a, "E1") == actor_of(store, b, "E1") == actor_of(store, c, "E1")
    profile = store.actor_profile(actor_of(store, a, "E1"))
    assert profile.actor.name == "Qais al-Khazali"
    assert {"Qays al-Khazaali", "Khazaali", "Kais Khazali"} <= set(profile.aliases)
    assert len(profile.documents) == 3


def test_resolver_misspelling_joins_across_documents(store: Store) -> None:
    a = analysis("Hillary Clinton spoke in Ohio.", Ent("Hillary Clinton", "PERSON"))
    b = analysis("Hilary Clinten answered questions.", Ent("Hilary Clinten", "PERSON"))
    c = analysis("Kataib Hezbollah fired rockets.", Ent("Kataib Hezbollah", "ORG"))
    d = analysis("Kata'ib Hizballah denied it.", Ent("Kata'ib Hizballah", "ORG"))
    for x in (a, b, c, d):
        store.save(x)
    assert actor_of(store, a, "E1") == actor_of(store, b, "E1")
    assert actor_of(store, c, "E1") == actor_of(store, d, "E1")


def test_resolver_people_sharing_a_surname_stay_apart(store: Store) -> None:
    hillary = analysis(
        "Hillary Clinton spoke. Clinton said she would win.",
        Ent("Hillary Clinton", "PERSON", ("Clinton",)),
    )
    bill = analysis(
        "Bill Clinton spoke. Clinton said his wife would win.",
        Ent("Bill Clinton", "PERSON", ("Clinton",)),
    )
    bare = analysis("Clinton was not there.", Ent("Clinton", "PERSON"))
    other_bare = analysis("Clinton was in Iowa.", Ent("Clinton", "PERSON"))
    for x in (hillary, bill, bare, other_bare):
        store.save(x)
    ids = {actor_of(store, x, "E1") for x in (hillary, bill, bare, other_bare)}
    assert len(ids) == 4  # a bare surname never joins another document's actor
    full = {actor_of(store, hillary, "E1"), actor_of(store, bill, "E1")}
    assert {store.actor_profile(a).actor.name for a in full} == {"Hillary Clinton", "Bill Clinton"}


def test_resolver_middle_name_and_title_join(store: Store) -> None:
    a = analysis("Hillary Clinton spoke.", Ent("Hillary Clinton", "PERSON"))
    b = analysis("Mrs. Hillary Rodham Clinton spoke.", Ent("Mrs. Hillary Rodham Clinton", "PERSON"))
    c = analysis("Hillary Diane Clinton spoke.", Ent("Hillary Diane Clinton", "PERSON"))
    d = analysis("Hillary X. Smith spoke.", Ent("Hillary X. Smith", "PERSON"))
    for x in (a, b, c, d):
        store.save(x)
    assert actor_of(store, a, "E1") == actor_of(store, b, "E1") == actor_of(store, c, "E1")
    assert actor_of(store, d, "E1") != actor_of(store, a, "E1")


def test_resolver_acronym_joins_once_a_document_links_it(store: Store) -> None:
    before = analysis("AAH fighters entered the town.", Ent("AAH", "ORG"))
    link = analysis(
        "Asaib Ahl al-Haq (AAH), or the League of the Righteous, is a militia.",
        Ent("Asaib Ahl al-Haq", "ORG", ("AAH", "League of the Righteous")),
    )
    acronym = analysis("AAH said it would stay.", Ent("AAH", "ORG"))
    english = analysis(
        "The League of the Righteous held a rally.", Ent("League of the Righteous", "ORG")
    )
    store.save(link)
    store.save(acronym)
    store.save(english)
    group = actor_of(store, link, "E1")
    assert actor_of(store, acronym, "E1") == group
    assert actor_of(store, english, "E1") == group
    store.save(before)  # saved after the link: joins too
    assert actor_of(store, before, "E1") == group


def test_resolver_unlinked_acronym_stays_apart(store: Store) -> None:
    a = analysis("Asaib Ahl al-Haq is a militia.", Ent("Asaib Ahl al-Haq", "ORG"))
    b = analysis("AAH fighters entered the town.", Ent("AAH", "ORG"))
    store.save(a)
    store.save(b)
    assert actor_of(store, a, "E1") != actor_of(store, b, "E1")


def test_resolver_resave_keeps_actor_ids(store: Store) -> None:
    a = analysis(
        "Qais al-Khazali met Hadi al-Amiri.",
        Ent("Qais al-Khazali", "PERSON"),
        Ent("Hadi al-Amiri", "PERSON"),
    )
    b = analysis("Qays al-Khazaali spoke.", Ent("Qays al-Khazaali", "PERSON"))
    store.save(a)
    store.save(b)
    ids = {x: actor_of(store, x, "E1") for x in (a, b)}
    actors = store._db.execute("SELECT COUNT(*) FROM actors").fetchone()[0]
    assert store.save(b) == "unchanged"
    for x in (a, b):  # a new stage version re-resolves each document
        newer = replace(x, stages=(*x.stages[:-1], ("relations", "relations.v2")))
        assert store.save(newer) == "updated"
        newer = replace(x, stages=(("entities", "entities.v2"), *x.stages[1:]))
        assert store.save(newer) == "updated"
    assert {x: actor_of(store, x, "E1") for x in (a, b)} == ids
    assert store._db.execute("SELECT COUNT(*) FROM actors").fetchone()[0] == actors
    assert store.check() == []


def test_resolver_context_decides_a_weak_match(sqlite_store: Store) -> None:
    store = sqlite_store
    first = analysis(
        "Mohammed Ali of the Badr Organization met Hadi al-Amiri in Diyala.",
        Ent("Mohammed Ali", "PERSON"),
        Ent("Badr Organization", "ORG"),
        Ent("Hadi al-Amiri", "PERSON"),
        Ent("Diyala", "GPE"),
    )
    with_context = analysis(
        "Mahmoud Ali of the Badr Organization spoke in Diyala with Hadi al-Amiri.",
        Ent("Mahmoud Ali", "PERSON"),
        Ent("Badr Organization", "ORG"),
        Ent("Hadi al-Amiri", "PERSON"),
        Ent("Diyala", "GPE"),
    )
    without = analysis("Mahmoud Ali sells carpets in Cairo.", Ent("Mahmoud Ali", "PERSON"))
    store.save(first)
    assert store.resolve(without)[0].reason == "new actor"  # a weak variant alone: apart
    store.save(with_context)
    assert actor_of(store, with_context, "E1") == actor_of(store, first, "E1")


def test_resolver_mistyped_person_joins_the_person(store: Store) -> None:
    person = analysis("Donald Trump spoke.", Ent("Donald Trump", "PERSON"))
    org = analysis("Donald J. Trump rallied in Ohio.", Ent("Donald J. Trump", "ORG"))
    company = analysis("Trump Organization hotels.", Ent("Trump Organization", "ORG"))
    for x in (person, org, company):
        store.save(x)
    assert actor_of(store, org, "E1") == actor_of(store, person, "E1")
    assert actor_of(store, company, "E1") != actor_of(store, person, "E1")
    assert store.actor_profile(actor_of(store, person, "E1")).actor.type == "PERSON"


def test_resolver_explains_without_writing(store: Store) -> None:
    store.save(analysis("Hillary Clinton spoke.", Ent("Hillary Clinton", "PERSON")))
    probe = analysis("Hillary Rodham Clinton spoke.", Ent("Hillary Rodham Clinton", "PERSON"))
    (res,) = store.resolve(probe)
    assert res.reason == "full name" and res.score >= 0.9
    assert not store.has_document(probe.document.id)


def test_resolver_bare_surname_joins_the_only_person_so_called(store: Store) -> None:
    full = analysis(
        "Donald Trump spoke. Trump said he would win.",
        Ent("Donald Trump", "PERSON", ("Trump",)),
    )
    bare = analysis("Trump was not there.", Ent("Trump", "PERSON"))
    mistyped = analysis("Trump rallied in Ohio.", Ent("Trump", "ORG"))
    for x in (full, bare, mistyped):
        store.save(x)
    target = actor_of(store, full, "E1")
    assert actor_of(store, bare, "E1") == target
    assert actor_of(store, mistyped, "E1") == target


def test_resolver_bare_surname_joins_the_person_mostly_so_called(store: Store) -> None:
    for i in range(5):
        store.save(
            analysis(
                f"Hillary Clinton spoke in town {i}. Clinton said she would win.",
                Ent("Hillary Clinton", "PERSON", ("Clinton",)),
            )
        )
    bill = analysis(
        "Bill Clinton spoke. Clinton said his wife would win.",
        Ent("Bill Clinton", "PERSON", ("Clinton",)),
    )
    bare = analysis("Clinton was not there.", Ent("Clinton", "PERSON"))
    store.save(bill)
    store.save(bare)
    assert store.actor_profile(actor_of(store, bare, "E1")).actor.name == "Hillary Clinton"


class _Index:
    """An ActorIndex in memory: one stored actor and one user decision, no store at all."""

    def __init__(self, actor: str, name: str, type_: str, decisions: list[Decision]) -> None:
        self.actor = actor
        self.stored = StoredActor(name, type_, (name,), 2)
        self.keys = set(names_of(name, [name], type_).index_keys)
        self._decisions = decisions

    def actors_by_key(self, keys: Collection[str]) -> dict[str, set[str]]:
        shared = self.keys & set(keys)
        return {self.actor: shared} if shared else {}

    def decided_by_key(self, keys: Collection[str]) -> dict[str, set[str]]:
        return {}

    def actor_names(self, ids: Collection[str]) -> dict[str, StoredActor]:
        return {self.actor: self.stored} if self.actor in ids else {}

    def people_called(self, alias_norm: str) -> list[tuple[str, int]]:
        return []

    def shared_context(
        self,
        candidates: Collection[str],
        context: Collection[str],
        documents: Mapping[str, int] | None = None,
    ) -> dict[str, int]:
        return {}

    def decisions(self) -> list[Decision]:
        return self._decisions


def test_resolver_reads_stored_actors_only_through_the_index() -> None:
    kh = actor_id("Kataib Hezbollah", "ORG")
    a = analysis(
        "Kata'ib Hizballah fired rockets at Brigade 45.",
        Ent("Kata'ib Hizballah", "ORG"),
        Ent("Brigade 45", "ORG"),
    )
    found = resolve_entities(_Index(kh, "Kataib Hezbollah", "ORG", []), a)
    assert [(r.local_id, r.actor_id) for r in found] == [
        ("E1", kh),
        ("E2", actor_id("Brigade 45", "ORG")),
    ]
    assert found[0].score >= 0.8 and found[1].reason == "new actor"
    split = Decision(1, "split", kh, "other", document_id=a.document.id)
    again = resolve_entities(_Index(kh, "Kataib Hezbollah", "ORG", [split]), a)
    assert again[0].actor_id == "other" and again[0].reason.endswith("user decision")
