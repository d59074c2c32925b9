"""Comparison figures and the comparison folder: overlaid fan charts per common actor, and
milestone probabilities side by side with each run's difference from the baseline.

Each figure has one legend beside its panels (never over them) naming each run by its folder
(cut short, never broken mid-word) and what differs between the runs in words
("North Korean troops ...: strength = 30000"; ``Names.parameter`` and ``Names.value``).
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd
from matplotlib.axes import Axes
from matplotlib.figure import Figure
from matplotlib.lines import Line2D

from sim.analysis import style
from sim.analysis.compare import (
    PLUMBING,
    Entry,
    common_items,
    differences,
    differing,
    entries,
    format_differences,
    milestone_table,
    peak_differences,
)
from sim.analysis.fan import actor_panels, fan_chart, label_bottoms, rightmost
from sim.analysis.metrics import rung_bands
from sim.analysis.names import Names

MAX_BANDED = 2  # runs whose 50%/90% bands are drawn; with more, only the medians (readable)
LEGEND_WIDTH = 36  # characters per legend line
MAX_DIFFERENCES = 3  # differing values named per run in a legend entry


def run_legends(items: list[Entry], names: Names) -> list[str]:
    """Per run, its legend entry: its folder (first line, cut short with '...' rather than
    broken), then each value that differs between the runs, in words, one per line."""
    diffs = differing([e.run for e in items])
    out = []
    for e, diff in zip(items, diffs, strict=True):
        folder = e.label.split(": ", 1)[0]
        if len(folder) > LEGEND_WIDTH:
            folder = folder[: LEGEND_WIDTH - 3] + "..."
        shown = [(k, v) for k, v in diff.items() if k not in ("replicates", *PLUMBING)]
        lines = [f"{_wrap(names.parameter(k), LEGEND_WIDTH)} = {names.value(k, v)}"
                 for k, v in shown[:MAX_DIFFERENCES]]  # fmt: skip
        more = [f"and {len(shown) - MAX_DIFFERENCES} more"] if len(shown) > MAX_DIFFERENCES else []
        out.append("\n".join([folder, *lines, *more]))
    return out


def fan_overlay(
    items: list[Entry], actors: list[str], names: Names, ncols: int = 4
) -> tuple[Figure, pd.DataFrame]:
    """One panel per actor (titled with its name); each run in its own colour and line style,
    with its bands when at most ``MAX_BANDED`` runs are compared, else its median only. The
    legend has one entry per run."""
    fig, slots = actor_panels(len(actors), ncols)
    ncols = slots[0].get_gridspec().ncols
    columns = ["actor", "step", "date", "rung"]
    bands = [rung_bands(e.run.pieces("timeseries", columns)).assign(run=e.label) for e in items]
    banded = len(items) <= MAX_BANDED
    for i, actor in enumerate(actors):
        for k, b in enumerate(bands):
            fan_chart(None, actor, slots[i], colour=style.run_colour(k),
                      style_index=k, bands=b if banded else b.assign(q05=b["median"],
                      q95=b["median"], q25=b["median"], q75=b["median"]),
                      axis_labels=i % ncols == 0, title=names.actor(actor),
                      threshold_names=rightmost(i, len(actors), ncols))  # fmt: skip
    label_bottoms(slots, len(actors), "date")
    handles = [Line2D([], [], color=style.run_colour(k), ls=style.linestyle(k), lw=1.8)
               for k in range(len(items))]  # fmt: skip
    what = "median, 50% and 90% bands" if banded else "median of each run"
    fig.legend(handles, run_legends(items, names), loc="outside right upper", frameon=False,
               fontsize=6, title=f"runs\n({what})", labelspacing=1.0)  # fmt: skip
    return fig, pd.concat(bands, ignore_index=True)


def _wrap(text: str, width: int = 38) -> str:
    """``text`` in lines of about ``width``, never breaking a word (a long one stays whole)."""
    import textwrap

    lines = textwrap.wrap(text, width, break_long_words=False, break_on_hyphens=False)
    return "\n".join(lines) or text


def milestone_comparison(
    table: pd.DataFrame, diff: pd.DataFrame, names: Names, legends: list[str] | None = None
) -> Figure:
    """Left: P(milestone) per run with Wilson CIs; right: each run minus the baseline with
    Newcombe CIs (a zero line marks no difference; differences that exclude it are marked).
    ``legends``: each run's legend entry (``run_legends``; default: its label)."""
    import matplotlib.pyplot as plt

    runs = list(dict.fromkeys(table["run"]))
    milestones = list(dict.fromkeys(table["milestone"]))
    y = np.arange(len(milestones))[::-1]
    height = 0.8 / len(runs)
    fig, (left, right) = plt.subplots(
        1, 2, figsize=(12.5, (0.3 + 0.12 * len(runs)) * len(milestones) + 2.2), sharey=True,
        layout="constrained")  # fmt: skip
    for k, run in enumerate(runs):
        part = table[table["run"] == run].set_index("milestone").loc[milestones]
        _bars(left, part, y + 0.4 - height * (k + 0.5), height, k, run)
    for k, run in enumerate(runs[1:], start=1):
        part = diff[diff["run"] == run].set_index("milestone").loc[milestones]
        label = f"{run.split(':')[0]} minus {runs[0].split(':')[0]}"
        _differences(right, part, y + 0.4 - height * (k + 0.5), k, label)
    right.axvline(0, color="black", lw=0.8)
    left.set_yticks(y, [_wrap(names.milestone(m), 30) for m in milestones])
    left.set_xlim(0, 1.15)
    left.set_xlabel(f"P(reached by turn {int(table['by_step'].min())})  [95% Wilson CI; counts]")
    right.set_xlabel("difference from the baseline  [95% Newcombe CI]")
    handles, labels = left.get_legend_handles_labels()
    extra, names_extra = right.get_legend_handles_labels()
    keep = [i for i, t in enumerate(names_extra) if t.startswith("95%")]
    texts = legends or [_wrap(t, LEGEND_WIDTH) for t in labels]
    fig.legend(handles + [extra[i] for i in keep], texts + [names_extra[i] for i in keep],
               loc="outside right upper", frameon=False, fontsize=6, labelspacing=1.0,
               title="runs\n(right: each minus the first)")  # fmt: skip
    return fig


def _bars(ax: Axes, part: pd.DataFrame, pos: np.ndarray, height: float, k: int, label: str) -> None:
    """One run's probabilities as bars in its colour with Wilson CIs and the count printed, so
    that a rare event (1 of 500) is readable even where its bar is too short to see."""
    p = part["probability"]
    err = np.vstack([p - part["ci_low"], part["ci_high"] - p]).clip(min=0)
    ax.barh(pos, p, height, xerr=err, label=label, color=style.run_colour(k),
            hatch=style.HATCHES[k % 4], edgecolor="black", lw=0.4,
            error_kw={"lw": 0.8, "capsize": 2})  # fmt: skip
    for yi, hi, r in zip(pos, part["ci_high"], part.itertuples(), strict=True):
        ax.annotate(f"{r.reached}/{r.replicates}", (hi, yi), xytext=(3, 0), va="center",
                    textcoords="offset points", fontsize=5)  # fmt: skip


def _differences(ax: Axes, part: pd.DataFrame, pos: np.ndarray, k: int, label: str) -> None:
    """One run's differences from the baseline with Newcombe CIs; clear ones in vermillion."""
    d = part["difference"]
    err = np.vstack([d - part["ci_low"], part["ci_high"] - d]).clip(min=0)
    ax.errorbar(d, pos, xerr=err, fmt="o", ms=4, capsize=2, color=style.run_colour(k),
                mec="black", label=label)  # fmt: skip
    clear = ((part["ci_low"] > 0) | (part["ci_high"] < 0)).to_numpy()
    ax.scatter(d[clear], pos[clear], s=40, facecolor="#D55E00", edgecolor="black", zorder=3,
               label="95% interval excludes 0" if k == 1 else None)  # fmt: skip


def compare(paths: list[Path], out_dir: Path) -> tuple[list[Path], str]:
    """Write the comparison folder; returns the files written and the printed table."""
    items = entries(paths)
    runs = [e.run for e in items]
    actors, milestones = common_items(runs, "actors"), common_items(runs, "milestones")
    names = runs[0].names
    caption = " | ".join(  # the folders in full; the legend says what differs, in words
        f"{e.run.path.name} ({e.run.name}, {len(e.run.outcomes)} replicates)" for e in items
    )
    written: list[Path] = []
    fig, bands = fan_overlay(items, actors, names)
    fig.suptitle(f"Escalation by actor, {len(items)} runs compared")
    style.caption(fig, caption)
    written += style.save_figure(fig, out_dir, "fan_overlay", bands)
    table = milestone_table(items, milestones, min(r.steps for r in runs))
    diff = differences(table, items, names)
    fig = milestone_comparison(table, diff, names, run_legends(items, names))
    fig.suptitle("Milestones: each run against the first (the baseline)")
    style.caption(fig, caption)
    written += style.save_figure(fig, out_dir, "milestones", table)
    diff = pd.concat([diff, peak_differences(items, actors)], ignore_index=True)
    diff.to_csv(Path(out_dir) / "differences.csv", index=False)
    written.append(Path(out_dir) / "differences.csv")
    return written, format_differences(diff)
