"""apply_moves against the agent model: the same decisions applied both ways give the same world.

Agent models of a scenario are stepped to varied states (different seeds and turns), packed
into the lanes of one block (``sim.batch.bridge``); each model then applies a set of decisions
as ``EscalationModel._play_turn`` does between deciding and bargaining (``agent_apply``), and
the block applies the same decisions as ``Moves``. Every lane's snapshot, and its decision and
event rows, must equal its model's exactly. Decisions are both the models' own (their rules on
their own state) and drawn at random (every action toward every actor, holds, step-downs,
doctrine entries), which reaches the effect kinds a run rarely takes.
"""

from __future__ import annotations

import time

import numpy as np
import pytest
import yaml

from sim.abm import effects as agent_effects
from sim.abm.model import EscalationModel
from sim.batch.bridge import lane_snapshot, state_from_models, world_snapshot
from sim.batch.effects import apply_moves
from sim.batch.kinds import shifted
from sim.batch.layout import ACTION, ACTIONS, NONE, compile_layout
from sim.batch.view import Moves
from sim.domain.actions import action_table
from sim.domain.rules import HOLD, STEP_DOWN
from sim.domain.scenario_io import load_scenario, parse_scenario
from sim.domain.situation import Decision
from tests.abm.test_model import KURSK

KURSK_WORLD = load_scenario(KURSK)

# A border war written for these tests: a nuclear East holds part of its own border province
# against West; each side has a treaty partner with idle troops at the border (one covert), a
# reserve behind the lines, and West gets restricted weapons from a patron.
BORDER = """
name: border_war
title: A border war with partners, reserves and a patron
start_date: "2025-03-03"
step_days: 7
source: "assumption: written for the batched engine's tests"
actors:
  east:
    name: East
    kind: state
    nuclear: true
    initial_rung: combat
    max_rung: nuclear_use
    adversaries: [west, patron, guardian]
    risk_tolerance: 0.7
    source: "assumption: test"
  west:
    name: West
    kind: state
    initial_rung: combat
    adversaries: [east, ally]
    source: "assumption: test"
  guardian:
    name: Guardian
    kind: state
    initial_rung: troop_deployment
    adversaries: [east]
    source: "assumption: test"
  ally:
    name: Ally
    kind: state
    initial_rung: arms_supply
    adversaries: [west]
    source: "assumption: test"
  patron:
    name: Patron
    kind: state
    nuclear: true
    initial_rung: arms_supply
    max_rung: nuclear_signalling
    adversaries: [east]
    source: "assumption: test"
  bystander:
    name: Bystander
    kind: state
    initial_rung: diplomacy
    source: "assumption: test"
relations:
  the_war:
    kind: war
    parties: [east, west]
    mediators: [bystander]
    source: "assumption: test"
  west_guardian_treaty:
    kind: treaty
    parties: [west, guardian]
    mutual_defence: true
    credibility: 0.6
    source: "assumption: test"
  east_ally_treaty:
    kind: treaty
    parties: [east, ally]
    mutual_defence: true
    credibility: 0.4
    source: "assumption: test"
  patron_guardian_alliance:
    kind: alliance
    parties: [patron, guardian]
    credibility: 0.7
    source: "assumption: test"
  patron_arms:
    kind: supply
    parties: [patron, west]
    goods: weapons
    restricted_use: true
    source: "assumption: test"
  ally_shells:
    kind: supply
    parties: [ally, east]
    goods: ammunition
    source: "assumption: test"
theatres:
  border:
    name: The border province
    territory_of: east
    held_by: west
    initial_control: 0.4
    source: "assumption: test"
  east_rear:
    name: East's hinterland
    territory_of: east
    source: "assumption: test"
  west_rear:
    name: West's hinterland
    territory_of: west
    source: "assumption: test"
forces:
  east_army:
    actor: east
    theatre: border
    strength: 30000
    quality: 0.9
    in_combat: true
    replenishment: 0.02
    reserve: 8000
    source: "assumption: test"
  east_second_echelon:
    actor: east
    theatre: border
    strength: 8000
    source: "assumption: test"
  east_reserve:
    actor: east
    theatre: east_rear
    strength: 12000
    source: "assumption: test"
  west_army:
    actor: west
    theatre: border
    strength: 15000
    quality: 1.3
    in_combat: true
    replenishment: 0.05
    reserve: 6000
    source: "assumption: test"
  west_reserve:
    actor: west
    theatre: west_rear
    strength: 5000
    source: "assumption: test"
  guardian_brigade:
    actor: guardian
    theatre: border
    strength: 4000
    source: "assumption: test"
  ally_corps:
    actor: ally
    theatre: border
    strength: 9000
    quality: 0.5
    covert: true
    source: "assumption: test"
milestones:
  ally_fights:
    kind: units_in_combat
    actors: [ally]
    description: Ally's troops in combat
    source: "assumption: test"
"""
BORDER_WORLD = parse_scenario(yaml.safe_load(BORDER), source="test")


# --- the agent side -------------------------------------------------------------------------
def agent_apply(model: EscalationModel, decisions: list[Decision]) -> None:
    """``EscalationModel._play_turn`` from its decisions to bargaining."""
    model.apply_decisions(decisions)


def own_decisions(model: EscalationModel) -> list[Decision]:
    """What the model's actors decide on its current state (``_play_turn``'s first step)."""
    return model.decide_all()


def random_decisions(model: EscalationModel, rng: np.random.Generator) -> list[Decision]:
    """One decision per actor: any action (holds and step-downs too) toward any other actor
    (or none), any rung, sometimes a doctrine entry."""
    w, out = model.state, []
    names = [*action_table(), HOLD, HOLD, STEP_DOWN]
    for a in w.actor_ids:
        action = names[rng.integers(len(names))]
        others = [b for b in w.actor_ids if b != a]
        target = None if rng.random() < 0.05 else others[rng.integers(len(others))]
        doctrine = model.actor_agents[a].doctrine
        entry = (
            doctrine[rng.integers(len(doctrine))].id if doctrine and rng.random() < 0.3 else None
        )
        rung = int(rng.integers(len(model.labels)))
        out.append(Decision(a, action, rung, "test", f"{a} {action} #{rng.integers(99)}", target,
                            entry))  # fmt: skip
    return out


def to_moves(layout, decisions: list[list[Decision]]) -> Moves:
    """Every lane's decisions as ``Moves`` arrays."""
    R, A = len(decisions), layout.A  # noqa: N806
    ai = layout.actor_index
    m = Moves(action=np.zeros((R, A), dtype=np.int64), target=np.full((R, A), NONE),
              rung=np.zeros((R, A), dtype=np.int64), entry=np.full((R, A), NONE),
              rule=np.empty((R, A), dtype=object), reason=np.empty((R, A), dtype=object))  # fmt: skip
    for lane, ds in enumerate(decisions):
        for d in ds:
            i = ai[d.actor]
            m.action[lane, i], m.rung[lane, i] = ACTION[d.action], d.rung
            m.target[lane, i] = NONE if d.target is None else ai[d.target]
            ids = [line.id for line in layout.doctrine[i]]
            m.entry[lane, i] = NONE if d.entry is None else ids.index(d.entry)
            m.rule[lane, i], m.reason[lane, i] = d.rule, d.reason
    return m


# --- comparing ------------------------------------------------------------------------------
def models_at(world, seeds, steps: int) -> list[EscalationModel]:
    models = [EscalationModel(world, rng=s) for s in seeds]
    for m in models:
        for _ in range(steps):
            m.step()
    return models


def full_snapshot(model: EscalationModel) -> dict:
    """``world_snapshot`` plus what it leaves out that effects change."""
    snap = world_snapshot(model)
    w = model.state
    snap["peak"] = {a: ag.peak_rung for a, ag in w.actors.items()}
    snap["establishment"] = {u: x.establishment for u, x in w.units.items()}
    return snap


def full_lane(st, lane: int) -> dict:
    snap = lane_snapshot(st, lane)
    lay = st.layout
    snap["peak"] = {a: int(st.peak[lane, i]) for i, a in enumerate(lay.actor_ids)}
    snap["establishment"] = {u: float(st.establishment[lane, j]) for j, u in
                             enumerate(lay.unit_ids)}  # fmt: skip
    return snap


def lane_rows(st, lane: int) -> tuple[list[tuple], list[tuple]]:
    """Lane ``lane``'s decision rows (step, actor, target, action, rung, rule, reason) and
    event rows (step, source, target, event) from the block's log, in the order written."""
    ids = st.layout.actor_ids
    name = lambda i, none: none if i == NONE else ids[i]  # noqa: E731
    decisions, events = [], []
    for step, lanes, actor, target, action, rung, rule, reason in st.log.decisions:
        for r in np.flatnonzero(lanes == lane):
            decisions.append((step, name(actor[r], "world"), name(target[r], None),
                              ACTIONS[action[r]], int(rung[r]),
                              rule if isinstance(rule, str) else rule[r],
                              reason if isinstance(reason, str) else reason[r]))  # fmt: skip
    for step, lanes, source, target, event in st.log.events:
        for r in np.flatnonzero(lanes == lane):
            ev = event if isinstance(event, str) else ACTIONS[event[r]]
            events.append((step, name(source[r], "world"), name(target[r], None), ev))
    return decisions, events


def model_rows(model: EscalationModel, since: tuple[int, int]) -> tuple[list, list]:
    rec = model.recorder
    decisions = [(r[1], r[3], r[4], r[5], int(r[6]), r[7], r[8])
                 for r in rec.decisions[since[0]:]]  # fmt: skip
    events = [(r[1], r[3], r[4], r[5]) for r in rec.events[since[1] :]]
    return decisions, events


def assert_same(models: list[EscalationModel], st, since: list[tuple[int, int]]) -> None:
    for lane, m in enumerate(models):
        assert full_lane(st, lane) == full_snapshot(m), f"lane {lane}: state differs"
        assert lane_rows(st, lane) == model_rows(m, since[lane]), f"lane {lane}: rows differ"


def play_both(models: list[EscalationModel], decisions: list[list[Decision]]):
    st = state_from_models(models)
    since = [(len(m.recorder.decisions), len(m.recorder.events)) for m in models]
    for m, ds in zip(models, decisions, strict=True):
        agent_apply(m, ds)
    apply_moves(st, to_moves(st.layout, decisions))
    return st, since


# --- the tests ------------------------------------------------------------------------------
@pytest.mark.parametrize("steps", [0, 2, 5, 9, 14])
def test_kursk_own_decisions_apply_identically(steps):
    models = models_at(KURSK_WORLD, range(32), steps)
    decisions = [own_decisions(m) for m in models]
    st, since = play_both(models, decisions)
    assert_same(models, st, since)


@pytest.mark.parametrize("steps", [0, 3, 8])
def test_kursk_random_decisions_apply_identically(steps):
    models = models_at(KURSK_WORLD, range(100, 136), steps)
    rng = np.random.default_rng(steps)
    decisions = [random_decisions(m, rng) for m in models]
    st, since = play_both(models, decisions)
    assert_same(models, st, since)


@pytest.mark.parametrize("steps", [0, 1, 4, 10])
def test_border_war_random_decisions_apply_identically(steps):
    models = models_at(BORDER_WORLD, range(40), steps)
    rng = np.random.default_rng(1000 + steps)
    for _ in range(3):  # three rounds: repeated packages, units already moved or committed
        decisions = [random_decisions(m, rng) for m in models]
        st, since = play_both(models, decisions)
        assert_same(models, st, since)


@pytest.mark.parametrize(
    ("actor", "action", "target", "changes"),
    [
        ("east", "deploy_troops", "west", "units"),  # the reserve moves to the border
        ("west", "deploy_troops", "east", "units"),
        ("bystander", "deploy_troops", "east", "actors"),  # nothing to move: mobilises
        ("east", "nuclear_strike", "west", "units"),
        ("patron", "nuclear_strike", "east", "actors"),  # no units there: no damage, only risk
        ("east", "commit_partner_forces", "west", "units"),  # the covert ally corps
        ("west", "commit_partner_forces", "east", "units"),
        ("west", "withdraw_forces", "east", "units"),
        ("east", "commit_to_combat", "west", "units"),  # the second echelon
        ("patron", "lift_weapons_restrictions", "east", "lifted"),
        ("ally", "supply_ammunition", "west", "actors"),
        ("east", "reinforce_troops", "west", "units"),
        ("guardian", "consult_partners", "east", "credibility"),
        ("east", "offer_ceasefire", "west", "offers"),
        ("west", "step_down", "east", "postures"),  # still at combat toward the ally there
    ],
)  # fmt: skip
def test_each_rare_kind_on_the_border_war(actor, action, target, changes):
    models = models_at(BORDER_WORLD, range(8), 1)
    before = full_snapshot(models[0])
    decisions = [[Decision(a, HOLD, 0, "test", "holds") if a != actor else
                  Decision(a, action, 0 if action == STEP_DOWN else 9, "test", "the move", target)
                  for a in m.state.actor_ids] for m in models]  # fmt: skip
    st, since = play_both(models, decisions)
    assert_same(models, st, since)
    assert full_snapshot(models[0])[changes] != before[changes], f"{action} changed nothing"


def test_partners_sent_into_combat_are_logged_as_their_own_decision():
    models = models_at(BORDER_WORLD, range(3), 0)
    decisions = [[Decision(a, "commit_partner_forces", 6, "test", "in", "west") if a == "east"
                  else Decision(a, HOLD, 0, "test", "holds") for a in m.state.actor_ids]
                 for m in models]  # fmt: skip
    st, since = play_both(models, decisions)
    rows, events = lane_rows(st, 0)
    assert ("ally", "west", "commit_to_combat") in [(r[1], r[2], r[3]) for r in rows]
    assert (0, "ally", "west", "commit_to_combat") in events
    assert st.in_combat[:, st.layout.unit_index["ally_corps"]].all()


def test_a_step_down_below_combat_toward_every_enemy_there_stands_the_units_down():
    models = models_at(BORDER_WORLD, range(6), 2)

    def only(actor, action, rung, target):
        return [[Decision(a, action, rung, "test", "the move", target) if a == actor else
                 Decision(a, HOLD, 0, "test", "holds") for a in m.state.actor_ids]
                for m in models]  # fmt: skip

    st, since = play_both(models, only("east", "commit_partner_forces", 6, "west"))
    assert_same(models, st, since)
    st, since = play_both(models, only("ally", STEP_DOWN, 1, "west"))
    assert_same(models, st, since)
    assert not st.in_combat[:, st.layout.unit_index["ally_corps"]].any()


@pytest.mark.parametrize("by", [-0.3, -0.05, 0.0, 0.05, 0.3])
@pytest.mark.parametrize(("floor", "cap"), [(0.2, 2.0), (0.7, 1.0), (0.0, 1.6), (0.5, 1.5)])
def test_shifted_over_arrays_is_the_scalar_rule(by, floor, cap):
    xs = np.concatenate([np.linspace(0.0, 2.5, 101), [floor, cap, 1.0, 1.0 - 1e-12]])
    got = shifted(xs, by, floor, cap)
    assert got.tolist() == [agent_effects.shifted(float(x), by, floor, cap) for x in xs]
    again = shifted(got, by, floor, cap)  # repeats, from wherever the first left it
    assert again.tolist() == [agent_effects.shifted(float(x), by, floor, cap) for x in got]


def test_apply_moves_on_a_thousand_lanes_is_fast():
    layout = compile_layout(KURSK_WORLD)
    models = models_at(KURSK_WORLD, range(20), 6)
    decisions = [own_decisions(m) for m in models]
    base = state_from_models(models, layout)
    moves = to_moves(layout, decisions * 50)
    best = []
    for _ in range(5):
        st = state_from_models(models * 50, layout)
        t = time.perf_counter()
        apply_moves(st, moves)
        best.append(time.perf_counter() - t)
    assert base.R == 20
    print(f"apply_moves, 1000 lanes of kursk_2024: {min(best) * 1e3:.2f} ms")
    assert min(best) < 0.05  # the target is < 10 ms on an idle core; allow a busy machine
