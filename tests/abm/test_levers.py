"""Levers that act: each documented lever moves the outcome it claims to move, under common
random numbers (the same replicate seeds at both settings), by more than Monte Carlo error."""

import math

import pytest

from sim.domain.params import CombatParams, RuleParams
from sim.domain.scenario_io import parse_scenario, read_yaml
from sim.experiment.job import Job
from sim.experiment.simulate import simulate_chunk
from tests.abm.test_model import KURSK

N = 120


def p_of(milestone: str, actors: dict | None = None, combat: dict | None = None, **rules) -> float:
    data = read_yaml(KURSK)
    for (actor, field), value in (actors or {}).items():
        data["actors"][actor][field] = value
    job = Job(parse_scenario(data), RuleParams(**rules), CombatParams(**(combat or {})), 26, N, 5)
    rows = simulate_chunk(job, list(range(N))).outcomes
    return sum(r[f"{milestone}_step"] is not None for r in rows) / N


def clearly_above(high: float, low: float) -> bool:
    se = math.sqrt((high * (1 - high) + low * (1 - low)) / N) or 1 / N
    return high - low > 2 * se


@pytest.mark.slow
@pytest.mark.parametrize(
    ("what", "milestone", "low", "high"),
    [
        ("Russia's risk tolerance raises nuclear signalling", "nuclear_signal",
         {"actors": {("russia", "risk_tolerance"): 0.0}}, {"actors": {("russia", "risk_tolerance"): 1.0}}),
        ("cost sensitivity makes the war end", "ceasefire",
         {"cost_sensitivity": 0.5}, {"cost_sensitivity": 3.5}),
        ("a lower settle margin makes the war end", "ceasefire",
         {"settle_margin": 0.6}, {"settle_margin": -0.1}),
        ("attrition decides how soon the salient falls", "kursk_salient_lost",
         {"combat": {"attrition_rate": 0.002}}, {"combat": {"attrition_rate": 0.008}}),
        ("a lower escalation threshold brings more escalation", "nuclear_signal",
         {"escalation_threshold": 2.0}, {"escalation_threshold": 0.6}),
    ],
)  # fmt: skip
def test_lever_moves_its_outcome(what, milestone, low, high):
    lo, hi = p_of(milestone, **low), p_of(milestone, **high)
    assert clearly_above(hi, lo), f"{what}: {lo:.2f} -> {hi:.2f}"
