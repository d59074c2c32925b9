"""The actors at a chosen turn: who stands where towards whom, over the fixed relations.

- Arrows are directed postures (``sim.analysis.postures``): from an actor to its target,
  coloured by the median rung at the turn (one colour per rung drawn, spread over a sequential,
  colour-blind-safe map so that neighbouring rungs differ; the legend names them), thicker when
  more replicates hold the posture. Postures below ``MIN_RUNG`` (diplomacy and de-escalation)
  are left out to keep the picture readable; the CSV has them all.
- The scenario's relations (war, treaty, alliance, supply, partnership) are drawn faintly
  beneath, each kind in its own dash pattern: they do not change between turns; postures do.
- Nodes sit on a circle in the scenario's actor order, so no line passes under a node it does
  not join; they are filled in each actor's own colour and named as the scenario names them.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import matplotlib as mpl
import pandas as pd
from matplotlib.axes import Axes
from matplotlib.figure import Figure
from matplotlib.lines import Line2D

from sim.analysis import style
from sim.analysis.names import Names
from sim.domain.ladder import standard_ladder

if TYPE_CHECKING:  # imported where used: only the process drawing the network pays for it
    import networkx as nx

MIN_RUNG = 2  # sanctions and above are drawn
EDGE_STYLE = {  # kind -> (dash pattern, width): in light grey under the postures, each its own
    "war": ("-", 3.0),
    "treaty": ((0, (1, 1.5)), 2.2),
    "alliance": ((0, (6, 2, 1, 2, 1, 2)), 1.6),
    "supply": ("--", 1.4),
    "partnership": ((0, (3, 3)), 0.9),
}
RELATION_GREY = "#C8C8C8"


def relation_graph(scenario: dict[str, Any]) -> nx.MultiDiGraph:
    """Actors as nodes; the scenario's relations as edges with their ``kind``."""
    import networkx as nx

    g = nx.MultiDiGraph()
    g.add_nodes_from(scenario.get("actors", {}))
    for name, rel in scenario.get("relations", {}).items():
        a, b = rel["parties"]
        g.add_edge(a, b, key=name, kind=rel["kind"])
    return g


def network_table(scenario: dict[str, Any], postures: pd.DataFrame, turn: int) -> pd.DataFrame:
    """The CSV behind the figure: every posture at ``turn`` and every relation."""
    rel = [
        {"source": a, "target": b, "edge": "relation", "kind": d["kind"], "turn": turn}
        for a, b, d in relation_graph(scenario).edges(data=True)
    ]
    post = postures.rename(columns={"actor": "source"}).assign(edge="posture", turn=turn)
    return pd.concat([post, pd.DataFrame(rel)], ignore_index=True)


def network_chart(
    scenario: dict[str, Any],
    postures: pd.DataFrame,
    turn: int,
    colours: dict[str, str],
    ax: Axes | None = None,
    names: Names | None = None,
) -> Figure:
    """Draw the postures at ``turn`` (arrows) over the relations (faint), nodes in actor colours."""
    import networkx as nx

    names = names or Names()
    fig, ax = style.new_axes(ax, size=(9.0, 6.5))
    g = relation_graph(scenario)
    pos = node_positions(list(g.nodes))
    ladder = standard_ladder()
    for kind, (ls, width) in EDGE_STYLE.items():
        edges = [(a, b) for a, b, d in g.edges(data=True) if d["kind"] == kind]
        nx.draw_networkx_edges(g, pos, edgelist=edges, ax=ax, edge_color=RELATION_GREY,
                               style=ls, width=width, arrows=True, arrowstyle="-",
                               node_size=1100)  # fmt: skip
    shown = postures[postures["rung"] >= MIN_RUNG].sort_values("rung")
    arrows = list(zip(shown["actor"], shown["target"], strict=True))
    colours_of = style.rung_colours([int(r) for r in shown["rung"]])
    pg = nx.DiGraph()
    pg.add_nodes_from(g.nodes)
    pg.add_edges_from(arrows)
    nx.draw_networkx_edges(pg, pos, edgelist=arrows, ax=ax,
                           edge_color=[colours_of[int(r)] for r in shown["rung"]],
                           width=[0.8 + 2.4 * s for s in shown["share"]], arrows=True,
                           arrowstyle="-|>", arrowsize=12, node_size=1100,
                           connectionstyle="arc3,rad=0.12")  # fmt: skip
    _nodes(g, pos, ax, colours, names)
    rungs = [Line2D([], [], color=c, lw=2.4, label=f"{r} {ladder.labels[r]}")
             for r, c in sorted(colours_of.items(), reverse=True)]  # fmt: skip
    title = "posture: median rung\nover replicates\n(width: share holding it)"
    fig.legend(handles=rungs, loc="outside right upper", frameon=False, title=title)
    handles = [Line2D([], [], color=RELATION_GREY, ls=ls, lw=w, label=k)
               for k, (ls, w) in EDGE_STYLE.items()]  # fmt: skip
    fig.legend(handles=handles, loc="outside right lower", frameon=False,
               title="relations (fixed)", handlelength=4)  # fmt: skip
    ax.set_axis_off()
    ax.margins(0.08)
    return fig


def node_positions(actors: list[str]) -> dict[str, tuple[float, float]]:
    """The actors on a circle in the scenario's order, the first at the top, clockwise: every
    line is a chord, and a chord touches the circle only at its two ends."""
    import math

    n = max(1, len(actors))
    return {a: (math.sin(2 * math.pi * i / n), math.cos(2 * math.pi * i / n))
            for i, a in enumerate(actors)}  # fmt: skip


def _nodes(g: nx.MultiDiGraph, pos: dict, ax: Axes, colours: dict[str, str], names: Names) -> None:
    """Nodes in the actor's colour, named in a readable ink."""
    import networkx as nx

    nodes = list(g.nodes)
    fill = [colours.get(n, "#999999") for n in nodes]
    nx.draw_networkx_nodes(g, pos, nodelist=nodes, node_color=fill, node_size=1100, ax=ax,
                           edgecolors="black", linewidths=0.6)  # fmt: skip
    for n, colour in zip(nodes, fill, strict=True):
        rgb = mpl.colors.to_rgb(colour)
        ink = "black" if 0.299 * rgb[0] + 0.587 * rgb[1] + 0.114 * rgb[2] > 0.5 else "white"
        ax.text(*pos[n], names.actor(n).replace(" ", "\n"), ha="center", va="center",
                fontsize=6.5, color=ink, fontweight="bold")  # fmt: skip
