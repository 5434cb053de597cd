"""XSS: the payloads of xss_payloads.txt, ingested by the real readers and model, on the page.

Every view that shows stored text is opened: the documents list, each document, the actors
whose names carry markup (profile and network), search, and the timeline. Nothing may run
(no dialog, console error or uncaught exception), nothing may be fetched but the page's
own files and API, no element may come from the data, every link must be http(s), and
the payloads must still be shown, as text.
"""

from __future__ import annotations

import json
import re
import urllib.request
from typing import Any
from urllib.parse import urlsplit

from xss_samples import HOSTILE_URLS, WEB_URLS, payloads

Watched = Any  # see conftest.py

# What the page may fetch: itself, its static files, and its API.
ALLOWED = re.compile(r"(?:|static/[\w.-]+\.(?:js|css|svg|html)|api/[\w%./-]*(?:\?.*)?|#.*)")
MARKUP = re.compile(r"[<>&{}\"']")
# Elements the page never makes; from the data they would be an injection.
FOREIGN = (
    "script, iframe, frame, object, embed, img, image, video, audio, source, base, style, "
    "link, meta, textarea, select, math, details, noscript, body, x, foreignObject, use, "
    "input:not([name=since]):not([name=until]):not(#token-input)"
)
INJECTED = """(foreign) => {
  const found = [];
  for (const root of document.querySelectorAll("#view, #search-results")) {
    for (const e of root.querySelectorAll(foreign)) found.push(e.outerHTML.slice(0, 120));
    for (const e of root.querySelectorAll("*")) {
      for (const a of e.attributes) {
        const name = a.name.toLowerCase();
        if (name.startsWith("on") || name === "srcdoc" || name === "formaction"
            || name === "style" || name.endsWith(":href") || name === "src") {
          found.push(`${e.tagName}[${a.name}=${a.value.slice(0, 60)}]`);
        }
      }
    }
  }
  return found;
}"""


# Wait until the element shows exactly this text (the view before it showed another).
SHOWS = "([selector, text]) => document.querySelector(selector)?.textContent === text"


def _api(base: str, path: str) -> Any:
    with urllib.request.urlopen(base + path.lstrip("/")) as response:
        return json.load(response)


def _harmless(watched: Watched, base: str) -> None:
    """Assert nothing ran, nothing foreign was fetched or made, every link is http(s)."""
    page = watched.page
    assert watched.dialogs == [], watched.dialogs
    assert watched.errors == [], watched.errors
    unexpected = [
        url
        for url in watched.requests
        if not url.startswith(base) or not ALLOWED.fullmatch(url[len(base) :])
    ]
    assert unexpected == [], unexpected
    assert page.evaluate(INJECTED, FOREIGN) == []
    links = page.eval_on_selector_all(
        "a[href]", "links => links.map(a => [a.href, a.closest('.url') !== null])"
    )
    for href, is_source in links:
        assert urlsplit(href).scheme in ("http", "https"), href
        # Only a document's own http(s) URL may lead off this server.
        assert is_source or href.startswith(base), href


def _go(page: Any, hash_: str) -> None:
    """Open ``hash_`` on the page already loaded, as a click on a link would."""
    page.evaluate("h => { window.location.hash = h; }", hash_)


def test_xss_documents_list_shows_every_title_as_text(watched: Watched, xss_server: str) -> None:
    page = watched.page
    page.goto(xss_server + "#/documents")
    page.locator(".doc-list a").first.wait_for()
    shown = set(page.eval_on_selector_all(".doc-list a", "as => as.map(a => a.textContent)"))
    titles = {d["title"] for d in _api(xss_server, "/api/documents?limit=500")["items"]}
    assert set(payloads()) <= titles  # every payload is some document's title
    assert titles - {None} <= shown and "Untitled document" in shown
    _harmless(watched, xss_server)


def test_xss_every_document_shows_its_text_verbatim(watched: Watched, xss_server: str) -> None:
    page = watched.page
    page.goto(xss_server + "#/documents")
    page.locator(".doc-list a").first.wait_for()
    documents = _api(xss_server, "/api/documents?limit=500")["items"]
    assert len(documents) == len(payloads()) + 4  # the JSON Lines records, txt, names, html, md
    kinds = {"link": 0, "text": 0}
    for listed in documents:
        doc = _api(xss_server, f"/api/documents/{listed['id']}")
        _go(page, f"#/document/{doc['id']}")
        page.locator(".meta.mono", has_text=doc["id"]).wait_for()
        assert page.locator("h1").text_content() == (doc["title"] or "Untitled document")
        assert page.locator(".doc-text").evaluate("e => e.textContent") == doc["text"]
        meta = page.locator(".page-head").text_content() or ""
        for field in ("author", "publisher"):
            assert doc[field] is None or doc[field] in meta, field
        if doc["url"] is None:
            assert page.locator(".url").count() == 0
            continue
        assert page.locator(".url").text_content() == f"Source URL: {doc['url']}"
        link = page.locator(".url a")
        if doc["url"] in WEB_URLS:
            assert link.count() == 1 and link.text_content() == doc["url"]
            href = link.get_attribute("href") or ""
            assert href.startswith(("https://example.org/", "http://example.org/")), href
            assert "<" not in href and '"' not in href  # percent-encoded, not markup
            assert link.get_attribute("rel") == "noopener noreferrer nofollow"
            kinds["link"] += 1
        else:
            assert link.count() == 0, doc["url"]
            kinds["text"] += 1
    assert kinds["link"] >= len(WEB_URLS) and kinds["text"] >= len(HOSTILE_URLS)
    _harmless(watched, xss_server)


def test_xss_actor_names_with_markup_show_as_text(watched: Watched, xss_server: str) -> None:
    page = watched.page
    actors = _api(xss_server, "/api/actors?limit=500")["items"]
    marked = [a for a in actors if MARKUP.search(a["name"])]
    assert len({a["name"] for a in marked}) >= 4, [a["name"] for a in actors]
    page.goto(xss_server)
    page.locator(".stats").wait_for()
    for actor in marked:
        _go(page, f"#/actor/{actor['id']}")
        page.wait_for_function(SHOWS, arg=[".actor-head h1", actor["name"]])
        box = page.locator(".graph-box")
        box.locator("svg.graph, p.empty").first.wait_for()
        if box.locator("svg.graph").count():
            center = box.locator("g.node.center text.node-label")
            assert center.text_content() == actor["name"]
        _harmless(watched, xss_server)


def test_xss_search_shows_names_and_queries_as_text(watched: Watched, xss_server: str) -> None:
    page = watched.page
    page.goto(xss_server)
    page.locator(".stats").wait_for()
    search = page.locator("#search-input")
    search.fill("Colonel")
    hits = page.locator("#search-results a.search-hit .hit-name")
    hits.first.wait_for()
    names = hits.all_text_contents()
    assert "Colonel &lt;script&gt;Haddad" in names, names
    page.locator("#search-results a.search-hit", has_text="Colonel &lt;script&gt;Haddad").click()
    heading = page.locator(".actor-head h1", has_text="&lt;script&gt;")
    heading.wait_for()
    assert heading.text_content() == "Colonel &lt;script&gt;Haddad"
    for query in (
        "<b onmouseover=qzqz()>qzqz</b>",
        "\"'><qzqz/onload=1>",
        "<qzqz>&amp;</qzqz>",
        "{{qzqz}}",
    ):
        with page.expect_response(lambda r: "/api/actors?" in r.url):
            search.fill(query)
        shown = ["#search-results .search-none", f"No actor matches “{query}”."]
        page.wait_for_function(SHOWS, arg=shown)
    _harmless(watched, xss_server)


def test_xss_timeline_shows_payloads_in_evidence(watched: Watched, xss_server: str) -> None:
    page = watched.page
    page.goto(xss_server + "#/timeline")
    page.locator(".timeline li.event").first.wait_for()
    shown = page.locator(".timeline").text_content() or ""
    events = _api(xss_server, "/api/timeline?limit=500")["items"]
    carried = [p for p in payloads() if any(p in e["evidence_text"] for e in events)]
    assert len(carried) >= len(payloads()) // 2, carried
    assert all(" ".join(p.split()) in shown for p in carried)
    _harmless(watched, xss_server)


def test_xss_every_html_response_forbids_inline_script(watched: Watched, xss_server: str) -> None:
    page = watched.page
    page.goto(xss_server + "#/documents")
    page.locator(".doc-list a").first.wait_for()
    page.goto(xss_server + "static/index.html")
    page.locator("#view h1").wait_for()
    html = [r for r in watched.responses if "text/html" in r.headers.get("content-type", "")]
    assert len(html) == 2
    for response in html:
        directives = _csp(response.headers["content-security-policy"])
        assert directives["default-src"] == ["'none'"]
        assert directives["script-src"] == ["'self'"], directives
        assert directives["base-uri"] == ["'none'"]
        unsafe = [n for n, v in directives.items() if {"'unsafe-inline'", "'unsafe-eval'"} & set(v)]
        assert unsafe == []
    _harmless(watched, xss_server)


def _csp(header: str) -> dict[str, list[str]]:
    out: dict[str, list[str]] = {}
    for part in header.split(";"):
        name, *values = part.split()
        out[name.lower()] = values
    return out


def test_xss_dom_helpers_refuse_unsafe_links_and_inline_handlers(
    watched: Watched, xss_server: str
) -> None:
    page = watched.page
    page.goto(xss_server)
    page.locator(".stats").wait_for()
    found = page.evaluate(
        """async (urls) => {
          const dom = await import("/static/dom.js");
          const out = {};
          for (const url of urls) {
            out[url] = [dom.webURL(url), dom.el("a", { href: url }, "x").getAttribute("href")];
          }
          let threw = false;
          try { dom.el("a", { onclick: "alert(1)" }); } catch { threw = true; }
          out.threw = threw;
          return out;
        }""",
        [*HOSTILE_URLS, *WEB_URLS, "#/actor/x"],
    )
    assert found.pop("threw") is True
    for url in HOSTILE_URLS:
        assert found[url] == [None, None], url
    for url in WEB_URLS:
        web, href = found[url]
        assert web == href and web.startswith("http"), url
    assert found["#/actor/x"] == [None, "#/actor/x"]
    _harmless(watched, xss_server)
