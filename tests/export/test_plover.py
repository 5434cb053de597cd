"""PLOVER-style JSON Lines: one record per event with actors, recipients, place, claim."""

from __future__ import annotations

import io
import json
from typing import Any

from export_samples import HOSTILE, TEXT_B

from actorgraph.export import plover
from actorgraph.store import Store


def _records(store: Store, **filters: str) -> list[dict[str, Any]]:
    out = io.StringIO()
    count = plover.write(store, out, **filters)
    lines = out.getvalue().splitlines()
    assert count == len(lines)
    return [json.loads(line) for line in lines]


def test_plover_records_parse_as_json_lines(sample_store: Store) -> None:
    june, march = _records(sample_store)
    assert june["schema"] == "actorgraph.plover/1"
    assert (june["event_type"], june["mode"], june["context"]) == ("ASSAULT", None, [])
    assert [a["name"] for a in june["actors"]] == ["Asaib Ahl al-Haq"]
    assert [r["name"] for r in june["recipients"]] == ["Islamic State"]
    assert all(len(a["id"]) == 24 for a in june["actors"] + june["recipients"])
    assert (june["event_date"], june["date_precision"]) == ("2014-06", "month")
    assert (june["date_start"], june["date_end"]) == ("2014-06-01", "2014-06-30")
    assert june["location"] == june["locations"][0]
    assert june["location"]["name"] == "Mosul"
    assert (june["location"]["latitude"], june["location"]["longitude"]) == (36.335, 43.11889)
    assert june["location"]["country"] == "IQ"
    assert june["claim_status"] == "asserted"
    assert june["document"]["title"] == "Militias in Baghdad"
    assert march["actors"][0]["name"] == HOSTILE
    assert (march["claim_status"], march["date_precision"]) == ("reported", "day")
    span = march["evidence"][0]
    assert TEXT_B[span["start"] : span["end"]] == span["text"] == march["source_text"]


def test_plover_since_until_keep_overlapping_events(sample_store: Store) -> None:
    assert [r["event_date"] for r in _records(sample_store, since="2014-06-15")] == [
        "2014-06",
        "2015-03-01",
    ]
    assert [r["event_date"] for r in _records(sample_store, until="2015-02")] == ["2014-06"]
    assert [r["event_date"] for r in _records(sample_store, actor="Kirkuk")] == ["2015-03-01"]


def test_plover_output_is_deterministic(sample_store: Store) -> None:
    first, second = io.StringIO(), io.StringIO()
    plover.write(sample_store, first)
    plover.write(sample_store, second)
    assert first.getvalue() == second.getvalue()
