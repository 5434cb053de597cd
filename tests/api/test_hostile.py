"""Hostile input: SQL metacharacters through every API parameter and CLI filter, and paths
that try to read files outside the store.

The routes are enumerated from the OpenAPI schema, so a new route or parameter is fed the
same values without a test naming it.
"""

from __future__ import annotations

import asyncio
import sys
from pathlib import Path
from typing import Any
from urllib.parse import quote, unquote

import pytest
from api_samples import HOSTILE, bearer, snapshot
from fastapi.testclient import TestClient

from actorgraph.cli.main import main
from actorgraph.export import FORMATS

# Tables a write may change: merge, split and alias record their decisions there.
DECISIONS = ("actor_decisions", "actor_decision_keys")


def _unchanged(before: dict[str, tuple[int, str]], after: dict[str, tuple[int, str]]) -> None:
    changed = sorted(t for t in before if before[t] != after[t] and t not in DECISIONS)
    assert changed == [], f"tables changed: {changed}"
    assert set(before) == set(after)


def _decided_aliases(db: Path) -> set[str]:
    import sqlite3

    with sqlite3.connect(db) as conn:
        rows = {row[0] for row in conn.execute("SELECT alias FROM actor_decisions")}
    conn.close()
    return rows


def _valid_path_values(client: TestClient) -> dict[str, str]:
    actor = client.get("/api/actors", params={"q": "Hadi al-Amiri"}).json()["items"][0]["id"]
    document = client.get("/api/documents").json()["items"][0]["id"]
    edge = client.get("/api/network").json()["edges"][0]
    ends = {k: edge[k] for k in ("source", "predicate", "target")}
    return {"actor_id": actor, "document_id": document, **ends}


def _check(response: Any, where: str, problems: list[str]) -> None:
    if response.status_code >= 500 or "Traceback" in response.text:
        problems.append(f"{where}: {response.status_code} {response.text[:200]}")
    elif "root:" in response.text:
        problems.append(f"{where}: a file's contents came back")


def test_hostile_values_in_every_api_parameter(writer: TestClient, writable_db: Path) -> None:
    schema = writer.get("/openapi.json").json()
    valid = _valid_path_values(writer)
    before = snapshot(writable_db)
    problems: list[str] = []
    fed = 0
    for template, operations in schema["paths"].items():
        for method, operation in operations.items():
            if method != "get":
                continue
            params = operation.get("parameters", [])
            missing = {p["name"] for p in params if p["in"] == "path"} - set(valid)
            assert not missing, f"give a valid value for the path parameter {missing}"
            for param in params:
                for value in HOSTILE:
                    path, query = template, {}
                    for p in params:
                        if p["in"] == "path":
                            chosen = value if p is param else valid[p["name"]]
                            path = path.replace("{" + p["name"] + "}", quote(chosen, safe=""))
                    if param["in"] == "query":
                        query[param["name"]] = value
                    response = writer.get(path, params=query)
                    _check(response, f"GET {template} {param['name']}={value!r}", problems)
                    fed += 1
    assert fed > 500 and problems == []
    assert snapshot(writable_db) == before


WRITES = {
    "/api/actors/merge": {"keep": "Shiite", "other": "Iran"},
    "/api/actors/split": {"actor": "Hadi al-Amiri", "alias": "Amiri"},
    "/api/actors/alias": {"actor": "Hadi al-Amiri", "name": "Abu Hassan"},
}


def test_hostile_values_in_every_write_field(writer: TestClient, writable_db: Path) -> None:
    schema = writer.get("/openapi.json").json()
    writes = {path for path, ops in schema["paths"].items() if "post" in ops}
    assert writes == set(WRITES), "give a valid body for each write route"
    before = snapshot(writable_db)
    problems: list[str] = []
    for path, body in WRITES.items():
        ref = schema["paths"][path]["post"]["requestBody"]["content"]["application/json"]
        fields = schema["components"]["schemas"][ref["schema"]["$ref"].split("/")[-1]]
        assert set(body) <= set(fields["properties"])
        for name in fields["properties"]:
            for value in HOSTILE:
                changed = {**body, name: value}
                if path.endswith("split") and name == "document":
                    del changed["alias"]
                response = writer.post(path, json=changed, headers=bearer())
                _check(response, f"POST {path} {name}={value!r}", problems)
                if response.is_success:  # only an alias of a hostile name may go through
                    assert (path, name) == ("/api/actors/alias", "name"), response.text
    assert problems == []
    _unchanged(before, snapshot(writable_db))
    assert _decided_aliases(writable_db) <= set(HOSTILE)


def _cli(argv: list[str], monkeypatch: pytest.MonkeyPatch, capsys: Any) -> tuple[int, str]:
    """Run the real entry point; return its exit code and everything it printed."""
    monkeypatch.setattr(sys, "argv", ["actorgraph", *argv])
    code = 0
    try:
        main()
    except SystemExit as exc:
        code = int(exc.code or 0)
    out = capsys.readouterr()
    return code, out.out + out.err


def _cli_filters(value: str) -> list[list[str]]:
    """Every filter of the CLI with ``value`` in it (files and paths excepted)."""
    runs = [
        ["actors", "--type", value],
        ["show", value],
        ["quotes", "--speaker", value],
        ["relations", value],
        ["relations", "--predicate", value],
        ["events", "--type", value],
        ["events", "--actor", value],
        ["events", "--since", value],
        ["events", "--until", value],
        ["merge", value, "Shiite"],
        ["merge", "Shiite", value],
        ["split", value, "--alias", "Amiri"],
        ["split", "Hadi al-Amiri", "--alias", value],
        ["split", "Hadi al-Amiri", "--document", value],
        ["alias", value, "Abu Hassan"],
        ["alias", "Hadi al-Amiri", value],
        ["export", "acled-csv", "--since", value],
        ["export", "plover-json", "--until", value],
    ]
    runs += [["export", fmt, "--actor", value] for fmt in FORMATS]
    return runs


@pytest.mark.parametrize("value", HOSTILE)
def test_hostile_values_in_every_cli_filter(
    value: str, writable_db: Path, monkeypatch: pytest.MonkeyPatch, capsys: Any
) -> None:
    before = snapshot(writable_db)
    for argv in _cli_filters(value):
        code, printed = _cli(["--db", str(writable_db), *argv], monkeypatch, capsys)
        assert code in (0, 1, 2), (argv, printed)
        assert "Traceback" not in printed and "root:" not in printed, argv
    _unchanged(before, snapshot(writable_db))
    assert _decided_aliases(writable_db) <= {value}


def _raw_get(app: Any, raw_path: bytes) -> tuple[int, bytes]:
    """Send GET ``raw_path`` to the ASGI app as uvicorn would: no client normalises it."""
    scope = {
        "type": "http",
        "asgi": {"version": "3.0"},
        "http_version": "1.1",
        "method": "GET",
        "scheme": "http",
        "path": unquote(raw_path.decode("ascii")),
        "raw_path": raw_path,
        "query_string": b"",
        "root_path": "",
        "headers": [(b"host", b"127.0.0.1")],
        "client": ("127.0.0.1", 50000),
        "server": ("127.0.0.1", 8765),
    }
    sent: list[dict[str, Any]] = []
    received: list[bool] = []

    async def receive() -> dict[str, Any]:
        if received:  # the request is whole: the client waits for the answer
            await asyncio.Event().wait()
        received.append(True)
        return {"type": "http.request", "body": b"", "more_body": False}

    async def send(message: dict[str, Any]) -> None:
        sent.append(message)

    asyncio.run(app(scope, receive, send))
    status = next(m["status"] for m in sent if m["type"] == "http.response.start")
    body = b"".join(m.get("body", b"") for m in sent if m["type"] == "http.response.body")
    return int(status), body


TRAVERSALS = [
    "../../../../../../etc/passwd",
    "..%2f..%2f..%2f..%2f..%2f..%2fetc%2fpasswd",
    "%2e%2e/%2e%2e/%2e%2e/%2e%2e/%2e%2e/%2e%2e/etc/passwd",
    "%2e%2e%2f%2e%2e%2f%2e%2e%2f%2e%2e%2f%2e%2e%2f%2e%2e%2fetc%2fpasswd",
    "..%252f..%252fetc%252fpasswd",
    "....//....//....//etc/passwd",
    "..\\..\\..\\..\\etc\\passwd",
    "%2fetc%2fpasswd",
    "/etc/passwd",
    "//etc/passwd",
    "file:///etc/passwd",
    "app.js%00.png",
    "../api/app.py",
    "..%2fapi%2fapp.py",
    "../__init__.py",
    "%2e%2e/api/_auth.py",
]


def test_hostile_paths_never_read_files_outside_the_store(writer: TestClient) -> None:
    app = writer.app
    secrets = [Path("/etc/passwd").read_bytes()[:20]]
    source = Path(__file__).resolve().parents[2] / "src" / "actorgraph"
    secrets += [(source / name).read_bytes()[:60] for name in ("api/app.py", "__init__.py")]
    status, body = _raw_get(app, b"/static/app.js")
    assert status == 200 and b"import" in body  # the route itself serves its files
    for attempt in TRAVERSALS:
        for prefix in ("/static/", "/api/documents/", "/api/actors/", "/"):
            raw = (prefix + attempt.replace("\\", "%5C")).encode()
            status, body = _raw_get(app, raw)
            assert status in (400, 404, 405, 422), (raw, status)
            assert not any(s in body for s in secrets), raw
        response = writer.get(f"/static/{attempt}")
        assert response.status_code in (400, 404), (attempt, response.status_code)
        assert not any(s in response.content for s in secrets), attempt
