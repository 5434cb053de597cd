"""The API's listing filters (min_confidence, document, modality, dates) on three documents."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient

from actorgraph.api import create_app
from listing_samples import analysis_a, analysis_c, build


@pytest.fixture
def three(tmp_path: Path) -> Iterator[TestClient]:
    app = create_app(str(build(tmp_path / "three.db")))
    with TestClient(app, base_url="http://127.0.0.1") as client:
        yield client


def _items(client: TestClient, path: str, **params: Any) -> list[dict[str, Any]]:
    response = client.get(path, params=params)
    assert response.status_code == 200, response.text
    items: list[dict[str, Any]] = response.json()["items"]
    return items


def test_api_filters_min_confidence_on_every_list(three: TestClient) -> None:
    def types(path: str, **params: Any) -> list[str]:
        return sorted(x["type"] for x in _items(three, path, **params))

    assert types("/api/events") == ["ASSAULT", "ASSAULT", "COERCE", "PROTEST"]
    assert types("/api/events", min_confidence=0.5) == ["ASSAULT", "PROTEST"]
    assert types("/api/timeline", min_confidence=0.7) == ["ASSAULT"]
    relations = _items(three, "/api/relations", min_confidence=0.7)
    assert [(r["predicate"], r["confidence"]) for r in relations] == [("leader_of", 0.9)]
    assert len(_items(three, "/api/quotes", min_confidence=0.95)) == 0
    assert len(_items(three, "/api/quotes", min_confidence=0.9)) == 1
    actors = {a["name"] for a in _items(three, "/api/actors", min_confidence=0.5)}
    assert "Northern Brigade" in actors


def test_api_filters_document_modality_and_dates(three: TestClient) -> None:
    c = analysis_c().document.id
    (arrest,) = _items(three, "/api/events", document=c[:8])
    assert arrest["type"] == "COERCE" and arrest["casualties"][0]["kind"] == "arrested"
    (attack,) = _items(three, "/api/events", modality="reported")
    assert [x["value"] for x in attack["casualties"]] == [12, 9]
    assert attack["casualties"][0]["attributed_to"]["name"] == "police"
    assert attack["casualties"][0]["evidence"][0]["text"] == "at least 12 soldiers"
    a = analysis_a().document.id
    assert [
        r["document_id"] for r in _items(three, "/api/relations", since="2016-05", until="2016-05")
    ] == [a]
    assert [d["id"] for d in _items(three, "/api/documents", since="2016")][-1] == a
    assert three.get("/api/events", params={"min_confidence": 2}).status_code == 422
    assert three.get("/api/events", params={"modality": "rumoured"}).status_code == 422
    assert three.get("/api/events", params={"document": "xyz"}).status_code == 422
    assert three.get("/api/events", params={"document": "000000"}).status_code == 404
