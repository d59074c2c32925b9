"""The calibration figure: each parameter's prior samples against the accepted ones."""

from __future__ import annotations

import math
from pathlib import Path

import pandas as pd

from sim.analysis.ranges import Range
from sim.analysis.style import caption, save_figure


def plot_prior_vs_accepted(
    table: pd.DataFrame, ranges: list[Range], title: str, out_dir: Path
) -> list[Path]:
    """One panel per parameter: histogram of the prior samples (grey) and of the accepted
    (blue), over the parameter's range; the default marked."""
    import matplotlib.pyplot as plt

    cols = min(4, len(ranges))
    rows = math.ceil(len(ranges) / cols)
    fig, axes = plt.subplots(
        rows,
        cols,
        figsize=(2.2 * cols + 0.4, 1.7 * rows + 0.8),
        squeeze=False,
        layout="constrained",
    )
    sampled = table[table["job"] > 0]
    accepted = sampled[sampled["accepted"]]
    default = table[table["job"] == 0]
    for ax, r in zip(axes.flat, ranges, strict=False):
        bins = [r.low + (r.high - r.low) * i / 10 for i in range(11)]
        ax.hist(sampled[r.key], bins=bins, color="#BBBBBB", label="prior samples")
        ax.hist(accepted[r.key], bins=bins, color="#0072B2", label="accepted")
        if len(default):
            ax.axvline(
                float(default[r.key].iloc[0]), color="#D55E00", lw=1, ls="--", label="default"
            )
        ax.set_title(r.key, fontsize=7.5)
        ax.set_xlim(r.low, r.high)
    for ax in list(axes.flat)[len(ranges) :]:
        ax.set_visible(False)
    axes.flat[0].legend(fontsize=6)
    fig.suptitle(title, fontsize=9)
    caption(
        fig,
        f"{len(sampled)} Latin-hypercube samples of the uniform prior; "
        f"{len(accepted)} accepted (ABC rejection on the proper score)",
    )
    return save_figure(fig, out_dir, "prior_vs_accepted", table)
