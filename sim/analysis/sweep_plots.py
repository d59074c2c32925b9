"""Sweep figures: a milestone's probability by a date, and peak escalation, against the swept
parameters. One parameter: points with 95% CIs (joined by a line only when the parameter is a
number: rule sets have no order between them); two: a heatmap; more: small multiples of
heatmaps, one per combination of the other parameters. Parameters and values are named in
words (``Names.parameter``, ``Names.value``).

- Every point or cell prints its count ("3/500", above its interval); a milestone that stays
  rare (below 5% at every point) is drawn on a log axis so that 1 in 500 is not flat on zero.
- Heatmap colours span the values observed (the colour bar says so), not 0-1, so that a sweep
  whose probabilities range over 0.30-0.45 still shows its variation; when every cell has the
  same value there is no variation to show: the cells are one neutral grey, with no colour bar,
  and the figure says so.
- Peak escalation is ordinal: it is shown as the share of replicates peaking at each rung
  (stacked bars, one panel per actor) for one parameter, and as the share reaching a rung
  above the typical peak for two or more, never as a mean of rung numbers.
"""

from __future__ import annotations

import itertools
import logging
import math
from pathlib import Path

import matplotlib as mpl
import numpy as np
import pandas as pd
from matplotlib.axes import Axes
from matplotlib.figure import Figure

from sim.analysis import style
from sim.analysis.milestone_plots import RARE
from sim.analysis.names import Names, rung_name
from sim.analysis.sweep import Sweep, load_sweep, milestone_by
from sim.analysis.sweep_peaks import ANY_ACTOR, peak_level, peak_shares, share_at_or_above

log = logging.getLogger(__name__)


def _positions(values: pd.Series) -> tuple[np.ndarray, list]:
    """x positions of parameter values: the values if numeric, else 0..n-1 with tick labels."""
    levels = sorted(values.unique(), key=lambda v: (isinstance(v, str), v))
    if pd.api.types.is_numeric_dtype(values):
        return values.to_numpy(dtype=float), levels
    return values.map({v: i for i, v in enumerate(levels)}).to_numpy(dtype=float), levels


def interval_line(
    stats: pd.DataFrame,
    param: str,
    value: str,
    ax: Axes | None = None,
    *,
    colour: str | None = None,
    label: str | None = None,
    names: Names | None = None,
) -> Figure:
    """``value`` against ``param`` with its 95% interval (``ci_low``..``ci_high``) as error bars,
    and each point's count (``reached``/``replicates``) printed beside it when the table has it."""
    names = names or Names()
    fig, ax = style.new_axes(ax)
    s = stats.sort_values(param)
    x, levels = _positions(s[param])
    numeric = pd.api.types.is_numeric_dtype(s[param])
    err = np.vstack([s[value] - s["ci_low"], s["ci_high"] - s[value]]).clip(min=0)
    ax.errorbar(x, s[value], yerr=err, marker="o", ms=4, capsize=3, lw=1.5,
                ls="-" if numeric else "none", color=colour or style.PALETTE[4],
                label=label)  # fmt: skip
    if {"reached", "replicates"} <= set(s.columns):
        for xi, hi, k, n in zip(x, s["ci_high"], s["reached"], s["replicates"], strict=True):
            ax.annotate(f"{k}/{n}", (xi, hi), xytext=(0, 3), textcoords="offset points",
                        ha="center", va="bottom", fontsize=6, color="#333333")  # fmt: skip
    if not numeric:
        ax.set_xticks(range(len(levels)), [names.value(param, v) for v in levels])
        ax.set_xlim(-0.5, len(levels) - 0.5)
    ax.set_xlabel(names.parameter(param))
    return fig


def heatmap(
    stats: pd.DataFrame,
    x: str,
    y: str,
    value: str,
    ax: Axes | None = None,
    *,
    vmin: float | None = None,
    vmax: float | None = None,
    fmt: str = "{:.2f}",
    names: Names | None = None,
) -> Figure:
    """``value`` on a grid of two parameters, each cell labelled with its value, its 95% CI and
    its count; the colours span ``vmin``..``vmax`` (default: the values observed)."""
    names = names or Names()
    fig, ax = style.new_axes(ax, size=(6.4, 4.8))
    grid = stats.pivot_table(index=y, columns=x, values=[value, "ci_low", "ci_high"])
    values = grid[value].to_numpy()
    vmin, vmax = _colour_range(stats[value], vmin, vmax)
    flat = vmax - vmin < 1e-9  # one value everywhere: nothing for colours to show
    cmap = mpl.colors.ListedColormap([style.NO_VARIATION]) if flat else style.PROBABILITY_CMAP
    image = ax.imshow(values, origin="lower", cmap=cmap, vmin=vmin, vmax=vmax, aspect="auto")
    counts = _counts(stats, x, y)
    for (i, j), v in np.ndenumerate(values):
        if np.isnan(v):
            continue
        lo, hi = grid["ci_low"].to_numpy()[i, j], grid["ci_high"].to_numpy()[i, j]
        ink = "black" if flat or (v - vmin) / (vmax - vmin) > 0.55 else "white"
        count = counts.get((grid[value].index[i], grid[value].columns[j]), "")
        ax.text(j, i, f"{fmt.format(v)}\n[{fmt.format(lo)}, {fmt.format(hi)}]\n{count}",
                ha="center", va="center", fontsize=5.5, color=ink)  # fmt: skip
    ax.set_xticks(range(values.shape[1]), [names.value(x, c) for c in grid[value].columns])
    ax.set_yticks(range(values.shape[0]), [names.value(y, r) for r in grid[value].index])
    ax.set_xlabel(names.parameter(x))
    ax.set_ylabel(names.parameter(y))
    ax.image_ = None if flat else image  # the mappable, for a shared colour bar (none if flat)
    return fig


def _colour_range(values: pd.Series, vmin: float | None, vmax: float | None) -> tuple:
    """The range observed (``vmin``..``vmax`` if given); equal ends when every value is one."""
    lo = float(values.min()) if vmin is None else vmin
    hi = float(values.max()) if vmax is None else vmax
    return lo, hi


def _colour_bar(fig: Figure, image, where, stats: pd.DataFrame, value: str, label: str) -> None:
    """The colour bar of the values observed; when every cell has the same value, a key of its
    one grey instead (a bar spanning a range no cell has would suggest variation)."""
    if image is not None:
        fig.colorbar(image, ax=where, shrink=0.8, label=label)
        return
    from matplotlib.patches import Patch

    only = f"{stats[value].iloc[0]:.2f}"
    fig.legend([Patch(facecolor=style.NO_VARIATION, edgecolor="#888888")],
               [f"every point: {only}\n(no variation,\nso no colour scale)"],
               loc="outside right center", frameon=False, title=label.split(",")[0])  # fmt: skip


def _counts(stats: pd.DataFrame, x: str, y: str) -> dict:
    if not {"reached", "replicates"} <= set(stats.columns):
        return {}
    return {(r[y], r[x]): f"{r['reached']}/{r['replicates']}" for r in stats.to_dict("records")}


def small_multiples(
    stats: pd.DataFrame, params: list[str], value: str, *, fmt: str, names: Names, label: str
) -> Figure:
    """One heatmap of params[0] x params[1] per combination of the remaining parameters, all on
    one colour scale (the range observed over every panel)."""
    import matplotlib.pyplot as plt

    facets = list(stats.groupby(params[2:], sort=True))
    ncols = min(3, len(facets))
    nrows = math.ceil(len(facets) / ncols)
    fig, axes = plt.subplots(nrows, ncols, figsize=(4.4 * ncols + 1.4, 3.6 * nrows + 1.0),
                             layout="constrained", squeeze=False)  # fmt: skip
    vmin, vmax = _colour_range(stats[value], None, None)
    for ax, (key, part) in itertools.zip_longest(axes.flat, facets, fillvalue=(None, None)):
        if part is None:
            ax.set_visible(False)
            continue
        heatmap(part, params[0], params[1], value, ax, vmin=vmin, vmax=vmax, fmt=fmt, names=names)
        key = key if isinstance(key, tuple) else (key,)
        ax.set_title(", ".join(f"{names.parameter(p)} = {names.value(p, v)}"
                               for p, v in zip(params[2:], key, strict=True)))  # fmt: skip
    _colour_bar(fig, axes.flat[0].image_, axes, stats, value, label)
    return fig


def grid_figure(
    stats: pd.DataFrame, params: list[str], value: str, *, fmt: str, names: Names, label: str
) -> Figure:
    """A heatmap (two parameters) or small multiples (more) of ``value``."""
    if len(params) > 2:
        return small_multiples(stats, params, value, fmt=fmt, names=names, label=label)
    fig = heatmap(stats, params[0], params[1], value, fmt=fmt, names=names)
    _colour_bar(fig, fig.axes[0].image_, fig.axes[0], stats, value, label)
    return fig


def milestone_figure(sweep: Sweep, milestone: str, step: int) -> tuple[Figure, pd.DataFrame]:
    """P(milestone by turn ``step``) against the swept parameters, with Wilson CIs and counts;
    a log axis when the milestone is rare at every point."""
    params, names = sweep.parameters, sweep.names
    stats = milestone_by(sweep.table, params, milestone, step)
    if len(params) == 1:
        fig = interval_line(stats, params[0], "probability", label=milestone, names=names)
        ax = fig.axes[0]
        if stats["probability"].max() < RARE:
            low = 0.5 / stats["replicates"].max()
            style.log_probability_axis(ax, low, max(2 * RARE, stats["ci_high"].max()), zero=True)
            ax.set_ylabel("P(reached), log scale above one replicate  [95% Wilson CI]")
        else:
            ax.set_ylim(-0.02, 1.02)
            ax.set_ylabel("P(reached)  [95% Wilson CI]")
    else:
        label = "P(reached), colours span the values observed"
        fig = grid_figure(stats, params, "probability", fmt="{:.2f}", names=names, label=label)
    fig.suptitle(f"{names.milestone(milestone)}: reached by {sweep.when(step)}")
    style.caption(fig, sweep.caption(params))
    return fig, stats


def peak_figure(sweep: Sweep, actor: str | None = None) -> tuple[Figure, pd.DataFrame]:
    """Peak escalation against the swept parameters, as distributions (see the module doc)."""
    params, names = sweep.parameters, sweep.names
    if len(params) == 1:
        actors = [actor] if actor else sweep.actors
        shares = peak_shares(sweep.table, params[0], actors)
        fig = shares_figure(shares, params[0], actors, names)
        who = names.actor(actor) if actor else "each actor"
        fig.suptitle(f"Peak escalation of {who}: share of replicates peaking at each rung")
    else:
        who = actor or ANY_ACTOR
        level = peak_level(sweep.table, params, who)
        shares = share_at_or_above(sweep.table, params, who, level)
        whom = "anyone" if who == ANY_ACTOR else names.actor(who)
        label = f"P(peak at or above {level}), colours span the values observed"
        fig = grid_figure(shares, params, "probability", fmt="{:.2f}", names=names, label=label)
        fig.suptitle(f"Peak escalation of {whom}: share reaching {rung_name(level)} or above")
    style.caption(fig, sweep.caption(params))
    return fig, shares


def shares_figure(shares: pd.DataFrame, param: str, actors: list[str], names: Names) -> Figure:
    """Stacked bars per actor panel: at each swept value, the share of replicates whose peak
    was each rung (dark: low rungs, light: high; the legend names them)."""
    from sim.analysis.fan import actor_panels, label_bottoms

    fig, slots = actor_panels(len(actors), ncols=4)
    rungs = sorted(shares["rung"].unique())
    colours = style.rung_colours(rungs)
    levels = sorted(shares[param].unique(), key=lambda v: (isinstance(v, str), v))
    x = np.arange(len(levels))
    for i, a in enumerate(actors):
        ax, part = slots[i], shares[shares["actor"] == a]
        grid = part.pivot_table(index=param, columns="rung", values="share", fill_value=0.0)
        grid = grid.reindex(index=levels, columns=rungs, fill_value=0.0)
        bottom = np.zeros(len(levels))
        for r in rungs:
            ax.bar(x, grid[r], bottom=bottom, width=0.8, color=colours[r], edgecolor="white",
                   lw=0.3, label=rung_name(r))  # fmt: skip
            bottom += grid[r].to_numpy()
        ax.set_title(names.actor(a))
        ax.set_xticks(x, [names.value(param, v) for v in levels], rotation=30)
        ax.set_ylim(0, 1)
        ax.set_ylabel("share of replicates" if i % slots[0].get_gridspec().ncols == 0 else "")
    label_bottoms(slots, len(actors), names.parameter(param))
    handles, labels = slots[0].get_legend_handles_labels()
    spare = slots[len(actors)]
    spare.set_visible(True)
    spare.set_axis_off()
    spare.legend(handles[::-1], labels[::-1], loc="center", frameon=False, fontsize=6,
                 title="peak rung")  # fmt: skip
    return fig


def plot_sweep(
    sweep_dir: Path,
    milestones: list[str] | None = None,
    date: str | None = None,
    actor: str | None = None,
    out_dir: Path | None = None,
) -> list[Path]:
    """All sweep figures into ``<sweep>/plots/``: one per milestone (default: every milestone
    reached somewhere), by ``date`` (default: the last turn), and peak escalation."""
    sweep = load_sweep(Path(sweep_dir))
    out = Path(out_dir) if out_dir else sweep.path / "plots"
    step = sweep.step_of(date)
    chosen = milestones or [m for m in sweep.milestones if sweep.table[f"{m}_step"].notna().any()]
    written: list[Path] = []
    for m in chosen:
        fig, stats = milestone_figure(sweep, m, step)
        written += style.save_figure(fig, out, f"sweep_milestone_{m}", stats)
    fig, stats = peak_figure(sweep, actor)
    written += style.save_figure(fig, out, "sweep_peak_rung", stats)
    return written
