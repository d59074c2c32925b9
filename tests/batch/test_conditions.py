"""Batched conditions against the vocabulary's: the same answer for every actor in every lane.

Situations are taken from agent runs of the Kursk scenario and of a small war (``situation_of``
with every flag, several seeds and turns) and varied by hand (flags flipped, controls, losses
and adversary rungs changed); ``block_of`` packs a list of lanes, each one Situation per actor,
into a BatchState and a View, so that ``sim.batch.conditions.holds`` answers exactly the
questions ``sim.domain.conditions.holds`` answered one situation at a time.
"""

from __future__ import annotations

import dataclasses

import numpy as np
import pytest

from sim.abm.model import EscalationModel
from sim.abm.perception import _FLAGS, situation_of
from sim.batch import conditions
from sim.batch.layout import NONE, Layout, compile_layout
from sim.batch.state import BatchState, initial_state
from sim.batch.view import View
from sim.domain import conditions as agent_conditions
from sim.domain.params import CombatParams, RuleParams
from sim.domain.situation import Situation
from tests.batch.test_perception import SMALL, SMALL_RULES, WORLD

KURSK_LAYOUT = compile_layout(WORLD)
SMALL_LAYOUT = compile_layout(SMALL)
DYAD_FIELDS = {  # View field -> Dyad field
    "own": "own_rung", "own_rise": "own_rise", "seen": "their_rung", "seen_rise": "their_rise",
    "move": "their_last_move", "next_up": "next_up", "target_nuclear": "target_nuclear",
    "deterrence": "deterrence", "commitment": "commitment", "in_ceasefire": "in_ceasefire",
    "fighting": "fighting", "floor": "floor",
}  # fmt: skip
ACTOR_FIELDS = ("own_rung", "adversary_rung", "adversary_last_move", "max_adversary_rung")
DISPOSITIONS = {  # BatchState field -> Situation field
    "risk_tolerance": "risk_tolerance", "escalation_propensity": "escalation_propensity",
    "grievance": "grievance", "weariness": "weariness", "perceived_risk": "perceived_risk",
    "weekly_losses": "own_losses",
}  # fmt: skip


def block_of(layout: Layout, rules: RuleParams, lanes: list[list[Situation]],
             rng: np.random.Generator | None = None) -> tuple[BatchState, View]:  # fmt: skip
    """A block whose lane ``r`` is ``lanes[r]`` (one Situation per actor, in id order, all at
    the same step) and the View those situations make: every field a decision reads."""
    n, r = layout.A, len(lanes)
    st = initial_state(layout, rules, CombatParams(), rng or np.random.default_rng(0), r)
    steps = {s.step for lane in lanes for s in lane}
    assert len(steps) == 1, "a block plays one step in every lane"
    st.step = steps.pop()
    dyad = {k: np.zeros((r, n, n), dtype=float) for k in DYAD_FIELDS}
    per = {k: np.zeros((r, n), dtype=np.int64) for k in ACTOR_FIELDS}
    adversary = np.full((r, n), NONE, dtype=np.int64)
    flags = {k: np.zeros((r, n)) for k in _FLAGS}
    for lane, situations in enumerate(lanes):
        assert [s.actor for s in situations] == list(layout.actor_ids)
        for a, s in enumerate(situations):
            assert [d.target for d in s.dyads] == [
                layout.actor_ids[b] for b in np.flatnonzero(layout.deals[a])
            ], "a situation's dyads are the actor's targets in id order"
            for d in s.dyads:
                b = layout.actor_index[d.target]
                for k, f in DYAD_FIELDS.items():
                    value = getattr(d, f)
                    dyad[k][lane, a, b] = NONE if value is None else value
                st.posture[lane, a, b] = d.own_rung
            for k in ACTOR_FIELDS:
                per[k][lane, a] = getattr(s, k)
            adversary[lane, a] = NONE if s.adversary is None else layout.actor_index[s.adversary]
            for k in _FLAGS:
                flags[k][lane, a] = getattr(s, k)
            for k, f in DISPOSITIONS.items():
                getattr(st, k)[lane, a] = getattr(s, f)
            assert s.doctrine == layout.doctrine[a] or not s.doctrine
            for e, line in enumerate(layout.doctrine[a]):
                st.spent[lane, a, e] = line.id in s.spent
    ints = ("own", "own_rise", "seen", "seen_rise", "move", "next_up", "floor")
    bools = ("target_nuclear", "in_ceasefire", "fighting")
    fields = {k: v.astype(np.int64) if k in ints else v.astype(bool) if k in bools else v
              for k, v in dyad.items()}  # fmt: skip
    flag_kinds = {k: v if k.endswith("control") else v.astype(bool) for k, v in flags.items()}
    view = View(**fields, **per, adversary=adversary, flags=flag_kinds)
    return st, view


def played(world, seed: int, steps: int, rules: RuleParams | None = None) -> EscalationModel:
    model = EscalationModel(world, rules=rules, rng=seed)
    for _ in range(steps):
        model.step()
    return model


def situations_of(model: EscalationModel) -> list[Situation]:
    """Every actor's Situation in the model now, with every flag (as its rules would see it at
    the start of the next turn, step number aside)."""
    w = model.state
    return [situation_of(w, agent, model.outlook(agent), flags=True) for agent in model.actor_list]


def run_lanes() -> list[tuple[Layout, RuleParams, list[list[Situation]]]]:
    """Blocks of situations from agent runs: Kursk and the small war, several seeds per turn."""
    made = []
    for steps in (0, 1, 3, 6, 12, 20):
        made.append((KURSK_LAYOUT, RuleParams(),
                     [situations_of(played(WORLD, seed, steps)) for seed in range(6)]))  # fmt: skip
    for steps in (0, 2, 5, 9):
        made.append((SMALL_LAYOUT, SMALL_RULES,
                     [situations_of(played(SMALL, seed, steps, SMALL_RULES))
                      for seed in range(6)]))  # fmt: skip
    return made


def varied(situation: Situation, k: int) -> Situation:
    """``situation`` with its flags, controls, losses and adversary fields changed by hand (a
    different change for each ``k``)."""
    rng = np.random.default_rng(k)
    changes = {name: bool(rng.random() < 0.5) for name in _FLAGS if not name.endswith("control")}
    changes.update(own_control=float(rng.choice([0.0, 0.3, 0.5, 0.6, 0.61, 1.0])),
                   supplied_ally_control=float(rng.choice([0.2, 0.5, 0.8, 1.0])),
                   own_losses=float(rng.choice([0.0, 0.01, 0.05, 0.2])),
                   adversary_rung=int(rng.integers(0, 10)),
                   adversary_last_move=int(rng.integers(-2, 3)),
                   max_adversary_rung=int(rng.integers(0, 10)))  # fmt: skip
    return dataclasses.replace(situation, **changes)


WHENS = [
    {"always": {}}, {"front_failing": {}}, {"front_failing": {"control_below": 0.3}},
    {"front_failing": {"control_below": 0.61}}, {"supplied_ally_front_failing": {}},
    {"supplied_ally_front_failing": {"control_below": 0.8}},
    *({"adversary_rung_at_least": {"rung": r}} for r in ("diplomacy", "combat", "nuclear_use")),
    {"adversary_escalated": None}, {"adversary_nuclear_signal": {}},
    *({"losses_above": {"fraction": f}} for f in (0.0, 0.01, 0.05)),
    *({"step_at_least": {"step": s}} for s in (0, 1, 3, 12)),
    *({name: {}} for name in agent_conditions.VOCABULARY if not agent_conditions.VOCABULARY[name].args),
    {"own_territory_occupied": {}, "front_failing": {}, "partner_forces_available": {}},
    {"supplied_ally_front_failing": {}, "own_supplies_restricted": {}},
    {"treaty_partner_attacked": {}, "own_forces_in_combat": {}},
]  # fmt: skip


def test_every_condition_of_the_vocabulary_is_asked():
    assert {name for when in WHENS for name in when} == set(agent_conditions.VOCABULARY)


@pytest.mark.parametrize("hand", [False, True], ids=["as_played", "varied_by_hand"])
def test_holds_as_the_vocabulary(hand):
    asked = 0
    for layout, rules, lanes in run_lanes():
        if hand:
            lanes = [[varied(s, 31 * r + a) for a, s in enumerate(lane)]
                     for r, lane in enumerate(lanes)]  # fmt: skip
        st, view = block_of(layout, rules, lanes)
        for when in WHENS:
            for a in range(layout.A):
                got = conditions.holds(when, view, st, a)
                want = [agent_conditions.holds(when, lane[a], rules) for lane in lanes]
                assert got.tolist() == want, (when, layout.actor_ids[a])
                asked += len(want)
    assert asked > 10_000


def test_conditions_differ_across_lanes():
    """The varied situations make every condition both hold and fail somewhere."""
    seen = {}
    for layout, rules, lanes in run_lanes()[:3]:
        lanes = [[varied(s, 7 * r + a) for a, s in enumerate(lane)] for r, lane in enumerate(lanes)]
        st, view = block_of(layout, rules, lanes)
        for when in WHENS:
            key = str(when)
            got = np.stack([conditions.holds(when, view, st, a) for a in range(layout.A)])
            seen[key] = seen.get(key, set()) | set(got.ravel().tolist())
    assert all(v == {True, False} for k, v in seen.items() if "always" not in k and "step" not in k)
