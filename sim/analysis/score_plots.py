"""The scoring figure: each observation's date against the ensemble's cumulative probability.

One panel per observation, titled with what its line measures, in the scenario's words (the
milestone, the event or the theatre's control: never the history's label, which may name the
event's absence, "No nuclear use", over a line that is the probability of the event itself).
Below the title: what happened by the observation's date and the ensemble's probability and
Brier score there. In the panel: the share of replicates in which the observable holds, turn by
turn (a step line), the observation's date (a vertical line) and what happened at it (a filled
dot at 1 if it happened, a hollow one at 0 if it did not).
"""

from __future__ import annotations

import math
from pathlib import Path

import pandas as pd

from sim.analysis.history import Observation
from sim.analysis.names import Names
from sim.analysis.style import caption, date_axis, save_figure

HAPPENED, NOT_HAPPENED = "#009E73", "#D55E00"
PANEL_TICKS = 3  # date labels per panel: a panel is about 2.3 inches wide


def observable_words(obs: Observation, names: Names) -> str:
    """What an observation's line is the probability of, in the scenario's words: 'Nuclear use
    by anyone', 'Russia: nuclear signal (toward anyone)', 'Kursk region: control above 0'."""
    if obs.kind == "milestone":
        return names.milestone(obs.milestone)
    if obs.kind == "event":
        toward = names.actor(obs.target) if obs.target else "anyone"
        what = " or ".join(names.action(e) for e in obs.events)
        return f"{names.actor(obs.actor)}: {what} (toward {toward})"
    bound = f"above {obs.above:g}" if obs.above is not None else f"below {obs.below:g}"
    return f"{names.theatre(obs.theatre)}: control {bound}"


def panel_title(row: pd.Series, what: str) -> str:
    """What the line measures (up to two lines), what happened by the date, then the ensemble's
    probability and Brier score there."""
    when = pd.Timestamp(row["date"]).strftime("%d %b %Y")
    fact = "happened" if row["happened"] else "did not happen"
    scores = f"P = {row['probability']:.2f}, Brier {row['brier']:.2f}"
    return f"{_wrap(what)}\n{fact} by {when}\n{scores}"


def plot_scores(
    table: pd.DataFrame,
    curves: pd.DataFrame,
    title: str,
    out_dir: Path,
    name: str = "score",
    observations: tuple[Observation, ...] = (),
    names: Names | None = None,
) -> list[Path]:
    """Draw the figure for one run's ``table`` (``score_run``) and save it as ``name``;
    ``observations`` (the history's) title the panels in ``names``' words (else the labels)."""
    import matplotlib.pyplot as plt

    names = names or Names()
    words = {o.id: observable_words(o, names) for o in observations}
    n = len(table)
    cols = min(4, n)
    rows = math.ceil(n / cols)
    fig, axes = plt.subplots(rows, cols, figsize=(2.5 * cols + 0.6, 2.3 * rows + 0.9),
                             sharey=True, squeeze=False, layout="constrained")  # fmt: skip
    start, end = curves["date"].min(), curves["date"].max()
    for ax, (_, row) in zip(axes.flat, table.iterrows(), strict=False):
        c = curves[curves["observation"] == row["observation"]]
        ax.step(c["date"], c["probability"], where="post", color="#0072B2", lw=1.2)
        colour = HAPPENED if row["happened"] else NOT_HAPPENED
        ax.axvline(row["date"], color=colour, lw=0.8, ls="--")
        ax.plot([row["date"]], [1.0 if row["happened"] else 0.0], "o", color=colour,
                mfc=colour if row["happened"] else "white", ms=5, clip_on=False)  # fmt: skip
        ax.plot([row["date"]], [row["probability"]], "x", color="#000000", ms=5)
        what = words.get(row["observation"], row["label"])
        ax.set_title(panel_title(row, what), fontsize=7)
        ax.set_ylim(-0.03, 1.03)
        date_axis(ax, start, end, most=PANEL_TICKS)
    for ax in list(axes.flat)[n:]:
        ax.set_visible(False)
    for ax in axes[:, 0]:
        ax.set_ylabel("P(holds by date)")
    fig.suptitle(title, fontsize=9)
    caption(
        fig,
        "Each panel: the share of replicates in which its title's event (or state) holds by "
        "each turn; dashed: the observed date; dot: what happened (filled at 1 = it did, "
        "hollow at 0 = it did not); x: the ensemble's probability at that date",
    )
    return save_figure(fig, out_dir, name, curves)


def _wrap(text: str, width: int = 38) -> str:
    import textwrap

    return textwrap.fill(text, width, max_lines=2, placeholder=" ...")
