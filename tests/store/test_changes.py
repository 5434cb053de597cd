"""Ingest runs and what they changed, on hand-made analyses, on SQLite and PostgreSQL."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest
from store_engines import rows

from actorgraph.batch._runs import recorded
from actorgraph.errors import NotFoundError, StoreError
from actorgraph.store import Store
from changes_samples import analysis_d
from changes_samples import run as _run
from listing_samples import STAGES, analysis_a, analysis_b, analysis_c


def test_changes_second_run_lists_what_it_added(store: Store) -> None:
    first = _run(store, analysis_a())
    before = {r[0] for r in rows(store, "SELECT id FROM actors")}
    second = _run(store, analysis_b(), analysis_c(), analysis_d())
    ch = store.changes(run=second)
    assert [r.id for r in ch.runs] == [second] == [first + 1]
    after = {r[0] for r in rows(store, "SELECT id FROM actors")}
    assert (
        {a.id for a in ch.new_actors}
        == after - before
        == {r[0] for r in rows(store, "SELECT id FROM actors WHERE first_run = ?", second)}
    )
    assert {a.name for a in ch.new_actors} == {"Southern Front", "Kessa", "Douma"}
    # B's relation is new; Haddad's leadership gains C (D denies it: no support).
    assert [(r.relation.subject, r.relation.predicate, r.relation.object)
            for r in ch.new_relations] == [("Southern Front", "operates_in", "Kessa")]  # fmt: skip
    (corr,) = ch.corroborated
    assert (corr.relation.subject, corr.relation.object) == ("Samir Haddad", "Northern Brigade")
    assert (corr.sources_before, corr.sources) == (1, 2)
    assert {c.document_id for c in corr.new_evidence} == {
        analysis_c().document.id,
        analysis_d().document.id,
    }
    (contra,) = ch.contradictions
    assert contra.conflict.kind == "disputed"
    assert contra.relation.subject == "Samir Haddad"
    expected_events = {r[0] for r in rows(store, "SELECT id FROM events WHERE document_id IN "
                       "(?, ?)", analysis_b().document.id, analysis_c().document.id)}  # fmt: skip
    assert {e.id for e in ch.new_events} == expected_events and len(expected_events) == 3
    # Kessa: B's relation, an attack on it, a protest in it; the brigade: C and D's
    # relations and C's arrest; ties by name.
    assert [(a.name, a.relations, a.events, a.quotes) for a in ch.most_changed] == [
        ("Kessa", 1, 2, 0), ("Northern Brigade", 2, 1, 0), ("Samir Haddad", 2, 0, 0),
        ("Southern Front", 1, 1, 0), ("Douma", 0, 1, 0),
    ]  # fmt: skip
    assert ch.totals["new_events"] == 3 and ch.totals["contradictions"] == 1
    run = store.run(second)
    assert (run.documents_added, run.actors_added, run.relations_added, run.events_added) == (
        3, 3, 3, 3,
    )  # fmt: skip
    assert run.status == "done" and run.ended_at is not None and run.inputs == ("folder",)


def test_changes_of_an_old_run_leave_later_runs_out(store: Store) -> None:
    first = _run(store, analysis_a())
    _run(store, analysis_c(), analysis_d())
    ch = store.changes(run=first)
    assert [(r.relation.subject, r.relation.object) for r in ch.new_relations] == [
        ("Samir Haddad", "Northern Brigade")
    ]
    (new,) = ch.new_relations
    assert [c.document_id for c in new.relation.evidence] == [analysis_a().document.id]
    assert ch.corroborated == () and ch.contradictions == ()
    assert store.changes().runs[0].id == first + 1  # the latest by default
    period = store.changes(since="2000-01-01")
    assert [r.id for r in period.runs] == [first, first + 1]
    assert store.changes(since="2999-01-01").runs == ()
    started = store.run(first + 1).started_at  # "YYYY-MM-DDTHH:MM:SS+00:00"
    later = started[:10] + " 23:59:59"  # a space for the T, as a person types it
    assert [r.id for r in store.changes(since=later).runs] == (
        [] if started[11:19] < "23:59:59" else [first + 1]
    )
    # Both runs may start within the second: the later one is in, whatever the first did.
    assert [r.id for r in store.changes(since=started[:19]).runs][-1] == first + 1


def test_changes_a_document_read_again_is_not_new(store: Store) -> None:
    _run(store, analysis_a())
    newer = tuple((s, v + ".2") if s == "relations" else (s, v) for s, v in STAGES)
    second = _run(store, replace(analysis_a(), stages=newer))
    ch = store.changes(run=second)
    assert ch.new_relations == () and ch.new_actors == () and ch.most_changed == ()
    run = store.run(second)
    assert (run.documents_added, run.documents_updated, run.relations_added) == (0, 1, 0)
    assert rows(store, "SELECT COUNT(*) FROM relations WHERE run_id IS NULL") == [(0,)]


def test_changes_saves_outside_a_run_count_as_older(store: Store) -> None:
    store.save(analysis_a())
    run = _run(store, analysis_c())
    ch = store.changes(run=run)
    assert ch.new_relations == () and len(ch.corroborated) == 1
    assert [a.name for a in ch.new_actors] == []


def test_changes_errors_name_the_way_out(store: Store) -> None:
    with pytest.raises(NotFoundError, match="no ingest run is recorded"):
        store.changes()
    run = _run(store, analysis_a())
    with pytest.raises(NotFoundError, match=f"no ingest run {run + 1}"):
        store.changes(run=run + 1)
    with pytest.raises(ValueError, match="not both"):
        store.changes(run=run, since="2016")
    store.begin_run(command="test", inputs=[])
    with pytest.raises(StoreError, match="still open"):
        store.begin_run(command="test", inputs=[])


def test_changes_an_interrupted_run_is_recorded_with_what_it_stored(store: Store) -> None:
    @recorded("ingest")
    def stopped(paths: list[Path], sink: Store) -> None:
        sink.save(analysis_a())
        raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        stopped([Path("a.txt")], store)
    (run,), total = store.runs()
    assert total == 1
    assert (run.status, run.command, run.inputs) == ("interrupted", "ingest", ("a.txt",))
    assert (run.documents_added, run.relations_added, run.events_added) == (1, 1, 1)
    assert store.changes(run=run.id).new_relations[0].relation.subject == "Samir Haddad"


def test_changes_read_in_chunks_are_the_same(store: Store, monkeypatch: pytest.MonkeyPatch) -> None:
    from actorgraph.store import changes

    _run(store, analysis_a())
    second = _run(store, analysis_b(), analysis_c(), analysis_d())
    whole = store.changes(run=second)
    monkeypatch.setattr(changes, "_CHUNK", 1)  # one actor per statement
    assert store.changes(run=second) == whole
    assert len(whole.corroborated) == len(whole.contradictions) == 1


def test_changes_a_run_reads_its_paths_once(store: Store) -> None:
    seen: list[list[Path]] = []

    @recorded("load")
    def load(paths: list[Path], sink: Store, *, out: Path | None = None) -> Any:
        seen.append(list(paths))
        sink.save(analysis_a())
        return type("Report", (), {"unchanged": 2, "failed": 1, "run_id": None})()

    report = load(iter([Path("a.parquet"), Path("b.parquet")]), store)
    assert seen == [[Path("a.parquet"), Path("b.parquet")]] and report.run_id == 1
    (run,), _ = store.runs()
    assert (run.command, run.inputs) == ("load", ("a.parquet", "b.parquet"))
    assert (run.documents_added, run.documents_unchanged, run.documents_failed) == (1, 2, 1)
    load([Path("shards")], store, out=Path("shards"))  # writes shards: no run
    assert store.runs()[1] == 1
