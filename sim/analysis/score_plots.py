"""The scoring figure: each observation's date against the ensemble's cumulative probability.

One panel per observation: the share of replicates in which the observable holds, turn by turn
(a step line), the observation's date (a vertical line) and what happened at it (a filled dot
at 1 if it happened, a hollow one at 0 if it did not), with the observation's Brier score.
"""

from __future__ import annotations

import math
from pathlib import Path

import pandas as pd

from sim.analysis.style import caption, date_axis, save_figure

HAPPENED, NOT_HAPPENED = "#009E73", "#D55E00"


def plot_scores(
    table: pd.DataFrame, curves: pd.DataFrame, title: str, out_dir: Path, name: str = "score"
) -> list[Path]:
    """Draw the figure for one run's ``table`` (``score_run``) and save it as ``name``."""
    import matplotlib.pyplot as plt

    n = len(table)
    cols = min(4, n)
    rows = math.ceil(n / cols)
    fig, axes = plt.subplots(
        rows,
        cols,
        figsize=(2.3 * cols + 0.6, 1.9 * rows + 0.9),
        sharey=True,
        squeeze=False,
        layout="constrained",
    )
    start, end = curves["date"].min(), curves["date"].max()
    for ax, (_, row) in zip(axes.flat, table.iterrows(), strict=False):
        c = curves[curves["observation"] == row["observation"]]
        ax.step(c["date"], c["probability"], where="post", color="#0072B2", lw=1.2)
        colour = HAPPENED if row["happened"] else NOT_HAPPENED
        ax.axvline(row["date"], color=colour, lw=0.8, ls="--")
        ax.plot(
            [row["date"]],
            [1.0 if row["happened"] else 0.0],
            "o",
            color=colour,
            mfc=colour if row["happened"] else "white",
            ms=5,
            clip_on=False,
        )
        ax.plot([row["date"]], [row["probability"]], "x", color="#000000", ms=5)
        ax.set_title(_wrap(row["label"]), fontsize=7.5)
        ax.text(
            0.02,
            0.95,
            f"p={row['probability']:.2f}  Brier {row['brier']:.2f}",
            transform=ax.transAxes,
            fontsize=6.5,
            va="top",
        )
        ax.set_ylim(-0.03, 1.03)
        date_axis(ax, start, end)
    for ax in list(axes.flat)[n:]:
        ax.set_visible(False)
    for ax in axes[:, 0]:
        ax.set_ylabel("P(holds)")
    fig.suptitle(title, fontsize=9)
    caption(
        fig,
        "line: share of replicates in which the observable holds by each turn; dashed: "
        "the observed date; dot: what happened (filled = it did, hollow = it did not); "
        "x: the ensemble's probability at that date",
    )
    return save_figure(fig, out_dir, name, curves)


def _wrap(text: str, width: int = 34) -> str:
    import textwrap

    return "\n".join(textwrap.wrap(text, width)[:2])
