"""An article corpus carrying the XSS payloads of xss_payloads.txt through every reader.

Each payload goes in as article text (plain text, HTML, Markdown, JSON Lines), as a
document title, as a document URL, and inside names the model reads as actors.
"""

from __future__ import annotations

import html
import json
from pathlib import Path

PAYLOADS_FILE = Path(__file__).with_name("xss_payloads.txt")

# URLs a document may claim: only the http(s) ones may become links.
HOSTILE_URLS = (
    "javascript:alert('url1')",
    "JaVaScRiPt:alert('url2')",
    "  javascript:alert('url3')",
    "java\tscript:alert('url4')",
    "data:text/html,<script>alert('url5')</script>",
    "vbscript:msgbox('url6')",
    "//evil.example/protocol-relative",
    "/api/summary",
    "file:///etc/passwd",
)
WEB_URLS = (
    "https://example.org/story?id=1&q=<script>alert('url7')</script>",
    "http://example.org/\"><img src=x onerror=alert('url8')>",
)

# Sentences the model reads as events and relations, so that the payload lands in
# evidence sentences on the actor pages and the timeline as well as in the text.
TEMPLATES = (
    "Fighters of the Northern Shield Brigades attacked Tel Hamra on 3 March 2016, "
    "leaving the words {p} on a wall.",
    "Colonel Samir Haddad, the commander of the Northern Shield Brigades, said {p} in a "
    "statement on Monday.",
)
# Names with markup that the model keeps inside one entity (checked by the tests).
NAMES_TEXT = (
    "Colonel &lt;script&gt;Haddad, the commander of the Northern Brigades, said on Monday "
    "that his men retook the bridge.\n"
    "Karim Nasser{{7*7}}, a spokesman for the brigades, said they withdrew from Tel Hamra.\n"
    "Samir &#x3C;scr&#x69;pt&#x3E; Haddad leads the Northern Shield Brigades, the group "
    "said.\n"
    "Abu <svg onload=alert('name')> Haddad leads the Northern Shield Brigades, the group "
    "said.\n"
    "Colonel &#x3C;scr&#x69;pt&#x3E;Haddad, the commander of the Northern Brigades, said "
    "on Monday that his men retook the bridge.\n"
)


def payloads() -> list[str]:
    """Return the payloads, one per non-blank, non-comment line."""
    lines = PAYLOADS_FILE.read_text(encoding="utf-8").splitlines()
    return [line for line in lines if line.strip() and not line.startswith("# ")]


def article(items: list[str]) -> str:
    """Return a text that carries every item of ``items`` in a sentence of its own."""
    return "\n".join(TEMPLATES[i % len(TEMPLATES)].format(p=p) for i, p in enumerate(items))


def write_corpus(folder: Path) -> dict[str, str]:
    """Write the corpus into ``folder``; return each JSON Lines document's title -> URL."""
    found = payloads()
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "payloads.txt").write_text(article(found) + "\n", encoding="utf-8")
    (folder / "payloads.meta.json").write_text(
        json.dumps({"title": found[0] + " & " + found[2], "url": HOSTILE_URLS[0]}),
        encoding="utf-8",
    )
    (folder / "names.txt").write_text(NAMES_TEXT, encoding="utf-8")
    (folder / "page.html").write_text(_page(found), encoding="utf-8")
    (folder / "notes.md").write_text(_markdown(found), encoding="utf-8")
    titles: dict[str, str] = {}
    urls = HOSTILE_URLS + WEB_URLS
    with (folder / "payloads.jsonl").open("w", encoding="utf-8") as f:
        for i, p in enumerate(found):
            record = {
                "title": p,
                "url": urls[i % len(urls)],
                "author": p,
                "publisher": p,
                "published": "2016-03-04",
                "text": article([p, p]),
            }
            titles[p] = record["url"]
            f.write(json.dumps(record) + "\n")
    return titles


def _page(found: list[str]) -> str:
    """An article page: escaped payloads show as text; raw ones test the HTML reader."""
    escaped = "\n".join(f"<p>{html.escape(s)}</p>" for s in article(found).splitlines())
    raw = "\n".join(f"<p>The brigades wrote {p} on the wall.</p>" for p in found)
    return (
        "<!doctype html><html><head><meta charset='utf-8'>"
        f"<title>{html.escape(found[0])} Bridge report</title>"
        "<link rel='canonical' href=\"javascript:alert('canonical')\">"
        "<meta property='og:url' content=\"javascript:alert('og')\">"
        "<meta name='date' content='2016-03-05'>"
        f"</head><body><article><h1>{html.escape(found[0])} Bridge report</h1>"
        f"{escaped}\n{raw}</article></body></html>\n"
    )


def _markdown(found: list[str]) -> str:
    lines = [
        "---",
        f"title: {json.dumps(found[-1])}",
        "url: \"javascript:alert('markdown')\"",
        "published: 2016-03-06",
        "---",
        "",
        "Colonel Samir Haddad said [the statement](javascript:alert('md1')) was his, and "
        "![a photo](https://evil.example/photo.png) showed [[the bridge]](javascript:alert(2)).",
        "",
        article(found),
    ]
    return "\n".join(lines) + "\n"
