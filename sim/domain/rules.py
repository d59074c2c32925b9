"""Decision rules: pure functions ``decide(situation, params, rng) -> Decision``.

Each turn every rule-driven actor looks at its Situation and picks one move: climb one rung,
hold, or step down, or a doctrine action from its scenario. Rule sets (``RULE_SETS``) combine a
doctrine with a fallback rule; ``params.name`` picks one from the config.
"""

from __future__ import annotations

from collections.abc import Callable

import numpy as np

from sim.domain import conditions
from sim.domain.ladder import standard_ladder
from sim.domain.params import RuleParams, RuleSetName
from sim.domain.situation import Decision, Situation

HOLD = "hold"
STEP_DOWN = "step_down"

Rule = Callable[[Situation, RuleParams, np.random.Generator], Decision]


def follow_doctrine(s: Situation, p: RuleParams, rng: np.random.Generator) -> Decision | None:
    """Take the first doctrine entry, in the scenario's order, whose conditions all hold.

    An entry fires with its ``probability`` (one draw each time its conditions hold); a
    ``once`` entry that fired never fires again. Doctrine never lowers an actor's rung, except
    a de-escalation action, and never lifts it above ``max_rung``.
    Source: the doctrines in the scenario file, each quoting the document it came from.
    """
    for line in s.doctrine:
        if line.once and line.id in s.spent:
            continue
        if not conditions.holds(line.when, s, p):
            continue
        if line.probability < 1.0 and rng.random() >= line.probability:
            continue
        rung = line.rung if line.rung == 0 else max(s.own_rung, line.rung)
        return Decision(
            s.actor,
            line.action,
            min(rung, s.max_rung),
            f"doctrine:{line.id}",
            line.reason,
            line.target,
            line.id,
        )
    return None


def richardson(s: Situation, p: RuleParams, rng: np.random.Generator) -> Decision:
    """Action and reaction (after L. F. Richardson's arms-race equations), one rung at a time.

    Pressure to climb = escalation propensity x reactivity x (how far the adversary has climbed
    since the start, minus how far the actor has) + response to moves x the largest last move
    of any adversary
    + grievance weight x grievance - restraint x (1 - risk tolerance) x own climb since the
    start - cost sensitivity x last turn's losses + noise. Climb one rung when pressure exceeds
    the escalation threshold (plus the threshold premium when the climb crosses one of Kahn's
    thresholds); step down one rung when it is below minus the de-escalation threshold;
    otherwise hold. Never above ``max_rung`` or below rung 0.
    """
    pressure = (
        s.escalation_propensity * p.reactivity * (s.adversary_rise - s.own_rise)
        + p.response_to_moves * s.adversary_last_move
        + p.grievance_weight * s.grievance
        - p.restraint * (1.0 - s.risk_tolerance) * s.own_rise
        - p.cost_sensitivity * s.own_losses
        + p.noise * rng.standard_normal()
    )
    return _move(s, p, pressure, "richardson", allow_threshold=True)


def cautious(s: Situation, p: RuleParams, rng: np.random.Generator) -> Decision:
    """Richardson's rule with restraint multiplied by ``cautious_restraint_factor`` that never
    crosses a Kahn threshold upward.

    The actor steps down as soon as its losses in a turn pass ``cautious_loss_limit`` of its
    committed strength.
    """
    if s.own_losses > p.cautious_loss_limit and s.own_rung > 0:
        return _step(s, -1, "cautious", f"lost {s.own_losses:.0%} of its strength last turn")
    pressure = (
        s.escalation_propensity * p.reactivity * (s.adversary_rise - s.own_rise)
        + p.response_to_moves * s.adversary_last_move
        + p.grievance_weight * s.grievance
        - p.cautious_restraint_factor * p.restraint * (1.0 - s.risk_tolerance) * s.own_rise
        - p.cost_sensitivity * s.own_losses
        + p.noise * rng.standard_normal()
    )
    return _move(s, p, pressure, "cautious", allow_threshold=False)


def tit_for_tat(s: Situation, p: RuleParams, rng: np.random.Generator) -> Decision:
    """Answer like with like (Axelrod's tit for tat on the ladder).

    Climb one rung when any adversary climbed last turn, unless forgiving (chance
    ``forgiveness``); step down one rung when the adversaries' largest last move was down;
    otherwise hold. (The rule set ``tit_for_tat`` consults the actor's doctrine first.)
    """
    if s.adversary_last_move > 0:
        if rng.random() < p.forgiveness:
            return _hold(s, "tit_for_tat", "forgives an adversary's climb this once")
        return _step(s, +1, "tit_for_tat", "answers an adversary's climb in kind")
    if s.adversary_last_move < 0:
        return _step(s, -1, "tit_for_tat", "answers the adversaries' step down in kind")
    return _hold(s, "tit_for_tat", "no move by the adversary to answer")


def hold_still(s: Situation, p: RuleParams, rng: np.random.Generator) -> Decision:
    """Keep the current rung (the fallback of ``doctrine_only``)."""
    return _hold(s, "hold", "no doctrine entry applies")


def _with_doctrine(fallback: Rule) -> Rule:
    def rule(s: Situation, p: RuleParams, rng: np.random.Generator) -> Decision:
        return follow_doctrine(s, p, rng) or fallback(s, p, rng)

    rule.__doc__ = f"The actor's doctrine first; if no entry fires, {fallback.__name__}."
    return rule


RULE_SETS: dict[RuleSetName, Rule] = {
    RuleSetName.doctrine_richardson: _with_doctrine(richardson),
    RuleSetName.tit_for_tat: _with_doctrine(tit_for_tat),
    RuleSetName.cautious: _with_doctrine(cautious),
    RuleSetName.doctrine_only: _with_doctrine(hold_still),
}


def decide(s: Situation, p: RuleParams, rng: np.random.Generator) -> Decision:
    """The decision of the rule set named in ``p.name``."""
    return RULE_SETS[p.name](s, p, rng)


def _move(s: Situation, p: RuleParams, pressure: float, rule: str, allow_threshold: bool):
    ladder = standard_ladder()
    if pressure > p.escalation_threshold:
        crossing = ladder.crosses_threshold(s.own_rung, s.own_rung + 1)
        if crossing is not None and not allow_threshold:
            return _hold(s, rule, f"will not cross the threshold '{crossing.label}'")
        if crossing is None or pressure > p.escalation_threshold + p.threshold_premium:
            return _step(s, +1, rule, f"pressure {pressure:.2f} above its threshold")
        return _hold(s, rule, f"pressure {pressure:.2f} short of crossing '{crossing.label}'")
    if pressure < -p.deescalation_threshold:
        return _step(s, -1, rule, f"pressure {pressure:.2f} low enough to step down")
    return _hold(s, rule, f"pressure {pressure:.2f} within its thresholds")


def _step(s: Situation, direction: int, rule: str, why: str) -> Decision:
    ladder = standard_ladder()
    rung = s.own_rung + direction
    if rung > s.max_rung:
        return _hold(s, rule, f"{why}, but already at its highest rung")
    if rung < 0:
        return _hold(s, rule, f"{why}, but already at the lowest rung")
    if direction > 0:
        action = ladder.primary_action(rung)
    else:
        action = ladder.primary_action(0) if rung == 0 else STEP_DOWN
    label = ladder.rungs[rung].label.lower()
    return Decision(s.actor, action, rung, rule, f"{why}: to {label}", s.adversary)


def _hold(s: Situation, rule: str, why: str) -> Decision:
    return Decision(s.actor, HOLD, s.own_rung, rule, why, s.adversary)
