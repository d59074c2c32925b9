"""Batched perception, structure and requirements against the agent model's: the same answers.

Agent models of the Kursk scenario, stepped 0-20 turns with many seeds, are packed into the
lanes of a block (``sim.batch.bridge``); so are states set by hand (declarations made,
restrictions lifted, units moved or destroyed) and a small war written for the test with a
ceasefire, a covert unit and several units per side. Every batched answer must equal the
agent's, lane by lane, actor by actor.
"""

from __future__ import annotations

import itertools

import numpy as np
import pytest

from sim.abm import bargaining
from sim.abm.model import EscalationModel
from sim.abm.perception import _FLAGS, _REQUIREMENTS, _next_up, situation_of
from sim.abm.perception import possible as agent_possible
from sim.batch import perception, requirements, structure
from sim.batch.bridge import state_from_models
from sim.batch.layout import compile_layout
from sim.domain.actions import REQUIREMENTS, action_table
from sim.domain.params import RuleParams
from sim.domain.scenario_io import load_scenario, parse_scenario
from sim.domain.situation import Dyad
from tests.abm.test_model import KURSK

WORLD = load_scenario(KURSK)
LAYOUT = compile_layout(WORLD)
A = "assumption: test"


def played(seed: int, steps: int, world=WORLD, rules: RuleParams | None = None):
    model = EscalationModel(world, rules=rules, rng=seed)
    for _ in range(steps):
        model.step()
    return model


def kursk_blocks() -> list[list[EscalationModel]]:
    """Blocks of Kursk models: 36 seeds, each block at one step (0 to 20 turns played)."""
    steps = (0, 1, 2, 3, 5, 8, 13, 20)
    return [[played(seed, s) for seed in range(4 * i, 4 * i + 4 + (i % 2))]
            for i, s in enumerate(steps)]  # fmt: skip


def hand_made(model: EscalationModel, how: int) -> EscalationModel:
    """Change a Kursk model's state by hand: declarations, lifted restrictions, units moved into
    or out of the contested theatre, destroyed or out of combat."""
    w = model.state
    for agent in model.actor_list:  # the agent's first look comes before any change
        model.outlook(agent)
    units = w.units
    if how % 5 == 0:
        w.declarations.add(("nato", "north_korea"))
        w.declarations.add(("russia", "united_states"))
        w.lifted.add("us_weapons_to_ukraine")
    elif how % 5 == 1:
        units["western_instructors"].theatre = "kursk"
        units["western_instructors"].in_combat = True
        w.lifted.update({"us_weapons_to_ukraine", "nato_weapons_to_ukraine"})
    elif how % 5 == 2:
        units["kpa_expeditionary_corps"].strength = 0.0
        units["russian_kursk_grouping"].in_combat = False
        w.declarations.add(("north_korea", "ukraine"))
    elif how % 5 == 3:
        units["ukrainian_kursk_grouping"].theatre = "ukraine_interior"
        units["kpa_expeditionary_corps"].in_combat = True
        w.declarations.add(("united_states", "russia"))
    else:
        for u in units.values():
            u.strength = 0.0
        w.lifted.add("north_korean_ammunition_to_russia")
    w.version += 1  # what is possible changed: the agent's cached answers are stale
    return model


def small_war() -> dict:
    """Two states at war over a border region, each with a supplier and several units (one
    covert), a treaty partner with idle troops nearby, and a bystander."""
    actor = {"kind": "state", "initial_rung": "combat", "max_rung": "strikes_on_territory",
             "source": A}  # fmt: skip
    return {
        "name": "border_war", "title": "A border war", "start_date": "2025-03-03",
        "source": A,
        "actors": {
            "east": {**actor, "name": "East", "adversaries": ["west"], "nuclear": True,
                     "max_rung": "nuclear_use"},
            "west": {**actor, "name": "West", "adversaries": ["east"],
                     "postures": {"ally": "diplomacy"}},
            "ally": {"kind": "state", "name": "Ally", "initial_rung": "diplomacy",
                     "max_rung": "combat", "adversaries": ["west"], "source": A},
            "patron": {"kind": "state", "name": "Patron", "initial_rung": "sanctions",
                       "nuclear": True, "max_rung": "nuclear_signalling",
                       "adversaries": ["east"], "source": A},
            "bystander": {"kind": "state", "name": "Bystander", "initial_rung": "diplomacy",
                          "source": A},
        },
        "relations": {
            "the_war": {"kind": "war", "parties": ["east", "west"], "source": A},
            "pact": {"kind": "treaty", "parties": ["east", "ally"], "mutual_defence": True,
                     "credibility": 0.6, "source": A},
            "guarantee": {"kind": "alliance", "parties": ["patron", "west"], "credibility": 0.4,
                          "source": A},
            "arms": {"kind": "supply", "parties": ["patron", "west"], "goods": "weapons",
                     "restricted_use": True, "source": A},
        },
        "theatres": {
            "border": {"name": "Border", "territory_of": "east", "held_by": "west",
                       "initial_control": 0.4, "source": A},
            "hinterland": {"name": "Hinterland", "territory_of": "west", "source": A},
        },
        "forces": {
            "east_1": {"actor": "east", "theatre": "border", "strength": 20000,
                       "in_combat": True, "replenishment": 0.02, "source": A},
            "east_2": {"actor": "east", "theatre": "border", "strength": 8000,
                       "replenishment": 0.02, "source": A},
            "west_1": {"actor": "west", "theatre": "border", "strength": 15000,
                       "in_combat": True, "replenishment": 0.02, "source": A},
            "west_2": {"actor": "west", "theatre": "hinterland", "strength": 5000,
                       "replenishment": 0.02, "source": A},
            "ally_corps": {"actor": "ally", "theatre": "border", "strength": 6000,
                           "covert": True, "replenishment": 0.02, "source": A},
        },
    }  # fmt: skip


SMALL = parse_scenario(small_war())
SMALL_RULES = RuleParams(offer_rate=20.0, cost_sensitivity=2.0, ceasefire_break_rate=0.3)


def small_blocks() -> list[list[EscalationModel]]:
    """Blocks of the small war (ceasefires agreed a turn before, some broken since; units
    committed and detected)."""
    blocks = []
    for s in (1, 3, 6, 10):
        block = []
        for seed in range(10 * s, 10 * s + 6):
            m = played(seed, s - 1, SMALL, SMALL_RULES)
            if seed % 2:
                for agent in m.actor_list:  # the agent's first look comes before the change
                    m.outlook(agent)
                bargaining._agree(m.state, "east", "west")
            m.step()
            block.append(m)
        blocks.append(block)
    return [[played(seed, 0, SMALL, SMALL_RULES) for seed in range(3)], *blocks]


@pytest.fixture(scope="module")
def blocks() -> list[list[EscalationModel]]:
    made = kursk_blocks()
    made.append([hand_made(played(100 + i, i % 4), i) for i in range(10) if i % 4 == 0])
    made.append([hand_made(played(200 + i, 2), i) for i in range(10)])
    made.append([scrambled(played(400 + i, 3), i) for i in range(8)])
    made += small_blocks()
    return made


def pairs(model):
    ids = model.state.actor_ids
    return list(itertools.product(enumerate(ids), enumerate(ids)))


def test_the_small_war_has_ceasefires_and_detections(blocks):
    small = [m for block in blocks for m in block if m.world is SMALL]
    assert any(m.state.ceasefires for m in small)
    assert any(m.state.detected for m in small)


def test_facing_fights_belligerent(blocks):
    for block in blocks:
        st = state_from_models(block)
        got = {
            "facing_any": structure.facing(st, in_combat=False),
            "facing_combat": structure.facing(st, in_combat=True),
            "fights": structure.fights(st),
            "belligerent": structure.belligerent(st),
        }
        for lane, m in enumerate(block):
            w = m.state
            for (i, a), (j, b) in pairs(m):
                want = {
                    "facing_any": w.facing(a, b, in_combat=False),
                    "facing_combat": w.facing(a, b, in_combat=True),
                    "fights": w.fights(a, b),
                    "belligerent": w.belligerent(a, b),
                }
                for name, value in want.items():
                    assert got[name][lane, i, j] == value, (name, lane, a, b)


def test_recipients_and_receivers(blocks):
    for block in blocks:
        st = state_from_models(block)
        got = structure.recipients(st)
        heard = structure.receivers(st.layout)
        ids = st.layout.actor_ids
        for lane, m in enumerate(block):
            w = m.state
            for (i, a), (j, b) in pairs(m):
                assert [ids[x] for x in np.flatnonzero(got[lane, i, j])] == w.recipients(a, b)
                assert [ids[x] for x in np.flatnonzero(heard[i, j])] == w.receivers(a, b)


def test_requirements_and_possible(blocks):
    for block in blocks:
        st = state_from_models(block)
        needs = {name: requirements.requirement(st, name) for name in REQUIREMENTS}
        can = {action: requirements.possible(st, action) for action in action_table()}
        for lane, m in enumerate(block):
            w = m.state
            for (i, a), (j, b) in pairs(m):
                for name in REQUIREMENTS:
                    assert needs[name][lane, i, j] == _REQUIREMENTS[name](w, a, b), (name, a, b)
                for action in action_table():
                    assert can[action][lane, i, j] == agent_possible(w, a, b, action), action


def test_the_hand_made_states_change_the_answers():
    """The states set by hand reach answers the played ones do not (so they test something)."""
    st = state_from_models([hand_made(played(200 + i, 2), i) for i in range(5)])
    by_declaration = structure.belligerent(st) & ~structure.fights(st)
    assert by_declaration[:, LAYOUT.actor_index["nato"], LAYOUT.actor_index["north_korea"]].any()
    restricted = requirements.requirement(st, "restricted_supplies").any(axis=(1, 2))
    assert restricted.any() and not restricted.all()  # every restriction lifted in a lane
    assert not requirements.requirement(st, "own_units")[:, LAYOUT.actor_index["ukraine"]].all()


def test_an_unknown_requirement_is_named():
    st = state_from_models([played(0, 0)])
    with pytest.raises(KeyError, match="allowed: nuclear"):
        requirements.requirement(st, "courage")


def batched_situation(view, st, lane: int, i: int) -> dict:
    """Actor ``i``'s view in ``lane`` in the form of the agent's Situation fields."""
    lay = st.layout
    ids = lay.actor_ids
    dyads = []
    for j in np.flatnonzero(lay.deals[i]):
        up = int(view.next_up[lane, i, j])
        dyads.append(Dyad(
            ids[j], int(view.own[lane, i, j]), int(view.own_rise[lane, i, j]),
            int(view.seen[lane, i, j]), int(view.seen_rise[lane, i, j]),
            int(view.move[lane, i, j]), None if up < 0 else up,
            bool(view.target_nuclear[lane, i, j]), float(view.deterrence[lane, i, j]),
            float(view.commitment[lane, i, j]), bool(view.in_ceasefire[lane, i, j]),
            bool(view.fighting[lane, i, j]), int(view.floor[lane, i, j]),
        ))  # fmt: skip
    adversary = int(view.adversary[lane, i])
    out = {
        "own_rung": int(view.own_rung[lane, i]), "dyads": tuple(dyads),
        "adversary": None if adversary < 0 else ids[adversary],
        "adversary_rung": int(view.adversary_rung[lane, i]),
        "adversary_last_move": int(view.adversary_last_move[lane, i]),
        "max_adversary_rung": int(view.max_adversary_rung[lane, i]),
    }  # fmt: skip
    for name, values in view.flags.items():
        out[name] = values[lane, i].item()
    return out


def test_perceive_matches_situation_of(blocks):
    for block in blocks:
        st = state_from_models(block)
        view = perception.perceive(st)
        assert set(view.flags) == set(_FLAGS)
        for lane, m in enumerate(block):
            for i, agent in enumerate(m.actor_list):
                want = situation_of(m.state, agent, m.outlook(agent), flags=True)
                got = batched_situation(view, st, lane, i)
                for name, value in got.items():
                    assert getattr(want, name) == value, (name, lane, agent.actor_id, m.state.step)


def test_next_up_matches_the_agents_for_every_posture(blocks):
    """Every posture an actor could hold toward a target, not only the one it holds."""
    for block in blocks[::3]:
        st = state_from_models(block)
        lay = st.layout
        for rung in range(lay.L):
            st.posture[:] = np.where(lay.deals[None], rung, 0)
            got = requirements.next_up(st)
            for lane, m in enumerate(block):
                for (i, a), (j, b) in pairs(m):
                    if lay.deals[i, j]:
                        want = _next_up(m.state, a, b, rung)
                        assert got[lane, i, j] == (-1 if want is None else want), (a, b, rung)


def scrambled(model: EscalationModel, seed: int) -> EscalationModel:
    """The model with every posture of its past and present set at random (within the caps)."""
    rng = np.random.default_rng(seed)
    w = model.state
    for agent in model.actor_list:  # the agent's first look comes before the change
        model.outlook(agent)
    for postures in [*w.history, w.postures]:
        for a, toward in postures.items():
            for b in toward:
                toward[b] = int(rng.integers(0, w.actors[a].max_rung + 1))
    w._rungs.clear()
    return model


@pytest.mark.parametrize(("step_days", "lag"), [(3, 10.0), (7, 0.0), (14, 21.0), (7, 7.0)])
def test_perceive_with_other_turn_lengths_and_lags(step_days, lag):
    """Lagged postures and last week's moves reach back the right number of turns (postures
    set at random, past and present, so that they move)."""
    world = parse_scenario({**small_war(), "step_days": step_days})
    rules = RuleParams(perception_lag_days=lag, offer_rate=20.0, cost_sensitivity=2.0)
    for steps in (0, 1, 4, 9):
        block = [scrambled(played(seed, steps, world, rules), seed) for seed in range(5)]
        st = state_from_models(block)
        view = perception.perceive(st)
        for lane, m in enumerate(block):
            for i, agent in enumerate(m.actor_list):
                want = situation_of(m.state, agent, m.outlook(agent), flags=True)
                for name, value in batched_situation(view, st, lane, i).items():
                    assert getattr(want, name) == value, (name, lane, agent.actor_id, steps)


def test_perceive_in_a_world_without_theatres_forces_or_supplies():
    """Three states, one with an adversary who does not count it as one, one alone."""
    actor = {"kind": "state", "initial_rung": "diplomacy", "source": A}
    world = parse_scenario({
        "name": "bare", "title": "A bare world", "start_date": "2025-01-06", "source": A,
        "actors": {"east": {**actor, "name": "East", "adversaries": ["west"]},
                   "west": {**actor, "name": "West", "initial_rung": "sanctions"},
                   "loner": {**actor, "name": "Loner"}},
        "relations": {}, "theatres": {}, "forces": {},
    })  # fmt: skip
    block = [played(seed, 2, world) for seed in range(3)]
    st = state_from_models(block)
    view = perception.perceive(st)
    for lane, m in enumerate(block):
        for i, agent in enumerate(m.actor_list):
            want = situation_of(m.state, agent, m.outlook(agent), flags=True)
            for name, value in batched_situation(view, st, lane, i).items():
                assert getattr(want, name) == value, (name, lane, agent.actor_id)


def test_recipients_of_some_lanes_only():
    st = state_from_models([hand_made(played(500 + i, 2), i) for i in range(5)])
    lanes = np.array([3, 1])
    whole = structure.recipients(st)
    assert (structure.recipients(st, structure.fights(st)[lanes]) == whole[lanes]).all()
