"""Connected components against a plain breadth-first-search oracle on seeded random graphs."""

from __future__ import annotations

import random

import pyarrow as pa
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tanglaw.engine.graph import components


def _oracle(nodes: list[str], edges: list[tuple[str, str]]) -> dict[str, str]:
    adj: dict[str, set[str]] = {n: set() for n in nodes}
    for a, b in edges:
        adj[a].add(b)
        adj[b].add(a)
    label: dict[str, str] = {}
    for n in sorted(nodes):
        if n in label:
            continue
        stack, seen = [n], {n}
        while stack:
            x = stack.pop()
            for y in adj[x]:
                if y not in seen:
                    seen.add(y)
                    stack.append(y)
        for x in seen:
            label[x] = min(seen)
    return label


def _run(nodes: list[str], edges: list[tuple[str, str]]) -> dict[str, str]:
    t = components(
        pa.array(nodes, pa.string()),
        pa.array([a for a, _ in edges], pa.string()),
        pa.array([b for _, b in edges], pa.string()),
    )
    return dict(zip(t.column("node").to_pylist(), t.column("component").to_pylist(), strict=True))


@pytest.mark.parametrize("seed", range(20))
def test_random_graphs_match_oracle(seed: int) -> None:
    rng = random.Random(seed)
    n = rng.randint(1, 300)
    nodes = [f"n{rng.randint(0, 10**6)}-{i}" for i in range(n)]
    p = rng.choice([0.001, 0.005, 0.01, 0.03])
    edges = [(a, b) for i, a in enumerate(nodes) for b in nodes[i + 1 :] if rng.random() < p]
    assert _run(nodes, edges) == _oracle(nodes, edges)


@settings(max_examples=60, deadline=None)
@given(st.data())
def test_labels_do_not_depend_on_order(data: st.DataObject) -> None:
    nodes = data.draw(
        st.lists(st.text("abcdef", min_size=1, max_size=3), min_size=1, max_size=30, unique=True)
    )
    edges = data.draw(st.lists(st.tuples(st.sampled_from(nodes), st.sampled_from(nodes)), max_size=40))
    want = _oracle(nodes, edges)
    assert _run(nodes, edges) == want
    assert _run(list(reversed(nodes)), list(reversed(edges))) == want


def test_empty_graph() -> None:
    assert _run([], []) == {}
