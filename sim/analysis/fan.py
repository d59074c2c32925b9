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
from sim.analysis.names import Names
from sim.domain.ladder import Ladder, standard_ladder

PANEL_CHARS = 40  # characters of an x label across one panel of a grid


def fan_chart(
    timeseries: pd.DataFrame | None,
    actor: str,
    ax: Axes | None = None,
    *,
    colour: str | None = None,
    label: str | None = None,
    style_index: int = 0,
    bands: pd.DataFrame | None = None,
    ladder: Ladder | None = None,
    axis_labels: bool = True,
    title: str | None = None,
    threshold_names: bool = True,
) -> Figure:
    """Draw one actor's fan onto ``ax`` (new figure if None); ``style_index`` > 0 overlays a
    second run in the same colour with a dashed median and hatched bands; ``axis_labels=False``
    hides the rung names (inner panels of a grid), ``threshold_names=False`` Kahn's threshold
    names (all but a row's rightmost panel); ``bands`` (``rung_bands``) if already
    computed, and then ``timeseries`` is not read."""
    fig, ax = style.new_axes(ax)
    b = rung_bands(timeseries) if bands is None else bands
    b = b[b["actor"] == actor]
    colour = colour or style.PALETTE[0]
    prefix = f"{label}: " if label else ""
    for lo, hi, name, look in _band_looks(colour, style_index):
        ax.fill_between(b["date"], b[lo], b[hi], lw=0, step="mid", label=f"{prefix}{name} band",
                        **look)  # fmt: skip
    ax.step(b["date"], b["median"], where="mid", color=colour, lw=1.8,
            ls=style.linestyle(style_index), label=f"{prefix}median")  # fmt: skip
    if len(b):
        style.date_axis(ax, b["date"].min(), b["date"].max())
    rung_axis(ax, ladder or standard_ladder(), axis_labels, threshold_names)
    ax.set_title(title or Names().actor(actor))
    ax.set_xlabel("date")
    return fig


def _band_looks(colour: str, style_index: int) -> list[tuple[str, str, str, dict]]:
    """The 90% and 50% bands: filled for the first run, hatched (denser for 50%) for overlays."""
    hatch = style.HATCHES[style_index % len(style.HATCHES)]
    looks = []
    for lo, hi, alpha, name, dense in (
        ("q05", "q95", 0.15, "90%", 1),
        ("q25", "q75", 0.35, "50%", 2),
    ):
        if hatch is None:
            look = {"color": colour, "alpha": alpha}
        else:
            look = {"facecolor": "none", "edgecolor": colour, "hatch": hatch * dense,
                    "alpha": min(1.0, 2.5 * alpha)}  # fmt: skip
        looks.append((lo, hi, name, look))
    return looks


def rung_axis(ax: Axes, ladder: Ladder, labels: bool = True, threshold_names: bool = True) -> None:
    """Rung labels on the y axis and Kahn's threshold lines (dotted) between their groups;
    ``labels=False`` hides the rung labels (inner panels of a grid); ``threshold_names`` names
    the thresholds on the right-hand axis, outside the data (the rightmost panel of a row)."""
    ax.set_ylim(-0.5, ladder.top + 0.5)
    ax.set_yticks(range(ladder.top + 1), ladder.labels)
    ax.tick_params(axis="y", labelleft=labels)
    ax.set_ylabel("escalation rung" if labels else "")
    for t in ladder.thresholds:
        ax.axhline(t.below + 0.5, color="#777777", lw=0.7, ls=":", zorder=0)
    if threshold_names and ladder.thresholds:
        names = ax.secondary_yaxis("right")
        names.set_yticks([t.below + 0.5 for t in ladder.thresholds],
                         [t.label for t in ladder.thresholds])  # fmt: skip
        names.tick_params(length=0, labelsize=5.5, labelcolor="#555555")
        names.spines["right"].set_visible(False)
    ax.tick_params(axis="x", rotation=30)


def actor_panels(n: int, ncols: int = 4) -> tuple[Figure, list[Axes]]:
    """A grid of ``n`` panels sharing date and rung axes, plus one spare slot for the legend;
    unused slots are hidden. Returns the figure and all slots, row by row."""
    import matplotlib.pyplot as plt

    ncols = min(ncols, n + 1)
    nrows = math.ceil((n + 1) / ncols)
    size = (2.9 * ncols + 1.4, 2.1 * nrows + 0.8)
    fig, axes = plt.subplots(nrows, ncols, figsize=size, sharex=True, sharey=True,
                             layout="constrained", squeeze=False)  # fmt: skip
    slots = list(axes.flat)
    for ax in slots[n:]:
        ax.set_visible(False)
    return fig, slots


def rightmost(i: int, n: int, ncols: int) -> bool:
    """Whether panel ``i`` of ``n`` is in the rightmost column (where threshold names go; the
    first row is always full when there is more than one)."""
    return i % ncols == ncols - 1 or n < ncols and i == n - 1


def label_bottoms(slots: list[Axes], n: int, xlabel: str) -> None:
    """The x label and tick labels on each column's lowest panel (a panel with none below it,
    though a spare slot may be), none on the others: shared axes would hide the ticks of a panel
    whose slot below is not a panel."""
    import textwrap

    ncols = slots[0].get_gridspec().ncols
    xlabel = textwrap.fill(xlabel, PANEL_CHARS)  # long swept names stay within their panel
    for i in range(n):
        bottom = i >= n - ncols
        slots[i].set_xlabel(xlabel if bottom else "")
        slots[i].tick_params(axis="x", labelbottom=bottom)


def spare_legend(slots: list[Axes], n: int, names: list[str] | None, title: str) -> None:
    """The first panel's legend, shown in the spare slot after the ``n`` panels."""
    handles, labels = slots[0].get_legend_handles_labels()
    spare = slots[n]
    spare.set_visible(True)
    spare.set_axis_off()
    spare.legend(handles, names or labels, loc="center", frameon=False, fontsize=6, title=title)


def fan_grid(
    timeseries: pd.DataFrame | None,
    actors: list[str],
    colours: dict[str, str],
    title: str = "",
    caption: str = "",
    ncols: int = 4,
    names: Names | None = None,
    bands: pd.DataFrame | None = None,
) -> Figure:
    """One fan chart per actor on a shared rung axis; colours fixed per actor; panels titled
    with the actors' display names (``names``, from the scenario). ``bands`` (``rung_bands``)
    if already computed: then ``timeseries`` is not read."""
    names = names or Names()
    b = rung_bands(timeseries) if bands is None else bands
    fig, slots = actor_panels(len(actors), ncols)
    ncols = slots[0].get_gridspec().ncols
    for i, actor in enumerate(actors):
        fan_chart(None, actor, slots[i], colour=colours[actor], bands=b,
                  axis_labels=i % ncols == 0, title=names.actor(actor),
                  threshold_names=rightmost(i, len(actors), ncols))  # fmt: skip
    label_bottoms(slots, len(actors), "date")
    entries = ["90% band", "50% band", "median"]
    spare_legend(slots, len(actors), [f"{n} (colour of each actor)" for n in entries],
                 "over replicates")  # fmt: skip
    fig.suptitle(title)
    style.caption(fig, caption)
    return fig
