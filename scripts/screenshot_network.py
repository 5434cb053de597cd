"""Take docs/network.png: the network view of a store, in headless Chromium.

    mkdir -p /tmp/corpus && cp ../shared/corpus/dev/*.txt ../shared/corpus/dev/*.meta.json \
        ../shared/datasets/quotes/polnear/data/dev/text/*.txt /tmp/corpus/
    actorgraph --db /tmp/net.db ingest /tmp/corpus
    .venv/bin/python scripts/screenshot_network.py /tmp/net.db [docs/network.png] [--query Q]

(the texts are copied so that the corpus's README is not ingested as an article).
The store is served on a loopback port; the page is left to lay the network out, then
captured. Requests to any other host are aborted (and fail the script).
"""

from __future__ import annotations

import argparse
import socket
import threading
import time
from pathlib import Path

import uvicorn
from playwright.sync_api import sync_playwright

from actorgraph.api import create_app


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("db")
    parser.add_argument("out", nargs="?", default="docs/network.png")
    parser.add_argument("--query", default="", help="filters, as in the page's URL")
    # No evidence by default: the picture goes into git, the articles' sentences must not.
    parser.add_argument("--edge", type=int, default=0, help="open the evidence of this row")
    args = parser.parse_args()
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = int(s.getsockname()[1])
    server = uvicorn.Server(
        uvicorn.Config(create_app(args.db), host="127.0.0.1", port=port, log_level="warning")
    )
    threading.Thread(target=server.run, daemon=True).start()
    while not server.started:
        time.sleep(0.05)
    base = f"http://127.0.0.1:{port}/"
    foreign: list[str] = []
    try:
        with sync_playwright() as p:
            browser = p.chromium.launch(
                executable_path="/usr/bin/chromium", args=["--no-sandbox", "--disable-gpu"]
            )
            page = browser.new_page(viewport={"width": 1400, "height": 1180})

            def route(r: object) -> None:
                url = r.request.url  # type: ignore[attr-defined]
                if url.startswith(base) or url.startswith("data:"):
                    r.continue_()  # type: ignore[attr-defined]
                else:
                    foreign.append(url)
                    r.abort()  # type: ignore[attr-defined]

            page.route("**/*", route)
            page.goto(base + "#/network" + (f"?{args.query}" if args.query else ""))
            page.locator(".network-canvas[data-settled='1']").wait_for(timeout=120_000)
            if args.edge:
                page.locator("#network-edges button.edge-open").nth(args.edge - 1).click()
                page.locator("#edge-evidence li.fact").first.wait_for()
                page.evaluate("window.scrollTo(0, 0)")
            page.wait_for_timeout(500)
            page.screenshot(path=args.out, full_page=False)
            browser.close()
    finally:
        server.should_exit = True
    if foreign:
        raise SystemExit(f"requests left the machine: {foreign}")
    print(f"wrote {Path(args.out)}")


if __name__ == "__main__":
    main()
