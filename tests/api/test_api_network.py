"""GET /api/network and /api/network/edges/... on three documents (listing_samples.py)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient

from actorgraph.api import create_app
from actorgraph.resolve.identity import actor_id
from listing_samples import analysis_a, analysis_c, build

HADDAD = actor_id("Samir Haddad", "PERSON")
BRIGADE = actor_id("Northern Brigade", "ORG")


@pytest.fixture
def three(tmp_path: Path) -> Iterator[TestClient]:
    app = create_app(str(build(tmp_path / "three.db")))
    with TestClient(app, base_url="http://127.0.0.1") as client:
        yield client


def _network(client: TestClient, **params: Any) -> dict[str, Any]:
    response = client.get("/api/network", params=params)
    assert response.status_code == 200, response.text
    body: dict[str, Any] = response.json()
    return body


def _facts(body: dict[str, Any]) -> list[tuple[str, str, str]]:
    names = {n["id"]: n["name"] for n in body["nodes"]}
    return [(names[e["source"]], e["predicate"], names[e["target"]]) for e in body["edges"]]


LEADS = ("Samir Haddad", "leader_of", "Northern Brigade")
OPERATES = ("Southern Front", "operates_in", "Kessa")


def test_api_network_whole_graph_with_facets(three: TestClient) -> None:
    body = _network(three)
    assert _facts(body) == [LEADS, OPERATES]
    assert len(body["nodes"]) == 4 and body["total_edges"] == 2 and not body["truncated"]
    leads = body["edges"][0]
    assert (leads["sources"], leads["documents"], leads["directed"]) == (2, 2, True)
    assert body["facets"] == {
        "types": ["GPE", "ORG", "PERSON"],
        "kinds": ["armed_group", "none", "state_force"],
        "predicates": ["leader_of", "operates_in"],
    }


def test_api_network_filters_applied_server_side(three: TestClient) -> None:
    assert _facts(_network(three, min_sources=2)) == [LEADS]
    assert _facts(_network(three, status="alleged")) == [OPERATES]
    assert _facts(_network(three, status=["asserted", "alleged"])) == [LEADS, OPERATES]
    assert _facts(_network(three, type=["org", "GPE"])) == [OPERATES]  # types in any case
    assert _facts(_network(three, kind=["armed_group", "none"])) == [LEADS, OPERATES]
    assert _facts(_network(three, kind="armed_group")) == []
    assert _facts(_network(three, predicate="leader_of")) == [LEADS]
    # A month: C is undated, so one source is left and min_sources=2 drops the edge.
    may = _network(three, since="2016-05", until="2016-05")
    assert _facts(may) == [LEADS] and may["edges"][0]["sources"] == 1
    assert _facts(_network(three, since="2016-05", until="2016-05", min_sources=2)) == []
    assert {n["name"] for n in _network(three, min_sources=2)["nodes"]} == {
        "Samir Haddad",
        "Northern Brigade",
    }
    cut = _network(three, max_edges=1)
    assert _facts(cut) == [LEADS] and cut["truncated"] and cut["total_edges"] == 2


def test_api_network_refuses_bad_filters(three: TestClient) -> None:
    for params in (
        {"status": "rumoured"},
        {"min_sources": 0},
        {"since": "May 2016"},
        {"until": "2016-13"},
        {"max_edges": 0},
        {"type": ["ORG"] * 51},
    ):
        assert three.get("/api/network", params=params).status_code == 422, params


def test_api_network_edge_evidence(three: TestClient) -> None:
    path = f"/api/network/edges/{HADDAD}/leader_of/{BRIGADE}"
    response = three.get(path)
    assert response.status_code == 200, response.text
    fact = response.json()
    assert (fact["source_name"], fact["target_name"], fact["sources"]) == (
        "Samir Haddad",
        "Northern Brigade",
        2,
    )
    by_doc = {c["document_id"]: c for c in fact["claims"]}
    a, c = analysis_a().document, analysis_c().document
    assert set(by_doc) == {a.id, c.id}
    claim = by_doc[a.id]
    assert claim["evidence_text"] == a.text[claim["start"] : claim["end"]]
    assert claim["evidence_text"] == "the commander of the Northern Brigade"
    dated = three.get(path, params={"since": "2016"}).json()
    assert [x["document_id"] for x in dated["claims"]] == [a.id]
    assert three.get(path, params={"status": "denied"}).status_code == 404
    assert three.get(f"/api/network/edges/{BRIGADE}/leader_of/{HADDAD}").status_code == 404
    assert three.get(f"/api/network/edges/{HADDAD}/leader_of").status_code == 404
    assert three.get(path, params={"since": "2016-02-30"}).status_code == 422
