"""Store.check (``actorgraph check``): each kind of damage to a store is reported."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner
from store_engines import foreign_keys_off
from store_samples import STAGES, other, seed

from actorgraph.cli.main import cli
from actorgraph.store import Store, open_store

SEED = seed().document.id
OTHER = other().document.id

# (damage, statements run with foreign keys off, the start of the line it must produce)
DAMAGE: tuple[tuple[str, tuple[str, ...], str], ...] = (
    (
        "mention without its entity",
        ("DELETE FROM entities WHERE local_id = 'E6' AND document_id = '" + SEED + "'",),
        "mentions row",
    ),
    ("fact naming a deleted actor", ("DELETE FROM actors WHERE name = 'Hadi al-Amiri'",), ""),
    (
        "mention outside its document",
        ("UPDATE mentions SET end_char = 100000 WHERE local_id = 'E3'",),
        "mentions 'E3' in document",
    ),
    ("quote text not the slice", ("UPDATE quotes SET start_char = start_char + 1",), "quotes '"),
    (
        "quote speaker text not the slice",
        ("UPDATE quotes SET speaker_text = 'Amiri' WHERE document_id = '" + SEED + "'",),
        "quotes '",
    ),
    ("quote cue outside the text", ("UPDATE quotes SET cue_end = 100000",), "quotes '"),
    ("relation without evidence", ("DELETE FROM evidence WHERE relation_id IS NOT NULL",), ""),
    (
        "evidence in another document",
        ("UPDATE evidence SET document_id = '" + OTHER + "' WHERE event_id IS NOT NULL",),
        "evidence ",
    ),
    (
        "event participant in another document",
        ("UPDATE event_actors SET document_id = '" + OTHER + "'",),
        "event_actors ",
    ),
    (
        "mention copying another actor",
        (
            "UPDATE mentions SET actor_id = (SELECT id FROM actors WHERE name = 'Basra') "
            "WHERE local_id = 'E3' AND document_id = '" + SEED + "'",
        ),
        "mentions.actor_id: 1 rows whose actor is not their entity's",
    ),
    (
        "quote speaker actor without its entity",
        ("UPDATE quotes SET speaker_local_id = NULL WHERE document_id = '" + SEED + "'",),
        "quotes.speaker_actor_id: 1 rows",
    ),
    (
        "relation subject copying another actor",
        ("UPDATE relations SET subject_actor_id = (SELECT id FROM actors WHERE name = 'Basra')",),
        "relations.subject_actor_id: 2 rows",
    ),
    ("entity without mentions", ("DELETE FROM mentions WHERE local_id = 'E3'",), "entities: 1"),
    (
        "actor no entity names",
        ("INSERT INTO actors (id, name, type, name_norm) VALUES ('lost', 'Lost', 'ORG', 'lost')",),
        "actors lost: no entity names it",
    ),
    (
        "document without stage runs",
        ("DELETE FROM stage_runs WHERE document_id = '" + OTHER + "'",),
        "documents " + OTHER + ": no stage runs",
    ),
    (
        "facts of a stage never run",
        ("DELETE FROM stage_runs WHERE stage = 'events'",),
        "events of document " + SEED[:12],
    ),
    (
        "stale sort key",
        ("UPDATE relations SET published_key = '1999'",),
        "relations: 2 rows whose published_key",
    ),
)
# Damage whose line is recognised by a word rather than by its start.
EXPECTED_WORDS = {
    "fact naming a deleted actor": "foreign key to actors",
    "relation without evidence": "no evidence row",
    "quote text not the slice": "differs from the document's",
    "quote speaker text not the slice": "speaker in document",
    "quote cue outside the text": "cue in document",
    "evidence in another document": "in another document than its events",
    "event participant in another document": "in another document than its event",
}


def _saved(store: Store) -> Store:
    store.save(seed())
    store.save(other())
    assert store.check() == []
    return store


@pytest.mark.parametrize(("what", "statements", "start"), DAMAGE, ids=[d[0] for d in DAMAGE])
def test_checks_report_each_damage(
    store: Store, what: str, statements: tuple[str, ...], start: str
) -> None:
    _saved(store)
    with foreign_keys_off(store):
        for sql in statements:
            store._db.execute(sql)
    problems = store.check()
    word = EXPECTED_WORDS.get(what, "")
    found = [p for p in problems if p.startswith(start) and word in p]
    assert found, f"{what}: not among {problems}"


def test_checks_pass_after_merge_split_and_alias(store: Store) -> None:
    _saved(store)
    (khazali, _), *_ = store.find_actors("Qais al-Khazali")
    (amiri, _), *_ = store.find_actors("Hadi al-Amiri")
    store.split_actor(khazali.id, document=OTHER)
    assert store.check() == []
    store.merge_actors(khazali.id, amiri.id)
    store.add_alias(khazali.id, "Abu Ali")
    assert store.check() == []
    newer = tuple((s, f"{v}.1" if s == "entities" else v) for s, v in STAGES)
    assert store.save(seed(stages=newer)) == "updated"  # re-resolved under the decisions
    assert store.check() == []


def test_checks_cli_lists_problems_and_fails(tmp_path: Path) -> None:
    db = tmp_path / "s.db"
    with open_store(db) as store:
        _saved(store)
        store._db.execute("DELETE FROM stage_runs WHERE document_id = ?", (OTHER,))
    result = CliRunner().invoke(cli, ["--db", str(db), "check"], catch_exceptions=False)
    assert result.exit_code == 1
    assert f"problem: documents {OTHER}: no stage runs" in result.stdout
    assert result.stdout.rstrip().endswith("problems") and "0 problems" not in result.stdout
