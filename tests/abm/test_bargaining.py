"""A way down: wars end by ceasefires when both sides' costs of fighting on exceed their gains.

A two-state war written for the test (not the Kursk scenario): two exhausted, evenly matched
armies; the war ends in most replicates. The same war with stubborn parties does not end.
Ceasefires hold or break at their hazard.
"""

import math

import pytest

from sim.abm.bargaining import willingness
from sim.abm.model import EscalationModel
from sim.domain.params import RuleParams
from sim.domain.scenario_io import parse_scenario

A = "assumption: test"


def war(grievance: float = 0.1, mediators: list[str] | None = None) -> dict:
    actor = {"kind": "state", "initial_rung": "combat", "max_rung": "strikes_on_territory",
             "grievance": grievance, "source": A}  # fmt: skip
    return {
        "name": "attrition_war", "title": "An attrition war", "start_date": "2025-01-06",
        "source": A,
        "actors": {"east": {**actor, "name": "East", "adversaries": ["west"]},
                   "west": {**actor, "name": "West", "adversaries": ["east"]},
                   "broker": {"kind": "state", "name": "Broker", "initial_rung": "diplomacy",
                              "source": A}},
        "relations": {"the_war": {"kind": "war", "parties": ["east", "west"],
                                  "mediators": mediators or [], "source": A}},
        "theatres": {"border": {"name": "Border", "territory_of": "east", "held_by": "west",
                                "initial_control": 0.5, "source": A}},
        "forces": {"east_army": {"actor": "east", "theatre": "border", "strength": 20000,
                                 "in_combat": True, "replenishment": 0.02, "source": A},
                   "west_army": {"actor": "west", "theatre": "border", "strength": 14000,
                                 "in_combat": True, "replenishment": 0.02, "source": A}},
        "milestones": {"peace": {"kind": "ceasefire", "parties": ["east", "west"],
                                 "description": "A ceasefire", "source": A}},
    }  # fmt: skip


def ended(world, rules, n=60, steps=52):
    hits = 0
    for seed in range(n):
        m = EscalationModel(world, rules=rules, rng=seed)
        for _ in range(steps):
            m.step()
        hits += m.milestone_steps["peace"] is not None
    return hits / n


def test_a_costly_war_between_weary_sides_ends():
    rules = RuleParams(cost_sensitivity=3.0, weariness_from_losses=3.0)
    assert ended(parse_scenario(war()), rules) > 0.8


def test_the_same_war_goes_on_when_both_sides_care_little_for_costs():
    rules = RuleParams(cost_sensitivity=0.0)
    assert ended(parse_scenario(war(grievance=0.9)), rules) == 0.0


def test_a_ceasefire_stops_the_fighting_and_lowers_both_postures():
    rules = RuleParams(cost_sensitivity=3.0, weariness_from_losses=3.0, offer_rate=50.0,
                       ceasefire_break_rate=0.0)  # fmt: skip
    m = EscalationModel(parse_scenario(war()), rules=rules, rng=1)
    for _ in range(52):
        m.step()
        if m.milestone_steps["peace"] is not None:
            break
    assert m.milestone_steps["peace"] is not None
    assert m.state.posture("east", "west") == 0 and m.state.posture("west", "east") == 0
    assert not any(u.in_combat for u in m.unit_list)
    m.step()
    assert all(u.losses == 0 for u in m.unit_list), "nobody fights during a ceasefire"


def test_a_mediator_helps_the_other_side_accept():
    world = parse_scenario(war(mediators=["broker"]))
    without = parse_scenario(war())
    rules = RuleParams(cost_sensitivity=1.2)
    assert ended(world, rules, n=80) >= ended(without, rules, n=80)


@pytest.mark.parametrize("rate", [0.2, 1.0])
def test_ceasefires_break_at_their_hazard(rate):
    """With grievances 0, a ceasefire survives w weeks with probability exp(-rate x w)."""
    rules = RuleParams(ceasefire_break_rate=rate)
    survived, n = 0, 400
    for seed in range(n):
        m = EscalationModel(parse_scenario(war(grievance=0.0)), rules=rules, rng=seed)
        m.state.ceasefires[frozenset(("east", "west"))] = 0
        m.step()
        survived += frozenset(("east", "west")) in m.state.ceasefires
    expected = math.exp(-rate)
    assert abs(survived / n - expected) < 4 * math.sqrt(expected * (1 - expected) / n)


def test_willingness_grows_with_weariness():
    m = EscalationModel(parse_scenario(war()), rng=1)
    rng = m.random
    calm = willingness(m.state, "east", "west", rng)
    m.actor_agents["east"].weariness = 1.0
    assert willingness(m.state, "east", "west", rng) > calm
