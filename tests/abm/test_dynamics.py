"""The slow processes, against their closed forms: weariness, recovery, commitments, detection."""

import math
import random

import pytest

from sim.abm import dynamics
from sim.abm.model import EscalationModel
from sim.domain.params import RuleParams
from sim.domain.scenario_io import load_scenario
from tests.abm.test_model import KURSK

WORLD = load_scenario(KURSK)


def fresh(**rules):
    return EscalationModel(WORLD, rules=RuleParams(**rules), rng=1).state


@pytest.mark.parametrize("days", [1.0, 7.0, 14.0])
def test_weariness_follows_its_linear_equation_exactly(days):
    """dW/dt = inflow - k W has W(t) = W0 e^{-kt} + inflow/k (1 - e^{-kt}), whatever the turn."""
    w = fresh(weariness_from_losses=2.0, weariness_recovery=0.1)
    w.days = days
    ukraine = w.actors["ukraine"]
    ukraine.weariness = 0.5
    share = 0.05 * days / 7  # a loss rate of 5% a week
    dynamics.accumulate_costs(w, {"ukraine": share})
    k, inflow, t = 0.1, 2.0 * 0.05, days / 7
    assert ukraine.weariness == pytest.approx(
        0.5 * math.exp(-k * t) + inflow / k * (1 - math.exp(-k * t))
    )
    assert ukraine.weekly_losses == pytest.approx(0.05)


def test_sanctions_alone_never_make_a_side_settle_at_the_default_knobs():
    """Sanctions on a major power rarely end its wars (Hufbauer et al. 2007). The most they take
    is 1 - floor of sustainment (actions.yaml); kept there for ever, the weariness they bring
    settles at weariness_from_sanctions x (1 - floor) / weariness_recovery, and its cost must
    stay below the settle margin. (At the old 0.2 a week, weekly US sanctions on Russia ended the
    Kursk war in 60% of replicates.)"""
    from sim.domain.actions import action_table

    p = RuleParams()
    floor = next(e.floor for e in action_table()["impose_sanctions"].effects
                 if e.kind == "sustainment")  # fmt: skip
    w = fresh()
    russia = w.actors["russia"]
    russia.sustainment = floor
    for _ in range(520):  # ten years of weeks at the floor
        dynamics.accumulate_costs(w, {})
    steady = p.weariness_from_sanctions * (1 - floor) / p.weariness_recovery
    assert russia.weariness == pytest.approx(steady, rel=1e-6)
    assert p.cost_sensitivity * russia.weariness < p.settle_margin


def test_sanctions_recover_at_their_rate():
    w = fresh(sustainment_recovery=0.2)
    w.actors["russia"].sustainment = 0.6
    dynamics.recover(w)
    assert w.actors["russia"].sustainment == pytest.approx(1 - 0.4 * math.exp(-0.2))


def test_a_treaty_gains_credibility_while_honoured_and_loses_it_when_not():
    w = fresh(honour_gain=0.2, neglect_rate=0.1)
    rid = "russia_north_korea_security_agreement"
    start = w.credibility[rid]
    dynamics.test_commitments(w)  # Kursk is occupied, North Korea's troops are not fighting
    assert w.credibility[rid] == pytest.approx(start * math.exp(-0.1))
    w.units["kpa_expeditionary_corps"].in_combat = True
    before = w.credibility[rid]
    dynamics.test_commitments(w)
    assert w.credibility[rid] == pytest.approx(before + 0.2 * (1 - before))


def test_covert_units_are_detected_at_their_rate_and_raise_grievance():
    rate, n, found = 0.5, 2000, 0
    for seed in range(n):
        w = fresh(detection_rate=rate, covert_grievance=0.1)
        dynamics.detect_covert(w, random.Random(seed))
        found += "western_instructors" in w.detected
    expected = 1 - math.exp(-rate)
    assert abs(found / n - expected) < 4 * math.sqrt(expected * (1 - expected) / n)
    w = fresh(detection_rate=100.0, covert_grievance=0.1)
    before = w.actors["russia"].grievance
    dynamics.detect_covert(w, random.Random(0))
    assert w.actors["russia"].grievance == pytest.approx(before + 0.1)


def test_undetected_covert_units_are_not_seen_fighting():
    from sim.abm.perception import _fighting

    w = fresh()
    unit = w.units["western_instructors"]
    unit.in_combat = True
    assert not _fighting((unit,), w.detected)
    w.detected.add("western_instructors")
    assert _fighting((unit,), w.detected)


def test_perception_sees_postures_a_lag_late():
    """A change of posture reaches the target after ``perception_lag_days``: with weekly turns
    and a 7-day lag, one turn later."""
    from sim.abm.perception import situation_of

    model = EscalationModel(WORLD, rules=RuleParams(perception_lag_days=7), rng=1)
    nk = model.actor_agents["north_korea"]
    model.step()
    week_ago = model.state.history[-2]["united_states"]["north_korea"]
    before = model.state.posture("united_states", "north_korea")
    model.state.set_posture("united_states", "north_korea", before + 2)  # a move this turn
    seen = situation_of(model.state, nk, model.outlook(nk)).dyad("united_states")
    assert seen.their_rung == week_ago, "not seen yet: the posture of a week ago"
    model.state.remember_postures()  # the turn ends
    model.state.history.append(model.state.history[-1])  # and a week passes
    seen = situation_of(model.state, nk, model.outlook(nk)).dyad("united_states")
    assert seen.their_rung == before + 2
