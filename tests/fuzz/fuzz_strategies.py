"""Hypothesis strategies for news-like and hostile text, and the vocabulary fuzz/ shares."""

from __future__ import annotations

import json

from hypothesis import strategies as st

# Names, cues, dates, quote marks, scripts and invisible characters the stages react to.
WORDS: tuple[str, ...] = (
    "Omar Tahir", "Hadi al-Amiri", "the Badr Organization", "Badr", "Amiri", "he", "she",
    "Islamic State", "ISIS", "Daesh", "Iraq", "Iraqi", "Baghdad", "Mosul", "Kirkuk",
    "Syria", "the army", "the group", "the militia", "Kata'ib Hezbollah", "KH", "Iran",
    "the United States", "U.S.", "Americans", "Diyala Province", "a village in", "said",
    "told", "says", "according to", "attacked", "killed", "met", "leader of", "spokesman",
    "founded", "backed by", "trained and equipped by", "fought", "allied with", "denied",
    "will", "accused", "on Monday", "last June", "in 2014", "June 5, 2014", "the 1990s",
    "early 2015", "this week", "yesterday", "next year", "\"", "“", "”", "'", "‘", "’",
    "«", "»", "„", ",", ".", ":", ";", "?", "!", "(", ")", "—", "-", "\n", "\n\n", " ",
    "\t", "\u200d", "\u200c", "\u200b", "\u202e", "\u202d", "\u2067", "\u2069", "\ufeff",
    "قال", "عمر", "طاهر", "שלום", "Москва", "北京", "🙂", "é", "\u0301", "\x00", "\x07",
)  # fmt: skip

PUBLISHED = st.one_of(
    st.none(),
    st.sampled_from(["2014", "2014-06", "1000-01-01", "9999-12-31"]),
    st.dates().map(lambda d: d.isoformat()),
)


def news_texts(max_items: int = 60) -> st.SearchStrategy[str]:
    """Text pieced together from the vocabulary, spaces and any characters at all."""
    piece = st.one_of(
        st.sampled_from(WORDS),
        st.sampled_from(WORDS),
        st.sampled_from(WORDS),
        st.just(" "),
        st.text(max_size=6),
    )
    return st.lists(piece, max_size=max_items).map("".join)


def texts() -> st.SearchStrategy[str]:
    """News-like text, or arbitrary Unicode text (no surrogates: st.text never makes them)."""
    return st.one_of(news_texts(), st.text(max_size=300))


def with_surrogate() -> st.SearchStrategy[str]:
    """Text with at least one lone surrogate, as a JSON "\\ud800" escape decodes to."""
    lone = st.characters(min_codepoint=0xD800, max_codepoint=0xDFFF)
    return st.tuples(news_texts(20), lone, news_texts(20)).map("".join)


def json_values() -> st.SearchStrategy[object]:
    scalars = st.one_of(
        st.none(), st.booleans(), st.integers(), st.floats(allow_nan=False), st.text()
    )
    return st.recursive(
        scalars,
        lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(), inner, max_size=3),
        max_leaves=8,
    )


META_KEYS = ("title", "headline", "published", "date", "publisher", "source", "author")
META_KEYS += ("authors", "byline", "url", "link")


def records() -> st.SearchStrategy[dict[str, object]]:
    """A JSON Lines record: "text" (usually a string) and metadata of any JSON type."""
    meta = st.dictionaries(st.sampled_from(META_KEYS), json_values() | PUBLISHED, max_size=4)
    text = st.one_of(news_texts(30), news_texts(30), with_surrogate(), json_values())
    return st.tuples(text, meta).map(lambda tm: {"text": tm[0], **tm[1]})


def jsonl_bytes() -> st.SearchStrategy[bytes]:
    """JSON Lines as written by other tools: escaped or raw UTF-8, with stray lines."""
    line = st.one_of(
        st.tuples(records(), st.booleans()).map(
            lambda ra: json.dumps(ra[0], ensure_ascii=ra[1]).encode("utf-8", "surrogatepass")
        ),
        st.binary(max_size=40),
        st.just(b""),
    )
    newline = st.sampled_from([b"\n", b"\r\n"])
    return st.lists(st.tuples(line, newline).map(b"".join), max_size=5).map(b"".join)


def markdown_texts() -> st.SearchStrategy[str]:
    """Markdown with (maybe broken) YAML front matter, headings and links."""
    key = st.sampled_from(META_KEYS)
    value = st.one_of(st.text(max_size=20), PUBLISHED.map(str), st.sampled_from(["[1, 2", "&a *a"]))
    front = st.lists(st.tuples(key, value).map(lambda kv: f"{kv[0]}: {kv[1]}"), max_size=4)
    syntax = st.sampled_from(["# ", "## ", "[link](http://x)", "![i](a.png)", "[a]: http://x"])
    body = st.lists(st.one_of(news_texts(20), syntax), max_size=6).map("\n".join)
    return st.tuples(st.booleans(), front, body).map(
        lambda t: ("---\n" + "\n".join(t[1]) + "\n---\n" if t[0] else "") + t[2]
    )


def html_texts() -> st.SearchStrategy[str]:
    """A page with an article, nested to a random depth, maybe with a charset and a date."""
    meta = st.sampled_from(
        ["", '<meta charset="latin-1">', '<meta name="date" content="2015-02-04">', "<title>"]
    )
    return st.tuples(meta, st.integers(0, 80), news_texts(40), st.text(max_size=20)).map(
        lambda t: (
            f"<html><head>{t[0]}</head><body>{'<div>' * t[1]}<article><p>{t[2]}</p>"
            f"<p>{t[3]}</p></article>{'</div>' * t[1]}</body></html>"
        )
    )


def encoded(text: st.SearchStrategy[str]) -> st.SearchStrategy[bytes]:
    """``text`` as UTF-8 (most often), UTF-8 with a BOM, UTF-16 or Latin-1 bytes."""
    codec = st.sampled_from(["utf-8", "utf-8", "utf-8", "utf-8-sig", "utf-16", "latin-1"])
    return st.tuples(text, codec).map(lambda tc: tc[0].encode(tc[1], "replace"))
