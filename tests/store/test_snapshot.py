"""store.snapshot: equal for stores holding the same graph, and says where two differ."""

from __future__ import annotations

from pathlib import Path

from store_engines import foreign_keys_off
from store_samples import other, seed

from actorgraph.store import Store, open_store
from actorgraph.store.snapshot import snapshot


def _sqlite(tmp_path: Path, name: str, *, both: bool = True) -> Store:
    store = open_store(tmp_path / name)
    store.save(seed())
    if both:
        store.save(other())
    return store


def test_snapshot_equal_across_engines_and_save_times(store: Store, tmp_path: Path) -> None:
    store.save(seed())
    store.save(other())
    with _sqlite(tmp_path, "a.db") as a:
        a._db.execute("UPDATE documents SET added_at = '2001-01-01', updated_at = '2001-01-01'")
        a._db.execute("UPDATE stage_runs SET run_at = '2001-01-01'")
        expected = snapshot(a)
    found = snapshot(store)
    assert found == expected and expected.diff(found) == []
    counts = found.counts()
    assert (counts["documents"], counts["actors"], counts["relations"]) == (2, 7, 2)
    assert counts["corroboration"] == 2


def test_snapshot_diff_names_a_missing_document(tmp_path: Path) -> None:
    with _sqlite(tmp_path, "a.db") as a, _sqlite(tmp_path, "b.db", both=False) as b:
        lines = snapshot(a).diff(snapshot(b))
    assert "documents: 1 rows missing, 0 extra (2 expected, 1 found)" in lines
    assert any(line.startswith("  - ('" + other().document.id) for line in lines)


def test_snapshot_diff_counts_a_duplicated_fact(tmp_path: Path) -> None:
    with _sqlite(tmp_path, "a.db") as a, _sqlite(tmp_path, "b.db") as b:
        b._db.execute(
            "INSERT INTO relations SELECT 'copy', document_id, start_char, end_char, "
            "subject_local_id, subject_actor_id, predicate, object_local_id, "
            "object_actor_id, role, mode, valid_start, valid_end, modality, "
            "attributed_local_id, attributed_actor_id, confidence, stage, published_key, run_id "
            "FROM relations WHERE predicate = 'leader_of' ORDER BY id LIMIT 1"
        )
        b._db.execute(
            "INSERT INTO evidence SELECT 'copy', document_id, start_char, end_char, stage, "
            "confidence, NULL, 'copy', NULL FROM evidence WHERE relation_id = "
            "(SELECT MIN(id) FROM relations WHERE id <> 'copy')"
        )
        found = snapshot(b)
        lines = snapshot(a).diff(found)
    assert "relations: 0 rows missing, 1 extra (2 expected, 3 found)" in lines
    assert sorted(found.sections["relations"].values()) == [1, 2]  # the same fact twice


def test_snapshot_diff_sees_an_entity_on_another_actor(tmp_path: Path) -> None:
    with _sqlite(tmp_path, "a.db") as a, _sqlite(tmp_path, "b.db") as b:
        (khazali, _), *_ = b.find_actors("Qais al-Khazali")
        b.split_actor(khazali.id, document=other().document.id)
        lines = snapshot(a).diff(snapshot(b))
    changed = {line.split(":")[0] for line in lines if not line.startswith(" ")}
    assert {"actors", "entities", "mentions", "quotes"} <= changed


def test_snapshot_diff_sees_an_orphan_row(tmp_path: Path) -> None:
    with _sqlite(tmp_path, "a.db") as a, _sqlite(tmp_path, "b.db") as b:
        with foreign_keys_off(b):
            b._db.execute("DELETE FROM entities WHERE local_id = 'E6'")
        lines = snapshot(a).diff(snapshot(b))
    assert any(line.startswith("table rows: 1 rows missing, 1 extra") for line in lines)
    assert any(line.startswith("entities: 1 rows missing") for line in lines)
