"""The HTTP API in-process: every route, paging, 404s, filters, hostile input, headers."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner
from fastapi.testclient import TestClient

from actorgraph.api import create_app
from actorgraph.api._access import is_loopback
from actorgraph.api._deps import MAX_LIMIT
from actorgraph.cli.serve import serve
from actorgraph.errors import StoreError
from actorgraph.settings import Settings


def _get(client: TestClient, url: str, **params: Any) -> Any:
    response = client.get(url, params=params) if params else client.get(url)
    assert response.status_code == 200, response.text
    return response.json()


def _amiri(client: TestClient) -> dict[str, Any]:
    found = _get(client, "/api/actors", q="Amiri")["items"]
    return next(a for a in found if a["name"] == "Hadi al-Amiri")


def _text(client: TestClient, document_id: str) -> str:
    return str(_get(client, f"/api/documents/{document_id}")["text"])


def test_api_actors_search_matches_an_alias(client: TestClient) -> None:
    page = _get(client, "/api/actors", q="Amiri")
    first = page["items"][0]
    assert (first["name"], first["type"], first["score"]) == ("Hadi al-Amiri", "PERSON", 100.0)
    assert page["total"] == len(page["items"]) and page["next"] is None


def test_api_actors_filter_by_type(client: TestClient) -> None:
    people = _get(client, "/api/actors", type="person", limit=MAX_LIMIT)["items"]
    assert people and {a["type"] for a in people} == {"PERSON"}
    orgs = _get(client, "/api/actors", q="Badr", type="ORG")["items"]
    assert [a["name"] for a in orgs][:1] == ["Badr Organization"]
    assert _get(client, "/api/actors", q="Badr", type="GPE")["items"] == []


def test_api_actors_pages_cover_the_list_once(client: TestClient) -> None:
    everything = _get(client, "/api/actors", limit=MAX_LIMIT)
    assert everything["next"] is None and everything["total"] == len(everything["items"])
    seen: list[str] = []
    url: str | None = "/api/actors?limit=7"
    while url is not None:
        page = _get(client, url)
        assert len(page["items"]) <= 7
        seen += [a["id"] for a in page["items"]]
        url = page["next"]
        if url is not None:
            assert page["total"] is None and url.startswith("/api/actors?")
    assert seen == [a["id"] for a in everything["items"]]
    assert page["total"] == len(seen)


@pytest.mark.parametrize("params", [{"limit": 0}, {"limit": MAX_LIMIT + 1}, {"offset": -1}])
def test_api_paging_limits_are_enforced(client: TestClient, params: dict[str, int]) -> None:
    for url in ("/api/actors", "/api/relations", "/api/events", "/api/documents"):
        assert client.get(url, params=params).status_code == 422


def test_api_profile_holds_aliases_relations_quotes_documents(client: TestClient) -> None:
    amiri = _amiri(client)
    profile = _get(client, f"/api/actors/{amiri['id']}")
    assert profile["actor"]["name"] == "Hadi al-Amiri"
    assert "Amiri" in profile["aliases"]
    leader = next(r for r in profile["relations"] if r["predicate"] == "leader_of")
    assert (leader["subject"], leader["object"], leader["modality"]) == (
        "Hadi al-Amiri",
        "Badr Organization",
        "asserted",
    )
    text = _text(client, leader["document_id"])
    assert text[leader["start"] : leader["end"]] == leader["evidence_text"]
    assert leader["evidence_text"].startswith("Hadi al-Amiri, the leader of the Badr Organization")
    assert any(q["kind"] == "direct" for q in profile["quotes"])
    assert [d["document_id"] for d in profile["documents"]] == [leader["document_id"]]


def test_api_unknown_ids_are_404(client: TestClient) -> None:
    for url in (
        "/api/actors/0000",
        "/api/actors/0000/graph",
        "/api/actors/0000/timeline",
        "/api/documents/0000",
    ):
        response = client.get(url)
        assert response.status_code == 404, url
        assert "0000" in response.json()["detail"]


def test_api_relations_filter_by_actor_and_predicate(client: TestClient) -> None:
    amiri = _amiri(client)
    by_id = _get(client, "/api/relations", actor=amiri["id"])["items"]
    by_name = _get(client, "/api/relations", actor="Hadi al-Amiri")["items"]
    assert by_id == by_name and len(by_id) >= 2
    assert all(amiri["id"] in (r["subject_id"], r["object_id"]) for r in by_id)
    leaders = _get(client, "/api/relations", predicate="leader_of")["items"]
    assert leaders and {r["predicate"] for r in leaders} == {"leader_of"}
    both = _get(client, "/api/relations", actor=amiri["id"], predicate="leader_of")["items"]
    assert [r["object"] for r in both] == ["Badr Organization"]


def test_api_relations_pages_follow_next(client: TestClient) -> None:
    whole = _get(client, "/api/relations", limit=MAX_LIMIT)["items"]
    first = _get(client, "/api/relations", limit=3)
    second = _get(client, first["next"])
    assert [r["id"] for r in first["items"] + second["items"]] == [r["id"] for r in whole[:6]]


def test_api_events_filter_by_type_actor_place_and_dates(client: TestClient) -> None:
    every = _get(client, "/api/events", limit=MAX_LIMIT)["items"]
    assert every
    assault = _get(client, "/api/events", type="assault", limit=MAX_LIMIT)["items"]
    assert assault and {e["type"] for e in assault} == {"ASSAULT"}
    dated = [e for e in every if e["date_start"]]
    year = dated[0]["date_start"][:4]
    in_year = _get(client, "/api/events", since=year, until=year, limit=MAX_LIMIT)["items"]
    assert in_year and all(
        e["date_start"] <= f"{year}-12-31" and e["date_end"] >= f"{year}-01-01" for e in in_year
    )
    assert _get(client, "/api/events", since="2999-01")["items"] == []
    placed = next(e for e in every if e["locations"])
    place = placed["locations"][0]
    at_place = _get(client, "/api/events", place=place, limit=MAX_LIMIT)["items"]
    assert placed["id"] in [e["id"] for e in at_place]
    assert all(place in e["locations"] for e in at_place)
    actor = next(e for e in every if e["actors"])["actors"][0]
    with_actor = _get(client, "/api/events", actor=actor, limit=MAX_LIMIT)["items"]
    assert with_actor and all(
        actor in e["actors"] + e["targets"] + e["locations"] for e in with_actor
    )


@pytest.mark.parametrize("bad", ["2015-13", "2015-02-30", "yesterday", "2015/02/01", "15"])
def test_api_bad_dates_are_422(client: TestClient, bad: str) -> None:
    assert client.get("/api/events", params={"since": bad}).status_code == 422
    assert client.get("/api/timeline", params={"until": bad}).status_code == 422


def test_api_document_spans_point_into_its_text(client: TestClient) -> None:
    docs = _get(client, "/api/documents")
    assert docs["total"] == 1 and docs["next"] is None
    doc = _get(client, f"/api/documents/{docs['items'][0]['id']}")
    text = doc["text"]
    assert doc["length"] == len(text) and doc["published"] == "2015-02-04"
    assert doc["mentions"] and doc["quotes"] and doc["evidence"]
    amiri = [m for m in doc["mentions"] if m["name"] == "Hadi al-Amiri"]
    assert {text[m["start"] : m["end"]] for m in amiri} >= {"Hadi al-Amiri", "Amiri"}
    for span in doc["quotes"] + doc["evidence"]:
        assert 0 <= span["start"] < span["end"] <= len(text)
    kinds = {e["fact"] for e in doc["evidence"]}
    assert kinds == {"relation", "event", "quote"}
    leader = next(e for e in doc["evidence"] if e["label"].endswith("leader of Badr Organization"))
    assert text[leader["start"] : leader["end"]].startswith("Hadi al-Amiri, the leader of")


def test_api_graph_is_the_neighbourhood(client: TestClient) -> None:
    amiri = _amiri(client)
    one = _get(client, f"/api/actors/{amiri['id']}/graph", depth=1)
    names = {n["name"]: n for n in one["nodes"]}
    assert names["Hadi al-Amiri"]["depth"] == 0 and names["Badr Organization"]["depth"] == 1
    ids = {n["id"] for n in one["nodes"]}
    assert all(e["source"] in ids and e["target"] in ids and e["facts"] for e in one["edges"])
    assert ("leader_of", names["Badr Organization"]["id"]) in {
        (e["predicate"], e["target"]) for e in one["edges"] if e["source"] == amiri["id"]
    }
    two = _get(client, f"/api/actors/{amiri['id']}/graph", depth=2)
    assert ids <= {n["id"] for n in two["nodes"]} and len(two["nodes"]) > len(one["nodes"])
    assert max(n["depth"] for n in two["nodes"]) == 2
    small = _get(client, f"/api/actors/{amiri['id']}/graph", depth=2, limit=1)
    assert [n["depth"] for n in small["nodes"]] == [0, 1, 2] and small["truncated"]
    assert small["found"][0] == len(one["nodes"]) - 1
    assert client.get(f"/api/actors/{amiri['id']}/graph", params={"depth": 3}).status_code == 422


def test_api_timeline_runs_earliest_first(client: TestClient) -> None:
    page = _get(client, "/api/timeline", limit=MAX_LIMIT)
    starts = [e["date_start"] for e in page["items"]]
    dated = [s for s in starts if s is not None]
    assert dated == sorted(dated) and starts[: len(dated)] == dated  # undated last
    assert page["total"] == len(page["items"])
    tail = _get(client, "/api/timeline", limit=2, offset=2)
    assert [e["id"] for e in tail["items"]] == [e["id"] for e in page["items"][2:4]]
    khazali = _get(client, "/api/actors", q="Khazali")["items"][0]
    mine = _get(client, f"/api/actors/{khazali['id']}/timeline")
    assert mine["items"] and mine["total"] == len(mine["items"])
    assert {e["role"] for e in mine["items"]} <= {"actor", "target", "location"}
    ours = [e["date_start"] for e in mine["items"] if e["date_start"]]
    assert ours == sorted(ours)
    pages = _get(client, f"/api/actors/{khazali['id']}/timeline", limit=1)
    assert pages["total"] == mine["total"] and (pages["next"] is None) == (mine["total"] == 1)


def test_api_quotes_by_speaker(client: TestClient) -> None:
    amiri = _amiri(client)
    quotes = _get(client, "/api/quotes", speaker=amiri["id"])["items"]
    assert quotes and {q["speaker_name"] for q in quotes} == {"Hadi al-Amiri"}


def test_api_summary_counts(client: TestClient) -> None:
    summary = _get(client, "/api/summary")
    assert summary["documents"] == 1 and summary["actors"] > 10
    assert summary["actors_by_type"]["PERSON"] > 0


HOSTILE = [
    "' OR '1'='1",
    "'; DROP TABLE actors; --",
    '" OR 1=1 --',
    "%",
    "_",
    "\\",
    "Amiri' UNION SELECT id, text FROM documents --",
    "<script>alert(1)</script>",
]


@pytest.mark.parametrize("value", HOSTILE)
def test_api_sql_metacharacters_in_filters_are_harmless(client: TestClient, value: str) -> None:
    before = _get(client, "/api/summary")
    checks = [
        ("/api/actors", "q"),
        ("/api/actors", "type"),
        ("/api/relations", "actor"),
        ("/api/relations", "predicate"),
        ("/api/events", "type"),
        ("/api/events", "actor"),
        ("/api/events", "place"),
        ("/api/quotes", "speaker"),
    ]
    for url, name in checks:
        response = client.get(url, params={name: value})
        assert response.status_code == 200, (url, name, response.text)
        items = response.json()["items"]
        if name in ("type", "predicate"):  # exact filters: no wildcard, no injection
            assert items == [], (url, name)
    assert client.get(f"/api/actors/{value}").status_code in (404, 422)
    assert _get(client, "/api/summary") == before


def test_api_writes_are_off_without_a_token(client: TestClient) -> None:
    for method in ("post", "put", "patch", "delete"):
        response = getattr(client, method)("/api/actors")
        assert response.status_code == 403
        assert "--token-file" in response.json()["detail"]


def test_api_page_and_headers(client: TestClient) -> None:
    index = client.get("/")
    assert index.status_code == 200 and 'src="/static/app.js"' in index.text
    for response in (index, client.get("/api/summary"), client.get("/static/app.js")):
        csp = response.headers["content-security-policy"]
        assert "script-src 'self'" in csp and "default-src 'none'" in csp
        assert response.headers["x-content-type-options"] == "nosniff"
    assert "javascript" in client.get("/static/app.js").headers["content-type"]
    assert "<script>" not in index.text.replace('<script type="module"', "")  # no inline code
    schema = _get(client, "/openapi.json")
    for path in (
        "/api/actors",
        "/api/actors/{actor_id}",
        "/api/actors/{actor_id}/graph",
        "/api/actors/{actor_id}/timeline",
        "/api/relations",
        "/api/events",
        "/api/documents/{document_id}",
        "/api/timeline",
    ):
        assert path in schema["paths"], path


def test_api_refuses_other_hosts(seed_db: Path) -> None:
    with TestClient(create_app(str(seed_db)), base_url="http://attacker.example") as c:
        assert c.get("/api/summary").status_code == 400
    with TestClient(create_app(str(seed_db)), base_url="http://localhost:8765") as c:
        assert c.get("/api/summary").status_code == 200


def test_api_needs_an_existing_store(tmp_path: Path) -> None:
    missing = tmp_path / "missing.db"
    with pytest.raises(StoreError, match="no store at"):
        create_app(str(missing))
    assert not missing.exists()


def test_serve_binds_loopback_by_default(seed_db: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import uvicorn

    calls: list[dict[str, Any]] = []
    monkeypatch.setattr(uvicorn, "run", lambda app, **kw: calls.append(kw))
    result = CliRunner().invoke(serve, [], obj=Settings(db=str(seed_db)))
    assert result.exit_code == 0, result.output
    assert (calls[0]["host"], calls[0]["port"]) == ("127.0.0.1", 8765)
    assert calls[0]["access_log"] is False
    result = CliRunner().invoke(serve, ["--host", "0.0.0.0"], obj=Settings(db=str(seed_db)))
    assert result.exit_code == 2 and "not a loopback address" in result.stderr
    assert len(calls) == 1
    assert all(is_loopback(h) for h in ("127.0.0.1", "127.1.2.3", "::1", "[::1]", "localhost"))
    assert not any(is_loopback(h) for h in ("0.0.0.0", "10.0.0.1", "example.org"))
