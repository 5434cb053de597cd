"""Time the whole-network view on a synthetic store of 2,000 actors and 10,000 edges.

Builds the store (``_network_synth.py``: documents saved with ``Store.save``), serves it
on a loopback port, opens ``#/network`` in headless Chromium (Debian's, through
Playwright) and prints, per run, in a fresh browser context:

- ``first_render``: from navigation to the first picture of the whole network (the page,
  its libraries, ``/api/network``, Louvain and the first draw);
- ``settled``: until the layout (ForceAtlas2, a fixed number of iterations) has ended;
- ``filter``: from clicking Apply with ``min_sources=2`` to the filtered network drawn,
  and ``filter_type`` with people left out;
- the page's own marks: ``api`` (the fetch), ``communities``, ``layout``.

Prints the median of ``--runs`` and ends with one line
``network_page actors=N edges=M first_render_s=X settled_s=Y filter_s=Z``.

    python benchmarks/perf/network_page.py [--actors 2000] [--facts 10000] [--runs 3]
        [--keep PATH | --reuse PATH]
"""

from __future__ import annotations

import argparse
import socket
import statistics
import sys
import tempfile
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import uvicorn
from _network_synth import analyses

from actorgraph.api import create_app
from actorgraph.store import open_store
from actorgraph.store.network import NetworkFilters

CHROMIUM = "/usr/bin/chromium"
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--no-first-run"]


def build(path: Path, actors: int, facts: int) -> float:
    """Write the synthetic analyses into a new store at ``path``; return the seconds taken."""
    started = time.perf_counter()
    with open_store(path) as store:
        for n, analysis in enumerate(analyses(actors=actors, facts=facts), start=1):
            store.save(analysis)
            if n % 100 == 0:
                print(f"  {n} documents", end="\r", file=sys.stderr, flush=True)
    print(file=sys.stderr)
    return time.perf_counter() - started


@contextmanager
def serving(db: Path) -> Iterator[str]:
    """Serve the store on a free loopback port in a thread; yield its base URL."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = int(s.getsockname()[1])
    server = uvicorn.Server(
        uvicorn.Config(create_app(str(db)), host="127.0.0.1", port=port, log_level="warning")
    )
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 30
    while not server.started:
        if not thread.is_alive() or time.monotonic() > deadline:
            raise SystemExit("the server did not start")
        time.sleep(0.05)
    try:
        yield f"http://127.0.0.1:{port}/"
    finally:
        server.should_exit = True
        thread.join(timeout=10)


def _marks(page: Any) -> dict[str, float]:
    entries = page.evaluate(
        "performance.getEntriesByType('measure').map(m => [m.name, m.duration])"
    )
    out: dict[str, float] = {}
    for name, duration in entries:
        out.setdefault(name, duration / 1000)  # the first of each: the whole network's
    return out


def _wait(page: Any, selector: str) -> None:
    page.locator(selector).wait_for(timeout=180_000)


def one_run(browser: Any, url: str, foreign: list[str]) -> dict[str, Any]:
    """Open the view, wait for it, apply two filters; return the timings and counts."""
    context = browser.new_context(viewport={"width": 1400, "height": 1100})
    page = context.new_page()

    def route(r: Any) -> None:  # nothing may leave the machine
        if r.request.url.startswith(url) or r.request.url.startswith("data:"):
            r.continue_()
        else:
            foreign.append(r.request.url)
            r.abort()

    page.route("**/*", route)
    errors: list[str] = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    # The clock starts at navigation: the page's performance.now() counts from there.
    page.goto(url + "#/network")
    _wait(page, ".network-canvas[data-renders='1']")
    first = page.evaluate(
        "performance.getEntriesByName('network:drawn', 'measure')[0].startTime"
        " + performance.getEntriesByName('network:drawn', 'measure')[0].duration"
    )
    _wait(page, ".network-canvas[data-settled='1']")
    layout_end = page.evaluate(
        "performance.getEntriesByName('network:layout', 'measure')[0].startTime"
        " + performance.getEntriesByName('network:layout', 'measure')[0].duration"
    )
    marks = _marks(page)
    counts = page.locator("#network-counts")
    shown = (int(counts.get_attribute("data-nodes")), int(counts.get_attribute("data-edges")))
    page.locator("input[name='min_sources']").fill("2")
    started = time.perf_counter()
    page.locator("#network-apply").click()
    _wait(page, ".network-canvas[data-renders='2']")
    filtered = time.perf_counter() - started
    narrowed = int(counts.get_attribute("data-edges"))
    page.locator("input[name='min_sources']").fill("1")
    page.locator("fieldset[data-filter='type'] input[value='PERSON']").uncheck()
    started = time.perf_counter()
    page.locator("#network-apply").click()
    _wait(page, ".network-canvas[data-renders='3']")
    by_type = time.perf_counter() - started
    context.close()
    if errors:
        raise SystemExit(f"the page failed: {errors}")
    return {
        "first_render": first / 1000,
        "settled": layout_end / 1000,
        "filter": filtered,
        "filter_type": by_type,
        "api": marks.get("network:fetched", 0.0),
        "communities": marks.get("network:communities", 0.0),
        "layout": marks.get("network:layout", 0.0),
        "nodes": shown[0],
        "edges": shown[1],
        "edges_min2": narrowed,
    }


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--actors", type=int, default=2000)
    parser.add_argument("--facts", type=int, default=10_000)
    parser.add_argument("--runs", type=int, default=3)
    where = parser.add_mutually_exclusive_group()
    where.add_argument("--keep", type=Path, help="build the store here and keep it")
    where.add_argument("--reuse", type=Path, help="time a store built before with --keep")
    args = parser.parse_args(argv)
    from playwright.sync_api import sync_playwright

    with tempfile.TemporaryDirectory() as tmp:
        db = args.reuse or args.keep or Path(tmp) / "network.db"
        if not args.reuse:
            print(f"built the store in {build(db, args.actors, args.facts):.1f} s")
        with open_store(db) as store:
            expected = store.network(NetworkFilters())
            min2 = store.network(NetworkFilters(min_sources=2))
        print(f"store: {len(expected.nodes):,} actors, {len(expected.edges):,} edges "
              f"({len(min2.edges):,} with 2+ sources)")  # fmt: skip
        foreign: list[str] = []
        runs = []
        with serving(db) as url, sync_playwright() as p:
            browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
            for n in range(args.runs):
                run = one_run(browser, url, foreign)
                assert (run["nodes"], run["edges"]) == (len(expected.nodes), len(expected.edges))
                assert run["edges_min2"] == len(min2.edges)
                runs.append(run)
                print(f"run {n + 1}: " + " ".join(
                    f"{k}={v:.2f}s" for k, v in run.items() if isinstance(v, float)))  # fmt: skip
            browser.close()
        if foreign:
            raise SystemExit(f"requests left the machine: {foreign}")
    med = {
        k: statistics.median(r[k] for r in runs) for k in runs[0] if isinstance(runs[0][k], float)
    }
    print("median: " + " ".join(f"{k}={v:.2f}s" for k, v in med.items()))
    print(
        f"network_page actors={len(expected.nodes)} edges={len(expected.edges)} "
        f"first_render_s={med['first_render']:.2f} settled_s={med['settled']:.2f} "
        f"filter_s={med['filter']:.2f} filter_type_s={med['filter_type']:.2f}"
    )


if __name__ == "__main__":
    main()
