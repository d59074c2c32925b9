"""Results do not depend on the turn length: rates, not per-turn dice.

Over the same 26 calendar weeks, milestone probabilities with 1-, 7- and 14-day turns agree
within Monte Carlo error (three combined standard errors, plus a small allowance for what a
coarser turn cannot resolve within itself).
"""

import math

import pytest

from sim.domain.params import CombatParams, RuleParams
from sim.domain.scenario_io import load_scenario, parse_scenario, read_yaml
from sim.experiment.job import Job
from sim.experiment.simulate import simulate_chunk
from tests.abm.test_model import KURSK

WEEKS = 26
N = 300
MILESTONES = ("prk_combat", "co_belligerent", "restrictions_lifted", "prk_reinforcement",
              "kursk_salient_lost")  # fmt: skip


def probabilities(days: int) -> dict[str, float]:
    data = read_yaml(KURSK)
    data["step_days"] = days
    world = parse_scenario(data)
    job = Job(world, RuleParams(), CombatParams(), WEEKS * 7 // days, N, 20241028)
    rows = simulate_chunk(job, list(range(N))).outcomes
    return {m: sum(r[f"{m}_step"] is not None for r in rows) / N for m in MILESTONES}


@pytest.mark.slow
def test_milestones_agree_across_turn_lengths():
    weekly, daily, fortnightly = probabilities(7), probabilities(1), probabilities(14)
    for m in MILESTONES:
        for other, name in ((daily, "1-day"), (fortnightly, "14-day")):
            p, q = weekly[m], other[m]
            se = math.sqrt(p * (1 - p) / N + q * (1 - q) / N)
            assert abs(p - q) <= 3 * se + 0.03, f"{m}: 7-day {p:.2f} vs {name} {q:.2f}"


def test_a_scenario_keeps_its_meaning_at_another_turn_length():
    """The same scenario at daily turns still loads, runs and dates its turns by the day."""
    data = read_yaml(KURSK)
    data["step_days"] = 1
    world = parse_scenario(data)
    assert load_scenario(KURSK).start_date == world.start_date
    job = Job(world, RuleParams(), CombatParams(), 14, 2, 1)
    rows = simulate_chunk(job, [0, 1]).outcomes
    assert len(rows) == 2
