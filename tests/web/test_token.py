"""A server in remote mode: the page asks for the token once and sends it as a header."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from web_samples import serving

Watched = Any  # see conftest.py
TOKEN = "page-token-0123456789abcdef"


@pytest.fixture(scope="module")
def remote_server(web_db: Path) -> Iterator[str]:
    with serving(web_db, token=TOKEN, remote=True) as url:
        yield url


def test_token_page_asks_once_and_sends_it_as_a_header(
    watched: Watched, remote_server: str
) -> None:
    page = watched.page
    sent: list[tuple[str, str | None]] = []
    page.on("request", lambda r: sent.append((r.url, r.headers.get("authorization"))))
    page.goto(remote_server)
    field = page.locator("#token-input")
    field.wait_for()
    assert TOKEN not in page.content()
    field.fill("wrong-token-0123456789")
    page.locator(".token-form button").click()
    page.locator("p[role=status]", has_text="refused").wait_for()
    page.locator("#token-input").fill(TOKEN)
    page.locator(".token-form button").click()
    page.locator("h1", has_text="Overview").wait_for()
    assert page.evaluate("sessionStorage.getItem('actorgraph.token')") == TOKEN
    page.goto(remote_server + "#/documents")  # a reload keeps it for the tab
    page.locator(".doc-list a").first.wait_for()
    api = [(url, auth) for url, auth in sent if "/api/" in url]
    assert api and api[-1][1] == f"Bearer {TOKEN}"
    assert all(TOKEN not in url for url, _ in sent)
    assert TOKEN not in page.content()
    # The console shows the 401s of the first loads; nothing else went wrong.
    assert watched.dialogs == [] and all("401" in e for e in watched.errors), watched.errors
