"""Exports of the store for other tools: one module per format, each with ``write``.

``write(store, fp, **filters) -> int`` writes one format to a text stream and returns
how many records (events, lines, edges or STIX objects) it wrote:

- ``acled-csv`` (:mod:`.csv_acled`): events as an ACLED-style CSV;
- ``plover-json`` (:mod:`.plover`): events as PLOVER/POLECAT-style JSON Lines;
- ``graphml`` (:mod:`.graphml`) and ``gexf`` (:mod:`.gexf`): the actor graph for Gephi;
- ``stix`` (:mod:`.stix`): a STIX 2.1 bundle of actors, relations, events, quotes and
  articles;
- ``jsonl`` (:mod:`.jsonl`): every relation, event and quote with its evidence.

Every format takes the listings' filters (``export._filters``): ``since``/``until``
(YYYY, YYYY-MM or YYYY-MM-DD), ``actor``, ``documents``, ``modalities``,
``min_confidence``, ``countries`` and ``place``; the graphs also ``with_events`` and
``isolated``. A format's module is imported only when it is used.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any, TextIO

if TYPE_CHECKING:
    from actorgraph.store import Store

FORMATS: dict[str, str] = {
    "acled-csv": "csv_acled",
    "plover-json": "plover",
    "graphml": "graphml",
    "gexf": "gexf",
    "stix": "stix",
    "jsonl": "jsonl",
}


def write(format: str, store: Store, fp: TextIO, **filters: Any) -> int:
    """Write ``store`` to ``fp`` in ``format`` (a key of FORMATS); return the record count."""
    if format not in FORMATS:
        raise ValueError(f"unknown export format {format!r}: choose one of {', '.join(FORMATS)}")
    module = importlib.import_module(f"actorgraph.export.{FORMATS[format]}")
    count: int = module.write(store, fp, **filters)
    return count


__all__ = ["FORMATS", "write"]
