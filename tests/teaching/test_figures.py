"""The classroom figures share the analysis look: threshold names off the data, one legend
beside the axes, actors in their analysis colours."""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from sim.analysis import style
from sim.domain.ladder import standard_ladder
from sim.domain.scenario_io import load_scenario
from sim.teaching.figures import escalation_figure, fan_figure

SCENARIO = Path(__file__).parents[2] / "scenarios" / "kursk_2024.yaml"


def _timeseries(world) -> pd.DataFrame:
    rows = [{"replicate": r, "step": s, "actor": a, "rung": (s + i + r) % 5}
            for r in range(3) for s in range(6) for i, a in enumerate(world.actors)]  # fmt: skip
    return pd.DataFrame(rows)


def test_escalation_figure_names_thresholds_off_the_data_and_colours_actors():
    world = load_scenario(SCENARIO)
    fig = escalation_figure(_timeseries(world), world, seats=("russia",))
    ax = fig.axes[0]
    assert not ax.texts  # the threshold names sat on the lines, over the data
    (right,) = ax.child_axes
    names = [t.get_text() for t in right.get_yticklabels()]
    assert names == [t.label for t in standard_ladder().thresholds]
    colours = style.actor_colours(list(world.actors))
    assert ax.lines[0].get_color() == colours["russia"]
    assert fig.legends and not ax.get_legend()  # beside the axes, not over them
    fig.savefig("/dev/null", format="png")


def test_fan_figure_has_its_legend_beside_the_axes():
    world = load_scenario(SCENARIO)
    ts = _timeseries(world)
    fig = fan_figure(ts, ts, world, "russia")
    assert fig.legends and not fig.axes[0].get_legend()
