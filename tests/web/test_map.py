"""The Map page in headless Chromium, on the four hand-made analyses of map_samples.

Tel Hamra and Zarzour (some 30 km apart) share one point until the map is zoomed in;
Douma is a point of its own; three events cannot be put on the map and are listed beside
it. A second store holds one event whose place, actor, sentence and title are markup.
Every request stays on this machine (the ``watched`` fixture fails the test if not).
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from web_samples import serving

from actorgraph.store import open_store
from map_samples import HOSTILE_ACTOR, HOSTILE_PLACE, SHELLED, analysis_hostile, build_map

Watched = Any


@pytest.fixture(scope="module")
def map_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    with serving(build_map(tmp_path_factory.mktemp("map") / "map.db")) as url:
        yield url


def _open_map(watched: Watched, url: str) -> Any:
    page = watched.page
    page.goto(url)
    page.locator("nav a", has_text="Map").click()
    page.locator("svg.map g.point").first.wait_for()
    return page


def _points(page: Any) -> list[dict[str, str]]:
    return list(
        page.locator("svg.map g.point").evaluate_all(
            "ps => ps.map(p => ({count: p.dataset.count, types: p.dataset.types,"
            " places: p.dataset.places, casualties: p.dataset.casualties}))"
        )
    )


def test_map_draws_points_on_country_shapes(watched: Watched, map_server: str) -> None:
    page = _open_map(watched, map_server)
    assert page.locator("svg.map path.country").count() > 200  # world-atlas 50m: 241
    assert sorted(_points(page), key=lambda p: p["places"]) == [
        {"count": "1", "types": "PROTEST", "places": "Douma", "casualties": "0"},
        {"count": "2", "types": "ASSAULT", "places": "Tel Hamra|Zarzour", "casualties": "16"},
    ]
    cluster = page.locator("svg.map g.point.cluster")
    assert cluster.locator("text.point-count").text_content() == "2"
    douma = page.locator("svg.map g.point:not(.cluster)")
    assert float(cluster.locator("circle.ring").get_attribute("r")) > float(
        douma.locator("circle.ring").get_attribute("r")
    )  # 12 killed and 4 injured against none known
    legend = page.locator(".map-legend").inner_text()
    assert "ASSAULT (4)" in legend and "PROTEST (1)" in legend and "COERCE (1)" in legend
    summary = page.locator(".map-summary").inner_text()
    assert summary == "6 events: 3 on the map at 3 places, 3 not on the map"
    vendored = [u for u in watched.requests if "/static/vendor/" in u]
    assert any(u.endswith("world-atlas/countries-50m.json") for u in vendored)
    assert any(u.endswith("d3-geo/d3-geo.min.js") for u in vendored)
    assert watched.dialogs == [] and watched.errors == []


def test_map_lists_events_it_cannot_place(watched: Watched, map_server: str) -> None:
    page = _open_map(watched, map_server)
    off = page.locator(".off-map li.map-event")
    assert off.count() == 3
    texts = off.all_inner_texts()
    assert sum("Wadi Zeit (no coordinates)" in t for t in texts) == 1
    assert sum("no place named" in t for t in texts) == 2
    assert page.locator(".off-map .count").inner_text() == "3"
    assert watched.dialogs == [] and watched.errors == []


def test_map_filter_point_event_sentence(watched: Watched, map_server: str) -> None:
    page = _open_map(watched, map_server)
    page.locator(".map-filters select[name='modality']").select_option("reported")
    page.locator(".map-filters button[type='submit']").click()
    page.wait_for_url("**#/map?modality=reported")
    page.locator(".map-summary", has_text="1 event: 1 on the map").wait_for()
    assert _points(page) == [
        {"count": "1", "types": "ASSAULT", "places": "Tel Hamra", "casualties": "12"}
    ]
    assert page.locator(".map-filters select[name='modality']").input_value() == "reported"
    page.locator("svg.map g.point").click()
    chosen = page.locator(".map-selection li.map-event")
    chosen.first.wait_for()
    assert chosen.count() == 1
    assert "12 killed" in chosen.inner_text() and "reported" in chosen.inner_text()
    assert page.locator("svg.map g.point.selected").count() == 1
    chosen.locator("a.evidence-link").click()
    mark = page.locator("#selected-evidence")
    mark.wait_for()
    assert mark.inner_text() == "Gunmen of the Northern Brigade attacked the army in Tel Hamra"
    assert "fact=event" in page.url
    assert watched.dialogs == [] and watched.errors == []


def test_map_cluster_lists_its_events_and_splits_when_zoomed(
    watched: Watched, map_server: str
) -> None:
    page = _open_map(watched, map_server)
    page.locator("svg.map g.point.cluster").click()
    chosen = page.locator(".map-selection li.map-event")
    chosen.first.wait_for()
    assert chosen.count() == 2
    assert "2 events at" in (page.locator(".map-selection h2").text_content() or "")
    assert SHELLED[:30] in chosen.first.inner_text()  # the newest first: 2 July 2016
    for _ in range(2):
        page.locator(".map-zoom button[title='Zoom in']").click()
    assert sorted(p["places"] for p in _points(page)) == ["Douma", "Tel Hamra", "Zarzour"]
    assert page.locator("svg.map g.point.selected").count() == 2  # the chosen stay marked
    page.locator(".map-zoom button", has_text="Fit").click()
    assert len(_points(page)) == 2
    assert watched.dialogs == [] and watched.errors == []


def test_map_type_and_date_filters_and_an_empty_map(watched: Watched, map_server: str) -> None:
    page = watched.page
    page.goto(map_server + "#/map?type=PROTEST&since=2016-06-01&until=2016-06-30")
    page.locator("svg.map g.point").first.wait_for()
    assert [p["places"] for p in _points(page)] == ["Douma"]
    assert page.locator(".map-summary").inner_text() == (
        "1 event: 1 on the map at 1 place, 0 not on the map "
        "(a date range leaves undated events out)"
    )
    assert page.locator(".map-filters select[name='type']").input_value() == "PROTEST"
    page.goto(map_server + "#/map?actor=Southern%20Front&type=ASSAULT")
    page.locator(".map-summary", has_text="1 event: 0 on the map").wait_for()
    assert page.locator("svg.map g.point").count() == 0
    assert page.locator(".off-map li.map-event").count() == 1
    assert (
        "No event in this selection has coordinates" in page.locator(".map-selection").inner_text()
    )
    assert watched.dialogs == [] and watched.errors == []


def test_map_guard_stops_a_request_to_another_host(watched: Watched, map_server: str) -> None:
    page = _open_map(watched, map_server)
    # The page's policy (connect-src 'self') stops a fetch before it is sent; a navigation
    # is not subject to it, so the guard itself must stop it.
    page.evaluate("window.location.href = 'http://offsite.invalid/tiles/0/0/0.png'")
    page.wait_for_timeout(300)
    assert watched.offsite == ["http://offsite.invalid/tiles/0/0/0.png"]
    watched.offsite.clear()  # this one was made on purpose: the fixture checks the rest


@pytest.fixture(scope="module")
def hostile_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    path = tmp_path_factory.mktemp("hostile-map") / "map.db"
    with open_store(path) as store:
        store.save(analysis_hostile())
    with serving(path) as url:
        yield url


def test_map_shows_hostile_names_as_text(watched: Watched, hostile_server: str) -> None:
    page = watched.page
    page.goto(hostile_server + "#/map")
    point = page.locator("svg.map g.point")
    point.wait_for()
    assert point.get_attribute("data-places") == HOSTILE_PLACE
    assert HOSTILE_PLACE in (point.locator("title").text_content() or "")
    point.click()
    chosen = page.locator(".map-selection li.map-event")
    chosen.wait_for()
    text = chosen.inner_text()
    assert HOSTILE_PLACE in text and HOSTILE_ACTOR in text and "3 killed" in text
    assert "<b>Raid</b><script>alert(4)</script>" in text
    assert (
        page.locator("#view script, #view img, #view b, #view a[href^='javascript']").count() == 0
    )
    chosen.locator("a.evidence-link").click()
    page.locator("#selected-evidence").wait_for()
    assert HOSTILE_PLACE in page.locator("#selected-evidence").inner_text()
    assert watched.dialogs == [] and watched.errors == []


def test_map_wheel_zooms_at_the_pointer_and_drag_pans(watched: Watched, map_server: str) -> None:
    page = _open_map(watched, map_server)
    box = page.locator("svg.map g.point.cluster").bounding_box()
    assert box is not None
    x, y = box["x"] + box["width"] / 2, box["y"] + box["height"] / 2
    page.mouse.move(x, y)
    for _ in range(5):
        page.mouse.wheel(0, -200)
    page.wait_for_function("document.querySelectorAll('svg.map g.point').length === 3")
    zarzour = page.locator("svg.map g.point[data-places='Zarzour']")
    before = zarzour.bounding_box()
    assert before is not None
    # Zoomed at the pointer: the two places stay near where their cluster was.
    assert abs(before["x"] - x) < 120 and abs(before["y"] - y) < 120
    map_box = page.locator("svg.map").bounding_box()
    assert map_box is not None
    start = (map_box["x"] + 40, map_box["y"] + map_box["height"] - 40)  # open sea or land
    page.mouse.move(*start)
    page.mouse.down()
    page.mouse.move(start[0] + 60, start[1] - 30, steps=5)
    page.mouse.up()
    after = zarzour.bounding_box()
    assert after is not None
    assert abs(after["x"] - before["x"] - 60) < 3 and abs(after["y"] - before["y"] + 30) < 3
    assert page.locator(".map-selection li.map-event").count() == 0  # a drag is no click
    assert watched.dialogs == [] and watched.errors == []
