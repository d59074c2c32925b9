"""The decision timeline of one replicate: who did what when, and under which rule.

Holding a rung is not drawn (it is most of the log); every other decision, effect and inject is
a marker on its actor's lane, labelled with the action and the rule that produced it.
"""

from __future__ import annotations

import pandas as pd
from matplotlib.axes import Axes
from matplotlib.figure import Figure
from matplotlib.lines import Line2D

from sim.analysis import style

QUIET_ACTIONS = ("hold",)


def timeline_events(decisions: pd.DataFrame, replicate: int) -> pd.DataFrame:
    """The decisions of ``replicate`` worth showing (everything but holding a rung)."""
    d = decisions[(decisions["replicate"] == replicate) & ~decisions["action"].isin(QUIET_ACTIONS)]
    cols = ["replicate", "step", "date", "actor", "target", "action", "rung", "rule", "reason"]
    return d[cols].sort_values(["step", "actor"]).reset_index(drop=True)


def decision_timeline(
    decisions: pd.DataFrame,
    replicate: int,
    actors: list[str],
    colours: dict[str, str],
    ax: Axes | None = None,
    span: tuple[pd.Timestamp, pd.Timestamp] | None = None,
) -> Figure:
    """Markers per actor lane over dates (``span``: the run's first and last date): diamonds for
    injects, circles for decisions and effects."""
    fig, ax = style.new_axes(ax, size=(11.0, 0.42 * len(actors) + 2.2))
    events = timeline_events(decisions, replicate)
    lane = {a: len(actors) - 1 - i for i, a in enumerate(actors)}
    events["lane"] = events["actor"].map(lane).astype(float)
    events["stack"] = events.groupby(["actor", "step"], observed=True).cumcount()
    for actor in actors:
        _lane(ax, events[events["actor"] == actor], colours[actor])
    ax.legend(handles=_marker_legend(), loc="upper left", frameon=False, ncols=2)
    ax.set_yticks(list(lane.values()), [a.replace("_", " ") for a in lane])
    ax.set_ylim(-0.7, len(actors) - 0.2)
    if span is not None:
        width = span[1] - span[0]
        ax.set_xlim(span[0] - width * 0.02, span[1] + width * 0.15)  # room for the last labels
        style.date_axis(ax, *span)
    ax.set(xlabel="date", ylabel="actor")
    ax.grid(axis="x", color="#dddddd", lw=0.5)
    ax.tick_params(axis="x", rotation=30)
    return fig


def _lane(ax: Axes, ev: pd.DataFrame, colour: str) -> None:
    """One actor's events: markers, each labelled 'action [rule]' (stacked when on one turn)."""
    if ev.empty:
        return
    inject = ev["action"] == "inject"
    kw = {"color": colour, "edgecolor": "black", "lw": 0.4, "zorder": 3}
    ax.scatter(ev["date"][~inject], ev["lane"][~inject], s=28, **kw)
    ax.scatter(ev["date"][inject], ev["lane"][inject], s=24, marker="D", **kw)
    for e in ev.itertuples():
        ax.annotate(f"{e.action} [{e.rule}]", (e.date, e.lane), xytext=(3, 4 + 6 * e.stack),
                    textcoords="offset points", fontsize=4.8, rotation=12)  # fmt: skip


def _marker_legend() -> list[Line2D]:
    """What the two marker shapes mean."""
    kw = {"ls": "", "color": "#999999", "markeredgecolor": "black", "markeredgewidth": 0.4}
    return [
        Line2D([], [], marker="o", label="decision or effect [rule]", **kw),
        Line2D([], [], marker="D", label="inject", **kw),
    ]
