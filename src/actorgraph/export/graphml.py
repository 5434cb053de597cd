"""The actor graph as GraphML (networkx's writer), for Gephi, yEd, igraph and networkx.

See :mod:`actorgraph.export._graph` for the nodes, edges and their attributes.
"""

from __future__ import annotations

from typing import Any, TextIO

import networkx as nx

from actorgraph.export._graph import XML_DECLARATION, build_graph
from actorgraph.store import Store


def write(store: Store, fp: TextIO, **options: Any) -> int:
    """Write the actor graph (``build_graph``'s options); return the number of edges.

    The XML declares UTF-8: open a file for it with ``encoding="utf-8"``.
    """
    graph = build_graph(store, **options)
    fp.write(XML_DECLARATION)
    for line in nx.generate_graphml(graph, encoding="utf-8", prettyprint=True):
        fp.write(line + "\n")
    return graph.number_of_edges()
