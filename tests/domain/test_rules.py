"""The decision rules as a table: a situation, the parameters, and the move expected.

A teacher extends the specification by adding a row. Rungs: 0 de-escalation, 1 diplomacy,
2 sanctions, 3 arms supply, 4 lifting restrictions, 5 troop deployment, 6 combat,
7 strikes on territory, 8 nuclear signalling, 9 nuclear use. Noise is off unless a row says so.
"""

from dataclasses import replace

import numpy as np
import pytest

from sim.domain.params import RuleParams, RuleSetName
from sim.domain.rules import HOLD, STEP_DOWN, decide
from sim.domain.situation import DoctrineLine, Situation

CO_BELLIGERENT = DoctrineLine(
    id="co_belligerent", when={"adversary_partner_in_combat": {}}, action="declare_co_belligerent",
    rung=1, reason="North Korean troops in combat are co-belligerents", target="north_korea",
)  # fmt: skip
MUTUAL_DEFENCE = DoctrineLine(
    id="mutual_defence", when={"treaty_partner_attacked": {}}, action="commit_to_combat",
    rung=6, reason="the treaty's mutual-defence clause",
)  # fmt: skip
EASE = DoctrineLine(
    id="ease", when={"supplied_ally_front_failing": {}, "own_supplies_restricted": {}},
    action="lift_weapons_restrictions", rung=4, reason="the ally's front is failing",
)  # fmt: skip

BASE = Situation(actor="us", step=3, own_rung=3, max_rung=9, adversary="russia", adversary_rung=7)
QUIET = RuleParams(noise=0.0)

# (what the row says, changes to BASE, rule set and parameter changes, action, rung, rule)
TABLE = [
    ("a calm adversary and no grievance: hold", {}, {}, HOLD, 3, "richardson"),
    ("the adversary climbed three rungs since the start: climb one",
     {"adversary_rise": 3, "escalation_propensity": 1.0}, {}, "lift_weapons_restrictions", 4, "richardson"),
    ("the adversary's last move alone can push past the threshold",
     {"adversary_last_move": 2}, {}, "lift_weapons_restrictions", 4, "richardson"),
    ("heavy losses push down: step down one rung",
     {"own_losses": 0.5}, {}, STEP_DOWN, 2, "richardson"),
    ("at its ceiling an actor holds even under pressure",
     {"adversary_last_move": 3, "max_rung": 3}, {}, HOLD, 3, "richardson"),
    ("crossing a Kahn threshold needs the premium: holds at troop deployment",
     {"own_rung": 5, "adversary_last_move": 2}, {"response_to_moves": 0.7}, HOLD, 5, "richardson"),
    ("with enough pressure it crosses into combat",
     {"own_rung": 5, "adversary_last_move": 3}, {}, "commit_to_combat", 6, "richardson"),
    ("doctrine first: partner troops in combat -> declare co-belligerent",
     {"doctrine": (CO_BELLIGERENT,), "adversary_partner_in_combat": True}, {},
     "declare_co_belligerent", 3, "doctrine:co_belligerent"),
    ("a doctrine entry already used (once) does not fire again",
     {"doctrine": (CO_BELLIGERENT,), "adversary_partner_in_combat": True,
      "spent": frozenset({"co_belligerent"})}, {}, HOLD, 3, "richardson"),
    ("the mutual-defence clause puts the partner into combat",
     {"doctrine": (MUTUAL_DEFENCE,), "treaty_partner_attacked": True}, {}, "commit_to_combat", 6,
     "doctrine:mutual_defence"),
    ("restrictions are lifted when the supplied ally's front fails",
     {"doctrine": (EASE,), "supplied_ally_control": 0.3, "own_supplies_restricted": True}, {},
     "lift_weapons_restrictions", 4, "doctrine:ease"),
    ("... but not while the ally holds more than the easing threshold",
     {"doctrine": (EASE,), "supplied_ally_control": 0.7, "own_supplies_restricted": True}, {},
     HOLD, 3, "richardson"),
    ("... and the threshold is a rule parameter",
     {"doctrine": (EASE,), "supplied_ally_control": 0.7, "own_supplies_restricted": True},
     {"restriction_easing_control": 0.8}, "lift_weapons_restrictions", 4, "doctrine:ease"),
    ("tit for tat answers a climb with a climb",
     {"adversary_last_move": 1}, {"name": "tit_for_tat", "forgiveness": 0.0}, "lift_weapons_restrictions", 4,
     "tit_for_tat"),
    ("tit for tat answers a step down with a step down",
     {"adversary_last_move": -1}, {"name": "tit_for_tat"}, STEP_DOWN, 2, "tit_for_tat"),
    ("tit for tat consults the doctrine first",
     {"doctrine": (CO_BELLIGERENT,), "adversary_partner_in_combat": True}, {"name": "tit_for_tat"},
     "declare_co_belligerent", 3, "doctrine:co_belligerent"),
    ("cautious: the loss limit is a parameter",
     {"own_losses": 0.06}, {"name": "cautious", "cautious_loss_limit": 0.1}, HOLD, 3, "cautious"),
    ("cautious steps down after losses above 5%",
     {"own_losses": 0.06}, {"name": "cautious"}, STEP_DOWN, 2, "cautious"),
    ("cautious never crosses a Kahn threshold upward",
     {"own_rung": 5, "adversary_last_move": 5}, {"name": "cautious"}, HOLD, 5, "cautious"),
    ("doctrine_only holds when no entry applies",
     {"adversary_last_move": 5}, {"name": "doctrine_only"}, HOLD, 3, "hold"),
    ("stepping down from diplomacy offers a ceasefire",
     {"own_rung": 1, "own_losses": 0.9}, {}, "offer_ceasefire", 0, "richardson"),
]  # fmt: skip


@pytest.mark.parametrize(
    ("what", "changes", "params", "action", "rung", "rule"), TABLE, ids=[row[0] for row in TABLE]
)
def test_rule_table(what, changes, params, action, rung, rule):
    situation = replace(BASE, **changes)
    decision = decide(situation, replace(QUIET, **params), np.random.default_rng(0))
    assert (decision.action, decision.rung, decision.rule) == (action, rung, rule), what
    assert decision.reason, "every decision carries a reason in words"


def test_doctrine_probability_is_a_chance_per_turn():
    line = replace(CO_BELLIGERENT, probability=0.3)
    s = replace(BASE, doctrine=(line,), adversary_partner_in_combat=True)
    rng = np.random.default_rng(1)
    fired = sum(decide(s, QUIET, rng).rule.startswith("doctrine") for _ in range(4000))
    assert 0.27 < fired / 4000 < 0.33


def test_noise_makes_richardson_stochastic_but_reproducible():
    p = RuleParams(noise=1.0)
    draws = [decide(BASE, p, np.random.default_rng(seed)).action for seed in range(200)]
    again = [decide(BASE, p, np.random.default_rng(seed)).action for seed in range(200)]
    assert draws == again
    assert {HOLD, "lift_weapons_restrictions", STEP_DOWN} <= set(draws)


def test_every_rule_set_is_registered():
    from sim.domain.rules import RULE_SETS

    assert set(RULE_SETS) == set(RuleSetName)
