"""The listings for scripts: every --format parses, and the filters on three documents."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from actorgraph.cli.main import cli
from listing_samples import analysis_a, analysis_b, analysis_c, build

LISTINGS = ("actors", "relations", "events", "quotes", "documents")
A, B, C = (x().document.id for x in (analysis_a, analysis_b, analysis_c))


@pytest.fixture
def db(tmp_path: Path) -> Path:
    return build(tmp_path / "three.db")


def _run(db: Path, *args: str) -> Any:
    result = CliRunner().invoke(cli, ["--db", str(db), *args], catch_exceptions=False)
    assert result.exit_code == 0, result.stderr
    return result


def _json(db: Path, *args: str) -> dict[str, Any]:
    data: dict[str, Any] = json.loads(_run(db, *args, "--format", "json").stdout)
    return data


def _items(db: Path, listing: str, *args: str) -> list[dict[str, Any]]:
    found: list[dict[str, Any]] = _json(db, listing, *args)["items"]
    return found


@pytest.mark.parametrize("listing", LISTINGS)
def test_listings_every_format_round_trips(db: Path, listing: str) -> None:
    data = _json(db, listing)
    assert (data["schema"], data["kind"]) == ("actorgraph.listing/1", listing)
    assert data["total"] == data["shown"] == len(data["items"]) > 0
    lines = _run(db, listing, "--format", "jsonl").stdout.splitlines()
    assert [json.loads(line) for line in lines] == data["items"]
    rows = list(csv.DictReader(io.StringIO(_run(db, listing, "--format", "csv").stdout)))
    assert [r["id"] for r in rows] == [x["id"] for x in data["items"]]
    table = _run(db, listing).stdout  # the default: for a person
    assert table.strip() and not table.startswith("{")


def test_listings_items_carry_ids_confidence_claim_status_and_evidence(db: Path) -> None:
    (attack,) = _items(db, "events", "--modality", "reported")
    assert attack["actors"] == [
        {"id": attack["actors"][0]["id"], "name": "Northern Brigade", "type": "ORG"}
    ]
    assert attack["targets"][0]["name"] == "army"
    assert attack["locations"][0] | {"id": ""} == {
        "id": "",
        "name": "Tel Hamra",
        "type": "GPE",
        "country": "SY",
        "admin1": "Aleppo",
    }
    assert (attack["confidence"], attack["attributed_to"]["name"]) == (0.8, "police")
    assert attack["date"] == {
        "text": "3 May 2016",
        "value": "2016-05-03",
        "start": "2016-05-03",
        "end": "2016-05-03",
    }
    killed = attack["casualties"]["killed"]
    assert (killed["value"], killed["attributed_to"]["name"]) == (12, "police")
    assert killed["others"][0]["value"] == 9
    text = analysis_a().document.text
    for span in attack["evidence"]:
        assert text[span["start"] : span["end"]] == span["text"]
    assert attack["document"]["label"] == "Attack on Tel Hamra (North Wire, 2016-05-04)"
    (alleged,) = _items(db, "relations", "--modality", "alleged")
    assert (alleged["predicate"], alleged["modality"], alleged["confidence"]) == (
        "operates_in",
        "alleged",
        0.5,
    )
    assert alleged["evidence"][0]["text"] == "It is said to operate in Kessa."
    (quote,) = _items(db, "quotes")
    assert (quote["speaker"]["name"], quote["confidence"]) == ("Samir Haddad", 0.9)


def test_listings_filters_on_several_documents(db: Path) -> None:
    def ids(listing: str, *args: str) -> list[str]:
        return [x["id"] for x in _items(db, listing, *args)]

    def names(listing: str, *args: str) -> list[str]:
        return sorted(x.get("type") or x.get("predicate") for x in _items(db, listing, *args))

    assert names("events") == ["ASSAULT", "ASSAULT", "COERCE", "PROTEST"]
    assert names("events", "--min-confidence", "0.5") == ["ASSAULT", "PROTEST"]
    assert names("events", "--since", "2016-06") == ["PROTEST"]
    assert names("events", "--until", "May 2016") == ["ASSAULT"]
    assert names("events", "--country", "Lebanon") == ["PROTEST"]
    assert names("events", "--country", "SY", "--modality", "reported") == ["ASSAULT"]
    assert names("events", "--place", "Kessa") == ["PROTEST"]
    assert names("events", "--document", C[:8]) == ["COERCE"]
    assert names("events", "--actor", "Southern Front") == ["ASSAULT"]
    assert names("relations") == ["leader_of", "leader_of", "operates_in"]
    assert names("relations", "--min-confidence", "0.7") == ["leader_of"]
    assert names("relations", "--since", "2016-06-01") == ["operates_in"]  # published
    assert names("relations", "--document", A[:6], "--document", C[:6]) == [
        "leader_of",
        "leader_of",
    ]
    assert names("relations", "Samir Haddad", "--modality", "asserted") == [
        "leader_of",
        "leader_of",
    ]
    assert len(ids("quotes", "--since", "2016-06")) == 0
    assert len(ids("quotes", "--document", A[:10])) == 1
    assert [d["id"] for d in _items(db, "documents", "--since", "2016")] == [B, A]  # newest first
    assert [d["id"] for d in _items(db, "documents")][-1] == C  # undated last
    brigade = {a["name"]: a for a in _items(db, "actors")}["Northern Brigade"]
    assert (brigade["mentions"], brigade["documents"]) == (2, 2)
    narrowed = {a["name"]: a for a in _items(db, "actors", "--document", C[:8])}
    assert set(narrowed) == {"Northern Brigade", "Samir Haddad"}
    assert narrowed["Northern Brigade"]["documents"] == 1


def test_listings_limit_says_how_much_is_left(db: Path) -> None:
    table = _run(db, "events", "--limit", "2")
    assert table.stdout.strip().endswith("2 of 4 shown; raise --limit to see more")
    data = _run(db, "events", "--limit", "2", "--format", "json")
    assert (json.loads(data.stdout)["total"], json.loads(data.stdout)["shown"]) == (4, 2)
    assert "2 of 4 shown" in data.stderr
    whole = _run(db, "events", "--limit", "4")
    assert "shown" not in whole.stdout


def test_listings_tables_show_titles_never_a_bare_hash(db: Path) -> None:
    events = _run(db, "events").stdout
    assert "— Journalists held (undated)" in events
    assert "— Attack on Tel Hamra (North Wire, 2016-05-04)" in events
    assert "[reported by police, 0.80]  (killed at least 12 per police; killed 9 per army)" in (
        events
    )
    documents = _run(db, "documents").stdout
    assert "Denial and protests (South Post, 2016-06-10)" in documents
    for output in (events, documents, _run(db, "relations").stdout, _run(db, "quotes").stdout):
        assert C not in output and f"{C[:12]} (" not in output


def test_listings_show_and_summary_as_json(db: Path) -> None:
    profile = _json(db, "show", "Samir Haddad")
    assert profile["schema"] == "actorgraph.profile/1"
    assert profile["actor"]["name"] == "Samir Haddad"
    assert [r["predicate"] for r in profile["relations"]] == ["leader_of", "leader_of"]
    assert {d["document"]["id"] for d in profile["documents"]} == {A, C}
    assert profile["quotes"][0]["text"] == "We will hold the line."
    rows = list(csv.DictReader(io.StringIO(_run(db, "show", "Haddad", "--format", "csv").stdout)))
    assert {r["section"] for r in rows} == {"documents", "relations", "quotes"}
    summary = _json(db, "summary")
    assert (summary["schema"], summary["documents"], summary["events"]) == (
        "actorgraph.summary/1",
        3,
        4,
    )
    line = _run(db, "summary", "--format", "jsonl").stdout
    assert json.loads(line)["relations"] == 3 and len(line.splitlines()) == 1
    table = _run(db, "summary").stdout
    assert "arrives with" not in table


def test_listings_help_names_the_environment_variable() -> None:
    result = CliRunner().invoke(cli, ["--help"])
    assert "ACTORGRAPH_DB" in result.stdout and "Exit codes" in result.stdout
