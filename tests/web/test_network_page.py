"""The whole-network view in headless Chromium, on three hand-made documents.

Every request the page makes must stay on the test server: the page is for air-gapped
machines, so a request to any other host is aborted, recorded and fails the test.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import pytest
from web_samples import serving

from actorgraph.resolve.identity import actor_id
from actorgraph.store import open_store
from actorgraph.store.network import NetworkFilters, edge_id
from listing_samples import analysis_a, build

HADDAD = actor_id("Samir Haddad", "PERSON")
BRIGADE = actor_id("Northern Brigade", "ORG")
LOCAL = {"127.0.0.1", "localhost", "::1", "[::1]"}


@pytest.fixture(scope="module")
def net_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build(tmp_path_factory.mktemp("network") / "three.db")


@pytest.fixture(scope="module")
def net_server(net_db: Path) -> Iterator[str]:
    with serving(net_db) as url:
        yield url


class Offline:
    """A page whose requests to other hosts are aborted and recorded, with its errors."""

    def __init__(self, page: Any) -> None:
        self.page = page
        self.foreign: list[str] = []
        self.errors: list[str] = []
        page.route("**/*", self._route)
        page.on("console", lambda m: m.type == "error" and self.errors.append(m.text))
        page.on("pageerror", lambda e: self.errors.append(str(e)))

    def _route(self, route: Any) -> None:
        url = route.request.url
        if urlsplit(url).scheme in ("data", "blob") or urlsplit(url).hostname in LOCAL:
            route.continue_()
        else:
            self.foreign.append(url)
            route.abort()


@pytest.fixture
def offline(browser: Any) -> Iterator[Offline]:
    context = browser.new_context(viewport={"width": 1400, "height": 1400})
    page = context.new_page()
    page.set_default_timeout(20_000)
    watched = Offline(page)
    yield watched
    context.close()
    assert watched.foreign == [], f"requests left the machine: {watched.foreign}"
    assert watched.errors == []


def _counts(db: Path, **flt: Any) -> tuple[int, int]:
    with open_store(db) as store:
        found = store.network(NetworkFilters(**flt))
    return len(found.nodes), len(found.edges)


def _shown(page: Any) -> tuple[int, int]:
    box = page.locator("#network-counts")
    return int(box.get_attribute("data-nodes")), int(box.get_attribute("data-edges"))


def _open(page: Any, server: str) -> None:
    page.goto(server)
    page.locator("nav a", has_text="Network").click()
    page.locator(".network-canvas[data-renders='1']").wait_for()


def _apply(page: Any, renders: int) -> None:
    page.locator("#network-apply").click()
    page.locator(f".network-canvas[data-renders='{renders}']").wait_for()


def test_network_page_filter_then_edge_evidence(
    offline: Offline, net_server: str, net_db: Path
) -> None:
    page = offline.page
    _open(page, net_server)
    assert _shown(page) == _counts(net_db) == (4, 2)
    assert page.locator("#network-edges tbody tr").count() == 2
    page.locator("input[name='min_sources']").fill("2")
    _apply(page, 2)
    assert _shown(page) == _counts(net_db, min_sources=2) == (2, 1)
    assert "min_sources=2" in page.url
    (row,) = page.locator("#network-edges tbody tr").all()
    assert row.get_attribute("data-edge-id") == edge_id(HADDAD, "leader_of", BRIGADE)
    row.locator("button.edge-open").click()
    claims = page.locator("#edge-evidence li.fact")
    claims.first.wait_for()
    assert claims.count() == 2
    assert "2 sources" in page.locator("#edge-evidence").inner_text()
    claims.filter(has_text="the commander of the Northern Brigade").locator(
        "a.evidence-link"
    ).click()
    mark = page.locator("#selected-evidence")
    mark.wait_for()
    assert mark.inner_text() == "the commander of the Northern Brigade"
    assert f"#/document/{analysis_a().document.id}?fact=relation" in page.url


def test_network_page_actor_filters_match_the_store(
    offline: Offline, net_server: str, net_db: Path
) -> None:
    page = offline.page
    _open(page, net_server)
    page.locator("fieldset[data-filter='type'] input[value='PERSON']").uncheck()
    _apply(page, 2)
    assert _shown(page) == _counts(net_db, types=frozenset({"ORG", "GPE"})) == (2, 1)
    assert page.locator("#network-edges tbody tr").inner_text().startswith("Southern Front")
    page.locator("fieldset[data-filter='status'] input").evaluate_all(
        "boxes => boxes.forEach(b => { b.checked = false; })"
    )
    page.locator("#network-apply").click()
    assert "Tick at least one claim status" in page.locator("[role='alert']").first.inner_text()
    assert _shown(page) == (2, 1)  # nothing fetched: the drawing stays
    page.locator("button[data-style='colour'][data-value='type']").click()
    assert "colour=type" in page.url
    mentions = page.locator("button[data-style='size'][data-value='mentions']")
    mentions.click()
    assert mentions.get_attribute("aria-pressed") == "true" and "size=mentions" in page.url
    legend = page.locator(".net-main .legend").inner_text()
    assert "ORG" in legend and "GPE" in legend


def _click_edge(page: Any, source: str, target: str, expect: str) -> None:
    """Click the middle of an edge drawn on the canvas until its evidence shows.

    sigma finds the edge under the mouse in a raster of the edges, where a line 2 pixels
    wide may lie a pixel or two beside its geometric middle: the click moves across it.
    """
    a, b = (page.evaluate("id => window.networkView.point(id)", n) for n in (source, target))
    length = max(1.0, ((b["x"] - a["x"]) ** 2 + (b["y"] - a["y"]) ** 2) ** 0.5)
    across = (-(b["y"] - a["y"]) / length, (b["x"] - a["x"]) / length)
    fact = page.locator(".net-fact", has_text=expect)
    for offset in (0, 1, -1, 2, -2, 3, -3):
        x = (a["x"] + b["x"]) / 2 + offset * across[0]
        y = (a["y"] + b["y"]) / 2 + offset * across[1]
        page.mouse.click(x, y)
        page.wait_for_timeout(400)  # two clicks within sigma's delay are a double click
        if fact.count():
            return
    raise AssertionError(f"no click on the edge {expect!r} showed its evidence")


def test_network_page_canvas_clicks_open_edge_and_actor(offline: Offline, net_server: str) -> None:
    page = offline.page
    _open(page, net_server)
    page.locator(".network-canvas[data-settled='1']").wait_for()
    page.locator(".network-canvas").scroll_into_view_if_needed()
    _click_edge(page, HADDAD, BRIGADE, "Samir Haddad leader of Northern Brigade")
    assert page.locator("#edge-evidence li.fact").count() == 2
    front, kessa = actor_id("Southern Front", "ORG"), actor_id("Kessa", "GPE")
    _click_edge(page, front, kessa, "Southern Front operates in Kessa")
    assert page.locator("#edge-evidence li.fact").count() == 1
    node = page.evaluate("id => window.networkView.point(id)", BRIGADE)
    page.mouse.click(node["x"], node["y"])
    page.locator("h1", has_text="Northern Brigade").wait_for()
    assert f"#/actor/{BRIGADE}" in page.url
    # Back to the network: a new drawing, with the positions laid out before.
    page.go_back()
    page.locator(".network-canvas[data-settled='1']").wait_for()
    assert _shown(page) == (4, 2)
    again = page.evaluate("id => window.networkView.point(id)", BRIGADE)
    assert (round(again["x"]), round(again["y"])) == (round(node["x"]), round(node["y"]))
