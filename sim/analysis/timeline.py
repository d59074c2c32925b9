"""The decision timeline of one replicate: who did what when, and under which rule.

Holding a rung is not drawn (it is most of the log); every other decision, effect and inject is
a numbered marker on its actor's lane, and a list beside the lanes says what each number was, in
the scenario's words: turn, actor, action, its target ("offer ceasefire -> North Korea": two
offers in one turn to two actors are not a duplicate) and the kind of rule that produced it
(an inject by the start of its text). Lines are cut at ``LINE_CHARS`` so the columns never
overlap (turn N is the week from the start date plus
N - 1 weeks, as in ``wargame play``; markers sit at the end of their turn's week). Numbers keep
the picture readable however close the events fall; the full log with the reasons in words is
the figure's CSV.
"""

from __future__ import annotations

from typing import Any

import pandas as pd
from matplotlib.axes import Axes
from matplotlib.figure import Figure
from matplotlib.lines import Line2D

from sim.analysis import style
from sim.analysis.names import Names

QUIET_ACTIONS = ("hold",)
LIST_FONT = 5.5  # points: the event list beside the lanes
LINE_CHARS = 70  # characters of a list line (the rest is in the CSV)
LIST_COLUMN = LINE_CHARS * LIST_FONT * 0.6 + 8  # points between columns: a monospace line


def timeline_events(decisions: pd.DataFrame, replicate: int) -> pd.DataFrame:
    """The decisions of ``replicate`` worth showing (everything but holding a rung), numbered."""
    d = decisions[(decisions["replicate"] == replicate) & ~decisions["action"].isin(QUIET_ACTIONS)]
    cols = ["replicate", "step", "date", "actor", "target", "action", "rung", "rule", "reason"]
    d = d[cols].sort_values(["step", "actor"], kind="stable").reset_index(drop=True)
    d.insert(0, "event", range(1, len(d) + 1))
    return d


def decision_timeline(
    decisions: pd.DataFrame,
    replicate: int,
    actors: list[str],
    colours: dict[str, str],
    ax: Axes | None = None,
    span: tuple[pd.Timestamp, pd.Timestamp] | None = None,
    names: Names | None = None,
) -> Figure:
    """Numbered markers per actor lane over dates (``span``: the run's first and last date),
    diamonds for injects, circles for decisions and effects, and the numbered list beside."""
    names = names or Names()
    fig, ax = style.new_axes(ax, size=(13.0, 0.42 * len(actors) + 2.2))
    events = timeline_events(decisions, replicate)
    lane = {a: len(actors) - 1 - i for i, a in enumerate(actors)}
    events["lane"] = events["actor"].map(lane).astype(float)
    for actor in actors:
        _lane(ax, events[events["actor"] == actor], colours[actor])
    _event_list(ax, events, int((fig.get_figheight() - 1.0) * 72 / (LIST_FONT * 1.35)), names)
    ax.legend(handles=_marker_legend(), loc="lower left", bbox_to_anchor=(0.0, 1.0),
              frameon=False, ncols=2)  # fmt: skip
    ax.set_yticks(list(lane.values()), [names.actor(a) for a in lane])
    ax.set_ylim(-0.7, len(actors) - 0.2)
    if span is not None:
        width = span[1] - span[0]
        ax.set_xlim(span[0] - width * 0.02, span[1] + width * 0.02)
        style.date_axis(ax, *span)
    ax.set(xlabel="date (end of each weekly turn)", ylabel="actor")
    ax.grid(axis="x", color="#dddddd", lw=0.5)
    ax.tick_params(axis="x", rotation=30)
    return fig


def _lane(ax: Axes, ev: pd.DataFrame, colour: str) -> None:
    """One actor's events as markers, each with its number above (alternating heights so that
    numbers of events on nearby turns stay apart)."""
    if ev.empty:
        return
    inject = ev["action"] == "inject"
    kw = {"color": colour, "edgecolor": "black", "lw": 0.4, "zorder": 3}
    ax.scatter(ev["date"][~inject], ev["lane"][~inject], s=28, **kw)
    ax.scatter(ev["date"][inject], ev["lane"][inject], s=24, marker="D", **kw)
    for i, e in enumerate(ev.itertuples()):
        ax.annotate(str(e.event), (e.date, e.lane), xytext=(0, 5 + 6 * (i % 2)), ha="center",
                    textcoords="offset points", fontsize=5.5, fontweight="bold")  # fmt: skip


def _event_list(
    ax: Axes, events: pd.DataFrame, per_column: int, names: Names, columns: int = 2
) -> None:
    """'n  date  actor: action [rule]' for each event, in up to ``columns`` columns to the right
    of the lanes; what does not fit is left to the CSV, and the list says so."""
    lines = [_cut(f"{e.event:>3} turn {e.step:<2} {names.actor(e.actor)}: {event_words(e, names)}")
             for e in events.itertuples()]  # fmt: skip
    room = per_column * columns
    if len(lines) > room:
        lines = lines[: room - 1] + [f"... {len(lines) - room + 1} more in the CSV"]
    for c in range(0, max(1, min(columns, -(-len(lines) // per_column)))):
        chunk = lines[c * per_column : (c + 1) * per_column]
        ax.annotate("\n".join(chunk) or "(no decisions besides holding)", (1.0, 1.0),
                    xycoords="axes fraction", xytext=(8 + c * LIST_COLUMN, 0),
                    textcoords="offset points", va="top", fontsize=LIST_FONT,
                    family="monospace")  # fmt: skip


def event_words(e: Any, names: Names) -> str:
    """'offer ceasefire -> North Korea (bargaining)', 'commit to combat -> Ukraine (Russia's
    move)'; an inject as 'inject: ' and the start of its text (the decision log's reason)."""
    if e.action == "inject":
        return f"inject: {e.reason}" if isinstance(e.reason, str) and e.reason else "inject"
    target = f" -> {names.actor(e.target)}" if isinstance(e.target, str) and e.target else ""
    return f"{names.action(e.action)}{target} ({names.rule(e.rule)})"


def _cut(line: str) -> str:
    return line if len(line) <= LINE_CHARS else line[: LINE_CHARS - 3] + "..."


def _marker_legend() -> list[Line2D]:
    """What the two marker shapes mean."""
    kw = {"ls": "", "color": "#999999", "markeredgecolor": "black", "markeredgewidth": 0.4}
    return [
        Line2D([], [], marker="o", label="decision or effect (number: see the list)", **kw),
        Line2D([], [], marker="D", label="inject", **kw),
    ]
