"""Connected components of string-keyed edge lists (scipy's csgraph under the hood)."""

from __future__ import annotations

from typing import TYPE_CHECKING

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc
from scipy.sparse import coo_matrix
from scipy.sparse.csgraph import connected_components

if TYPE_CHECKING:
    from .core import Engine


def components(nodes: pa.Array, left: pa.Array, right: pa.Array) -> pa.Table:
    """Label each node with the smallest node key of its connected component.

    `nodes` holds every node (strings, unique); `left`/`right` the edges (strings, each in
    `nodes`). Returns a table (`node`, `component`) where `component` is the lexicographically
    smallest node of the component, so labels do not depend on input order.
    """
    nodes = pc.unique(nodes.cast(pa.string()))
    nodes = pc.take(nodes, pc.sort_indices(nodes))
    n = len(nodes)
    if n == 0:
        return pa.table({"node": pa.array([], pa.string()), "component": pa.array([], pa.string())})
    li = pc.index_in(left, value_set=nodes).to_numpy(zero_copy_only=False)
    ri = pc.index_in(right, value_set=nodes).to_numpy(zero_copy_only=False)
    ok = ~(np.isnan(li.astype(float)) | np.isnan(ri.astype(float))) if len(li) else np.array([], bool)
    li = li[ok].astype(np.int64) if len(li) else li
    ri = ri[ok].astype(np.int64) if len(ri) else ri
    g = coo_matrix((np.ones(len(li), dtype=np.int8), (li, ri)), shape=(n, n))
    _, labels = connected_components(g, directed=False)
    # nodes are sorted, so the first index seen per label is the smallest key
    first = np.full(labels.max() + 1, n, dtype=np.int64)
    np.minimum.at(first, labels, np.arange(n))
    comp = pc.take(nodes, pa.array(first[labels]))
    return pa.table({"node": nodes, "component": comp})


def components_table(engine: Engine, nodes_sql: str, edges_sql: str, into: str, *, stage: str) -> int:
    """Label the components of a graph held in the workspace; write `into(node, component)`.

    `nodes_sql` yields one column of node keys, `edges_sql` two columns of node keys. Returns the
    number of edges read.
    """
    nodes = engine.arrow(nodes_sql, stage=stage).column(0).combine_chunks()
    edges = engine.arrow(edges_sql, stage=stage)
    comp = components(nodes, edges.column(0).combine_chunks(), edges.column(1).combine_chunks())
    engine.register_arrow(into, comp)
    return edges.num_rows


def articulation_points(edges: list[tuple[str, str]]) -> set[str]:
    """Nodes whose removal splits their connected component (networkx's articulation points)."""
    import networkx as nx

    g = nx.Graph()
    g.add_edges_from(edges)
    return {str(n) for n in nx.articulation_points(g)}
