"""The page in headless Chromium: a store from the seed article, a live server, a browser.

Chromium is Debian's (``apt-get install chromium``), driven by Playwright; Playwright's own
browser download is never used.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import pytest
from web_samples import build, serving
from xss_samples import write_corpus

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
    return build(folder / "web.db", nlp, EXAMPLES, hostile)


@pytest.fixture(scope="module")
def server(web_db: Path) -> Iterator[str]:
    """The seed and hostile articles' store, served; yields its base URL."""
    with serving(web_db) as url:
        yield url


@pytest.fixture(scope="module")
def xss_server(tmp_path_factory: pytest.TempPathFactory, nlp: Any) -> Iterator[str]:
    """The XSS corpus (xss_samples.py) ingested by the real readers and model, served."""
    folder = tmp_path_factory.mktemp("xss")
    write_corpus(folder / "corpus")
    with serving(build(folder / "xss.db", nlp, folder / "corpus")) as url:
        yield url


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    from playwright.sync_api import sync_playwright

    assert CHROMIUM.exists(), "install Debian's chromium: apt-get install -y chromium"
    with sync_playwright() as p:
        launched = p.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield launched
        launched.close()


LOCAL_HOSTS = frozenset({"127.0.0.1", "localhost", "::1"})


class Watched:
    """A page whose dialogs, console errors, uncaught exceptions, requests and responses
    are recorded; a request to any other host than this machine is aborted and recorded in
    ``offsite`` (the ``watched`` fixture fails the test if any was made)."""

    def __init__(self, page: Any) -> None:
        self.page = page
        self.dialogs: list[str] = []
        self.errors: list[str] = []
        self.requests: list[str] = []
        self.responses: list[Any] = []
        self.offsite: list[str] = []
        page.context.route("**/*", self._route)
        page.on("dialog", self._dialog)
        page.on("console", lambda m: m.type == "error" and self.errors.append(m.text))
        page.on("pageerror", lambda e: self.errors.append(str(e)))
        page.on("request", lambda r: self.requests.append(r.url))
        page.on("response", lambda r: self.responses.append(r))

    def _route(self, route: Any) -> None:
        url = route.request.url
        if urlsplit(url).hostname in LOCAL_HOSTS:
            route.continue_()
        else:
            self.offsite.append(url)
            route.abort()

    def _dialog(self, dialog: Any) -> None:
        self.dialogs.append(dialog.message)
        dialog.dismiss()


@pytest.fixture
def watched(browser: Any) -> Iterator[Watched]:
    context = browser.new_context(viewport={"width": 1400, "height": 1000})
    page = context.new_page()
    page.set_default_timeout(15_000)
    watched = Watched(page)
    yield watched
    context.close()
    assert watched.offsite == [], f"the page asked another host: {watched.offsite}"
