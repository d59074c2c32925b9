"""The batched slow processes play exactly ``sim/abm/dynamics.py``.

Agent models (Kursk and the two-front war of ``test_combat``) are stepped and shaken into
varied states (sanctioned and struck actors, occupied and freed ground, covert units fighting,
destroyed or already seen); the block packs them with the bridge and each process runs both
ways. Covert detection gives the agent model a stub random source that returns the block's own
uniforms.
"""

from __future__ import annotations

import random

import numpy as np
import pytest

from sim.abm import dynamics as agent
from sim.batch import dynamics
from sim.batch.bridge import lane_snapshot, state_from_models, world_snapshot
from sim.batch.layout import ACTIONS
from sim.domain.params import CombatParams, RuleParams
from tests.batch.test_combat import SEED, assert_close, kursk, shake, two_fronts

WORLDS = {"kursk": kursk, "two_fronts": two_fronts}


def varied(world: str, days: int, rules: RuleParams, turns: int = 2, n: int = 32):
    """``n`` agent models of ``world`` after ``turns`` turns, shaken (see ``test_combat``) and
    given varied sustainment, logistics, perceived risk and covert units already seen."""
    from sim.abm.model import EscalationModel

    models, scenario = [], WORLDS[world](days)
    for seed in range(n):
        m = EscalationModel(scenario, rules=rules, combat=CombatParams(), rng=seed)
        for _ in range(turns):
            m.step()
        shake(m, 2000 + seed)
        r = random.Random(seed)
        for a in m.state.actors.values():
            a.sustainment = r.choice([1.0, 1.0, 0.6, 0.93])
            a.logistics = r.choice([1.0, 0.5, 1.2])
            a.perceived_risk = r.choice([0.0, 0.3, 0.9])
            a.grievance = r.choice([a.grievance, 0.97, 1.0])
        for uid, u in m.state.units.items():
            if u.covert and r.random() < 0.25:
                m.state.detected.add(uid)
        models.append(m)
    return models


def compare(st, models) -> None:
    for lane, m in enumerate(models):
        assert_close(lane_snapshot(st, lane), world_snapshot(m), f"lane {lane}")
        assert_close(
            [float(v) for v in st.weekly_losses[lane]],
            [m.state.actors[a].weekly_losses for a in st.layout.actor_ids],
            f"lane {lane} weekly losses",
        )


@pytest.mark.parametrize("world", ["kursk", "two_fronts"])
@pytest.mark.parametrize("days", [1, 7, 14])
@pytest.mark.parametrize("recovery", [0.0, 0.3])
def test_costs_accumulate_as_in_the_agent_model(world, days, recovery):
    models = varied(world, days, RuleParams(weariness_recovery=recovery))
    st = state_from_models(models)
    lost = np.random.default_rng(days).choice([0.0, 0.01, 0.2, 1.0], (st.R, st.layout.A))
    for lane, m in enumerate(models):
        shares = {a: lost[lane, i] for i, a in enumerate(st.layout.actor_ids) if lost[lane, i]}
        agent.accumulate_costs(m.state, shares)
    dynamics.accumulate_costs(st, lost)
    compare(st, models)


@pytest.mark.parametrize("world", ["kursk", "two_fronts"])
@pytest.mark.parametrize("days", [1, 7, 14])
def test_recovery_and_commitments_as_in_the_agent_model(world, days):
    models = varied(world, days, RuleParams())
    st = state_from_models(models)
    for m in models:
        agent.recover(m.state)
        agent.test_commitments(m.state)
    dynamics.recover(st)
    dynamics.test_commitments(st)
    compare(st, models)
    moved = st.credibility != np.tile(st.layout.initial_credibility, (st.R, 1))
    assert moved.any(), "some commitment was tested"


class Uniforms:
    """A stub random source whose random() returns given uniforms, in order."""

    def __init__(self, u):
        self.u = list(u)

    def random(self):
        return self.u.pop(0)


@pytest.mark.parametrize("world", ["kursk", "two_fronts"])
@pytest.mark.parametrize("days", [1, 7, 14])
def test_covert_units_are_detected_as_in_the_agent_model(world, days):
    rules = RuleParams(detection_rate=0.4)
    models = varied(world, days, rules)
    st = state_from_models(models, rng=np.random.default_rng(SEED))
    draw = np.random.default_rng(SEED).random((st.R, st.layout.U))
    lay, want_events, drew = st.layout, set(), 0
    for lane, m in enumerate(models):
        w = m.state
        queue = [draw[lane, j] for j, uid in enumerate(lay.unit_ids)
                 if w.units[uid].covert and uid not in w.detected and w.units[uid].strength > 0
                 and not w.units[uid].in_combat]  # fmt: skip
        seen, drew = len(m.recorder.events), drew + len(queue)
        agent.detect_covert(w, Uniforms(queue))
        want_events |= {(lane, e[1], e[3], e[4], e[5]) for e in m.recorder.events[seen:]}
    dynamics.detect_covert(st)
    compare(st, models)
    got_events = {
        (int(lane), step, lay.actor_ids[s], lay.actor_ids[t], ACTIONS[k])
        for step, lanes, source, target, event in st.log.events
        for lane, s, t, k in zip(lanes, source, target, event, strict=True)
    }
    assert got_events == want_events
    assert want_events, "some covert unit was detected"
    assert drew, "some undetected covert unit drew its chance"


class Stub:
    """The agent model's random source for the end of a turn: the block's normals for the
    fronts, then its uniforms for covert detection."""

    def __init__(self, normals, uniforms):
        self.z, self.u = list(normals), list(uniforms)

    def gauss(self, mu, sigma):
        return mu + sigma * self.z.pop(0)

    def random(self):
        return self.u.pop(0)


@pytest.mark.parametrize("world", ["kursk", "two_fronts"])
def test_the_end_of_a_turn_over_many_turns_as_in_the_agent_model(world):
    """Fight, recovery, commitments and detection, turn after turn from shaken states, with no
    decisions between them: the block and the agent models stay together for 12 turns."""
    from sim.batch import combat

    rules = RuleParams(detection_rate=0.2)
    models = varied(world, 7, rules, turns=1, n=24)
    st = state_from_models(models, rng=np.random.default_rng(SEED))
    twin, lay = np.random.default_rng(SEED), st.layout
    for _ in range(12):
        z = twin.standard_normal((st.R, lay.T, 2))
        draw = twin.random((st.R, lay.U))
        for lane, m in enumerate(models):
            w = m.state
            normals = [z[lane, k, s] for k, t in enumerate(m.contested) if all(t.sides(w.ties))
                       for s in (0, 1)]  # fmt: skip
            m.random = Stub(normals, [])
            m._fight()
            agent.recover(w)
            agent.test_commitments(w)
            m.random.u = [draw[lane, j] for j, uid in enumerate(lay.unit_ids)
                          if w.units[uid].covert and uid not in w.detected
                          and w.units[uid].strength > 0 and not w.units[uid].in_combat]  # fmt: skip
            agent.detect_covert(w, m.random)
            assert not m.random.z and not m.random.u
        combat.fight(st)
        dynamics.recover(st)
        dynamics.test_commitments(st)
        dynamics.detect_covert(st)
        compare(st, models)
