"""Injects over a block against the agent model: the same injects fire in the same turns and
leave the same world and the same rows.

The border war of ``test_effects`` gets injects of every effect kind, due by date, by turn and
by condition; Kursk gets condition injects whose conditions hold in some replicates and not
others. Agent models play turn by turn; before each turn their states are packed into a block,
the turn is begun both ways (``EscalationModel.begin_turn``; ``injects.apply_due`` after the
calendar advances) and every lane must equal its model.
"""

from __future__ import annotations

import datetime as dt

import numpy as np
import pytest
import yaml

from sim.abm.model import EscalationModel
from sim.batch.bridge import state_from_models
from sim.batch.injects import apply_due, fire
from sim.domain.scenario_io import parse_scenario, read_yaml
from tests.abm.test_model import KURSK
from tests.batch.test_effects import BORDER, assert_same

BORDER_INJECTS = """
injects:
  guardian_calls_up_its_brigade:
    date: "2025-03-12"
    text: Guardian calls up reservists and sends its brigade into the fighting.
    effects:
      - {kind: reinforce_unit, unit: guardian_brigade, strength: 2000}
      - {kind: commit_unit, unit: guardian_brigade}
    source: "assumption: test"
  patron_lifts_its_restrictions:
    step: 3
    text: The patron lets West use its weapons on East's territory.
    effects:
      - {kind: lift_restrictions, supplier: patron}
      - {kind: adjust_actor, actor: east, field: grievance, delta: 0.3}
    source: "assumption: test"
  east_names_guardian_a_co_belligerent:
    when: {adversary_forces_in_combat: {}, step_at_least: {step: 2}}
    actor: east
    text: East says Guardian's troops make it a party to the war.
    effects:
      - {kind: declare_co_belligerent, actor: east, target: guardian}
      - {kind: damage_unit, unit: west_army, fraction: 0.1}
    source: "assumption: test"
  west_pulls_back:
    when: {losses_above: {fraction: 0.01}}
    actor: west
    text: West's government orders its army to hold, not attack.
    effects:
      - {kind: set_rung, actor: west, rung: troop_deployment}
      - {kind: adjust_actor, actor: west, field: risk_tolerance, delta: -0.2}
    source: "assumption: test"
  a_summit_that_changes_nothing:
    date: "2025-03-20"
    text: Leaders meet and issue a statement.
    source: "assumption: test"
  reserves_at_the_front:
    step: 5
    text: East's last reserves reach the border.
    effects:
      - {kind: reinforce_unit, unit: east_army, strength: 3000}
      - {kind: set_rung, actor: east, rung: strikes_on_territory}
    source: "assumption: test"
"""

KURSK_INJECTS = """
kpa_shelled_on_arrival:
  when: {own_forces_in_combat: {}}
  actor: north_korea
  text: Ukrainian drones and artillery catch a North Korean battalion in the open.
  effects:
    - {kind: damage_unit, unit: kpa_expeditionary_corps, fraction: 0.15}
    - {kind: adjust_actor, actor: north_korea, field: grievance, delta: 0.2}
  source: "assumption: test"
washington_names_pyongyang:
  when: {adversary_partner_in_combat: {}}
  actor: united_states
  text: The Pentagon says North Korea is now a co-belligerent.
  effects:
    - {kind: declare_co_belligerent, actor: united_states, target: north_korea}
  source: "assumption: test"
kyiv_digs_in:
  when: {front_failing: {control_below: 0.9}}
  actor: ukraine
  text: Kyiv orders its Kursk grouping onto the defensive.
  effects:
    - {kind: set_rung, actor: ukraine, rung: troop_deployment}
  source: "assumption: test"
"""


def border_world():
    return parse_scenario(yaml.safe_load(BORDER + BORDER_INJECTS), source="test")


def kursk_world():
    data = read_yaml(KURSK)
    data["injects"].update(yaml.safe_load(KURSK_INJECTS))
    return parse_scenario(data, source="test")


def fired_sets(st) -> list[set[str]]:
    ids = st.layout.inject_ids
    return [{ids[k] for k in np.flatnonzero(row)} for row in st.fired]


def play_turns(world, seeds, turns: int) -> np.ndarray:
    """Begin each turn both ways and compare; returns the block's fired flags per turn."""
    models = [EscalationModel(world, rng=s) for s in seeds]
    fired = []
    for _ in range(turns):
        st = state_from_models(models)
        since = [(len(m.recorder.decisions), len(m.recorder.events)) for m in models]
        turn_start = st.date
        st.step += 1
        st.date = turn_start + dt.timedelta(days=int(st.layout.days))
        for m in models:
            m.begin_turn()
        apply_due(st, turn_start)
        assert (st.step, st.date) == (models[0].state.step, models[0].state.date)
        assert_same(models, st, since)
        assert fired_sets(st) == [m.fired_injects for m in models]
        fired.append(st.fired.copy())
        for m in models:
            m.step()  # the rest of the turn (its injects are already applied)
    return np.array(fired)


def test_border_war_injects_fire_as_in_the_agent_model():
    fired = play_turns(border_world(), range(24), 10)
    assert fired[-1].all(axis=0).sum() >= 4, "date and turn injects fire in every replicate"
    assert fired[-1].any(axis=0).all(), "every inject fires somewhere"


def test_kursk_condition_injects_fire_as_in_the_agent_model():
    world = kursk_world()
    fired = play_turns(world, range(32), 14)  # [turn, lane, inject]
    assert fired[-1].any(axis=0).all(), "every inject fires somewhere"
    split = (fired.any(axis=1) & ~fired.all(axis=1)).any(axis=0)  # some turn, some lanes only
    conditional = [k for k, iid in enumerate(world.injects) if world.injects[iid].when]
    assert len(conditional) == 3 and split[conditional].all(), "conditions hold at varied turns"


@pytest.mark.parametrize("steps", [0, 2, 6])
def test_each_inject_fired_in_some_lanes_applies_as_fire_inject(steps):
    world = border_world()
    models = [EscalationModel(world, rng=s) for s in range(12)]
    for m in models:
        for _ in range(steps):
            m.step()
    for k, iid in enumerate(world.injects):
        st = state_from_models(models)
        since = [(len(m.recorder.decisions), len(m.recorder.events)) for m in models]
        lanes = np.arange(k % 2, len(models), 2)
        for lane in lanes:
            models[lane].fire_inject(iid)
        fire(st, k, lanes)
        assert_same(models, st, since)
