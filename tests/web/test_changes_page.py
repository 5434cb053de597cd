"""The "What changed" page in headless Chromium, over a store of two ingest runs.

Every request the page makes must go to the test server: any other is aborted, recorded
and fails the test.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import pytest
from web_samples import serving

from changes_samples import build_runs

Watched = Any


@pytest.fixture(scope="module")
def runs_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    with serving(build_runs(tmp_path_factory.mktemp("runs") / "runs.db")) as url:
        yield url


def _local_only(page: Any, server: str) -> list[str]:
    """Abort every request to another host than the server's; return the list of them."""
    home = urlsplit(server).netloc
    elsewhere: list[str] = []

    def handle(route: Any) -> None:
        url = route.request.url
        if urlsplit(url).netloc == home:
            route.continue_()
        else:
            elsewhere.append(url)
            route.abort()

    page.route("**/*", handle)
    return elsewhere


def test_changes_page_opens_a_new_relations_evidence(watched: Watched, runs_server: str) -> None:
    page = watched.page
    elsewhere = _local_only(page, runs_server)
    page.goto(runs_server)
    page.locator("nav a", has_text="Changes").click()
    page.locator("h1", has_text="What changed").wait_for()
    assert page.locator("#run-picker").input_value() == "2"  # the latest run
    new = page.locator("#changes-new_relations li.change-relation")
    assert new.count() == 1
    assert "Southern Front" in new.inner_text() and "operates in" in new.inner_text()
    assert page.locator("#changes-corroborated li.change-relation").filter(
        has_text="sources 1 → 2").count() == 1  # fmt: skip
    assert page.locator("#changes-contradictions").filter(has_text="disputed").count() == 1
    assert page.locator("#changes-new_events li.change-event").count() == 3
    actors = page.locator("#changes-new_actors li.change-actor a.actor-link").all_inner_texts()
    assert sorted(actors) == ["Douma", "Kessa", "Southern Front"]
    new.locator("a.evidence-link").first.click()
    mark = page.locator("#selected-evidence")
    mark.wait_for()
    assert mark.inner_text() == "It is said to operate in Kessa."
    assert "fact=relation" in page.url
    assert "operates in Kessa" in page.locator(".selected-fact").inner_text()
    assert elsewhere == [] and watched.dialogs == [] and watched.errors == []


def test_changes_page_run_picker_and_actor_links(watched: Watched, runs_server: str) -> None:
    page = watched.page
    elsewhere = _local_only(page, runs_server)
    page.goto(runs_server + "#/changes")
    page.locator("#run-picker").wait_for()
    page.locator("#run-picker").select_option("1")
    page.wait_for_url("**/#/changes?run=1")
    first = page.locator("#changes-new_relations li.change-relation")
    first.filter(has_text="Samir Haddad").wait_for()
    assert first.count() == 1 and "leader of" in first.inner_text()
    assert page.locator("#changes-corroborated p.empty").count() == 1
    page.locator("#changes-most_changed a.actor-link", has_text="Northern Brigade").click()
    page.locator("h1", has_text="Northern Brigade").wait_for()
    assert "#/actor/" in page.url
    assert elsewhere == [] and watched.dialogs == [] and watched.errors == []
    assert all(urlsplit(u).netloc == urlsplit(runs_server).netloc for u in watched.requests)


def test_changes_page_without_runs_says_so(watched: Watched, tmp_path: Path) -> None:
    from actorgraph.store import open_store

    open_store(tmp_path / "empty.db").close()
    with serving(tmp_path / "empty.db") as url:
        page = watched.page
        page.goto(url + "#/changes")
        page.locator("p.empty", has_text="No ingest run is recorded yet").wait_for()
    assert watched.dialogs == [] and watched.errors == []
