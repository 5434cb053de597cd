"""The web page end to end in headless Chromium, against the seed article's store."""

from __future__ import annotations

from typing import Any

# `watched` (see conftest.py): a page with .dialogs and .errors recorded.
Watched = Any


def _open_amiri(watched: Watched, server: str) -> Any:
    page = watched.page
    page.goto(server)
    page.locator("#search-input").press_sequentially("Amiri", delay=20)
    page.locator("#search-results a.search-hit", has_text="Hadi al-Amiri").first.click()
    page.locator("h1", has_text="Hadi al-Amiri").wait_for()
    return page


def _in_viewport(page: Any, selector: str) -> bool:
    box = page.locator(selector).bounding_box()
    height = page.viewport_size["height"]
    return box is not None and box["y"] >= 0 and box["y"] + min(box["height"], 40) <= height


def test_page_search_actor_relation_evidence(watched: Watched, server: str) -> None:
    page = _open_amiri(watched, server)
    assert "Amiri" in page.locator(".aliases").inner_text()
    relation = (
        page.locator("li.relation")
        .filter(has_text="leader of")
        .filter(has_text="Badr Organization")
    )
    assert relation.count() == 1
    assert "asserted" in relation.inner_text()
    relation.locator("a.evidence-link").click()
    mark = page.locator("#selected-evidence")
    mark.wait_for()
    assert mark.inner_text().startswith("Hadi al-Amiri, the leader of the Badr Organization")
    assert page.locator("mark.selected").count() >= 1
    assert _in_viewport(page, "#selected-evidence")
    assert "fact=relation" in page.url
    assert "leader of Badr Organization" in page.locator(".selected-fact").inner_text()
    assert watched.dialogs == [] and watched.errors == []


def test_page_network_node_opens_its_actor(watched: Watched, server: str) -> None:
    page = _open_amiri(watched, server)
    node = page.locator("svg.graph g.node", has_text="Badr Organization")
    node.wait_for()
    assert "t-ORG" in (node.get_attribute("class") or "")
    assert page.locator("svg.graph g.node.center", has_text="Hadi al-Amiri").count() == 1
    page.locator("button.seg[data-depth='2']").click()
    page.locator("button.seg[data-depth='2'][aria-pressed='true']").wait_for()
    page.locator("svg.graph g.node", has_text="Badr Organization").click()
    page.locator("h1", has_text="Badr Organization").wait_for()
    assert "#/actor/" in page.url
    assert watched.dialogs == [] and watched.errors == []


def test_page_timeline_and_event_evidence(watched: Watched, server: str) -> None:
    page = watched.page
    page.goto(server + "#/timeline")
    page.locator(".timeline li.event").first.wait_for()
    starts = page.locator(".timeline li.event").evaluate_all(
        "items => items.map(i => i.dataset.start)"
    )
    dated = [s for s in starts if s]
    assert dated and dated == sorted(dated) and starts[: len(dated)] == dated
    page.locator(".timeline li.event a.evidence-link").first.click()
    page.locator("#selected-evidence").wait_for()
    assert watched.dialogs == [] and watched.errors == []


def test_page_shows_hostile_text_as_text(watched: Watched, server: str) -> None:
    page = watched.page
    page.goto(server + "#/documents")
    page.locator("a", has_text="<b>Bridge</b>").click()
    heading = page.locator("h1")
    heading.wait_for()
    page.locator(".doc-text").wait_for()
    assert heading.inner_text() == "<b>Bridge</b> <script>alert(4)</script>"
    text = page.locator(".doc-text").inner_text()
    assert '<img src=x onerror="alert(1)">' in text and "<script>alert(2)</script>" in text
    assert page.locator("#view script, #view img, #view b").count() == 0
    assert page.locator("#view a[href^='javascript']").count() == 0
    assert watched.dialogs == [] and watched.errors == []
