"""The exports of the demo store (`make demo`: examples/ ingested by the real pipeline)."""

from __future__ import annotations

import csv
import io
import json
from collections import Counter
from pathlib import Path

import networkx as nx
import pytest
import stix2  # type: ignore[import-untyped]
from click.testing import CliRunner

from actorgraph.cli.main import cli

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"
TYPED = {"targets", "located-at", "attributed-to", "authored-by"}


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Path:
    db = tmp_path_factory.mktemp("demo") / "demo.db"
    result = CliRunner().invoke(
        cli, ["--db", str(db), "ingest", "-q", "--workers", "1", str(EXAMPLES)]
    )
    assert result.exit_code == 0, result.stderr
    return db


def _export(db: Path, *args: str) -> str:
    result = CliRunner().invoke(cli, ["--db", str(db), "export", *args], catch_exceptions=False)
    assert result.exit_code == 0, result.stderr
    return str(result.stdout)


def test_demo_every_acled_row_has_a_type_and_a_date(demo: Path) -> None:
    rows = list(csv.DictReader(io.StringIO(_export(demo, "acled-csv"))))
    assert rows
    for row in rows:
        assert row["event_type"] and row["sub_event_type"], row
        assert row["country"], row  # from the place, the participants or the document
        if not row["event_date"]:  # only when neither the text nor the document dates it
            assert row["time_precision"] == "0" and not row["published"], row
        else:
            assert row["time_precision"] in ("1", "2", "3") and row["year"] == row["event_date"][:4]
        assert row["actor1"] or "no actor named" in row["coding_notes"], row
    assert any(r["time_precision"] == "1" for r in rows)


def test_demo_graphs_open_in_networkx_with_events_as_edges(demo: Path, tmp_path: Path) -> None:
    for fmt, read in (
        ("graphml", lambda p: nx.read_graphml(p, force_multigraph=True)),
        ("gexf", nx.read_gexf),
    ):
        path = tmp_path / f"demo.{fmt}"
        _export(demo, fmt, "--with-events", "--out", str(path))
        graph = read(path)
        kinds = Counter(d["kind"] for _, _, d in graph.edges(data=True))
        assert kinds["event"] > 0 and kinds["relation"] > 0, kinds
        assert not list(nx.isolates(graph))
        for _, _, d in graph.edges(data=True):
            assert d["claim_status"] and d["evidence"]


def test_demo_stix_bundle_validates_with_threat_actors_events_and_typed_links(demo: Path) -> None:
    bundle = stix2.parse(_export(demo, "stix"), allow_custom=True)
    types = Counter(o.type for o in bundle.objects)
    assert types["threat-actor"] > 0
    events = [
        o for o in bundle.objects if o.get("x_actorgraph_event_id") and o.type != "relationship"
    ]
    assert {o.type for o in events} <= {"sighting", "report"} and types["sighting"] > 0
    listed = CliRunner().invoke(cli, ["--db", str(demo), "events", "--format", "json"])
    assert len(events) == json.loads(listed.stdout)["total"]  # every event goes out
    assert types["note"] > 0  # the quotes
    links = Counter(o.relationship_type for o in bundle.objects if o.type == "relationship")
    assert set(links) & TYPED, links
    assert links["related-to"] < sum(links.values())
    for sighting in (o for o in bundle.objects if o.type == "sighting"):
        assert sighting.description and sighting.x_actorgraph_evidence
