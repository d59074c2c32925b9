"""The decision rules as a table: a situation, the parameters, and the move expected.

A teacher extends the specification by adding a row. Rungs: 0 de-escalation, 1 diplomacy,
2 sanctions, 3 arms supply, 4 lifting restrictions, 5 troop deployment, 6 combat,
7 strikes on territory, 8 nuclear signalling, 9 nuclear use. In the table the rules are
noise-free and decide at a very high rate, so every move whose pressure clears its threshold
is made this turn; the hazards themselves are checked against their closed forms below.
"""

import math
import random
from dataclasses import replace

import pytest

from sim.domain.params import RuleParams, RuleSetName
from sim.domain.rates import turn_probability
from sim.domain.rules import HOLD, STEP_DOWN, decide, landing
from sim.domain.situation import DoctrineLine, Dyad, Situation

CO_BELLIGERENT = DoctrineLine(
    id="co_belligerent", when={"adversary_partner_in_combat": {}}, action="declare_co_belligerent",
    rung=1, reason="North Korean troops in combat are co-belligerents", target="north_korea",
)  # fmt: skip
MUTUAL_DEFENCE = DoctrineLine(
    id="mutual_defence", when={"treaty_partner_attacked": {}}, action="commit_to_combat",
    rung=6, reason="the treaty's mutual-defence clause", target="russia",
)  # fmt: skip
EASE = DoctrineLine(
    id="ease", when={"supplied_ally_front_failing": {}, "own_supplies_restricted": {}},
    action="lift_weapons_restrictions", rung=4, reason="the ally's front is failing",
    target="russia",
)  # fmt: skip
SIGNAL = DoctrineLine(
    id="signal", when={"always": {}}, action="nuclear_signal", rung=8, reason="a test entry",
    target="russia", probability=0.3, turn_probability=0.3,
)  # fmt: skip

RUSSIA = Dyad(target="russia", own_rung=3, own_rise=0, their_rung=7, their_rise=0,
              their_last_move=0, next_up=4)  # fmt: skip
NK = Dyad(target="north_korea", own_rung=3, own_rise=0, their_rung=1, their_rise=0,
          their_last_move=0, next_up=4)  # fmt: skip
BASE = Situation(actor="us", step=3, days=7.0, own_rung=3, max_rung=9, dyads=(RUSSIA,),
                 adversary="russia", adversary_rung=7)  # fmt: skip
SURE = RuleParams(noise=0.0, decision_rate=1e6, response_rate=1e6)


def _with(dyad: Dyad, **changes) -> dict:
    return {"dyads": (dyad._replace(**changes),)}


# (what the row says, changes to BASE, rule set and parameter changes, action, rung, rule, target)
TABLE = [
    ("a calm adversary and no grievance: hold", {}, {}, HOLD, 3, "richardson", "russia"),
    ("the target climbed three rungs toward the actor since the start: climb one",
     {**_with(RUSSIA, their_rise=3), "escalation_propensity": 1.0}, {},
     "lift_weapons_restrictions", 4, "richardson", "russia"),
    ("the target's last week's move alone can push past the threshold",
     _with(RUSSIA, their_last_move=1), {"response_to_moves": 1.5}, "lift_weapons_restrictions", 4,
     "richardson", "russia"),
    ("a jump of five rungs toward the actor is answered as one rung's move (not past it)",
     _with(RUSSIA, their_last_move=5), {}, HOLD, 3, "richardson", "russia"),
    ("war weariness pushes down: step down one rung",
     {"weariness": 1.0}, {}, STEP_DOWN, 2, "richardson", "russia"),
    ("no feasible rung above: hold even under pressure",
     _with(RUSSIA, their_last_move=3, next_up=None), {}, HOLD, 3, "richardson", "russia"),
    ("the climb goes to the next FEASIBLE rung (here combat skips to strikes)",
     _with(RUSSIA, own_rung=6, their_last_move=1, next_up=7), {"response_to_moves": 1.6},
     "strike_territory", 7,
     "richardson", "russia"),
    ("crossing a Kahn threshold needs the premium: holds at troop deployment",
     _with(RUSSIA, own_rung=5, their_last_move=1, next_up=6), {"response_to_moves": 1.4}, HOLD, 5,
     "richardson", "russia"),
    ("with enough pressure it crosses into combat",
     _with(RUSSIA, own_rung=5, their_last_move=1, next_up=6), {"response_to_moves": 2.4},
     "commit_to_combat", 6,
     "richardson", "russia"),
    ("... but not toward a nuclear-armed target at middling risk tolerance",
     _with(RUSSIA, own_rung=5, their_last_move=1, next_up=6, target_nuclear=True),
     {"response_to_moves": 2.4}, HOLD, 5,
     "richardson", "russia"),
    ("... which a risk-tolerant actor crosses",
     {**_with(RUSSIA, own_rung=5, their_last_move=1, next_up=6, target_nuclear=True),
      "risk_tolerance": 1.0}, {"response_to_moves": 2.4}, "commit_to_combat", 6, "richardson",
     "russia"),
    ("a nuclear rung needs nuclear caution x (1 - risk tolerance) on top of the threshold",
     _with(RUSSIA, own_rung=7, their_last_move=1, next_up=8), {"response_to_moves": 1.6}, HOLD, 7,
     "richardson", "russia"),
    ("... which vanishes at risk tolerance 1",
     {**_with(RUSSIA, own_rung=7, their_last_move=1, next_up=8), "risk_tolerance": 1.0},
     {"response_to_moves": 1.6},
     "nuclear_signal", 8, "richardson", "russia"),
    ("perceived nuclear risk raises that bar further",
     {**_with(RUSSIA, own_rung=7, their_last_move=1, next_up=8), "perceived_risk": 1.0},
     {"response_to_moves": 2.4}, HOLD,
     7, "richardson", "russia"),
    ("a deterred actor (the target's resolve, its allies' credible cover) holds",
     _with(RUSSIA, their_last_move=1, deterrence=1.0), {"response_to_moves": 1.6}, HOLD, 3,
     "richardson", "russia"),
    ("an actor fighting its target never steps below combat by rule",
     {**_with(RUSSIA, own_rung=6, fighting=True, floor=6, next_up=7), "weariness": 2.0}, {},
     HOLD, 6, "richardson", "russia"),
    ("... but steps down from strikes to combat",
     {**_with(RUSSIA, own_rung=7, fighting=True, floor=6, next_up=8), "weariness": 2.0}, {},
     STEP_DOWN, 6, "richardson", "russia"),
    ("its own public commitments (audience costs) keep it from stepping down",
     {**_with(RUSSIA, commitment=0.5), "weariness": 1.0}, {}, HOLD, 3, "richardson", "russia"),
    ("with two targets the move with the largest margin is made",
     {"dyads": (RUSSIA._replace(their_last_move=1), NK._replace(their_last_move=1, their_rise=2))},
     {"response_to_moves": 1.6},
     "lift_weapons_restrictions", 4, "richardson", "north_korea"),
    ("doctrine first: partner troops in combat -> declare co-belligerent",
     {"doctrine": (CO_BELLIGERENT,), "adversary_partner_in_combat": True, "dyads": (RUSSIA, NK)},
     {}, "declare_co_belligerent", 3, "doctrine:co_belligerent", "north_korea"),
    ("a doctrine entry already used (once) does not fire again",
     {"doctrine": (CO_BELLIGERENT,), "adversary_partner_in_combat": True,
      "spent": frozenset({"co_belligerent"})}, {}, HOLD, 3, "richardson", "russia"),
    ("the mutual-defence clause puts the partner into combat",
     {"doctrine": (MUTUAL_DEFENCE,), "treaty_partner_attacked": True}, {}, "commit_to_combat", 6,
     "doctrine:mutual_defence", "russia"),
    ("restrictions are lifted when the supplied ally's front fails",
     {"doctrine": (EASE,), "supplied_ally_control": 0.3, "own_supplies_restricted": True}, {},
     "lift_weapons_restrictions", 4, "doctrine:ease", "russia"),
    ("... but not while the ally holds more than the easing threshold",
     {"doctrine": (EASE,), "supplied_ally_control": 0.7, "own_supplies_restricted": True}, {},
     HOLD, 3, "richardson", "russia"),
    ("... and the threshold is a rule parameter",
     {"doctrine": (EASE,), "supplied_ally_control": 0.7, "own_supplies_restricted": True},
     {"restriction_easing_control": 0.8}, "lift_weapons_restrictions", 4, "doctrine:ease", "russia"),
    ("tit for tat matches a target standing higher toward it",
     _with(RUSSIA, their_rung=5), {"name": "tit_for_tat", "forgiveness": 0.0},
     "lift_weapons_restrictions", 4, "tit_for_tat", "russia"),
    ("tit for tat matches a target standing lower",
     _with(RUSSIA, their_rung=1), {"name": "tit_for_tat"}, STEP_DOWN, 2, "tit_for_tat", "russia"),
    ("tit for tat forgives everything at forgiveness 1",
     _with(RUSSIA, their_rung=5), {"name": "tit_for_tat", "forgiveness": 1.0}, HOLD, 3,
     "tit_for_tat", "russia"),
    ("tit for tat consults the doctrine first",
     {"doctrine": (CO_BELLIGERENT,), "adversary_partner_in_combat": True, "dyads": (RUSSIA, NK)},
     {"name": "tit_for_tat"}, "declare_co_belligerent", 3, "doctrine:co_belligerent", "north_korea"),
    ("cautious: the loss limit is a parameter",
     {"own_losses": 0.06}, {"name": "cautious", "cautious_loss_limit": 0.1}, HOLD, 3, "cautious",
     "russia"),
    ("cautious steps down after a week's losses above 5%",
     {"own_losses": 0.06}, {"name": "cautious"}, STEP_DOWN, 2, "cautious", "russia"),
    ("cautious never crosses a Kahn threshold upward",
     _with(RUSSIA, own_rung=5, their_last_move=5, next_up=6), {"name": "cautious"}, HOLD, 5,
     "cautious", "russia"),
    ("doctrine_only holds when no entry applies",
     _with(RUSSIA, their_last_move=5), {"name": "doctrine_only"}, HOLD, 3, "hold", "russia"),
]  # fmt: skip


@pytest.mark.parametrize(
    ("what", "changes", "params", "action", "rung", "rule", "target"), TABLE,
    ids=[row[0] for row in TABLE],
)  # fmt: skip
def test_rule_table(what, changes, params, action, rung, rule, target):
    situation = replace(BASE, **changes)
    decision = decide(situation, replace(SURE, **params), random.Random(0))
    got = (decision.action, decision.rung, decision.rule, decision.target)
    assert got == (action, rung, rule, target), what
    assert decision.reason, "every decision carries a reason in words"


LANDINGS = [  # (current posture, action, the action's rung, posture after)
    (5, HOLD, 0, 5), (5, STEP_DOWN, 0, 4), (0, STEP_DOWN, 0, 0), (5, "offer_ceasefire", 0, 5),
    (5, "withdraw_forces", 0, 0), (5, "protest", 1, 5), (3, "commit_to_combat", 6, 6),
]  # fmt: skip


@pytest.mark.parametrize(("current", "action", "rung", "after"), LANDINGS)
def test_one_landing_rule_for_every_decision_maker(current, action, rung, after):
    assert landing(current, action, rung) == after


def _climb_share(s: Situation, p: RuleParams, n: int = 20000) -> float:
    rng = random.Random(7)
    return sum(decide(s, p, rng).action != HOLD for _ in range(n)) / n


@pytest.mark.parametrize("days", [1.0, 7.0, 14.0])
def test_richardson_climb_chance_matches_its_hazard(days):
    """P(climb in a turn) = 1 - exp(-rate x Phi((pressure - gap) / noise) x days / 7)."""
    p = RuleParams(noise=0.5, decision_rate=1.0)
    s = replace(BASE, days=days, dyads=(RUSSIA._replace(their_last_move=1),))
    push, gap = p.response_to_moves * 1, p.escalation_threshold
    phi = 0.5 * (1 + math.erf((push - gap) / (p.noise * math.sqrt(2))))
    expected = 1 - math.exp(-p.decision_rate * phi * days / 7)
    got = _climb_share(s, p)
    assert abs(got - expected) < 4 * math.sqrt(expected * (1 - expected) / 20000) + 1e-3


def test_a_week_of_daily_turns_equals_one_weekly_turn():
    """Constant pressure: seven 1-day turns climb as often as one 7-day turn (rates, not dice)."""
    p = RuleParams(noise=0.5)
    weekly = replace(BASE, days=7.0, dyads=(RUSSIA._replace(their_last_move=1),))
    daily = replace(weekly, days=1.0)
    one_day = _climb_share(daily, p)
    assert abs((1 - (1 - one_day) ** 7) - _climb_share(weekly, p)) < 0.015


def test_doctrine_probability_is_per_week_and_converted_to_the_turn():
    line = replace(CO_BELLIGERENT, probability=0.3, turn_probability=turn_probability(0.3, 1.0))
    s = replace(BASE, doctrine=(line,), adversary_partner_in_combat=True, days=1.0)
    rng = random.Random(1)
    fired = sum(decide(s, SURE, rng).rule.startswith("doctrine") for _ in range(20000)) / 20000
    assert abs(fired - (1 - 0.7 ** (1 / 7))) < 0.006


@pytest.mark.parametrize(
    ("risk_tolerance", "expected"), [(0.5, 0.3), (1.0, 1 - 0.7**2), (0.25, 1 - 0.7**0.5)]
)  # noqa: E501
def test_nuclear_doctrine_entries_are_scaled_by_risk_tolerance(risk_tolerance, expected):
    s = replace(BASE, doctrine=(SIGNAL,), risk_tolerance=risk_tolerance)
    rng = random.Random(2)
    fired = sum(decide(s, SURE, rng).action == "nuclear_signal" for _ in range(20000)) / 20000
    assert abs(fired - expected) < 0.012


def test_noise_makes_richardson_stochastic_but_reproducible():
    p = RuleParams(noise=1.0, decision_rate=3.0)
    draws = [decide(BASE, p, random.Random(seed)).action for seed in range(300)]
    again = [decide(BASE, p, random.Random(seed)).action for seed in range(300)]
    assert draws == again
    assert {HOLD, "lift_weapons_restrictions", STEP_DOWN} <= set(draws)


def test_every_rule_set_is_registered():
    from sim.domain.rules import RULE_SETS

    assert set(RULE_SETS) == set(RuleSetName)


@pytest.mark.parametrize(
    ("target_nuclear", "risk_tolerance", "expected"),
    [
        (True, 0.5, 0.3),  # the stated rate at the middle of the range
        (True, 0.0, 0.0),  # a risk-averse actor never takes the step toward a nuclear power
        (True, 1.0, 1 - 0.7**2),  # a risk-accepting one at twice the hazard
        (False, 0.0, 0.3),  # toward a target without nuclear weapons: the stated rate
    ],
)
def test_doctrine_climbs_toward_a_nuclear_armed_target_are_gated_by_risk_tolerance(
    target_nuclear, risk_tolerance, expected
):
    """Lifting restrictions toward Russia (a climb from arms supply) at a stated 0.3 a week."""
    line = replace(EASE, probability=0.3, turn_probability=0.3)
    s = replace(BASE, doctrine=(line,), risk_tolerance=risk_tolerance,
                dyads=(RUSSIA._replace(target_nuclear=target_nuclear),),
                supplied_ally_control=0.0, own_supplies_restricted=True)  # fmt: skip
    rng = random.Random(3)
    fired = sum(decide(s, SURE, rng).rule == "doctrine:ease" for _ in range(20000)) / 20000
    assert abs(fired - expected) < 0.012
