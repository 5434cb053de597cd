"""GET /api/runs and /api/changes in-process, over a store of two ingest runs."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from actorgraph.api import create_app
from actorgraph.store import open_store
from changes_samples import analysis_c, analysis_d, build_runs
from listing_samples import analysis_b


@pytest.fixture
def runs_client(tmp_path: Path) -> Iterator[TestClient]:
    db = build_runs(tmp_path / "runs.db")
    with TestClient(create_app(str(db)), base_url="http://127.0.0.1") as c:
        yield c


def test_api_runs_lists_runs_newest_first(runs_client: TestClient) -> None:
    data = runs_client.get("/api/runs").json()
    assert [r["id"] for r in data["items"]] == [2, 1] and data["total"] == 2
    second = data["items"][0]
    assert second["inputs"] == ["second"] and second["status"] == "done"
    assert second["documents"]["added"] == 3
    assert second["added"] == {"actors": 3, "relations": 3, "events": 3, "quotes": 0, "facts": 6}
    assert runs_client.get("/api/runs", params={"limit": 1}).json()["items"][0]["id"] == 2


def test_api_changes_default_to_the_latest_run(runs_client: TestClient) -> None:
    data = runs_client.get("/api/changes").json()
    assert data["schema"] == "actorgraph.changes/1" and [r["id"] for r in data["runs"]] == [2]
    sections = data["sections"]
    assert list(sections) == [
        "new_actors", "new_relations", "corroborated", "contradictions", "new_events",
        "most_changed",
    ]  # fmt: skip
    assert {a["name"] for a in sections["new_actors"]["items"]} == {
        "Southern Front", "Kessa", "Douma",
    }  # fmt: skip
    (new,) = sections["new_relations"]["items"]
    assert (new["subject"]["name"], new["predicate"]) == ("Southern Front", "operates_in")
    (evidence,) = new["new_evidence"]
    b = analysis_b().document
    assert evidence["document"]["id"] == b.id
    assert b.text[evidence["start"] : evidence["end"]] == evidence["text"]
    (corr,) = sections["corroborated"]["items"]
    assert (corr["sources_before"], corr["sources"]) == (1, 2)
    assert {c["document"]["id"] for c in corr["new_evidence"]} == {
        analysis_c().document.id, analysis_d().document.id,
    }  # fmt: skip
    (contra,) = sections["contradictions"]["items"]
    assert contra["kind"] == "disputed"
    assert "denied" in {c["modality"] for c in contra["evidence"]}
    assert sections["new_events"]["total"] == 3


def test_api_changes_of_a_run_a_period_and_limits(runs_client: TestClient) -> None:
    first = runs_client.get("/api/changes", params={"run": 1}).json()
    assert [r["subject"]["name"] for r in first["sections"]["new_relations"]["items"]] == [
        "Samir Haddad"
    ]
    period = runs_client.get("/api/changes", params={"since": "2000-01-01"}).json()
    assert [r["id"] for r in period["runs"]] == [1, 2]
    assert runs_client.get("/api/changes", params={"since": "2999"}).json()["runs"] == []
    cut = runs_client.get("/api/changes", params={"limit": 1}).json()["sections"]["new_actors"]
    assert (cut["shown"], cut["total"]) == (1, 3)


def test_api_changes_refuses_what_is_not_there(runs_client: TestClient, tmp_path: Path) -> None:
    missing = runs_client.get("/api/changes", params={"run": 9})
    assert missing.status_code == 404 and "no ingest run 9" in missing.json()["detail"]
    both = runs_client.get("/api/changes", params={"run": 1, "since": "2016"})
    assert both.status_code == 400
    assert runs_client.get("/api/changes", params={"since": "yesterday"}).status_code == 422
    assert runs_client.get("/api/changes", params={"run": 0}).status_code == 422
    open_store(tmp_path / "empty.db").close()
    with TestClient(create_app(str(tmp_path / "empty.db")), base_url="http://127.0.0.1") as c:
        assert c.get("/api/runs").json()["items"] == []
        assert c.get("/api/changes").status_code == 404
