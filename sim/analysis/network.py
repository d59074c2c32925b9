"""The actors and their relations as a network, nodes coloured by hostility at a chosen turn.

Relations come from the scenario saved in run.json; each kind has its own line style. Node fill
is the actor's median rung at the turn (a sequential, colour-blind-safe map); the node's ring
keeps the actor's own colour. Dotted grey lines join declared adversaries.
"""

from __future__ import annotations

from typing import Any

import matplotlib as mpl
import networkx as nx
import pandas as pd
from matplotlib.axes import Axes
from matplotlib.figure import Figure
from matplotlib.lines import Line2D

from sim.analysis import style
from sim.analysis.metrics import hostility_at
from sim.domain.ladder import standard_ladder

EDGE_STYLE = {  # kind -> (colour, line style, width)
    "war": ("#D55E00", "-", 3.0),
    "treaty": ("#0072B2", "-", 2.0),
    "alliance": ("#009E73", "-", 1.6),
    "supply": ("#E69F00", "--", 1.6),
    "partnership": ("#56B4E9", "-.", 1.0),
    "adversaries": ("#BBBBBB", ":", 0.8),
}


def relation_graph(scenario: dict[str, Any]) -> nx.MultiDiGraph:
    """Actors as nodes; relations (and declared adversaries) as edges with their ``kind``."""
    g = nx.MultiDiGraph()
    g.add_nodes_from(scenario.get("actors", {}))
    for name, rel in scenario.get("relations", {}).items():
        a, b = rel["parties"]
        g.add_edge(a, b, key=name, kind=rel["kind"])
    for actor, spec in scenario.get("actors", {}).items():
        for other in spec.get("adversaries", []):
            if other in g and not g.has_edge(other, actor, key=f"adv:{other}:{actor}"):
                g.add_edge(actor, other, key=f"adv:{actor}:{other}", kind="adversaries")
    return g


def network_table(scenario: dict[str, Any], timeseries: pd.DataFrame, turn: int) -> pd.DataFrame:
    """The edges, with both ends' median rung at ``turn`` (the CSV behind the figure)."""
    rung = hostility_at(timeseries, turn)
    rows = [
        {
            "source": a,
            "target": b,
            "relation": k,
            "kind": d["kind"],
            "turn": turn,
            "source_rung": rung.get(a),
            "target_rung": rung.get(b),
        }
        for a, b, k, d in relation_graph(scenario).edges(keys=True, data=True)
    ]
    return pd.DataFrame(rows)


def network_chart(
    scenario: dict[str, Any],
    timeseries: pd.DataFrame,
    turn: int,
    colours: dict[str, str],
    ax: Axes | None = None,
) -> Figure:
    """Draw the relation network with node fill = median rung at ``turn``."""
    fig, ax = style.new_axes(ax, size=(8.0, 6.5))
    g = relation_graph(scenario)
    pos = nx.spring_layout(nx.Graph(g), seed=7, k=1.2)  # seeded: the same picture every time
    ladder = standard_ladder()
    norm = mpl.colors.Normalize(0, ladder.top)
    cmap = mpl.colormaps[style.RUNG_CMAP]
    _edges(g, pos, ax)
    rung = hostility_at(timeseries, turn)
    _nodes(g, pos, ax, [cmap(norm(rung.get(n, 0))) for n in g.nodes], colours)
    bar = fig.colorbar(mpl.cm.ScalarMappable(norm=norm, cmap=cmap), ax=ax, shrink=0.8)
    bar.set_ticks(range(ladder.top + 1), labels=ladder.labels, fontsize=6)
    bar.set_label(f"median rung at turn {turn}")
    handles = [
        Line2D([], [], color=c, ls=ls, lw=w, label=k) for k, (c, ls, w) in EDGE_STYLE.items()
    ]
    ax.legend(handles=handles, loc="lower left", frameon=False, title="relation")
    ax.set_axis_off()
    return fig


def _edges(g: nx.MultiDiGraph, pos: dict, ax: Axes) -> None:
    """Relations in their kind's style; supply as an arrow from supplier to recipient."""
    for kind, (colour, ls, width) in EDGE_STYLE.items():
        edges = [(a, b) for a, b, d in g.edges(data=True) if d["kind"] == kind]
        arrow = "-|>" if kind == "supply" else "-"
        nx.draw_networkx_edges(g, pos, edgelist=edges, ax=ax, edge_color=colour, style=ls,
                               width=width, arrows=True, arrowstyle=arrow, arrowsize=10,
                               connectionstyle="arc3,rad=0.08", node_size=900)  # fmt: skip


def _nodes(g: nx.MultiDiGraph, pos: dict, ax: Axes, fill: list, colours: dict[str, str]) -> None:
    """Nodes filled by hostility, ringed in the actor's colour, named in a readable ink."""
    nodes = list(g.nodes)
    rings = [colours.get(n, "#000000") for n in nodes]
    nx.draw_networkx_nodes(g, pos, nodelist=nodes, node_color=fill, node_size=900, ax=ax,
                           edgecolors=rings, linewidths=3)  # fmt: skip
    for n, colour in zip(nodes, fill, strict=True):
        ink = "black" if mpl.colors.rgb_to_hsv(colour[:3])[2] > 0.6 else "white"
        ax.text(*pos[n], n.replace("_", "\n"), ha="center", va="center", fontsize=6.5,
                color=ink, fontweight="bold")  # fmt: skip
