"""actorgraph: a sourced, time-aware knowledge graph of the actors in the news.

Public API: :func:`analyze`, :func:`open_store`, ``__version__``. Nothing runs at import.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from actorgraph._version import __version__

if TYPE_CHECKING:
    from actorgraph.model import Analysis
    from actorgraph.store import Store

__all__ = ["__version__", "analyze", "open_store"]


def analyze(
    text: str,
    *,
    published: str | None = None,
    title: str | None = None,
    publisher: str | None = None,
    author: str | None = None,
    url: str | None = None,
    nlp: Any = None,
    model: str = "auto",
) -> Analysis:
    """Analyse one text; ``published`` (YYYY-MM-DD) anchors relative dates."""
    from actorgraph.model import Document
    from actorgraph.pipeline.analyze import analyze_document

    doc = Document.from_text(
        text, title=title, published=published, publisher=publisher, author=author, url=url
    )
    return analyze_document(doc, nlp=nlp, model=model)


def open_store(url: str = "actorgraph.db", *, create: bool = True) -> Store:
    """Open (and migrate) the store: a SQLite path or a postgresql:// URL.

    ``create=False`` refuses a store that does not exist yet (StoreError), as reading
    from a notebook should. The store's ``iter_actors``, ``iter_relations``,
    ``iter_events`` and ``iter_quotes`` read it without SQL (``store.notebook``).
    """
    from actorgraph.store import open_store as _open

    return _open(url, create=create)
