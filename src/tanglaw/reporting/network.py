"""The network picture of a case: who paid whom, laid out on two rings.

Facilitators sit on an inner ring, payers and victims on an outer ring, and a line joins two people when
one paid the other, thicker for more payments. The layout is computed once, in a 0–1 box, and
drawn twice: as SVG in the HTML package and with PDF drawing calls in the PDF.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from html import escape

from ..contract import HOUSEHOLD_ROLES, PAYER_ROLES
from .casedata import CaseData
from .people import best_name

#: people drawn with their name beside them at most (beyond, only the legend explains)
MAX_LABELS = 16
COLOURS = {"facilitator": "#c0392b", "payer": "#2c6fbb", "victim": "#2e7d32"}
OTHER_COLOUR = "#7f8c8d"
#: what each colour means, for the legend of every drawing (the roles of a side share a colour)
LEGEND = (
    ("facilitator", "the household: facilitators, hosts, sellers"),
    ("payer", "payers, viewers, buyers"),
    ("victim", "likely victims"),
)


@dataclass(frozen=True)
class Node:
    entity_id: str
    label: str
    role: str
    x: float
    y: float


@dataclass(frozen=True)
class Edge:
    a: Node
    b: Node
    n: int
    #: line width in relative units (0.5–3.5)
    width: float


@dataclass(frozen=True)
class Layout:
    nodes: tuple[Node, ...]
    edges: tuple[Edge, ...]

    @property
    def labelled(self) -> bool:
        return len(self.nodes) <= MAX_LABELS


def _ring(n: int, radius: float, phase: float) -> list[tuple[float, float]]:
    if n == 1 and radius < 0.2:
        return [(0.5, 0.5)]
    return [
        (
            0.5 + radius * math.cos(phase + 2 * math.pi * i / n),
            0.5 + radius * math.sin(phase + 2 * math.pi * i / n),
        )
        for i in range(n)
    ]


def layout_people(people: Sequence[tuple[str, str, str]], payments: Mapping[tuple[str, str], int]) -> Layout:
    """`people`: (entity id, label, role); `payments`: (payer, receiver) -> number of payments.

    The household (facilitators, hosts, sellers) on an inner ring, payers and victims on an outer
    ring; the one layout of every network picture (the report, the case package, the PDF)."""
    outer_roles = (*PAYER_ROLES, "victim")
    inner = [p for p in people if p[2] not in outer_roles]
    outer = [p for p in people if p[2] in outer_roles]
    nodes: dict[str, Node] = {}
    for group, radius, phase in ((inner, 0.0 if len(inner) == 1 else 0.17, 0.0), (outer, 0.42, 0.3)):
        for (entity, label, role), (x, y) in zip(group, _ring(len(group), radius, phase), strict=True):
            nodes[entity] = Node(entity, label, role, round(x, 4), round(y, 4))
    counts = {k: n for k, n in payments.items() if k[0] != k[1] and k[0] in nodes and k[1] in nodes}
    top = max(counts.values(), default=1)
    edges = tuple(
        Edge(nodes[a], nodes[b], n, round(0.5 + 3 * math.log1p(n) / math.log1p(top), 2))
        for (a, b), n in sorted(counts.items())
    )
    return Layout(tuple(nodes.values()), edges)


def layout(case: CaseData) -> Layout:
    owner = {m.account_id: m.entity_id for m in case.members}
    people = [
        (e.entity_id, best_name([m.name for m in case.accounts_of(e.entity_id)]) or e.label, e.role)
        for e in case.entities
    ]
    counts: Counter[tuple[str, str]] = Counter()
    for p in case.payments:
        a, b = owner.get(p.sender), owner.get(p.receiver)
        if a and b:
            counts[(a, b)] += 1
    return layout_people(people, counts)


def colour(role: str) -> str:
    """The colour of a role: one per side of a case (household, payers) and one for victims."""
    side = "facilitator" if role in HOUSEHOLD_ROLES else "payer" if role in PAYER_ROLES else role
    return COLOURS.get(side, OTHER_COLOUR)


def legend(with_victims: bool) -> list[tuple[str, str]]:
    """(colour, words) for each colour a drawing uses."""
    return [(COLOURS[k], words) for k, words in LEGEND if with_victims or k != "victim"]


def svg(lay: Layout, width: int = 640, height: int = 420) -> str:
    """The layout as an inline SVG element (escaped; safe to embed in HTML)."""
    pad = 40

    def xy(n: Node) -> tuple[float, float]:
        return pad + n.x * (width - 2 * pad), pad + n.y * (height - 2 * pad)

    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} {height}" role="img" '
        f'aria-label="Network of {len(lay.nodes)} people and {len(lay.edges)} payment links">'
    ]
    for e in lay.edges:
        (x1, y1), (x2, y2) = xy(e.a), xy(e.b)
        parts.append(
            f'<line x1="{x1:.1f}" y1="{y1:.1f}" x2="{x2:.1f}" y2="{y2:.1f}" stroke="#999" '
            f'stroke-width="{e.width}"><title>{e.n} payment(s)</title></line>'
        )
    for n in lay.nodes:
        x, y = xy(n)
        parts.append(
            f'<circle cx="{x:.1f}" cy="{y:.1f}" r="7" fill="{colour(n.role)}">'
            f"<title>{escape(n.label)} ({escape(n.role)})</title></circle>"
        )
        if lay.labelled:
            # the household's names under their dots (the inner ring is close together); a payer's
            # beside it, reading leftwards on the right half, so that no label leaves the picture
            if n.role not in (*PAYER_ROLES, "victim"):
                tx, ty, anchor = x, y + 20, "middle"
            else:
                tx, ty, anchor = (x - 10, y + 4, "end") if n.x > 0.55 else (x + 10, y + 4, "start")
            parts.append(
                f'<text x="{tx:.1f}" y="{ty:.1f}" font-size="11" text-anchor="{anchor}">'
                f"{escape(n.label[:28])}</text>"
            )
    parts.append("</svg>")
    return "".join(parts)
