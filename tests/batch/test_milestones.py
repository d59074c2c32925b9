"""Batched milestones against the agent model's, on the same states, for every kind.

A scenario written for the test carries milestones of every kind of the union (with and
without named actors); agent models of it are stepped and then shaken (postures, declarations,
lifted restrictions, actions taken, control, units, ceasefires set at random per seed) so every
milestone holds in some lanes and not in others. Packed into a block, ``check`` must record
the same first steps and log the same events as ``EscalationModel._check_milestones``.
"""

from __future__ import annotations

import random
from pathlib import Path

import numpy as np
import pytest

from sim.abm.model import EscalationModel
from sim.batch import milestones
from sim.batch.bridge import state_from_models
from sim.batch.layout import NONE
from sim.domain.params import RuleParams
from sim.domain.scenario_io import load_scenario, parse_scenario
from tests.batch.test_bargaining import two_fronts

KURSK = Path(__file__).resolve().parents[2] / "scenarios" / "kursk_2024.yaml"
A = "assumption: test"
EVERY_KIND = {
    "north_fights": {"kind": "units_in_combat", "actors": ["north"]},
    "north_declared": {"kind": "declaration", "target": "north"},
    "west_declared_by_east": {"kind": "declaration", "target": "west", "actors": ["east"]},
    "west_unrestricted": {"kind": "restrictions_lifted", "target": "west"},
    "strikes": {"kind": "rung_reached", "rung": "strikes_on_territory"},
    "east_strikes": {"kind": "rung_reached", "rung": "strikes_on_territory",
                     "actors": ["east"]},
    "war_on_west": {"kind": "posture_reached", "rung": "combat", "target": "west"},
    "pressure_on_west": {"kind": "posture_reached", "rung": "sanctions", "target": "west",
                         "actors": ["broker", "north"]},
    "north_toward_itself": {"kind": "posture_reached", "rung": "de_escalation",
                            "target": "north", "actors": ["north"]},  # never: no one else
    "observer_sanctions": {"kind": "rung_reached", "rung": "sanctions",
                           "actors": ["observer"]},  # always: its initial rung, it deals with no one
    "observer_and_east_calm": {"kind": "all_at_most", "rung": "sanctions",
                               "actors": ["observer", "east"]},
    "observer_calm": {"kind": "all_at_most", "rung": "diplomacy",
                      "actors": ["observer"]},  # never: it stays on sanctions
    "border_lost": {"kind": "control_below", "theatre": "border", "below": 0.4},
    "warned": {"kind": "action_taken", "action": "warn"},
    "west_offered": {"kind": "action_taken", "action": "offer_ceasefire", "actors": ["west"]},
    "east_side_calm": {"kind": "all_at_most", "rung": "troop_deployment",
                       "actors": ["east", "north"]},
    "peace": {"kind": "ceasefire", "parties": ["west", "east"]},
}  # fmt: skip


def scenario():
    data = two_fronts()
    data["relations"]["aid"] = {"kind": "supply", "parties": ["broker", "west"],
                                "goods": "weapons", "restricted_use": True, "source": A}  # fmt: skip
    data["actors"]["observer"] = {"kind": "state", "name": "Observer", "initial_rung": "sanctions",
                                  "source": A}  # fmt: skip
    data["milestones"] = {name: {**m, "description": name, "source": A}
                          for name, m in EVERY_KIND.items()}  # fmt: skip
    return parse_scenario(data)


def shake(m: EscalationModel, seed: int) -> None:
    """Set the state every milestone kind reads at random (the same for a seed)."""
    r, w = random.Random(seed), m.state
    for a, toward in w.postures.items():
        for b in toward:
            if r.random() < 0.5:
                w.set_posture(a, b, r.randrange(0, 9))
    ids = ["broker", "east", "north", "west"]  # the observer does nothing
    for _ in range(r.randrange(3)):
        w.declarations.add((r.choice(ids), r.choice(ids)))
    if r.random() < 0.3:
        w.lifted.add("aid")
    for _ in range(r.randrange(4)):
        w.actions_taken.add((r.choice(ids), r.choice(["warn", "offer_ceasefire", "protest"])))
    for t in w.theatres:
        t.control = r.random()
    for u in w.units.values():
        u.in_combat = r.random() < 0.5
        if r.random() < 0.2:
            u.strength = 0.0
    if r.random() < 0.3:
        w.ceasefires_made.add(frozenset(("east", "west")))
    w.version += 1


def check_both(models: list[EscalationModel], reopen: float = 0.6):
    """Reopen milestones at random in every model, pack, check both ways, assert the same
    steps and events; returns [R, M] which milestones were found this check, and the block."""
    r = random.Random(11)
    for m in models:
        for name in m.milestone_steps:
            if r.random() < reopen:
                m.milestone_steps[name] = None
    st = state_from_models(models)
    before = st.milestone_step.copy()
    milestones.check(st)
    names = st.layout.milestone_ids
    for lane, m in enumerate(models):
        n = len(m.recorder.events)
        m._check_milestones()
        assert [m.milestone_steps[k] for k in names] == [
            None if s == NONE else int(s) for s in st.milestone_step[lane]
        ], f"lane {lane}"
        ours = [(st.step, "world", None, ev) for step, lanes, src, tgt, ev in st.log.events
                for _ in np.flatnonzero(lanes == lane)]  # fmt: skip
        assert ours == [(e[1], e[3], e[4], e[5]) for e in m.recorder.events[n:]], f"lane {lane}"
    return (before == NONE) & (st.milestone_step != NONE), st


@pytest.mark.parametrize("turns", [0, 2])
def test_every_kind_matches_the_agent_model_on_shaken_states(turns):
    """At the start (step 0) milestones are recorded but not logged as events."""
    world = scenario()
    models = []
    for seed in range(48):
        m = EscalationModel(world, rules=RuleParams(), rng=seed)
        for _ in range(turns):
            m.step()
        shake(m, seed)
        models.append(m)
    found, st = check_both(models)
    assert bool(st.log.events) == (turns > 0)
    reopened = np.array([[m.milestone_steps[k] is None for k in EVERY_KIND] for m in models])
    never = np.array([k in ("north_toward_itself", "observer_calm") for k in EVERY_KIND])
    always = np.array([k == "observer_sanctions" for k in EVERY_KIND])
    assert (found.any(axis=0) != never).all(), "every milestone holds in some lane"
    fails = (reopened & ~found).any(axis=0)
    assert (fails != always).all(), "every milestone fails in some lane"


@pytest.mark.parametrize("turns", [1, 6])
def test_kursk_milestones_match_the_agent_model(turns):
    """Kursk stepped with weary sides (ceasefires happen): the same first steps."""
    world = load_scenario(KURSK)
    rules = RuleParams(cost_sensitivity=3.0, weariness_from_losses=3.0, offer_rate=1.5)
    models = []
    for seed in range(30):
        m = EscalationModel(world, rules=rules, rng=seed)
        for _ in range(turns):
            m.step()
        models.append(m)
    found, _ = check_both(models, reopen=1.0)
    assert found.any()


def test_a_milestone_reached_keeps_its_first_step_and_is_not_logged_again():
    world = scenario()
    m = EscalationModel(world, rng=1)
    m.step()
    st = state_from_models([m])
    st.milestone_step[:] = 0
    st.step = 3
    milestones.check(st)
    assert (st.milestone_step == 0).all() and not st.log.events
