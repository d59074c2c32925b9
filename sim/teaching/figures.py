"""The game's figures from its tables: escalation over time, the Kursk front, the relations.

Drawn from DataFrames in the results-contract columns, so the web page (from the live model's
records) and the after-action review (from the parquet files) show the same pictures.
Matplotlib's object API only (no pyplot state): safe in the web server's threads. Colours and
names are the analysis package's (``sim.analysis.style``, ``sim.analysis.names``): an actor has
the same colour and name here as in every run figure.
"""

from __future__ import annotations

import io

import networkx as nx
import pandas as pd
from matplotlib.figure import Figure

from sim.analysis import style  # the one look (and names drawn as plain text)
from sim.analysis.fan import rung_axis
from sim.analysis.names import names_of
from sim.domain.ladder import standard_ladder
from sim.domain.scenario import Scenario

_REL_STYLE = {"war": ("#c0392b", "solid"), "treaty": ("#8e44ad", "solid"),
              "supply": ("#2471a3", "dashed"), "alliance": ("#1e8449", "solid"),
              "partnership": ("#7f8c8d", "dotted")}  # fmt: skip


def escalation_figure(timeseries: pd.DataFrame, world: Scenario, seats=(), replicate=0) -> Figure:
    """Each actor's rung turn by turn (human seats drawn thick), with Kahn's thresholds."""
    ladder = standard_ladder()
    fig = Figure(figsize=(8, 4.2), layout="constrained")
    ax = fig.add_subplot()
    colours, names = style.actor_colours(list(world.actors)), names_of(world)
    ts = timeseries[timeseries.replicate == replicate]
    for actor, rows in ts.groupby("actor", observed=True, sort=False):
        name, human = names.actor(actor), actor in seats
        ax.step(rows.step, rows.rung, where="post", lw=3.2 if human else 1.4,
                color=colours.get(actor), label=f"{name} (you)" if human else name)  # fmt: skip
    rung_axis(ax, ladder)  # Kahn's thresholds named on the right axis, off the data
    ax.set_xlabel("turn")
    ax.set_title("Escalation in a single game: each actor's rung")
    fig.legend(fontsize=7, loc="outside right center", frameon=False)
    return fig


def front_figure(
    forces: pd.DataFrame, theatres: pd.DataFrame, world: Scenario, replicate=0
) -> Figure:
    """Strength of each actor's units in the contested theatres, and the holder's control."""
    fig = Figure(figsize=(8, 3.6), layout="constrained")
    ax, ax2 = fig.subplots(1, 2)
    contested = [t for t, th in world.theatres.items() if th.held_by]
    f = forces[(forces.replicate == replicate) & forces.theatre.isin(contested)]
    by_actor = f.groupby(["step", "actor"], observed=True).strength.sum().unstack("actor")
    colours, names = style.actor_colours(list(world.actors)), names_of(world)
    for actor in by_actor.columns:
        ax.plot(by_actor.index, by_actor[actor], color=colours.get(actor),
                label=names.actor(actor))  # fmt: skip
    ax.set_title("Forces at the front (personnel)")
    ax.set_xlabel("turn")
    ax.legend(fontsize=7, loc="upper left", bbox_to_anchor=(0.0, -0.18), frameon=False)
    th = theatres[theatres.replicate == replicate]
    for tid, rows in th.groupby("theatre", observed=True):
        holder = world.theatres[tid].held_by if tid in world.theatres else None
        ax2.plot(rows.step, rows.control, color=colours.get(holder), label=names.theatre(tid))
    ax2.set_ylim(0, 1.05)
    ax2.set_title("Share of the salient still held")
    ax2.set_xlabel("turn")
    ax2.legend(fontsize=7, loc="upper left", bbox_to_anchor=(0.0, -0.18), frameon=False)
    return fig


def relations_figure(world: Scenario, rungs: dict[str, int]) -> Figure:
    """The relations network: actors coloured by their current rung, ties by kind."""
    g = nx.Graph()
    g.add_nodes_from(world.actors)
    order = list(_REL_STYLE)  # a pair with several ties shows the first kind in this order
    for r in world.relations.values():
        old = g.edges[r.parties]["kind"] if g.has_edge(*r.parties) else None
        if old is None or order.index(r.kind) < order.index(old):
            g.add_edge(*r.parties, kind=r.kind)
    pos = nx.circular_layout(g)
    fig = Figure(figsize=(6, 5), layout="constrained")
    ax = fig.add_subplot()
    for kind, (colour, line) in _REL_STYLE.items():
        edges = [(a, b) for a, b, k in g.edges(data="kind") if k == kind]
        nx.draw_networkx_edges(g, pos, edgelist=edges, edge_color=colour, style=line, ax=ax,
                               width=2, label=kind)  # fmt: skip
    top, names = standard_ladder().top, names_of(world)
    fill = [rungs.get(a, 0) / top for a in g.nodes]
    rings = [style.actor_colours(list(world.actors)).get(a, "black") for a in g.nodes]
    nx.draw_networkx_nodes(g, pos, node_color=fill, cmap=style.RUNG_CMAP, vmin=0, vmax=1, ax=ax,
                           node_size=600, edgecolors=rings, linewidths=2.5)  # fmt: skip
    for a, (x, y) in pos.items():
        ax.annotate(f"{names.actor(a)} ({rungs.get(a, 0)})", (x, y), xytext=(0, -16),
                    textcoords="offset points", ha="center", fontsize=7)  # fmt: skip
    ax.set_title("Relations (node fill: rung, dark low to light high; ring: the actor's colour)")
    ax.legend(fontsize=7, loc="upper left", bbox_to_anchor=(1.0, 1.0), frameon=False)
    ax.axis("off")
    return fig


def png_bytes(fig: Figure) -> bytes:
    """A figure as PNG bytes (for embedding in HTML)."""
    buf = io.BytesIO()
    fig.savefig(buf, format="png", dpi=110)
    return buf.getvalue()


def fan_figure(ensemble: pd.DataFrame, game: pd.DataFrame, world: Scenario, actor: str) -> Figure:
    """One actor's rung over the rule-driven ensemble (bands: 5-95% and 25-75%; the median) with
    the played game's line on top."""
    ladder = standard_ladder()
    fig = Figure(figsize=(8, 3.6), layout="constrained")
    ax = fig.add_subplot()
    rungs = ensemble[ensemble.actor == actor].groupby("step").rung
    q = rungs.quantile([0.05, 0.25, 0.5, 0.75, 0.95]).unstack()
    ax.fill_between(q.index, q[0.05], q[0.95], step="post", color="#aec7e8", alpha=0.6,
                    label="computer-played games: 90%")  # fmt: skip
    ax.fill_between(q.index, q[0.25], q[0.75], step="post", color="#6b9bd1", alpha=0.7,
                    label="computer-played games: middle 50%")  # fmt: skip
    mine = game[(game.actor == actor) & (game.replicate == 0)]
    ax.step(mine.step, mine.rung, where="post", color="#c0392b", lw=3.2, alpha=0.8,
            label="your game", zorder=2)  # fmt: skip
    ax.step(q.index, q[0.5], where="post", color="#1f4e79", lw=1.2, ls="--",
            label="their median", zorder=3)  # fmt: skip
    ax.xaxis.get_major_locator().set_params(integer=True)
    rung_axis(ax, ladder)
    ax.set_xlabel("turn")
    name = world.actors[actor].name if actor in world.actors else actor
    ax.set_title(f"{name}: your game against the computer-played games")
    fig.legend(fontsize=7, loc="outside right center", frameon=False)
    return fig
