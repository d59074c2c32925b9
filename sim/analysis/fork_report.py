"""Comparing a fork's branches with the original replicate: a table and a figure."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd

from sim.analysis.style import caption, save_figure

KINDS = ("original", "same_stream", "changed", "control")


def branch_table(original: dict, outcomes: dict[str, dict]) -> pd.DataFrame:
    """One row per branch: its kind, stream number k and its outcome columns."""
    rows = [{"branch": "original", "kind": "original", "k": 0, **original}]
    for name, row in outcomes.items():
        kind, _, k = name.rpartition("_") if name[-1].isdigit() else (name, "", "0")
        rows.append({"branch": name, "kind": kind, "k": int(k), **row})
    table = pd.DataFrame(rows)
    return table.drop(columns=[c for c in ("replicate", "seed") if c in table])


def milestone_summary(table: pd.DataFrame) -> pd.DataFrame:
    """Per milestone: reached in the original and same-stream branch (turn), the share of
    changed and control branches reaching it, the paired difference (changed - control,
    stream by stream) with how many pairs differ, and the mean turn where reached."""
    changed = table[table["kind"] == "changed"].set_index("k")
    control = table[table["kind"] == "control"].set_index("k")
    rows = []
    for col in [c for c in table if c.endswith("_step")]:
        a, b = changed[col].notna(), control[col].reindex(changed.index).notna()
        rows.append(
            {
                "milestone": col.removesuffix("_step"),
                "original": _turn(table, "original", col),
                "same_stream": _turn(table, "same_stream", col),
                "changed": a.mean() if len(a) else np.nan,
                "control": b.mean() if len(b) else np.nan,
                "paired_diff": (a.astype(int) - b.astype(int)).mean() if len(a) else np.nan,
                "pairs_differing": int((a != b).sum()),
                "changed_mean_turn": changed[col].mean(),
                "control_mean_turn": control[col].mean(),
            }
        )
    return pd.DataFrame(rows)


def _turn(table: pd.DataFrame, kind: str, col: str):
    value = table.loc[table["kind"] == kind, col]
    return value.iloc[0] if len(value) and pd.notna(value.iloc[0]) else None


def plot_branches(
    series: pd.DataFrame,
    turn: int,
    actors: list[str],
    title: str,
    note: str,
    out_dir: Path,
    name_of=str,
) -> list[Path]:
    """Rungs of ``actors`` by turn in every branch: the original (black), the same-stream
    branch (orange), changed branches (blue) and controls (grey); the fork turn dashed."""
    import matplotlib.pyplot as plt

    cols = min(3, len(actors))
    rows = -(-len(actors) // cols)
    fig, axes = plt.subplots(
        rows,
        cols,
        figsize=(3.0 * cols + 0.4, 2.2 * rows + 0.8),
        sharex=True,
        sharey=True,
        squeeze=False,
        layout="constrained",
    )
    style = {
        "control": ("#AAAAAA", 0.8, 1),
        "changed": ("#0072B2", 0.8, 2),
        "same_stream": ("#E69F00", 1.6, 3),
        "original": ("#000000", 1.8, 4),
    }
    for ax, actor in zip(axes.flat, actors, strict=False):
        for (branch, kind), g in series[series["actor"] == actor].groupby(["branch", "kind"]):
            colour, width, z = style[kind]
            k = int(branch.rpartition("_")[2]) if branch[-1].isdigit() else 0
            jitter = 0.0 if kind in ("original", "same_stream") else (k % 7 - 3) * 0.02
            ax.step(
                g["step"],
                g["rung"] + jitter,
                where="post",
                color=colour,
                lw=width,
                zorder=z,
                alpha=0.8,
            )
        ax.axvline(turn, color="#D55E00", ls="--", lw=0.8)
        ax.set_title(name_of(actor))
    for ax in list(axes.flat)[len(actors) :]:
        ax.set_visible(False)
    for ax in axes[:, 0]:
        ax.set_ylabel("rung")
    for ax in axes[-1, :]:
        ax.set_xlabel("turn")
    handles = [plt.Line2D([], [], color=c, lw=w) for c, w, _ in style.values()]
    axes.flat[0].legend(handles, list(style), loc="lower left", fontsize=6)
    fig.suptitle(title, fontsize=9)
    caption(fig, note)
    return save_figure(fig, out_dir, "fork_rungs", series)


def actors_to_show(series: pd.DataFrame, turn: int, limit: int = 6) -> list[str]:
    """Actors whose rung differs between branches after the fork, else the first four."""
    after = series[series["step"] > turn]
    spread = after.groupby(["actor", "step"])["rung"].nunique().groupby("actor").max()
    differing = [a for a in dict.fromkeys(series["actor"]) if spread.get(a, 1) > 1]
    return (differing or list(dict.fromkeys(series["actor"]))[:4])[:limit]
