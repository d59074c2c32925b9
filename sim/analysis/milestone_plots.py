"""Cumulative probability of each milestone over time, with 95% Wilson bands."""

from __future__ import annotations

import pandas as pd
from matplotlib.axes import Axes
from matplotlib.figure import Figure

from sim.analysis import style
from sim.analysis.metrics import milestone_curves


def milestone_chart(
    outcomes: pd.DataFrame,
    steps: int,
    dates: pd.DatetimeIndex,
    ax: Axes | None = None,
    milestones: list[str] | None = None,
    curves: pd.DataFrame | None = None,
) -> Figure:
    """P(milestone reached by date) per milestone; ``dates[step]`` is the date of each turn.

    Milestones no replicate reached are listed in the legend as "never" instead of drawn flat.
    """
    fig, ax = style.new_axes(ax, size=(9.0, 4.6))
    c = milestone_curves(outcomes, steps) if curves is None else curves
    every = [col.removesuffix("_step") for col in outcomes.columns if col.endswith("_step")]
    colours = style.series_colours(every)  # by position among all milestones: stable colours
    never = []
    for name in milestones or list(dict.fromkeys(c["milestone"])):
        m = c[c["milestone"] == name]
        if m["reached"].max() == 0:
            never.append(name)
            continue
        x = dates[m["step"].to_numpy()]
        ls = style.linestyle(every.index(name) // len(style.OKABE_ITO))
        ax.fill_between(x, m["ci_low"], m["ci_high"], step="post", color=colours[name],
                        alpha=0.15, lw=0)  # fmt: skip
        ax.step(x, m["probability"], where="post", color=colours[name], ls=ls, lw=1.6, label=name)
    if never:
        ax.plot([], [], ls="", label=f"never reached: {', '.join(never)}")
    style.date_axis(ax, dates[0], dates[-1])
    ax.set_ylim(-0.02, 1.02)
    ax.set(ylabel="P(reached by date)  [95% Wilson band]", xlabel="date")
    ax.tick_params(axis="x", rotation=30)
    ax.legend(loc="upper left", bbox_to_anchor=(1.01, 1.0), frameon=False)
    return fig


def turn_dates(start: pd.Timestamp, step_days: int, steps: int) -> pd.DatetimeIndex:
    """The date of every turn 0..steps."""
    return pd.DatetimeIndex([start + pd.Timedelta(days=step_days * s) for s in range(steps + 1)])
