"""`actorgraph export` through click's runner, and every format on real pipeline output."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path
from typing import Any

import networkx as nx
import pytest
import stix2  # type: ignore[import-untyped]
from click.testing import CliRunner
from export_samples import HOSTILE, analysis_a, analysis_b

import actorgraph
from actorgraph.cli.export import export
from actorgraph.export import FORMATS, write
from actorgraph.model import text_id
from actorgraph.settings import Settings
from actorgraph.store import Store, open_store

ARTICLES = (
    (
        "Colonel Samir Haddad, the commander of the Northern Shield Brigades, said on Monday "
        'that his men had retaken the bridge. "We will hold this line," Haddad said. '
        "Last March, the brigades withdrew from the town of Tel Hamra.\n",
        "2016-05-10",
    ),
    (
        "Militants of the Islamic State attacked Iraqi army positions near Mosul on Tuesday, "
        "killing four soldiers, the Iraqi Defence Ministry said. Prime Minister Haidar al-Abadi, "
        "the leader of the Dawa Party, condemned the attack in Baghdad.\n",
        "2016-05-12",
    ),
)


def _run(db: Path, *args: str) -> Any:
    settings = Settings.from_env(db=str(db))
    return CliRunner().invoke(export, list(args), obj=settings, catch_exceptions=False)


@pytest.fixture
def db(tmp_path: Path) -> Path:
    path = tmp_path / "store.db"
    with open_store(path) as store:
        store.save(analysis_a())
        store.save(analysis_b())
    return path


def test_export_writes_to_stdout_and_file(db: Path, tmp_path: Path) -> None:
    result = _run(db, "acled-csv", "--since", "March 2015")
    assert result.exit_code == 0
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    assert [r["actor1"] for r in rows] == ["'" + HOSTILE]
    assert "exported 1 rows as acled-csv" in result.stderr
    out = tmp_path / "graph.gexf"
    result = _run(db, "gexf", "--out", str(out), "--actor", "Khazali")
    assert result.exit_code == 0
    assert nx.read_gexf(out).number_of_edges() == 1
    assert not out.with_name("graph.gexf.part").exists()


def test_export_refuses_graph_options_elsewhere_and_bad_dates(db: Path) -> None:
    result = CliRunner().invoke(export, ["stix", "--with-events"], obj=Settings(db=str(db)))
    assert result.exit_code == 2 and "options of graphml and gexf" in result.stderr
    result = CliRunner().invoke(export, ["jsonl", "--until", "someday"], obj=Settings(db=str(db)))
    assert result.exit_code == 2 and "is not a date" in result.stderr
    result = CliRunner().invoke(export, ["stix", "--since", "2015"], obj=Settings(db=str(db)))
    assert result.exit_code == 0  # every format takes the dates now


def _real_store(tmp_path: Path, nlp: Any) -> Store:
    store = open_store(tmp_path / "real.db")
    for text, published in ARTICLES:
        store.save(actorgraph.analyze(text, published=published, nlp=nlp))
    return store


def test_export_every_format_matches_the_store_on_real_analyses(tmp_path: Path, nlp: Any) -> None:
    with _real_store(tmp_path, nlp) as store:
        relations = store.relations(limit=10_000)
        events = store.events(limit=10_000)
        quotes = store.quotes(limit=10_000)
        assert relations and events and quotes  # else this test checks nothing
        outputs = {}
        for name in FORMATS:
            fp = io.StringIO()
            write(name, store, fp)
            again = io.StringIO()
            write(name, store, again)
            assert fp.getvalue() == again.getvalue(), name
            outputs[name] = fp.getvalue()
    acled = list(csv.DictReader(io.StringIO(outputs["acled-csv"])))
    assert {r["actorgraph_event_id"] for r in acled} == {e.id for e in events}
    assert len(acled) == sum(max(1, len(e.locations)) for e in events)  # a row per place
    plover = [json.loads(line) for line in outputs["plover-json"].splitlines()]
    assert sorted(r["id"] for r in plover) == sorted(e.id for e in events)
    facts = [json.loads(line) for line in outputs["jsonl"].splitlines()]
    assert len(facts) == len(relations) + len(events) + len(quotes)
    edges = {(r.subject_id, r.predicate, r.object_id) for r in relations}
    graph = nx.read_graphml(io.BytesIO(outputs["graphml"].encode()), force_multigraph=True)
    assert graph.number_of_edges() == len(edges)
    bundle = stix2.parse(outputs["stix"], allow_custom=True)
    reports = [o for o in bundle.get("objects", ()) if o.type == "report"]
    assert {r.x_actorgraph_document_id for r in reports} <= {text_id(text) for text, _ in ARTICLES}
