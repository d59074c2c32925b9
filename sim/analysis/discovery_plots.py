"""Scenario discovery figures: PRIM's coverage/density trade-off, the chosen box, the CART tree."""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from sim.analysis.prim import PrimResult
from sim.analysis.style import caption, new_axes, save_figure


def plot_tradeoff(result: PrimResult, chosen: int, title: str, out_dir: Path) -> list[Path]:
    """Coverage against density for every box of the peeling trajectory; the chosen one ringed."""
    traj = result.trajectory
    fig, ax = new_axes(size=(5.0, 4.0))
    points = ax.scatter(
        traj["coverage"], traj["density"], c=traj["restricted"], cmap="cividis", s=14, zorder=2
    )
    fig.colorbar(points, ax=ax, label="parameters restricted")
    row = traj.loc[chosen]
    ax.scatter(
        [row["coverage"]],
        [row["density"]],
        s=90,
        facecolors="none",
        edgecolors="#D55E00",
        lw=1.5,
        zorder=3,
        label=f"box {chosen}",
    )
    ax.set_xlabel("coverage (share of all cases of interest inside the box)")
    ax.set_ylabel("density (share of cases inside that are of interest)")
    ax.set_xlim(0, 1.02)
    ax.set_ylim(0, 1.02)
    ax.legend(loc="lower left")
    ax.set_title(title)
    caption(
        fig, "PRIM peeling trajectory: each point is a box; peeling trades coverage for density"
    )
    return save_figure(fig, out_dir, "prim_tradeoff", traj)


def plot_box(limits: pd.DataFrame, ranges: pd.DataFrame, title: str, out_dir: Path) -> list[Path]:
    """The chosen box's limits on each parameter, as a share of the swept range."""
    fig, ax = new_axes(size=(5.5, 1.0 + 0.35 * len(limits)))
    span = (ranges["high"] - ranges["low"]).replace(0, 1)
    lo = (limits["low"] - ranges["low"]) / span
    hi = (limits["high"] - ranges["low"]) / span
    y = range(len(limits))
    ax.barh(list(y), [1] * len(limits), color="#DDDDDD", height=0.5)
    ax.barh(list(y), hi - lo, left=lo, color="#0072B2", height=0.5)
    labels = [
        f"{p}\n[{a:.3g}, {b:.3g}]"
        for p, a, b in zip(limits["parameter"], limits["low"], limits["high"], strict=True)
    ]
    ax.set_yticks(list(y), labels)
    ax.set_xlim(0, 1)
    ax.set_xlabel("share of the swept range (grey: all of it; blue: the box)")
    ax.set_title(title)
    return save_figure(fig, out_dir, "prim_box", limits)


def plot_tree(tree, names: list[str], outcome: str, out_dir: Path) -> list[Path]:
    """The CART tree, each node with its rule, cases and share of cases of interest."""
    import matplotlib.pyplot as plt
    from sklearn.tree import plot_tree as draw

    fig, ax = plt.subplots(figsize=(10, 5), layout="constrained")
    draw(
        tree,
        feature_names=names,
        class_names=["no", outcome],
        filled=True,
        impurity=False,
        proportion=True,
        rounded=True,
        fontsize=6,
        ax=ax,
    )
    ax.set_title(f"CART: when is {outcome} reached?")
    return save_figure(fig, out_dir, "cart_tree")
