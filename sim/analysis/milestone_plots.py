"""Cumulative probability of each milestone over time, with 95% Wilson bands.

Rare events must stay visible: milestones reached in fewer than ``RARE`` of the replicates are
drawn in a second panel on a logarithmic axis, and every legend entry prints the count behind
the curve ("3 of 500"). Milestones never reached are listed with the 95% upper bound their
count allows, not drawn flat on zero. Milestones are drawn in their own colours with a marker
each (``style.milestone_looks``), never in an actor's colour.
"""

from __future__ import annotations

import pandas as pd
from matplotlib.axes import Axes
from matplotlib.figure import Figure

from sim.analysis import style
from sim.analysis.metrics import milestone_curves
from sim.analysis.names import Names
from sim.analysis.summary import wilson_interval

RARE = 0.05  # final share below which a milestone goes to the log-scale panel


def split_by_rarity(curves: pd.DataFrame, order: list[str]) -> tuple[list, list, list]:
    """Milestones (in ``order``) that are common, rare (0 < final share < RARE) or never reached."""
    final = curves.sort_values("step").groupby("milestone").last()
    common, rare, never = [], [], []
    for m in order:
        k = int(final.loc[m, "reached"])
        (never if k == 0 else rare if final.loc[m, "probability"] < RARE else common).append(m)
    return common, rare, never


def milestone_chart(
    outcomes: pd.DataFrame,
    steps: int,
    dates: pd.DatetimeIndex,
    ax: Axes | None = None,
    milestones: list[str] | None = None,
    curves: pd.DataFrame | None = None,
    names: Names | None = None,
) -> Figure:
    """P(milestone reached by date) per milestone; ``dates[step]`` is the date of each turn.

    Common milestones on a 0-1 axis; rare ones below on a log axis (in one ``ax`` if given,
    which then holds everything on a 0-1 axis); counts in the legend; never-reached listed."""
    names = names or Names()
    c = milestone_curves(outcomes, steps) if curves is None else curves
    every = [col.removesuffix("_step") for col in outcomes.columns if col.endswith("_step")]
    looks = style.milestone_looks(every)  # by position among all milestones: stable looks
    order = milestones or list(dict.fromkeys(c["milestone"]))
    common, rare, never = split_by_rarity(c, order)
    if ax is not None:
        fig, top, low = ax.figure, ax, ax
    elif rare:
        import matplotlib.pyplot as plt

        fig, (top, low) = plt.subplots(2, 1, figsize=(9.5, 6.4), sharex=True,
                                       height_ratios=(2, 1.2), layout="constrained")  # fmt: skip
    else:
        fig, top = style.new_axes(None, size=(9.5, 4.6))
        low = top
    n = len(outcomes)
    for name in common + rare:
        axis = low if name in rare else top
        m = c[c["milestone"] == name]
        x = dates[m["step"].to_numpy()]
        colour, marker = looks[name]
        k = int(m["reached"].iloc[-1])
        axis.fill_between(x, m["ci_low"], m["ci_high"], step="post", color=colour, alpha=0.15,
                          lw=0)  # fmt: skip
        label = f"{names.milestone(name)} ({k} of {n})"
        axis.step(x, m["probability"], where="post", color=colour, lw=1.6, marker=marker, ms=4,
                  markevery=max(1, len(x) // 8), label=label)  # fmt: skip
    _axes_look(top, dates, "P(reached by date)  [95% Wilson band]")
    top.set_ylim(-0.02, 1.02)
    if low is not top:
        _rare_axis(low, dates, n)
        top.set_xlabel("")
    if never:
        _never_list(low, n, never, names)
    return fig


def _axes_look(ax: Axes, dates: pd.DatetimeIndex, ylabel: str) -> None:
    style.date_axis(ax, dates[0], dates[-1])
    ax.set(ylabel=ylabel, xlabel="date (end of each weekly turn)")
    ax.tick_params(axis="x", rotation=30)
    if ax.get_legend_handles_labels()[0]:
        ax.legend(loc="upper left", bbox_to_anchor=(1.01, 1.0), frameon=False)


def _rare_axis(ax: Axes, dates: pd.DatetimeIndex, n: int) -> None:
    """The rare-event panel: a log axis from half of one replicate's share up to 2 x RARE."""
    style.log_probability_axis(ax, 0.5 / max(n, 1), 2 * RARE)
    _axes_look(ax, dates, f"rare (< {RARE:.0%}): P, log scale")


def _never_list(ax: Axes, n: int, never: list[str], names: Names) -> None:
    """The never-reached milestones, with the 95% upper bound a count of zero allows."""
    upper = wilson_interval(0, n)[1]
    text = (f"never reached in {n} replicates (95% upper bound {upper:.3f}):\n"
            + "\n".join(f"  {names.milestone(m)}" for m in never))  # fmt: skip
    ax.annotate(text, (1.01, 0.0), xycoords="axes fraction", va="bottom", fontsize=6.5,
                color="#444444")  # fmt: skip


def turn_dates(start: pd.Timestamp, step_days: int, steps: int) -> pd.DatetimeIndex:
    """The table date of every step 0..steps (the end of each turn's week; 0: the start)."""
    return pd.DatetimeIndex([start + pd.Timedelta(days=step_days * s) for s in range(steps + 1)])
