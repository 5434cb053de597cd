"""The actor graph as GEXF 1.2 (networkx's writer), Gephi's own format.

See :mod:`actorgraph.export._graph` for the nodes, edges and their attributes.
"""

from __future__ import annotations

import re
from typing import Any, TextIO

import networkx as nx

from actorgraph.export._graph import XML_DECLARATION, build_graph
from actorgraph.store import Store

_STAMP = re.compile(r'lastmodifieddate="[^"]*"')


def write(store: Store, fp: TextIO, **options: Any) -> int:
    """Write the actor graph (``build_graph``'s options); return the number of edges.

    The XML declares UTF-8: open a file for it with ``encoding="utf-8"``.
    """
    graph = build_graph(store, **options)
    # networkx stamps today's date; the store's last change keeps re-exports identical.
    changed = store.last_modified()
    fp.write(XML_DECLARATION)
    for line in nx.generate_gexf(graph, encoding="utf-8", prettyprint=True, version="1.2draft"):
        if changed and line.lstrip().startswith("<meta lastmodifieddate="):
            line = _STAMP.sub(f'lastmodifieddate="{changed}"', line)
        fp.write(line + "\n")
    return graph.number_of_edges()
