"""The batched fronts play exactly the agent model's fight (``EscalationModel._fight``).

Agent models of a scenario are stepped a few turns with different seeds, then shaken into the
states the front must handle (a salient about to fall or already lost, units destroyed or
nearly so, reserves empty, two units on a side, changed multipliers); the block packs them with
the bridge, both engines fight once from there and their worlds must agree to 1e-9. With fire
noise the agent's theatres get a stub random source that returns the block's own normals.
"""

from __future__ import annotations

import math
import random
import time
from pathlib import Path

import numpy as np
import pytest

from sim.abm.model import EscalationModel
from sim.batch import combat
from sim.batch.bridge import lane_snapshot, state_from_models, world_snapshot
from sim.batch.layout import compile_layout
from sim.batch.state import initial_state
from sim.domain.params import AttritionLaw, CombatParams, RuleParams
from sim.domain.scenario_io import parse_scenario, read_yaml

KURSK = Path(__file__).resolve().parents[2] / "scenarios" / "kursk_2024.yaml"
A = "assumption: test"
SEED = 2024  # the block's random source


def kursk(days: int = 7):
    data = read_yaml(KURSK)
    data["step_days"] = days
    return parse_scenario(data)


def two_fronts(days: int = 7):
    """A war on two fronts written for these tests: two units a side on the border (and a
    treaty partner's corps beside the owner's), one a side on the coast, covert advisers."""
    actor = {
        "kind": "state",
        "initial_rung": "combat",
        "max_rung": "strikes_on_territory",
        "source": A,
    }
    force = {"in_combat": True, "source": A}
    return parse_scenario({
        "name": "two_fronts", "title": "A war on two fronts", "start_date": "2025-03-03",
        "step_days": days, "source": A,
        "actors": {"east": {**actor, "name": "East", "adversaries": ["west"]},
                   "west": {**actor, "name": "West", "adversaries": ["east", "north"]},
                   "north": {**actor, "name": "North", "initial_rung": "troop_deployment",
                             "adversaries": ["west"]}},
        "relations": {"the_war": {"kind": "war", "parties": ["east", "west"], "source": A},
                      "the_pact": {"kind": "treaty", "parties": ["east", "north"],
                                   "mutual_defence": True, "credibility": 0.6, "source": A}},
        "theatres": {"border": {"name": "Border", "territory_of": "east", "held_by": "west",
                                "initial_control": 0.4, "source": A},
                     "coast": {"name": "Coast", "territory_of": "west", "held_by": "east",
                               "initial_control": 0.7, "source": A},
                     "hinterland": {"name": "Hinterland", "territory_of": "west", "source": A}},
        "forces": {
            "east_army": {**force, "actor": "east", "theatre": "border", "strength": 20000,
                          "quality": 1.0, "replenishment": 0.03, "reserve": 8000},
            "east_guard": {**force, "actor": "east", "theatre": "border", "strength": 6000,
                           "quality": 1.6, "replenishment": 0.05, "reserve": 2000},
            "north_corps": {**force, "actor": "north", "theatre": "border", "strength": 8000,
                            "quality": 0.4, "in_combat": False},
            "west_army": {**force, "actor": "west", "theatre": "border", "strength": 12000,
                          "quality": 1.3, "replenishment": 0.04, "reserve": 5000},
            "west_militia": {**force, "actor": "west", "theatre": "border", "strength": 9000,
                             "quality": 0.5, "replenishment": 0.1, "reserve": 20000},
            "west_marines": {**force, "actor": "west", "theatre": "coast", "strength": 5000,
                             "quality": 1.2},
            "east_landing": {**force, "actor": "east", "theatre": "coast", "strength": 3000,
                             "replenishment": 0.02, "reserve": 1000},
            "west_advisers": {**force, "actor": "west", "theatre": "hinterland",
                              "strength": 200, "in_combat": False, "covert": True},
        },
    })  # fmt: skip


def shake(m: EscalationModel, seed: int) -> None:
    """Put model ``m`` into one of the states a front must handle (chosen by ``seed``)."""
    r = random.Random(seed)
    for t in m.contested:
        t.control = r.choice([t.control, t.control, 0.0, 0.0005, 0.005, 0.02, 0.06, 0.3, 1.0])
    for u in m.unit_list:
        pick = r.random()
        if pick < 0.08:
            u.strength = 0.0  # destroyed
        elif pick < 0.16:
            u.strength = r.choice([3.0, 40.0, 300.0])  # about to be wiped out
        elif pick < 0.3:
            u.reserve = 0.0
        elif pick < 0.4:
            u.establishment += 2000.0  # reinforced, room to refill
        elif pick < 0.55:
            u.establishment = u.strength  # at full strength: the refill needs its headroom
        if r.random() < 0.35:
            u.in_combat = not u.in_combat
        fronts = [t for t in m.contested if t.id != u.theatre]
        if all(t.id != u.theatre for t in m.contested) and r.random() < 0.4:
            u.theatre = fronts[0].id  # deployed to a front, as effects._deploy does
            fronts[0].units.append(u)
    for a in m.state.actors.values():
        for name in ("fire", "logistics", "sustainment", "mobilisation"):
            if r.random() < 0.3:
                setattr(a, name, r.choice([0.0, 0.4, 0.8, 1.3]))


def varied_models(world, combat_params: CombatParams, turns: int, n: int = 36):
    models = []
    for seed in range(n):
        m = EscalationModel(world, rules=RuleParams(), combat=combat_params, rng=seed)
        for _ in range(turns):
            m.step()
        shake(m, 1000 + seed)
        models.append(m)
    return models


class Normals:
    """A stub random source whose gauss() returns given standard normals, in order."""

    def __init__(self, z):
        self.z = list(z)

    def gauss(self, mu, sigma):
        return mu + sigma * self.z.pop(0)


def fight_both_ways(models):
    """Fight once in each agent model and once in the block; returns the block and, per lane,
    whether the salient fell within the turn with both sides fighting."""
    st = state_from_models(models, rng=np.random.default_rng(SEED))
    z = np.random.default_rng(SEED).standard_normal((st.R, st.layout.T, 2))
    fell = []
    for lane, m in enumerate(models):
        w, queue, falls = m.state, [], False
        for k, t in enumerate(m.contested):
            att, dfn = t.sides(w.ties)
            if att and dfn:
                queue += [z[lane, k, 0], z[lane, k, 1]] if m.combat.noise else []
                falls |= t.control > 0
        m.random = Normals(queue)
        control = [t.control for t in m.contested]
        m._fight()
        assert not m.random.z, "every normal drawn was used"
        fell.append(
            falls
            and any(c > 0 and t.control == 0 for c, t in zip(control, m.contested, strict=True))
        )
    combat.fight(st)
    for lane, m in enumerate(models):
        assert_close(lane_snapshot(st, lane), world_snapshot(m), f"lane {lane}")
        assert_close(extras(st, lane), agent_extras(m), f"lane {lane}")
    return st, fell


def extras(st, lane):
    lay = st.layout
    units = {
        u: (st.reserve[lane, j], st.losses[lane, j], st.supply[lane, j], st.establishment[lane, j])
        for j, u in enumerate(lay.unit_ids)
    }
    return {
        "units": units,
        "weekly_losses": {a: st.weekly_losses[lane, i] for i, a in enumerate(lay.actor_ids)},
    }


def agent_extras(m):
    w = m.state
    units = {uid: (u.reserve, u.losses, u.supply, u.establishment) for uid, u in w.units.items()}
    return {"units": units, "weekly_losses": {a: ag.weekly_losses for a, ag in w.actors.items()}}


def assert_close(got, want, where: str) -> None:
    """Equal structures, floats within 1e-9 (relative, or absolute near zero)."""
    if isinstance(want, dict):
        assert set(got) == set(want), where
        for k in want:
            assert_close(got[k], want[k], f"{where}/{k}")
    elif isinstance(want, list | tuple):
        assert len(got) == len(want), where
        for i, (g, w) in enumerate(zip(got, want, strict=True)):
            assert_close(g, w, f"{where}[{i}]")
    elif isinstance(want, float) and not isinstance(want, bool):
        assert math.isclose(float(got), want, rel_tol=1e-9, abs_tol=1e-9), (where, got, want)
    else:
        assert got == want, (where, got, want)


# the fight, both ways ---------------------------------------------------------------------


@pytest.mark.parametrize("days", [1, 7, 14])
@pytest.mark.parametrize("noise", [0.0, 0.25])
def test_kursk_fights_as_the_agent_model(days, noise):
    models = varied_models(kursk(days), CombatParams(noise=noise), turns=3)
    _, fell = fight_both_ways(models)
    assert any(fell), "some lane saw the salient fall within the turn"


@pytest.mark.parametrize("turns", [0, 8])
def test_kursk_fights_as_the_agent_model_after_more_turns(turns):
    fight_both_ways(varied_models(kursk(), CombatParams(), turns=turns, n=40))


@pytest.mark.parametrize("law", [AttritionLaw.square, AttritionLaw.linear])
@pytest.mark.parametrize("days", [1, 7, 14])
def test_two_units_a_side_on_two_fronts_fight_as_the_agent_model(law, days):
    params = CombatParams(law=law, noise=0.3)
    st, fell = fight_both_ways(varied_models(two_fronts(days), params, turns=2, n=40))
    assert any(fell)
    two_a_side = (st.place == 0) & st.in_combat  # the border is place 0 (sorted ids)
    assert two_a_side.sum(axis=1).max() >= 3


def test_a_fight_draws_the_same_normals_whatever_the_state():
    models = varied_models(kursk(), CombatParams(), turns=1, n=4)
    st = state_from_models(models, rng=np.random.default_rng(SEED))
    st.in_combat[:] = False  # nobody fights: the draws are made all the same
    combat.fight(st)
    twin = np.random.default_rng(SEED)
    twin.standard_normal((st.R, st.layout.T, 2))
    assert st.rng.random() == twin.random()


# speed -------------------------------------------------------------------------------------


def test_a_thousand_lanes_of_kursk_fight_in_milliseconds():
    """1,000 lanes x one turn of the Kursk fronts, both sides fighting: a few ms (5 on a quiet
    machine; the bound here allows for a busy one)."""
    lay = compile_layout(kursk())
    st = initial_state(lay, RuleParams(), CombatParams(), np.random.default_rng(1), 1000)
    st.in_combat[:, lay.unit_index["kpa_expeditionary_corps"]] = True
    combat.fight(st)
    best = math.inf
    for _ in range(5):
        start = time.perf_counter()
        combat.fight(st)
        best = min(best, time.perf_counter() - start)
    assert best < 0.025, f"{best * 1e3:.1f} ms"
