"""Saving analyses: added, unchanged or updated, one transaction each, on every engine."""

from __future__ import annotations

import threading
from dataclasses import replace

import pytest
from store_engines import INTEGRITY_ERROR, ROW_ID, counts, rows
from store_samples import STAGES, TEXT, evidence, other, seed, span

from actorgraph.errors import StoreError
from actorgraph.model import Analysis, DateRef, Document, Relation
from actorgraph.store import SaveResult, Store, _write, open_store
from actorgraph.store._db import Database
from actorgraph.store._rows import Rows


def with_version(analysis: Analysis, stage: str, version: str) -> Analysis:
    stages = tuple((s, version if s == stage else v) for s, v in analysis.stages)
    return replace(analysis, stages=stages)


def test_save_added(store: Store) -> None:
    analysis = seed()
    assert store.save(analysis) == "added"
    assert store.has_document(analysis.document.id)
    assert store.stage_versions(analysis.document.id) == dict(STAGES)
    n = counts(store)
    assert n["documents"] == 1
    assert n["entities"] == 6
    assert n["mentions"] == 7
    assert n["quotes"] == 1
    assert n["dates"] == 2
    assert n["relations"] == 2
    assert n["events"] == 1
    assert n["evidence"] == 4  # one quote, two relations, one event
    assert store.check() == []


def test_save_again_unchanged(store: Store) -> None:
    store.save(seed())
    before = counts(store)
    stamps = rows(store, "SELECT stage, run_at FROM stage_runs ORDER BY stage")
    assert store.save(seed()) == "unchanged"
    assert counts(store) == before
    assert rows(store, "SELECT stage, run_at FROM stage_runs ORDER BY stage") == stamps


def test_save_changed_version_replaces_only_that_stage(store: Store) -> None:
    first = seed()
    store.save(first)
    before = counts(store)
    rowid = ROW_ID[store.engine]
    entity_rows = rows(store, f"SELECT {rowid}, * FROM entities ORDER BY {rowid}")
    quote_rows = rows(store, f"SELECT {rowid}, * FROM quotes ORDER BY {rowid}")
    t = first.document.text
    better = (DateRef("4 February 2015", *span(t, "4 February 2015"), "2015-02-04", "day"),)
    updated = with_version(replace(first, dates=better), "dates", "dates.v2")
    assert store.save(updated) == "updated"
    assert rows(store, "SELECT text, stage FROM dates") == [("4 February 2015", "dates.v2")]
    assert rows(store, f"SELECT {rowid}, * FROM entities ORDER BY {rowid}") == entity_rows
    assert rows(store, f"SELECT {rowid}, * FROM quotes ORDER BY {rowid}") == quote_rows
    assert counts(store) == {**before, "dates": 1}
    assert store.stage_versions(first.document.id) == {**dict(STAGES), "dates": "dates.v2"}
    assert store.save(updated) == "unchanged"


def test_save_new_publication_date_moves_the_sort_keys_of_kept_rows(store: Store) -> None:
    first = seed()
    store.save(first)
    moved = replace(first, document=replace(first.document, published="2016-05-01"))
    assert store.save(with_version(moved, "dates", "dates.v2")) == "updated"
    for table in ("mentions", "quotes", "relations"):
        assert rows(store, f"SELECT DISTINCT published_key FROM {table}") == [("2016-05-01",)]
    assert store.check() == []
    store._db.execute("UPDATE relations SET published_key = ''")
    assert [p for p in store.check() if "published_key" in p] == [
        "relations: 2 rows whose published_key differs from their document's date; "
        "re-save those documents"
    ]


def test_save_changed_entities_rewrites_rows_that_point_at_them(store: Store) -> None:
    first = seed()
    store.save(first)
    before = counts(store)
    renamed = tuple(
        replace(e, name="Kais al-Khazali") if e.id == "E1" else e for e in first.entities
    )
    updated = with_version(replace(first, entities=renamed), "entities", "entities.v2")
    assert store.save(updated) == "updated"
    # Replaced, not duplicated; the new name joins the old aliases.
    assert counts(store) == {**before, "actor_aliases": before["actor_aliases"] + 1}
    names = {r[0] for r in rows(store, "SELECT name FROM actors")}
    assert "Kais al-Khazali" in names
    assert "Qais al-Khazali" not in names  # no orphan actor left behind
    (speaker,) = rows(
        store, "SELECT a.name FROM quotes q JOIN actors a ON a.id = q.speaker_actor_id"
    )
    assert speaker == ("Kais al-Khazali",)
    assert store.check() == []


def test_save_unknown_stage_change_replaces_everything(store: Store) -> None:
    store.save(seed())
    before = counts(store)
    updated = seed(stages=(*STAGES, ("places", "places.v1"), ("sentiment", "sentiment.v1")))
    assert store.save(updated) == "updated"
    assert counts(store) == {**before, "stage_runs": before["stage_runs"] + 2}


def test_save_failure_mid_save_leaves_no_rows(
    store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    real = _write.insert_group

    def failing(db: Database, group: str, rows: Rows) -> None:
        if group == "quotes":
            raise RuntimeError("disk on fire")
        real(db, group, rows)

    monkeypatch.setattr(_write, "insert_group", failing)
    analysis = seed()
    with pytest.raises(RuntimeError, match="disk on fire"):
        store.save(analysis)
    assert not store.has_document(analysis.document.id)
    assert all(n == 0 for n in counts(store).values())
    monkeypatch.setattr(_write, "insert_group", real)
    assert store.save(analysis) == "added"  # the connection is usable again


def test_save_failure_mid_update_keeps_previous_rows(
    store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    store.save(seed())
    before = counts(store)
    dates = rows(store, "SELECT * FROM dates ORDER BY start_char")

    def failing(db: Database, group: str, rows: Rows) -> None:
        raise RuntimeError("interrupted")

    monkeypatch.setattr(_write, "insert_group", failing)
    with pytest.raises(RuntimeError):
        store.save(with_version(seed(), "dates", "dates.v2"))
    assert counts(store) == before
    assert rows(store, "SELECT * FROM dates ORDER BY start_char") == dates
    assert store.stage_versions(seed().document.id) == dict(STAGES)


def test_save_relation_without_evidence_refused(store: Store) -> None:
    analysis = seed()
    bare = (*analysis.relations, Relation("E1", "allied_with", "E5", evidence=()))
    with pytest.raises(StoreError, match="no evidence"):
        store.save(replace(analysis, relations=bare))
    assert not store.has_document(analysis.document.id)


def test_save_evidence_of_another_document_refused(store: Store) -> None:
    analysis = seed()
    stray = other().document
    bad = Relation("E1", "allied_with", "E5", (evidence(stray, "Basra", "relations.v1"),))
    with pytest.raises(StoreError, match="evidence names document"):
        store.save(replace(analysis, relations=(bad,)))


def test_save_tables_refuse_fact_without_evidence_columns(store: Store) -> None:
    store.save(seed())
    error = INTEGRITY_ERROR[store.engine]
    with pytest.raises(error, match=r"(?i)not[ -]null"):
        store._db.execute(
            "INSERT INTO relations (id, document_id, start_char, end_char, subject_local_id, "
            "subject_actor_id, predicate, object_local_id, object_actor_id, modality, "
            "confidence, stage) SELECT 'r', document_id, NULL, NULL, local_id, actor_id, "
            "'ties_to', local_id, actor_id, 'asserted', 1.0, 'x' FROM entities LIMIT 1"
        )
    with pytest.raises(error, match=r"(?i)foreign key"):
        store._db.execute(
            "INSERT INTO dates (document_id, start_char, end_char, text, stage) "
            "VALUES ('no-such-document', 0, 1, 'x', 'dates.v1')"
        )


def test_save_span_outside_text_refused(store: Store) -> None:
    analysis = seed()
    beyond = DateRef("tomorrow", len(TEXT) + 1, len(TEXT) + 9, None)
    with pytest.raises(StoreError, match="outside the document"):
        store.save(replace(analysis, dates=(beyond,)))
    assert counts(store)["documents"] == 0


def test_save_unknown_entity_reference_refused(store: Store) -> None:
    analysis = seed()
    quote = replace(analysis.quotes[0], speaker="E99")
    with pytest.raises(StoreError, match="E99"):
        store.save(replace(analysis, quotes=(quote,)))


def test_save_document_id_must_be_text_hash(store: Store) -> None:
    doc = Document(id="made-up", text=TEXT)
    with pytest.raises(StoreError, match="SHA-256"):
        store.save(Analysis(document=doc))


def test_save_two_documents_share_one_actor(store: Store) -> None:
    assert store.save(seed()) == "added"
    assert store.save(other()) == "added"
    khazali = [a for a in store.actors(type="PERSON") if a.name == "Qais al-Khazali"]
    assert len(khazali) == 1
    assert (khazali[0].mentions, khazali[0].documents) == (4, 2)
    assert rows(store, "SELECT COUNT(*) FROM actors WHERE name = 'Qais al-Khazali'") == [(1,)]


def test_save_document_versions_for_resume(store: Store) -> None:
    store.save(seed())
    store.save(other())
    versions = store.document_versions()
    assert set(versions) == {seed().document.id, other().document.id}
    assert all(v == dict(STAGES) for v in versions.values())
    assert store.stage_versions("missing") is None
    assert store.is_current(seed().document.id, dict(STAGES))
    assert not store.is_current(seed().document.id, {**dict(STAGES), "dates": "dates.v2"})
    assert not store.is_current("missing", {})


def test_save_document_without_stages_saved_once(store: Store) -> None:
    analysis = Analysis(document=Document.from_text("Nothing happened."))
    assert store.save(analysis) == "added"
    assert store.save(analysis) == "unchanged"
    assert store.stage_versions(analysis.document.id) == {}


def test_save_keeps_numbers_exactly(store: Store) -> None:
    store.save(seed())
    (quote,) = store.quotes(speaker="Qais al-Khazali", limit=1)
    assert quote.confidence == 0.9  # a 4-byte REAL column would give 0.8999999761581421
    assert rows(store, "SELECT DISTINCT confidence FROM evidence") == [(0.9,)]


def test_save_two_writers_of_one_document_write_it_once(store_url: str) -> None:
    results: list[SaveResult] = []
    barrier = threading.Barrier(2, timeout=20)

    def writer() -> None:
        with open_store(store_url) as mine:  # one store (one connection) per thread
            barrier.wait()
            results.append(mine.save(seed()))

    threads = [threading.Thread(target=writer) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sorted(results) == ["added", "unchanged"]
    with open_store(store_url) as store:
        assert counts(store)["documents"] == 1
        assert store.check() == []
