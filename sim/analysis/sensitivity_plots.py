"""Sensitivity figures: Morris mu* and sigma bars, Sobol S1 and ST bars with 95% intervals."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd

from sim.analysis.style import caption, new_axes, save_figure

SHOWN = {"morris": ("mu_star", "sigma"), "sobol": ("S1", "ST")}
COLOURS = ("#0072B2", "#E69F00")


def plot_indices(
    table: pd.DataFrame, method: str, outcome: str, note: str, out_dir: Path, name: str
) -> list[Path]:
    """Horizontal bars per parameter, most important first, with the 95% half-widths."""
    first, second = SHOWN[method]
    wide = table.pivot(index="parameter", columns="index", values="value")
    conf = table.pivot(index="parameter", columns="index", values="conf")
    order = wide[first if method == "morris" else second].sort_values().index
    fig, ax = new_axes(size=(6.5, 1.2 + 0.28 * len(order)))
    y = np.arange(len(order))
    for j, index in enumerate((first, second)):
        err = conf.loc[order, index].to_numpy()
        ax.barh(
            y + (0.2 if j == 0 else -0.2),
            wide.loc[order, index],
            height=0.38,
            xerr=None if np.isnan(err).all() else err,
            color=COLOURS[j],
            label=index,
            error_kw={"elinewidth": 0.8, "capsize": 2},
        )
    ax.set_yticks(y, order)
    ax.axvline(0, color="#444444", lw=0.6)
    label = "effect on the outcome" if method == "morris" else "share of variance"
    ax.set_xlabel(f"{label}: {outcome}")
    ax.legend(loc="lower right")
    ax.set_title(f"{method.title()} sensitivity of {outcome}")
    caption(fig, note)
    return save_figure(fig, out_dir, name, table)
