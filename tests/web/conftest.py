"""The page in headless Chromium: a store from the seed article, a live server, a browser.

Chromium is Debian's (``apt-get install chromium``), driven by Playwright; Playwright's own
browser download is never used.
"""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import uvicorn

from actorgraph.api import create_app
from actorgraph.ingest import Failure, read_path
from actorgraph.pipeline.analyze import analyze_document
from actorgraph.store import open_store

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"
CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
# Article text is untrusted: this one tries markup, script and a javascript: URL.
HOSTILE_ARTICLE = (
    "Colonel Samir Haddad, the commander of the Northern Shield Brigades <img src=x "
    'onerror="alert(1)">, said on Monday that his men had retaken the bridge. '
    '"We will hold this line <script>alert(2)</script>," Haddad said. '
    '<a href="javascript:alert(3)">Karim Nasser</a>, a spokesman for the brigades, '
    "said they withdrew from Tel Hamra last March.\n"
)


@pytest.fixture(scope="module")
def web_db(tmp_path_factory: pytest.TempPathFactory, nlp: Any) -> Path:
    """The seed article and one hostile article, analysed by the real model, in SQLite."""
    folder = tmp_path_factory.mktemp("web")
    hostile = folder / "hostile.txt"
    hostile.write_text(HOSTILE_ARTICLE, encoding="utf-8")
    (folder / "hostile.meta.json").write_text(
        '{"title": "<b>Bridge</b> <script>alert(4)</script>", "published": "2016-05-10"}',
        encoding="utf-8",
    )
    path = folder / "web.db"
    with open_store(path) as store:
        for source in (EXAMPLES, hostile):
            for doc in read_path(source):
                assert not isinstance(doc, Failure), doc
                store.save(analyze_document(doc, nlp=nlp))
    return path


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.fixture(scope="module")
def server(web_db: Path) -> Iterator[str]:
    """Serve the store on a free loopback port in a thread; yield its base URL."""
    config = uvicorn.Config(
        create_app(str(web_db)), host="127.0.0.1", port=_free_port(), log_level="warning"
    )
    running = uvicorn.Server(config)
    thread = threading.Thread(target=running.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not running.started:
        assert thread.is_alive() and time.monotonic() < deadline, "the server did not start"
        time.sleep(0.05)
    yield f"http://127.0.0.1:{config.port}/"
    running.should_exit = True
    thread.join(timeout=10)


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    from playwright.sync_api import sync_playwright

    assert CHROMIUM.exists(), "install Debian's chromium: apt-get install -y chromium"
    with sync_playwright() as p:
        launched = p.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield launched
        launched.close()


class Watched:
    """A page whose dialogs, console errors and uncaught exceptions are recorded."""

    def __init__(self, page: Any) -> None:
        self.page = page
        self.dialogs: list[str] = []
        self.errors: list[str] = []
        page.on("dialog", self._dialog)
        page.on("console", lambda m: m.type == "error" and self.errors.append(m.text))
        page.on("pageerror", lambda e: self.errors.append(str(e)))

    def _dialog(self, dialog: Any) -> None:
        self.dialogs.append(dialog.message)
        dialog.dismiss()


@pytest.fixture
def watched(browser: Any) -> Iterator[Watched]:
    context = browser.new_context(viewport={"width": 1400, "height": 1000})
    page = context.new_page()
    page.set_default_timeout(15_000)
    yield Watched(page)
    context.close()
