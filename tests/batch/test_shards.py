"""Parquet shards: the codec loses nothing, shards load into the store a direct ingest makes."""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from actorgraph.batch._codec import (
    analysis_from_bytes,
    analysis_from_dict,
    analysis_from_json,
    analysis_to_bytes,
    analysis_to_dict,
    analysis_to_json,
)
from actorgraph.batch._worker import analysed
from actorgraph.batch.local import ingest as local_ingest
from actorgraph.batch.shards import (
    count_rows,
    load_shards,
    read_shard,
    shard_name,
    shard_paths,
    write_shard,
)
from actorgraph.cli.load import load
from actorgraph.errors import InputError
from actorgraph.ingest import Failure, iter_documents
from actorgraph.model import (
    Analysis,
    DateRef,
    Document,
    Entity,
    Event,
    Evidence,
    Interval,
    Mention,
    Place,
    Quote,
    Relation,
)
from actorgraph.settings import Settings
from actorgraph.store import open_store

TEXTS = (
    "General Omar Tahir of the Eastern Army said on Tuesday that his troops had reached Kirkuk. "
    '"We are ready," Tahir said. The Eastern Army is backed by Iran, according to Amnesty '
    "International, which criticised the operation last June.\n",
    "Leila Haddad, the founder of the Free Women's Union, met the mayor of Mosul in Baghdad "
    "on 4 February 2015. Haddad told reporters that the militia had attacked the village.\n",
    "Karim Aziz, commander of the Basra Brigade, denied that his men fought alongside the "
    'Iraqi army. "We never did," he said in Erbil.\n',
)


def _corpus(folder: Path) -> Path:
    folder.mkdir()
    for i, text in enumerate(TEXTS):
        (folder / f"doc{i}.txt").write_text(text, encoding="utf-8")
        (folder / f"doc{i}.meta.json").write_text('{"published": "2015-02-05"}')
    return folder


def _analyses(corpus: Path, nlp: Any) -> list[Analysis]:
    """Analyse the corpus as ``batch.local`` does: documents as read, in batches."""
    documents = [d for d in iter_documents([corpus]) if isinstance(d, Document)]
    failures: list[Failure] = []
    found = list(analysed(documents, nlp, failures, 8))
    assert not failures
    return found


def _dump(db: Path) -> dict[str, set[tuple[Any, ...]]]:
    """Every row of every table, without timestamps, insertion sequence numbers and the
    log of the runs that wrote them (an ingest and a load of its shards are two commands)."""
    with sqlite3.connect(db) as conn:
        tables = [
            name
            for (name,) in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")
            if not name.startswith("sqlite_") and name not in ("schema_migrations", "ingest_runs")
        ]
        dump = {}
        for table in tables:
            columns = [
                name
                for _, name, *_ in conn.execute(f'PRAGMA table_info("{table}")')
                if not name.endswith(("_at", "seq"))
            ]
            select = ", ".join(f'"{c}"' for c in columns)
            dump[table] = set(conn.execute(f'SELECT {select} FROM "{table}"'))
    return dump


AWKWARD = 'Gen. Tahir \ud83d\ude00 said "go" in Kirkuk\ud800 on 4 May.'  # a split pair, a lone half
PLAIN = 'Gen. Tahir \u00e9\u00e9 said "go" in Kirkuk\u0645 on 4 May.'


def _handmade(text: str = PLAIN) -> Analysis:
    """An analysis with every field set away from its default."""
    doc = Document.from_text(
        text, title="T", published="2015-05-05", publisher="P", author="A", url="u", source="s:1"
    )
    ev = Evidence(doc.id, 0, 10, "quotes.v1", 0.25)
    date = DateRef("4 May", 32, 37, "2015-05-04", "day", "2015-05-04", "2015-05-04", True, (ev,))
    return Analysis(
        document=doc,
        entities=(
            Entity("E1", "Tahir", "PERSON", (Mention(5, 10, "Tahir", "PERSON"),), ("Gen. Tahir",)),
            Entity(
                "E2",
                "Kirkuk",
                "GPE",
                (Mention(24, 30, "Kirkuk", "GPE"),),
                kind="city",
                place=Place(35.5, 44.4, "IQ", "Kirkuk", "city", "geonames:1", "Kirkuk"),
                confidence=0.5,
                stage="places.v2",
            ),
        ),
        quotes=(
            Quote("direct", "go", 17, 21, "E1", (5, 10), "Tahir", "said", (12, 16), 0.75, (ev,)),
        ),
        dates=(date,),
        relations=(
            Relation(
                "E1",
                "located_in",
                "E2",
                (ev, ev),
                "commander",
                ("armed",),
                Interval("2015", None),
                "reported",
                "E1",
                1,
            ),
        ),
        events=(Event("ATTACK", (ev,), ("E1",), ("E2",), ("E2",), "armed", date, "alleged"),),
        stages=(("entities", "entities.v3"), ("model", "en_core_web_md-3.8.0")),
        notes=("a note",),
    )


def test_shards_codec_round_trips_every_field() -> None:
    original = _handmade(AWKWARD)
    assert analysis_from_dict(analysis_to_dict(original)) == original
    assert analysis_from_json(analysis_to_json(original)) == original
    back = analysis_from_bytes(analysis_to_bytes(original))
    assert back == original
    assert back.document.text == original.document.text  # the surrogate pair stays two
    assert back.quotes[0].cue_span == (12, 16) and isinstance(back.quotes[0].cue_span, tuple)
    assert back.stages == original.stages and isinstance(back.stages[0], tuple)


def test_shards_codec_round_trips_real_analyses(nlp: Any, tmp_path: Path) -> None:
    analyses = _analyses(_corpus(tmp_path / "corpus"), nlp)
    assert sum(len(a.quotes) for a in analyses) > 0
    assert any(e.place is not None for a in analyses for e in a.entities)
    for analysis in analyses:
        assert analysis_from_json(analysis_to_json(analysis)) == analysis


def test_shards_codec_refuses_what_it_cannot_read() -> None:
    data = analysis_to_dict(_handmade())
    with pytest.raises(ValueError, match=r"unknown fields \['colour'\]"):
        analysis_from_dict({**data, "colour": "red"})
    data["entities"][0]["mentions"][0]["start"] = "5"
    with pytest.raises(ValueError, match=r"analysis\.entities\[0\]\.mentions\[0\]\.start"):
        analysis_from_dict(data)
    with pytest.raises(ValueError, match="missing"):
        analysis_from_dict({"entities": []})


def test_shards_write_then_read_gives_the_analyses(tmp_path: Path) -> None:
    analyses = [_handmade(AWKWARD), _handmade()]
    path = write_shard(tmp_path / "shards", analyses)
    assert path.name == shard_name([a.document.id for a in analyses])
    assert list(read_shard(path)) == analyses
    assert write_shard(tmp_path / "shards", analyses) == path  # same partition: replaced
    assert [p.name for p in (tmp_path / "shards").iterdir()] == [path.name]  # no .part left
    assert count_rows([path]) == 2


def test_shards_load_gives_the_store_of_a_direct_ingest(nlp: Any, tmp_path: Path) -> None:
    corpus = _corpus(tmp_path / "corpus")
    analyses = _analyses(corpus, nlp)
    shards = [
        write_shard(tmp_path / "shards", analyses[:2]),
        write_shard(tmp_path / "shards", analyses[2:]),
    ]
    with open_store(tmp_path / "direct.db") as store:
        direct = local_ingest([corpus], store, nlp=nlp)
    with open_store(tmp_path / "loaded.db") as store:
        loaded = load_shards(shard_paths(tmp_path / "shards"), store)
    assert direct.line() == loaded.line() == "documents: 3 added, 0 unchanged, 0 updated, 0 failed"
    assert sorted(shards) == shard_paths(tmp_path / "shards")
    assert _dump(tmp_path / "loaded.db") == _dump(tmp_path / "direct.db")
    with open_store(tmp_path / "loaded.db") as store:
        again = load_shards(shard_paths(tmp_path / "shards"), store)
    assert again.line() == "documents: 0 added, 3 unchanged, 0 updated, 0 failed"


def test_shards_load_reports_a_damaged_shard_and_loads_the_rest(tmp_path: Path) -> None:
    good = write_shard(tmp_path / "shards", [_handmade()])
    bad = tmp_path / "shards" / "part-0.parquet"
    bad.write_bytes(b"not parquet")
    with open_store(tmp_path / "s.db") as store:
        report = load_shards(shard_paths(tmp_path / "shards"), store)
    assert (report.added, report.failed) == (1, 1)
    assert report.failures[0].source == str(bad)
    assert shard_paths(tmp_path / "shards") == [bad, good]


def test_shards_load_command_is_idempotent(tmp_path: Path) -> None:
    write_shard(tmp_path / "shards", [_handmade()])
    settings = Settings(db=str(tmp_path / "s.db"))
    runner = CliRunner()
    first = runner.invoke(load, [str(tmp_path / "shards")], obj=settings)
    assert first.exit_code == 0, first.output
    assert first.output == "documents: 1 added, 0 unchanged, 0 updated, 0 failed (from 1 shard)\n"
    second = runner.invoke(load, [str(tmp_path / "shards")], obj=settings)
    assert "0 added, 1 unchanged" in second.output
    with pytest.raises(InputError, match=r"no \.parquet shards"):
        shard_paths(tmp_path)
