"""Escalation fan charts: each actor's rung over time across replicates (median, 50% and 90%
bands), with the ladder's rung labels on the y axis and Kahn's thresholds drawn between groups.
"""

from __future__ import annotations

import math

import pandas as pd
from matplotlib.axes import Axes
from matplotlib.figure import Figure

from sim.analysis import style
from sim.analysis.metrics import rung_bands
from sim.domain.ladder import Ladder, standard_ladder


def fan_chart(
    timeseries: pd.DataFrame,
    actor: str,
    ax: Axes | None = None,
    *,
    colour: str | None = None,
    label: str | None = None,
    style_index: int = 0,
    bands: pd.DataFrame | None = None,
    ladder: Ladder | None = None,
    axis_labels: bool = True,
) -> Figure:
    """Draw one actor's fan onto ``ax`` (new figure if None); ``style_index`` > 0 overlays a
    second run in the same colour with a dashed median and hatched bands; ``axis_labels=False``
    hides the rung names (inner panels of a grid)."""
    fig, ax = style.new_axes(ax)
    b = rung_bands(timeseries) if bands is None else bands
    b = b[b["actor"] == actor]
    colour = colour or style.PALETTE[0]
    prefix = f"{label}: " if label else ""
    hatch = style.HATCHES[style_index % len(style.HATCHES)]
    for lo, hi, alpha, name, dense in (
        ("q05", "q95", 0.15, "90%", 1),
        ("q25", "q75", 0.35, "50%", 2),
    ):
        look = (
            {"color": colour, "alpha": alpha}
            if hatch is None
            else {
                "facecolor": "none",
                "edgecolor": colour,
                "hatch": hatch * dense,
                "alpha": min(1.0, 2.5 * alpha),
            }
        )
        ax.fill_between(
            b["date"], b[lo], b[hi], lw=0, step="mid", label=f"{prefix}{name} band", **look
        )
    ax.step(
        b["date"],
        b["median"],
        where="mid",
        color=colour,
        lw=1.8,
        ls=style.linestyle(style_index),
        label=f"{prefix}median",
    )
    if len(b):
        style.date_axis(ax, b["date"].min(), b["date"].max())
    rung_axis(ax, ladder or standard_ladder(), axis_labels)
    ax.set_title(actor.replace("_", " ").title())
    ax.set_xlabel("date")
    return fig


def rung_axis(ax: Axes, ladder: Ladder, labels: bool = True) -> None:
    """Rung labels on the y axis and Kahn's threshold lines (dotted) between their groups;
    ``labels=False`` hides the tick labels and threshold names (inner panels of a grid)."""
    ax.set_ylim(-0.5, ladder.top + 0.5)
    ax.set_yticks(range(ladder.top + 1), ladder.labels)
    ax.tick_params(axis="y", labelleft=labels)
    ax.set_ylabel("escalation rung" if labels else "")
    for t in ladder.thresholds:
        ax.axhline(t.below + 0.5, color="#777777", lw=0.7, ls=":", zorder=0)
        if labels:
            ax.annotate(
                t.label,
                (1.0, t.below + 0.5),
                xycoords=("axes fraction", "data"),
                xytext=(-2, 1.5),
                textcoords="offset points",
                fontsize=5.5,
                color="#555555",
                va="bottom",
                ha="right",
            )
    ax.tick_params(axis="x", rotation=30)


def fan_grid(
    timeseries: pd.DataFrame,
    actors: list[str],
    colours: dict[str, str],
    title: str = "",
    caption: str = "",
    ncols: int = 4,
) -> Figure:
    """One fan chart per actor on a shared rung axis; colours fixed per actor."""
    import matplotlib.pyplot as plt

    b = rung_bands(timeseries)
    ncols = min(ncols, len(actors))
    nrows = math.ceil((len(actors) + 1) / ncols)  # one spare slot holds the legend
    fig, axes = plt.subplots(
        nrows,
        ncols,
        figsize=(2.9 * ncols + 1.4, 2.1 * nrows + 0.8),
        sharex=True,
        sharey=True,
        layout="constrained",
        squeeze=False,
    )
    for i, ax in enumerate(axes.flat):
        if i >= len(actors):
            ax.set_visible(False)
            continue
        fan_chart(
            timeseries,
            actors[i],
            ax,
            colour=colours[actors[i]],
            bands=b,
            axis_labels=i % ncols == 0,
        )
        ax.set_xlabel("date" if i >= len(actors) - ncols else "")
    handles, names = axes.flat[0].get_legend_handles_labels()
    spare = axes.flat[len(actors)]
    spare.legend(
        handles,
        [f"{n} (colour of each actor)" for n in names],
        loc="center",
        frameon=False,
        title="over replicates",
    )
    spare.set_visible(True)
    spare.set_axis_off()
    fig.suptitle(title)
    style.caption(fig, caption)
    return fig
