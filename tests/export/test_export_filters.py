"""Exports on a store of three documents: the listings' filters, ACLED rows per place,
fatalities from the casualty counts, and dates for undated events."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from actorgraph.export import csv_acled, jsonl, plover
from actorgraph.store import Store, open_store
from listing_samples import analysis_a, analysis_c, build


@pytest.fixture
def three(tmp_path: Path) -> Iterator[Store]:
    with open_store(build(tmp_path / "three.db")) as store:
        yield store


def _acled(store: Store, **filters: Any) -> list[dict[str, str]]:
    out = io.StringIO()
    assert csv_acled.write(store, out, **filters) == len(out.getvalue().splitlines()) - 1
    return list(csv.DictReader(io.StringIO(out.getvalue())))


def _plover(store: Store, **filters: Any) -> list[dict[str, Any]]:
    out = io.StringIO()
    plover.write(store, out, **filters)
    return [json.loads(line) for line in out.getvalue().splitlines()]


def test_export_acled_one_row_per_place_with_country_names(three: Store) -> None:
    rows = {r["event_id"]: r for r in _acled(three)}
    protest = [r for r in rows.values() if r["plover_type"] == "PROTEST"]
    assert sorted((r["location"], r["country"], r["admin1"]) for r in protest) == [
        ("Douma", "Syria", "Rif Dimashq"),
        ("Kessa", "Lebanon", "Beqaa"),
    ]
    assert {r["event_id"][-2:] for r in protest} == {"-1", "-2"}
    assert len({r["actorgraph_event_id"] for r in protest}) == 1
    assert all(
        (r["event_type"], r["sub_event_type"]) == ("Protests", "Peaceful protest") for r in protest
    )
    for r in rows.values():
        assert r["event_type"] and r["sub_event_type"], r


def test_export_acled_fatalities_are_the_first_sources_killed_count(three: Store) -> None:
    (attack,) = [r for r in _acled(three) if r["claim_status"] == "reported"]
    assert attack["fatalities"] == "12"
    assert attack["casualties"] == (
        "killed: at least 12 (reported by police); killed: 9 (reported by army)"
    )
    assert (attack["actor1"], attack["actor2"]) == ("Northern Brigade", "army")
    assert (attack["event_type"], attack["sub_event_type"]) == ("Battles", "Armed clash")
    (record,) = [r for r in _plover(three) if r["claim_status"] == "reported"]
    killed = record["casualties"]["killed"]
    assert (killed["value"], killed["qualifier"], killed["attributed_to"]["name"]) == (
        12,
        "at least",
        "police",
    )
    assert killed["evidence"][0]["text"] == "at least 12 soldiers"
    assert [o["value"] for o in killed["others"]] == [9]


def test_export_acled_dates_of_undated_events(three: Store) -> None:
    rows = _acled(three)
    denied = next(r for r in rows if r["claim_status"] == "denied")
    assert (denied["event_date"], denied["time_precision"], denied["date_start"]) == (
        "2016-06-10",  # its document's publication: the latest it can be
        "3",
        "",
    )
    assert "no date in the text: the publication date" in denied["coding_notes"]
    arrest = next(r for r in rows if r["plover_type"] == "COERCE")
    assert (arrest["event_date"], arrest["time_precision"]) == ("", "0")
    assert "no date in the text or its document" in arrest["coding_notes"]
    assert (arrest["event_type"], arrest["sub_event_type"]) == ("Strategic developments", "Arrests")
    assert "no place named" in arrest["coding_notes"] and arrest["country"] == ""
    assert "no target named" in arrest["coding_notes"]


def test_export_filters_match_the_listings(three: Store) -> None:
    def types(**filters: Any) -> list[str]:
        return sorted(r["event_type"] for r in _plover(three, **filters))

    assert types() == ["ASSAULT", "ASSAULT", "COERCE", "PROTEST"]
    assert types(min_confidence=0.5) == ["ASSAULT", "PROTEST"]
    assert types(modalities=["denied", "reported"]) == ["ASSAULT", "ASSAULT"]
    assert types(countries=["Syria"]) == ["ASSAULT", "PROTEST"]
    assert types(countries=["LB"]) == ["PROTEST"]
    assert types(place="Douma") == ["PROTEST"]
    assert types(place="Aleppo") == ["ASSAULT"]  # a region matches its places
    assert types(documents=[analysis_c().document.id[:8]]) == ["COERCE"]
    assert types(since="2016-06") == ["PROTEST"]  # the event's own date; undated left out
    assert types(actor="Northern Brigade") == ["ASSAULT", "COERCE"]
    facts = io.StringIO()
    jsonl.write(three, facts, since="2016-05", until="2016-05")
    lines = [json.loads(line) for line in facts.getvalue().splitlines()]
    # Relations and quotes by their document's publication date (A: 2016-05-04).
    assert {(x["type"], x["document"]["id"]) for x in lines} == {
        ("relation", analysis_a().document.id),
        ("event", analysis_a().document.id),
        ("quote", analysis_a().document.id),
    }
    with pytest.raises(ValueError, match="not a country"):
        _plover(three, countries=["Narnia"])
