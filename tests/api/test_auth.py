"""The access token: who may write, who may read in remote mode, and how serve binds."""

from __future__ import annotations

import hmac
import re
import stat
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from api_samples import TOKEN, bearer
from click.testing import CliRunner, Result
from fastapi.testclient import TestClient

from actorgraph.api import _auth, create_app
from actorgraph.api._access import TokenError
from actorgraph.api._auth import Access
from actorgraph.cli.serve import serve
from actorgraph.settings import Settings

WRONG = "x" * len(TOKEN)


def _routes(client: TestClient, *, write: bool) -> list[tuple[str, str]]:
    """Return (method, path) of every API route in the OpenAPI schema: writes, or reads.

    Path parameters are filled with a value that names nothing, so a new route is covered
    without a test naming it.
    """
    schema = client.get("/openapi.json", headers=bearer()).json()
    found = []
    for template, operations in schema["paths"].items():
        path = re.sub(r"\{[^}]+\}", "nothing", template)
        for method in operations:
            if (method != "get") == write:
                found.append((method.upper(), path))
    assert found, "no routes found"
    return found


@pytest.fixture
def remote(seed_db: Path) -> Iterator[TestClient]:
    """A client of an app in remote mode: every API request needs the token."""
    app = create_app(str(seed_db), token=TOKEN, remote=True)
    with TestClient(app, base_url="http://127.0.0.1", raise_server_exceptions=False) as c:
        yield c


def test_auth_every_write_route_needs_the_token(writer: TestClient) -> None:
    routes = _routes(writer, write=True)
    assert {path for _, path in routes} >= {
        "/api/actors/merge",
        "/api/actors/split",
        "/api/actors/alias",
    }
    for method, path in routes:
        missing = writer.request(method, path, json={})
        assert missing.status_code == 401, (path, missing.text)
        assert missing.headers["www-authenticate"] == "Bearer"
        wrong = writer.request(method, path, json={}, headers=bearer(WRONG))
        assert wrong.status_code == 401 and "refused" in wrong.json()["detail"], path
        other_scheme = writer.request(method, path, json={}, headers={"Authorization": TOKEN})
        assert other_scheme.status_code == 401, path
        in_url = writer.request(method, path, json={}, params={"token": TOKEN})
        assert in_url.status_code == 401, path
        right = writer.request(method, path, json={}, headers=bearer())
        assert right.status_code == 422, (path, right.text)  # let in; the empty body is not
        lower = writer.request(method, path, json={}, headers={"Authorization": f"bearer {TOKEN}"})
        assert lower.status_code == 422, path


def test_auth_writes_are_off_without_a_configured_token(client: TestClient) -> None:
    for method, path in _routes(client, write=True):
        response = client.request(method, path, json={"keep": "a", "other": "b"})
        assert response.status_code == 403, path
        detail = response.json()["detail"]
        assert "writes are disabled" in detail and "--token-file" in detail
        # Any token at all is refused too: there is none to match.
        assert client.request(method, path, json={}, headers=bearer()).status_code == 403


def test_auth_is_checked_before_the_body_is_read(writer: TestClient) -> None:
    garbage = writer.post(
        "/api/actors/merge", content=b"{not json", headers={"Content-Type": "application/json"}
    )
    assert garbage.status_code == 401  # not a 422 that would tell what the route expects
    assert "keep" not in garbage.text


def test_auth_compares_tokens_in_constant_time(
    writer: TestClient, seed_db: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    calls: list[tuple[bytes, bytes]] = []
    real = hmac.compare_digest

    def spy(a: bytes, b: bytes) -> bool:
        calls.append((a, b))
        return real(a, b)

    monkeypatch.setattr(_auth.hmac, "compare_digest", spy)
    assert writer.post("/api/actors/merge", json={}, headers=bearer(WRONG)).status_code == 401
    assert calls and all(b == TOKEN.encode() for _, b in calls)
    assert (WRONG.encode(), TOKEN.encode()) in calls
    calls.clear()
    app = create_app(str(seed_db), token=TOKEN, remote=True)
    with TestClient(app, base_url="http://127.0.0.1") as remote:
        assert remote.get("/api/summary", headers=bearer()).status_code == 200
    assert (TOKEN.encode(), TOKEN.encode()) in calls
    # A token of another length or with non-ASCII characters is refused, not an error.
    assert not Access(token=TOKEN).accepts("é" + TOKEN)
    assert not Access(token=TOKEN).accepts(TOKEN[:-1])
    assert Access(token=TOKEN).accepts(TOKEN)


def test_auth_remote_mode_needs_the_token_for_every_read(remote: TestClient) -> None:
    reads = [*_routes(remote, write=False), ("GET", "/openapi.json")]
    assert ("GET", "/api/summary") in reads and ("GET", "/api/actors/nothing/graph") in reads
    for method, path in reads:
        missing = remote.request(method, path)
        assert missing.status_code == 401, (path, missing.text)
        assert missing.headers["www-authenticate"] == "Bearer"
        assert remote.request(method, path, headers=bearer(WRONG)).status_code == 401, path
        assert remote.request(method, path, params={"token": TOKEN}).status_code == 401, path
        right = remote.request(method, path, headers=bearer())
        assert right.status_code in (200, 404), (path, right.text)
    # Unknown paths under /api are refused before routing too: nothing to probe.
    assert remote.get("/api/no-such-route").status_code == 401


def test_auth_remote_page_loads_without_the_token_and_never_holds_it(
    remote: TestClient,
) -> None:
    for path in ("/", "/static/app.js", "/static/dom.js", "/static/index.html"):
        response = remote.get(path)
        assert response.status_code == 200, path
        assert TOKEN not in response.text
    summary = remote.get("/api/summary", headers=bearer())
    assert summary.status_code == 200 and summary.json()["documents"] == 1
    for response in (
        summary,
        remote.get("/api/summary"),
        remote.get("/api/summary", headers=bearer(WRONG)),
    ):
        assert TOKEN not in response.text
        assert all(TOKEN not in value for value in response.headers.values())


def test_auth_loopback_reads_stay_open_with_a_token(writer: TestClient) -> None:
    assert writer.get("/api/summary").status_code == 200
    assert writer.get("/openapi.json").status_code == 200


def test_auth_openapi_documents_the_write_routes(writer: TestClient) -> None:
    schema = writer.get("/openapi.json").json()
    for path in ("/api/actors/merge", "/api/actors/split", "/api/actors/alias"):
        post = schema["paths"][path]["post"]
        assert post["security"] == [{"HTTPBearer": []}], path
        assert {"401", "403", "415", "422"} <= set(post["responses"]), path
    assert schema["components"]["securitySchemes"]["HTTPBearer"]["scheme"] == "bearer"


def test_auth_tokens_must_be_long_printable_ascii() -> None:
    for bad in ("short", "with a space in it here", "é" * 20, ""):
        with pytest.raises(TokenError):
            Access(token=bad)
    with pytest.raises(TokenError, match="remote mode needs an access token"):
        Access(remote=True)
    assert Access(token=f"  {TOKEN}\n").token == TOKEN
    assert TOKEN not in repr(Access(token=TOKEN))


def _serve(
    db: Path, args: list[str], monkeypatch: pytest.MonkeyPatch, env: dict[str, str] | None = None
) -> tuple[Result, list[dict[str, Any]]]:
    """Run `serve` with uvicorn.run replaced: nothing binds; return the result and calls."""
    import uvicorn

    calls: list[dict[str, Any]] = []
    monkeypatch.setattr(uvicorn, "run", lambda app, **kw: calls.append({"app": app, **kw}))
    monkeypatch.delenv("ACTORGRAPH_TOKEN", raising=False)
    monkeypatch.delenv("ACTORGRAPH_TOKEN_FILE", raising=False)
    result = CliRunner().invoke(serve, args, obj=Settings(db=str(db)), env=env)
    return result, calls


def test_serve_refuses_a_remote_bind_without_the_flag_and_a_token(
    seed_db: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    token_file = tmp_path / "token"
    token_file.write_text(TOKEN + "\n", encoding="utf-8")
    token_file.chmod(0o600)
    refused = [
        (["--host", "0.0.0.0"], "not a loopback address"),
        (["--host", "10.1.2.3", "--token-file", str(token_file)], "--allow-remote"),
        (["--host", "0.0.0.0", "--allow-remote"], "needs a token"),
        (["--host", "example.org", "--allow-remote"], "needs a token"),
        (["--allow-remote"], "needs a token"),  # remote mode behind a proxy needs it too
    ]
    for args, message in refused:
        result, calls = _serve(seed_db, args, monkeypatch)
        assert result.exit_code == 2, (args, result.output)
        assert message in result.stderr, args
        assert calls == [], args
    result, calls = _serve(
        seed_db,
        ["--host", "0.0.0.0", "--allow-remote", "--token-file", str(token_file)],
        monkeypatch,
    )
    assert result.exit_code == 0, result.output
    assert calls[0]["host"] == "0.0.0.0" and calls[0]["access_log"] is False
    assert calls[0]["app"].state.access == Access(token=TOKEN, remote=True)
    assert TOKEN not in result.output and "every request needs the token" in result.stderr


def test_serve_reads_the_token_from_the_environment(
    seed_db: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    result, calls = _serve(
        seed_db,
        ["--host", "10.1.2.3", "--allow-remote"],
        monkeypatch,
        env={"ACTORGRAPH_TOKEN": TOKEN},
    )
    assert result.exit_code == 0, result.output
    assert calls[0]["app"].state.access == Access(token=TOKEN, remote=True)
    assert TOKEN not in result.output
    # On loopback a token switches the writes on and leaves reads open.
    result, calls = _serve(seed_db, [], monkeypatch, env={"ACTORGRAPH_TOKEN": TOKEN})
    assert result.exit_code == 0 and calls[0]["host"] == "127.0.0.1"
    assert calls[0]["app"].state.access == Access(token=TOKEN, remote=False)
    assert "writes need the token" in result.stderr
    result, calls = _serve(seed_db, [], monkeypatch, env={"ACTORGRAPH_TOKEN": "short"})
    assert result.exit_code == 2 and "16 to 512" in result.stderr and calls == []


def test_serve_creates_a_missing_token_file_for_its_owner_only(
    seed_db: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    token_file = tmp_path / "new-token"
    args = ["--host", "0.0.0.0", "--allow-remote", "--token-file", str(token_file)]
    result, calls = _serve(seed_db, args, monkeypatch)
    assert result.exit_code == 0, result.output
    assert stat.S_IMODE(token_file.stat().st_mode) == 0o600
    token = token_file.read_text(encoding="utf-8").strip()
    assert len(token) >= 40 and token not in result.output
    assert f"wrote a new access token to {token_file}" in result.stderr
    assert calls[0]["app"].state.access.token == token
    again, calls = _serve(seed_db, args, monkeypatch)  # the file is read, not replaced
    assert calls[0]["app"].state.access.token == token and "wrote" not in again.stderr
    token_file.chmod(0o644)
    warned, _ = _serve(seed_db, args, monkeypatch)
    assert warned.exit_code == 0 and "others can read" in warned.stderr
    # Refused before any file is made: no flag for a remote address.
    unused = tmp_path / "unused"
    refused, _ = _serve(seed_db, ["--host", "0.0.0.0", "--token-file", str(unused)], monkeypatch)
    assert refused.exit_code == 2 and not unused.exists()
    both, _ = _serve(
        seed_db, ["--token-file", str(token_file)], monkeypatch, env={"ACTORGRAPH_TOKEN": TOKEN}
    )
    assert both.exit_code == 2 and "not both" in both.stderr


def test_auth_refusals_carry_the_security_headers(writer: TestClient, seed_db: Path) -> None:
    app = create_app(str(seed_db), token=TOKEN, remote=True)
    with TestClient(app, base_url="http://127.0.0.1") as remote:
        refused = [
            writer.post("/api/actors/merge", json={}),
            writer.post("/api/actors/merge", content=b"x", headers=bearer()),
            writer.get("/api/actors", params={"q": "a\x00"}),
            remote.get("/api/summary"),
        ]
        assert [r.status_code for r in refused] == [401, 415, 400, 401]
        for response in [*refused, remote.get("/"), remote.get("/static/index.html")]:
            csp = response.headers["content-security-policy"]
            assert "script-src 'self';" in csp and "unsafe-inline" not in csp
            assert response.headers["x-frame-options"] == "DENY"
            assert "access-control-allow-origin" not in response.headers
