"""Serve a store on a free loopback port and save a screenshot of its Map page.

    python scripts/screenshot_map.py --db STORE --out docs/map.png [--map-only]

Debian's chromium (/usr/bin/chromium) through Playwright, as the browser tests use it;
any request to another host is aborted and makes the script fail.
"""

from __future__ import annotations

import argparse
import socket
import sys
import threading
import time
from urllib.parse import urlsplit

import uvicorn
from playwright.sync_api import Route, sync_playwright

from actorgraph.api import create_app

CHROMIUM = "/usr/bin/chromium"


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", required=True, help="the store to show")
    parser.add_argument("--out", required=True, help="the PNG to write")
    parser.add_argument("--query", default="", help="the map's filters, e.g. type=ASSAULT")
    parser.add_argument("--click-largest", action="store_true", help="list a point's events")
    parser.add_argument(
        "--map-only",
        action="store_true",
        help="leave out the lists beside the map (they quote the articles)",
    )
    args = parser.parse_args()

    config = uvicorn.Config(
        create_app(args.db), host="127.0.0.1", port=_free_port(), log_level="warning"
    )
    server = uvicorn.Server(config)
    threading.Thread(target=server.run, daemon=True).start()
    while not server.started:
        time.sleep(0.05)
    offsite: list[str] = []

    def guard(route: Route) -> None:
        if urlsplit(route.request.url).hostname in ("127.0.0.1", "localhost"):
            route.continue_()
        else:
            offsite.append(route.request.url)
            route.abort()

    try:
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox"])
            width = 1000 if args.map_only else 1440
            context = browser.new_context(viewport={"width": width, "height": 1400})
            context.route("**/*", guard)
            page = context.new_page()
            query = f"?{args.query}" if args.query else ""
            page.goto(f"http://127.0.0.1:{config.port}/#/map{query}")
            page.locator("svg.map g.point").first.wait_for()
            if args.click_largest:
                points = page.locator("svg.map g.point")
                sizes = points.evaluate_all("ps => ps.map(p => Number(p.dataset.count))")
                points.nth(sizes.index(max(sizes))).click()
                page.locator(".map-selection li.map-event").first.wait_for()
            if args.map_only:  # one column at this width: the lists stand below the map
                box = page.locator(".map-card").bounding_box()
                assert box is not None
                clip = {"x": 0, "y": 0, "width": 1000, "height": box["y"] + box["height"] + 16}
                page.screenshot(path=args.out, clip=clip)
            else:
                page.screenshot(path=args.out)
            browser.close()
    finally:
        server.should_exit = True
    if offsite:
        print(f"the page asked another host: {offsite}", file=sys.stderr)
        return 1
    print(f"wrote {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
