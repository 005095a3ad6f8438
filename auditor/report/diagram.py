"""Lay out the flow diagram (participant → recipients → countries) for the HTML report's inline SVG."""

from __future__ import annotations

from dataclasses import dataclass, field

LIVE = ("asserted", "possible", "conditional")
COLUMN_X = (20, 290, 600)
NODE_W, NODE_H, GAP = 230, 44, 16


@dataclass
class Node:
    key: str
    label: str
    sublabel: str = ""
    column: int = 0
    row: int = 0
    concern: bool = False
    foreign: bool = False

    @property
    def x(self) -> int:
        return COLUMN_X[self.column]

    @property
    def y(self) -> int:
        return 20 + self.row * (NODE_H + GAP)


@dataclass
class Edge:
    source: Node
    target: Node
    concern: bool = False
    foreign: bool = False
    modalities: set[str] = field(default_factory=set)

    @property
    def path(self) -> str:
        x1, y1 = self.source.x + NODE_W, self.source.y + NODE_H // 2
        x2, y2 = self.target.x, self.target.y + NODE_H // 2
        middle = (x1 + x2) // 2
        return f"M{x1},{y1} C{middle},{y1} {middle},{y2} {x2},{y2}"


@dataclass
class Diagram:
    nodes: list[Node]
    edges: list[Edge]
    width: int = COLUMN_X[2] + NODE_W + 20
    height: int = 0


def layout(flows) -> Diagram:
    """One node per recipient and per destination country; live flows only (not negated, historical, examples)."""
    start = Node("participant", "Participant", "samples, cells, data", 0, 0)
    recipients: dict[str, Node] = {}
    places: dict[str, Node] = {}
    edges: dict[tuple[str, str], Edge] = {}
    for flow in (f for f in flows if f.modality in LIVE):
        place = _place(flow)
        if place[0] not in places:
            places[place[0]] = Node(place[0], place[1], place[2], 2, len(places), flow.country_of_concern, flow.foreign)
        name = flow.organisation or f"unnamed recipient ({flow.action})"
        recipient = recipients.setdefault(name, Node(f"r{len(recipients)}", name, "", 1, len(recipients)))
        for source, target in ((start, recipient), (recipient, places[place[0]])):
            edge = edges.setdefault((source.key, target.key), Edge(source, target))
            edge.modalities.add(flow.modality)
            if target.column == 2:
                edge.concern |= flow.country_of_concern
                edge.foreign |= flow.foreign
        recipient.concern |= flow.country_of_concern
        recipient.foreign |= flow.foreign
    nodes = [start, *recipients.values(), *places.values()]
    rows = max([len(recipients), len(places), 1])
    return Diagram(nodes, list(edges.values()), height=40 + rows * (NODE_H + GAP))


def _place(flow) -> tuple[str, str, str]:
    if flow.destination_kind == "vague_foreign":
        return "vague", "Abroad (country not named)", "vague destination"
    if flow.destination_kind == "unknown":
        return "unknown", "Location not stated", ""
    if flow.destination_kind == "domestic":
        return "US", "United States", "domestic"
    label = flow.country_name or flow.country or "?"
    return flow.country or label, label, "country of concern" if flow.country_of_concern else "abroad"
