"""Graph cutting checked against networkx on seeded random graphs: components, and bridges
(articulation points) against removing each node in turn."""

from __future__ import annotations

import random

import networkx as nx
import pyarrow as pa
import pytest

from tanglaw.engine.graph import articulation_points, components


def _random_graph(seed: int) -> tuple[list[str], list[tuple[str, str]]]:
    rng = random.Random(seed)
    n = rng.randint(1, 200)
    nodes = [f"E:{rng.randint(0, 10**6)}-{i}" for i in range(n)]
    p = rng.choice([0.002, 0.01, 0.02, 0.05])
    edges = [(a, b) for i, a in enumerate(nodes) for b in nodes[i + 1 :] if rng.random() < p]
    return nodes, edges


@pytest.mark.parametrize("seed", range(25))
def test_components_match_networkx(seed: int) -> None:
    nodes, edges = _random_graph(seed)
    t = components(
        pa.array(nodes, pa.string()),
        pa.array([a for a, _ in edges], pa.string()),
        pa.array([b for _, b in edges], pa.string()),
    )
    got: dict[str, set[str]] = {}
    for node, comp in zip(t.column("node").to_pylist(), t.column("component").to_pylist(), strict=True):
        got.setdefault(comp, set()).add(node)
    g = nx.Graph()
    g.add_nodes_from(nodes)
    g.add_edges_from(edges)
    want = {min(c): set(c) for c in nx.connected_components(g)}
    assert got == want


@pytest.mark.parametrize("seed", range(15))
def test_bridges_are_the_nodes_whose_removal_cuts_their_network(seed: int) -> None:
    _, edges = _random_graph(seed + 100)
    g = nx.Graph(edges)
    brute = set()
    for node in g.nodes:
        h = g.copy()
        comps_before = nx.number_connected_components(h)
        h.remove_node(node)
        # removing a leaf lowers nothing; a cut node leaves more components than before, less itself
        if nx.number_connected_components(h) > comps_before - (1 if g.degree(node) == 0 else 0):
            brute.add(node)
    assert articulation_points(edges) == brute
