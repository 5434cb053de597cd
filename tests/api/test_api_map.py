"""GET /api/map in-process: events with their places, coordinates, tolls and filters."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient

from actorgraph.api import create_app
from actorgraph.api.routes_map import MAX_MAP_EVENTS
from map_samples import SHELLED, TEXT_D, WADI, build_map


@pytest.fixture
def four(tmp_path: Path) -> Iterator[TestClient]:
    app = create_app(str(build_map(tmp_path / "map.db")))
    with TestClient(app, base_url="http://127.0.0.1") as client:
        yield client


def _map(client: TestClient, **params: Any) -> dict[str, Any]:
    response = client.get("/api/map", params=params)
    assert response.status_code == 200, response.text
    body: dict[str, Any] = response.json()
    return body


def _places(client: TestClient, **params: Any) -> list[tuple[Any, ...]]:
    return [(e["type"], e["place"], e["lat"], e["lon"]) for e in _map(client, **params)["items"]]


def test_api_map_lists_every_event_with_or_without_coordinates(four: TestClient) -> None:
    body = _map(four)
    assert (body["total"], body["truncated"]) == (6, False)
    placed = _places(four)
    assert placed[:4] == [
        ("ASSAULT", "Wadi Zeit", None, None),
        ("ASSAULT", "Zarzour", 36.35, 37.4),
        ("PROTEST", "Douma", 33.57, 36.4),
        ("ASSAULT", "Tel Hamra", 36.2, 37.1),
    ]
    # Undated events come last (in document order: ids are hashes).
    assert sorted(placed[4:]) == [("ASSAULT", None, None, None), ("COERCE", None, None, None)]


def test_api_map_event_carries_its_evidence_tolls_and_parties(four: TestClient) -> None:
    items = {e["evidence_text"]: e for e in _map(four)["items"]}
    shelled = items[SHELLED]
    assert TEXT_D[shelled["start"] : shelled["end"]] == SHELLED
    assert (shelled["killed"], shelled["injured"]) == (None, 4)
    assert shelled["locations"] == ["Al-Bayda", "Syria", "Zarzour"]
    assert (shelled["precision"], shelled["country"], shelled["actors"]) == (
        "city",
        "SY",
        ["Rebels"],
    )
    doc = four.get(f"/api/documents/{shelled['document_id']}").json()
    spans = [
        (e["start"], e["end"])
        for e in doc["evidence"]
        if e["fact"] == "event" and e["fact_id"] == shelled["id"]
    ]
    assert spans == [(shelled["start"], shelled["end"])]
    tel_hamra = next(e for e in items.values() if e["place"] == "Tel Hamra")
    assert (tel_hamra["killed"], tel_hamra["injured"]) == (12, None)  # the police's, not 12 + 9
    assert (tel_hamra["modality"], tel_hamra["attributed_to"]) == ("reported", "police")
    assert (tel_hamra["actors"], tel_hamra["targets"]) == (["Northern Brigade"], ["army"])
    assert items[WADI]["modality"] == "alleged"


def test_api_map_filters(four: TestClient) -> None:
    assert _places(four, modality="reported") == [("ASSAULT", "Tel Hamra", 36.2, 37.1)]
    assert _places(four, type="PROTEST") == [("PROTEST", "Douma", 33.57, 36.4)]
    july = _places(four, since="2016-07", until="2016-07")
    assert july == [("ASSAULT", "Wadi Zeit", None, None), ("ASSAULT", "Zarzour", 36.35, 37.4)]
    assert _places(four, since="2016-06-01", until="2016-06-30") == [
        ("PROTEST", "Douma", 33.57, 36.4)
    ]
    rebels = _places(four, actor="Rebels")
    assert rebels == july
    assert _places(four, actor="Nobody At All Here") == []
    cut = _map(four, limit=1)
    assert (len(cut["items"]), cut["total"], cut["truncated"]) == (1, 6, True)


@pytest.mark.parametrize(
    "params",
    [
        {"limit": 0},
        {"limit": MAX_MAP_EVENTS + 1},
        {"modality": "rumoured"},
        {"since": "2016-13"},
        {"until": "yesterday"},
        {"min_confidence": 2},
        {"actor": "x" * 201},
    ],
)
def test_api_map_refuses_bad_filters(four: TestClient, params: dict[str, Any]) -> None:
    assert four.get("/api/map", params=params).status_code == 422
