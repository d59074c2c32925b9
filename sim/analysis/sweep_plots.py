"""Sweep figures: a milestone's probability by a date, and peak escalation, against the swept
parameters. One parameter: a line with 95% CIs; two: a heatmap; more: small multiples of
heatmaps, one per combination of the other parameters.
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
from sim.analysis.sweep import ANY_ACTOR, Sweep, load_sweep, milestone_by, peak_by, short
from sim.domain.ladder import standard_ladder

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
) -> Figure:
    """``value`` against ``param`` with its 95% interval (``ci_low``..``ci_high``) as error bars."""
    fig, ax = style.new_axes(ax)
    s = stats.sort_values(param)
    x, levels = _positions(s[param])
    err = np.vstack([s[value] - s["ci_low"], s["ci_high"] - s[value]]).clip(min=0)
    ax.errorbar(
        x,
        s[value],
        yerr=err,
        marker="o",
        ms=4,
        capsize=3,
        lw=1.5,
        color=colour or style.PALETTE[4],
        label=label,
    )
    if not pd.api.types.is_numeric_dtype(s[param]):
        ax.set_xticks(range(len(levels)), [str(v) for v in levels])
    ax.set_xlabel(short(param))
    return fig


def heatmap(
    stats: pd.DataFrame,
    x: str,
    y: str,
    value: str,
    ax: Axes | None = None,
    *,
    vmin: float = 0.0,
    vmax: float = 1.0,
    fmt: str = "{:.2f}",
) -> Figure:
    """``value`` on a grid of two parameters, each cell labelled with its value and 95% CI."""
    fig, ax = style.new_axes(ax, size=(6.0, 4.6))
    grid = stats.pivot_table(index=y, columns=x, values=[value, "ci_low", "ci_high"])
    cmap = mpl.colormaps[style.RUNG_CMAP]
    image = ax.imshow(
        grid[value].to_numpy(), origin="lower", cmap=cmap, vmin=vmin, vmax=vmax, aspect="auto"
    )
    for (i, j), v in np.ndenumerate(grid[value].to_numpy()):
        if np.isnan(v):
            continue
        lo, hi = grid["ci_low"].to_numpy()[i, j], grid["ci_high"].to_numpy()[i, j]
        ink = "black" if (v - vmin) / (vmax - vmin or 1) > 0.6 else "white"
        ax.text(
            j,
            i,
            f"{fmt.format(v)}\n[{fmt.format(lo)}, {fmt.format(hi)}]",
            ha="center",
            va="center",
            fontsize=6,
            color=ink,
        )
    ax.set_xticks(range(grid[value].shape[1]), [str(c) for c in grid[value].columns])
    ax.set_yticks(range(grid[value].shape[0]), [str(r) for r in grid[value].index])
    ax.set_xlabel(short(x))
    ax.set_ylabel(short(y))
    ax.image_ = image  # the mappable, for a shared colour bar
    return fig


def small_multiples(
    stats: pd.DataFrame,
    params: list[str],
    value: str,
    *,
    vmin: float,
    vmax: float,
    fmt: str = "{:.2f}",
) -> Figure:
    """One heatmap of params[0] x params[1] per combination of the remaining parameters."""
    import matplotlib.pyplot as plt

    facets = list(stats.groupby(params[2:], sort=True))
    ncols = min(3, len(facets))
    nrows = math.ceil(len(facets) / ncols)
    fig, axes = plt.subplots(
        nrows,
        ncols,
        figsize=(4.2 * ncols + 1.2, 3.4 * nrows + 0.9),
        layout="constrained",
        squeeze=False,
    )
    for ax, (key, part) in itertools.zip_longest(axes.flat, facets, fillvalue=(None, None)):
        if part is None:
            ax.set_visible(False)
            continue
        heatmap(part, params[0], params[1], value, ax, vmin=vmin, vmax=vmax, fmt=fmt)
        key = key if isinstance(key, tuple) else (key,)
        ax.set_title(", ".join(f"{short(p)}={v}" for p, v in zip(params[2:], key, strict=True)))
    fig.colorbar(axes.flat[0].image_, ax=axes, shrink=0.8, label=value.replace("_", " "))
    return fig


def grid_figure(
    stats: pd.DataFrame, params: list[str], value: str, *, vmin: float, vmax: float, fmt: str
) -> Figure:
    """A heatmap (two parameters) or small multiples (more) of ``value``."""
    if len(params) > 2:
        return small_multiples(stats, params, value, vmin=vmin, vmax=vmax, fmt=fmt)
    fig = heatmap(stats, params[0], params[1], value, vmin=vmin, vmax=vmax, fmt=fmt)
    fig.colorbar(fig.axes[0].image_, ax=fig.axes[0], label=value.replace("_", " "))
    return fig


def milestone_figure(sweep: Sweep, milestone: str, step: int) -> tuple[Figure, pd.DataFrame]:
    """P(milestone by turn ``step``) against the swept parameters, with Wilson CIs."""
    params = sweep.parameters
    stats = milestone_by(sweep.table, params, milestone, step)
    if len(params) == 1:
        fig = interval_line(stats, params[0], "probability", label=milestone)
        fig.axes[0].set_ylim(-0.02, 1.02)
        fig.axes[0].set_ylabel(f"P({milestone} by {sweep.when(step)})  [95% Wilson CI]")
    else:
        fig = grid_figure(stats, params, "probability", vmin=0.0, vmax=1.0, fmt="{:.2f}")
    fig.suptitle(f"{milestone} by {sweep.when(step)}: {sweep.name}")
    style.caption(fig, sweep.caption(params))
    return fig, stats


def peak_figure(sweep: Sweep, actor: str | None = None) -> tuple[Figure, pd.DataFrame]:
    """Mean peak rung against the swept parameters (bootstrap 95% CIs): one line per actor
    for one parameter, else a heatmap of ``actor`` (default: the highest rung of anyone)."""
    params, ladder = sweep.parameters, standard_ladder()
    if len(params) == 1 and actor is None:
        colours = style.actor_colours(sweep.actors)
        stats = pd.concat([peak_by(sweep.table, params, a) for a in sweep.actors])
        fig, ax = style.new_axes(size=(7.5, 4.6))
        for a in sweep.actors:
            interval_line(
                stats[stats["actor"] == a],
                params[0],
                "mean_peak_rung",
                ax,
                colour=colours[a],
                label=a.replace("_", " "),
            )
        ax.set_yticks(range(ladder.top + 1), ladder.labels)
        ax.set_ylabel("mean peak rung  [bootstrap 95% CI]")
        ax.legend(loc="upper left", bbox_to_anchor=(1.01, 1.0), frameon=False)
        who = "each actor"
    else:
        who = actor or ANY_ACTOR
        stats = peak_by(sweep.table, params, who)
        fig = (
            interval_line(stats, params[0], "mean_peak_rung", label=who)
            if len(params) == 1
            else grid_figure(stats, params, "mean_peak_rung", vmin=0, vmax=ladder.top, fmt="{:.1f}")
        )
        who = "anyone" if who == ANY_ACTOR else who
    fig.suptitle(f"Peak escalation of {who}: {sweep.name}")
    style.caption(fig, sweep.caption(params))
    return fig, stats


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
