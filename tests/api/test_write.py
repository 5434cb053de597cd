"""The write routes: merge, split and alias with the token, seen in later reads."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from api_samples import bearer
from fastapi.testclient import TestClient

from actorgraph.ingest import Meta, read_path
from actorgraph.model import Document
from actorgraph.pipeline.analyze import analyze_document
from actorgraph.store import open_store


def _post(client: TestClient, path: str, body: dict[str, Any], status: int = 200) -> Any:
    response = client.post(path, json=body, headers=bearer())
    assert response.status_code == status, response.text
    return response.json()


def _find(client: TestClient, name: str) -> dict[str, Any]:
    items = client.get("/api/actors", params={"q": name}).json()["items"]
    return next(a for a in items if a["name"] == name)


def test_write_merge_moves_mentions_and_is_kept(writer: TestClient, writable_db: Path) -> None:
    keep, other = _find(writer, "Shiite"), _find(writer, "Shiites")
    actors = writer.get("/api/summary").json()["actors"]
    done = _post(writer, "/api/actors/merge", {"keep": "Shiite", "other": other["id"]})
    assert (done["kind"], done["actor_id"], done["other_id"]) == ("merge", keep["id"], other["id"])
    assert done["message"] == f"merged Shiites ({other['id']}) into Shiite ({keep['id']})"
    assert writer.get(f"/api/actors/{other['id']}").status_code == 404
    merged = writer.get(f"/api/actors/{keep['id']}").json()
    assert merged["actor"]["mentions"] == keep["mentions"] + other["mentions"]
    assert "Shiites" in merged["aliases"]
    assert writer.get("/api/summary").json()["actors"] == actors - 1
    with open_store(writable_db) as store:
        assert [(d.kind, d.actor_id, d.other_id) for d in store.decisions()] == [
            ("merge", keep["id"], other["id"])
        ]


def test_write_split_by_alias_makes_a_new_actor(writer: TestClient, writable_db: Path) -> None:
    amiri = _find(writer, "Hadi al-Amiri")
    done = _post(writer, "/api/actors/split", {"actor": amiri["id"], "alias": "Amiri"})
    assert (done["kind"], done["actor_id"]) == ("split", amiri["id"])
    assert done["message"] == (
        f"split Hadi al-Amiri ({done['other_id']}) from Hadi al-Amiri ({amiri['id']})"
    )
    # The seed article's one entity carries both names, so all of it moves.
    new = writer.get(f"/api/actors/{done['other_id']}").json()["actor"]
    assert (new["name"], new["mentions"]) == ("Hadi al-Amiri", amiri["mentions"])
    assert writer.get(f"/api/actors/{amiri['id']}").status_code == 404
    with open_store(writable_db) as store:
        (decision,) = store.decisions()
    assert (decision.kind, decision.alias, decision.other_id) == ("split", "Amiri", new["id"])


def test_write_split_by_document(writer: TestClient) -> None:
    khazali = _find(writer, "Qais al-Khazali")
    document = writer.get("/api/documents").json()["items"][0]["id"]
    done = _post(writer, "/api/actors/split", {"actor": "Qais al-Khazali", "document": document})
    new = writer.get(f"/api/actors/{done['other_id']}").json()["actor"]
    assert new["name"] == "Qais al-Khazali" and new["mentions"] == khazali["mentions"]
    # Its one document moved: the old actor is left with nothing and is gone.
    assert writer.get(f"/api/actors/{khazali['id']}").status_code == 404


def test_write_alias_joins_later_documents(
    writer: TestClient, writable_db: Path, nlp: Any, tmp_path: Path
) -> None:
    amiri = _find(writer, "Hadi al-Amiri")
    done = _post(writer, "/api/actors/alias", {"actor": "Hadi al-Amiri", "name": "Abu Hassan"})
    assert done == {
        "kind": "alias",
        "actor_id": amiri["id"],
        "other_id": None,
        "message": f"'Abu Hassan' now names Hadi al-Amiri ({amiri['id']})",
    }
    article = tmp_path / "later.txt"
    article.write_text(
        "Abu Hassan, the commander of the militia, told reporters in Baghdad on Monday that "
        "his fighters would stay.\n",
        encoding="utf-8",
    )
    (doc,) = read_path(article, meta=Meta(published="2015-03-01"))
    assert isinstance(doc, Document)
    with open_store(writable_db) as store:
        store.save(analyze_document(doc, nlp=nlp))
    profile = writer.get(f"/api/actors/{amiri['id']}").json()
    assert profile["actor"]["documents"] == 2 and "Abu Hassan" in profile["aliases"]


@pytest.mark.parametrize(
    ("path", "body", "status", "message"),
    [
        ("merge", {"keep": "Shiite", "other": "Shiite"}, 422, "with itself"),
        ("merge", {"keep": "Shiite", "other": "Nobody Atall"}, 404, "no actor matches"),
        ("merge", {"keep": "Shiite", "other": "Bloomberg"}, 409, "names several actors"),
        ("merge", {"keep": "Shiite"}, 422, "other"),
        ("merge", {"keep": "Shiite", "other": "Iran", "extra": 1}, 422, "extra"),
        ("merge", {"keep": "", "other": "Iran"}, 422, "keep"),
        ("merge", {"keep": "x" * 201, "other": "Iran"}, 422, "keep"),
        ("merge", {"keep": 5, "other": "Iran"}, 422, "keep"),
        ("split", {"actor": "Hadi al-Amiri"}, 422, "exactly one of"),
        ("split", {"actor": "Hadi al-Amiri", "document": "d", "alias": "Amiri"}, 422, "exactly"),
        ("split", {"actor": "Hadi al-Amiri", "alias": "Nobody"}, 422, "nothing to split"),
        ("split", {"actor": "Hadi al-Amiri", "document": "0" * 64}, 422, "nothing to split"),
        ("alias", {"actor": "Hadi al-Amiri", "name": "the group"}, 422, "cannot name an actor"),
        ("alias", {"actor": "Hadi al-Amiri", "name": "lowercase"}, 422, "cannot name an actor"),
        ("alias", {"actor": "Hadi al-Amiri"}, 422, "name"),
    ],
)
def test_write_refusals_are_clear_4xx(
    writer: TestClient,
    writable_db: Path,
    path: str,
    body: dict[str, Any],
    status: int,
    message: str,
) -> None:
    with open_store(writable_db) as store:
        before = store.summary()
    answer = _post(writer, f"/api/actors/{path}", body, status=status)
    assert message in str(answer["detail"])
    with open_store(writable_db) as store:
        assert store.summary() == before and store.decisions() == []


@pytest.mark.parametrize(
    "headers",
    [
        {"Content-Type": "text/plain"},
        {"Content-Type": "application/x-www-form-urlencoded"},
        {"Content-Type": "multipart/form-data; boundary=x"},
        {"Content-Type": "application/jsonp"},
        {},
    ],
)
def test_write_refuses_bodies_that_are_not_json(
    writer: TestClient, headers: dict[str, str]
) -> None:
    body = b'{"keep": "Shiite", "other": "Shiites"}'
    response = writer.post("/api/actors/merge", content=body, headers={**bearer(), **headers})
    assert response.status_code == 415, response.text
    assert "JSON" in response.json()["detail"]
    assert writer.get("/api/actors", params={"q": "Shiites"}).json()["items"][0]["name"] == (
        "Shiites"
    )
    charset = {"Content-Type": "application/json; charset=utf-8"}
    assert writer.post(
        "/api/actors/merge", content=body, headers={**bearer(), **charset}
    ).is_success
