"""Facts as JSON Lines: relations, events and quotes, each with its evidence spans."""

from __future__ import annotations

import io
import json
from collections import Counter
from typing import Any

from export_samples import TEXT_A, TEXT_B

from actorgraph.export import jsonl
from actorgraph.store import Store

TEXTS = {"Militias in Baghdad": TEXT_A, "Shelling near Kirkuk": TEXT_B}


def _lines(store: Store, **filters: str) -> list[dict[str, Any]]:
    out = io.StringIO()
    count = jsonl.write(store, out, **filters)
    lines = [json.loads(line) for line in out.getvalue().splitlines()]
    assert count == len(lines)
    return lines


def test_jsonl_lines_carry_document_and_evidence(sample_store: Store) -> None:
    lines = _lines(sample_store)
    assert Counter(line["type"] for line in lines) == {"relation": 6, "event": 2, "quote": 1}
    for line in lines:
        doc = line["document"]
        assert len(doc["id"]) == 64 and doc["published"] in ("2015-02-04", "2015-03-02")
        assert line["evidence"]
        for span in line["evidence"]:
            assert TEXTS[doc["title"]][span["start"] : span["end"]] == span["text"]
    denied = [r for r in lines if r["type"] == "relation" and r["modality"] == "denied"]
    assert [(r["subject"]["name"], r["predicate"], r["object"]["name"]) for r in denied] == [
        ("Asaib Ahl al-Haq", "fights_against", "Islamic State")
    ]
    quote = next(line for line in lines if line["type"] == "quote")
    assert quote["speaker"]["name"] == "Qais al-Khazali"
    assert quote["evidence"][0]["text"] == quote["text"] == "We fight the Islamic State today,"
    event = next(line for line in lines if line["type"] == "event")
    assert event["date"]["value"] == "2014-06" and event["locations"][0]["name"] == "Mosul"


def test_jsonl_filters_by_actor_and_event_dates(sample_store: Store) -> None:
    lines = _lines(sample_store, actor="Khazali")
    assert Counter(line["type"] for line in lines) == {"relation": 2, "quote": 1}
    dated = _lines(sample_store, since="2015")
    assert Counter(line["type"] for line in dated) == {"relation": 6, "event": 1, "quote": 1}
