"""HTML: the main text and metadata of an article page, via trafilatura and htmldate."""

from __future__ import annotations

import codecs
import re
from typing import Any

from actorgraph.errors import InputError
from actorgraph.ingest import _text
from actorgraph.ingest.metadata import Fields
from actorgraph.ingest.published import normalize_published

# Fewer words than this is navigation or a cookie notice, not an article.
MIN_WORDS = 5
_CHARSET = re.compile(rb"""<meta[^>]{0,200}?charset\s*=\s*["']?\s*([A-Za-z0-9._:-]+)""", re.I)
# htmldate options: only dates the page states (meta tags, JSON-LD, <time>, the URL), the
# original publication date rather than the last update, and never a guess from stray
# numbers in the text (extensive search reads "© 2023" in a footer as a date).
_DATE_PARAMS: dict[str, Any] = {
    "extensive_search": False,
    "original_date": True,
    "outputformat": "%Y-%m-%d",
}


def decode_html(data: bytes, source: str) -> str:
    """Decode as UTF-8, or in the charset the page declares if UTF-8 fails."""
    try:
        return _text.decode(data, source)
    except InputError:
        declared = _declared_charset(data)
        if declared is None:
            raise
        return _text.decode(data, source, encoding=declared)


def extract_html(html: str, source: str, *, url: str | None = None) -> tuple[str, Fields]:
    """Return the main text of the page and the metadata it states.

    The date comes from htmldate as configured in ``_DATE_PARAMS``: None when the page
    states none, never today's date.
    """
    # Imported here: trafilatura takes a while to load and plain-text ingest never needs it.
    import trafilatura

    try:
        doc = trafilatura.bare_extraction(
            html,
            url=url,
            with_metadata=True,
            include_comments=False,
            favor_precision=True,
            date_extraction_params=dict(_DATE_PARAMS),
        )
    except Exception as e:  # a third-party parser on arbitrary input: report, don't crash
        raise InputError(
            source,
            f"could not be parsed as HTML ({type(e).__name__}: {e}); "
            "check that it is a complete HTML page",
        ) from e
    text = _text.normalize_newlines(getattr(doc, "text", None) or "").strip()
    if len(text.split()) < MIN_WORDS:
        raise InputError(
            source,
            "has no main text that could be extracted (only navigation, scripts or "
            "boilerplate); if the page is built by JavaScript, save the article text "
            "as a .txt file instead",
        )
    meta: Fields = {}
    for name, attr in (("title", "title"), ("author", "author"), ("publisher", "sitename")):
        value = getattr(doc, attr, None)
        if isinstance(value, str) and value.strip():
            meta[name] = value.strip()
    page_url = getattr(doc, "url", None)
    if isinstance(page_url, str) and page_url.strip():
        meta["url"] = page_url.strip()
    published = normalize_published(getattr(doc, "date", None))
    if published:
        meta["published"] = published
    return text, meta


def _declared_charset(data: bytes) -> str | None:
    m = _CHARSET.search(data[:4096])
    if not m:
        return None
    try:
        name = codecs.lookup(m[1].decode("ascii")).name
    except (LookupError, UnicodeDecodeError):
        return None
    return None if name == "utf-8" else name
