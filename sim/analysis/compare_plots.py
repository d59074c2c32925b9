"""Comparison figures and the comparison folder: overlaid fan charts per common actor, and
milestone probabilities side by side with each run's difference from the baseline."""

from __future__ import annotations

import math
from pathlib import Path

import numpy as np
import pandas as pd
from matplotlib.figure import Figure

from sim.analysis import style
from sim.analysis.compare import (
    Entry,
    common_items,
    differences,
    entries,
    format_differences,
    milestone_table,
    peak_differences,
)
from sim.analysis.fan import fan_chart
from sim.analysis.metrics import rung_bands

RUN_GREYS = ["#444444", "#AAAAAA", "#777777", "#DDDDDD"]


def fan_overlay(
    items: list[Entry], actors: list[str], colours: dict[str, str], ncols: int = 4
) -> tuple[Figure, pd.DataFrame]:
    """One panel per actor in its own colour; the runs told apart by line style and hatching."""
    import matplotlib.pyplot as plt

    ncols = min(ncols, len(actors) + 1)
    nrows = math.ceil((len(actors) + 1) / ncols)
    fig, axes = plt.subplots(
        nrows,
        ncols,
        figsize=(2.9 * ncols + 1.4, 2.1 * nrows + 0.8),
        sharex=True,
        sharey=True,
        layout="constrained",
        squeeze=False,
    )
    bands = [rung_bands(e.run.timeseries).assign(run=e.label) for e in items]
    for i, ax in enumerate(axes.flat):
        if i >= len(actors):
            ax.set_visible(False)
            continue
        for k, (e, b) in enumerate(zip(items, bands, strict=True)):
            fan_chart(
                e.run.timeseries,
                actors[i],
                ax,
                colour=colours[actors[i]],
                label=e.label,
                style_index=k,
                bands=b,
                axis_labels=i % ncols == 0,
            )
        ax.set_xlabel("date" if i >= len(actors) - ncols else "")
    handles, names = axes.flat[0].get_legend_handles_labels()
    spare = axes.flat[len(actors)]
    spare.set_visible(True)
    spare.set_axis_off()
    spare.legend(
        handles,
        names,
        loc="center",
        frameon=False,
        fontsize=6,
        title="runs (each actor in its colour)",
    )
    return fig, pd.concat(bands, ignore_index=True)


def milestone_comparison(table: pd.DataFrame, diff: pd.DataFrame) -> Figure:
    """Left: P(milestone) per run with Wilson CIs; right: each run minus the baseline with
    Newcombe CIs (a zero line marks no difference)."""
    import matplotlib.pyplot as plt

    runs = list(dict.fromkeys(table["run"]))
    milestones = list(dict.fromkeys(table["milestone"]))
    y = np.arange(len(milestones))[::-1]
    height = 0.8 / len(runs)
    fig, (left, right) = plt.subplots(
        1, 2, figsize=(11.0, 0.45 * len(milestones) + 2.2), sharey=True, layout="constrained"
    )
    for k, run in enumerate(runs):
        part = table[table["run"] == run].set_index("milestone").loc[milestones]
        pos = y + 0.4 - height * (k + 0.5)
        err = np.vstack(
            [part["probability"] - part["ci_low"], part["ci_high"] - part["probability"]]
        )
        left.barh(
            pos,
            part["probability"],
            height,
            xerr=err.clip(min=0),
            label=run,
            color=RUN_GREYS[k % len(RUN_GREYS)],
            hatch=style.HATCHES[k % 4],
            edgecolor="black",
            lw=0.4,
            error_kw={"lw": 0.8, "capsize": 2},
        )
    for k, run in enumerate(runs[1:], start=1):
        part = diff[diff["run"] == run].set_index("measure").loc[[f"P({m})" for m in milestones]]
        pos = y + 0.4 - height * (k + 0.5)
        err = np.vstack([part["difference"] - part["ci_low"], part["ci_high"] - part["difference"]])
        right.errorbar(
            part["difference"],
            pos,
            xerr=err.clip(min=0),
            fmt="o",
            ms=4,
            capsize=2,
            color=RUN_GREYS[k % len(RUN_GREYS)],
            mec="black",
            label=f"{run.split(':')[0]} minus {runs[0].split(':')[0]}",
        )
        clear = (part["ci_low"] > 0) | (part["ci_high"] < 0)
        right.scatter(
            part["difference"][clear],
            pos[clear.to_numpy()],
            s=40,
            marker="o",
            facecolor="#D55E00",
            edgecolor="black",
            zorder=3,
            label="95% interval excludes 0" if k == 1 else None,
        )
    right.axvline(0, color="black", lw=0.8)
    left.set_yticks(y, milestones)
    left.set_xlim(0, 1.02)
    left.set_xlabel("P(reached by the end)  [95% Wilson CI]")
    right.set_xlabel("difference from the baseline  [95% Newcombe CI]")
    left.legend(loc="lower right", frameon=False, fontsize=6)
    right.legend(loc="lower right", frameon=False, fontsize=6)
    return fig


def compare(paths: list[Path], out_dir: Path) -> tuple[list[Path], str]:
    """Write the comparison folder; returns the files written and the printed table."""
    items = entries(paths)
    runs = [e.run for e in items]
    actors, milestones = common_items(runs, "actors"), common_items(runs, "milestones")
    colours = style.actor_colours(actors)
    caption = " | ".join(
        f"{e.label} ({e.run.name}, {len(e.run.outcomes)} replicates)" for e in items
    )
    written: list[Path] = []
    fig, bands = fan_overlay(items, actors, colours)
    fig.suptitle(f"Escalation by actor, {len(items)} runs compared")
    style.caption(fig, caption)
    written += style.save_figure(fig, out_dir, "fan_overlay", bands)
    table = milestone_table(items, milestones)
    diff = differences(table)
    fig = milestone_comparison(table, diff)
    fig.suptitle(f"Milestones: each run against the first, {items[0].label}")
    style.caption(fig, caption)
    written += style.save_figure(fig, out_dir, "milestones", table)
    diff = pd.concat([diff, peak_differences(items, actors)], ignore_index=True)
    diff.to_csv(Path(out_dir) / "differences.csv", index=False)
    written.append(Path(out_dir) / "differences.csv")
    return written, format_differences(diff)
