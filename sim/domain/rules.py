"""Decision rules: pure functions ``decide(situation, params, rng) -> Decision``.

Each turn every rule-driven actor makes at most one move toward one of the actors it deals with:
climb one feasible rung, step down one rung, hold, or a doctrine action from its scenario. Climbs
and step-downs are events with a hazard per week (``rules.decision_rate`` opportunities a week,
each taken with the chance that the pressure's unobserved part carries it over the threshold);
the hazard is converted to the turn length, so results do not depend on it. Rule sets
(``RULE_SETS``) combine a doctrine with a fallback rule; ``params.name`` picks one.
"""

from __future__ import annotations

import math
import random
from collections.abc import Callable

from sim.domain import conditions
from sim.domain.ladder import standard_ladder
from sim.domain.params import RuleParams, RuleSetName
from sim.domain.situation import Decision, Dyad, Situation

HOLD = "hold"
STEP_DOWN = "step_down"
OFFER_CEASEFIRE = "offer_ceasefire"
WITHDRAW = "withdraw_forces"

Rule = Callable[[Situation, RuleParams, random.Random], Decision]


def landing(current: int, action: str, action_rung: int) -> int:
    """The posture an action leaves toward its target: the one rule for every decision maker.

    Holding keeps the posture; stepping down lowers it one rung; a withdrawal goes to the bottom
    rung; a ceasefire offer changes nothing until it is accepted; any other action never lowers
    a posture, it lifts it to the action's rung.
    """
    if action in (HOLD, OFFER_CEASEFIRE):
        return current
    if action == STEP_DOWN:
        return max(0, current - 1)
    if action == WITHDRAW:
        return 0
    return max(current, action_rung)


def follow_doctrine(s: Situation, p: RuleParams, rng: random.Random) -> Decision | None:
    """Take the first doctrine entry, in the scenario's order, whose conditions all hold.

    An entry fires with its weekly probability converted to the turn (one draw each turn its
    conditions hold). Risk tolerance gates the risky ones: an entry whose action stands on a
    nuclear rung, or climbs toward a nuclear-armed target (lifting restrictions on the weapons
    that strike Russia, arming the enemies of North Korea), fires as if its hazard were scaled by
    2 x risk tolerance (0.5 = the doctrine's stated rate; 0 = never; 1 = twice the hazard).
    A ``once`` entry that fired never fires again. Source: the doctrines in the scenario file,
    each quoting its document.
    """
    ladder = standard_ladder()
    for line in s.doctrine:
        if line.once and line.id in s.spent:
            continue
        if not conditions.holds(line.when, s, p):
            continue
        target = line.target or s.adversary
        dyad = s.dyad(target)
        current = dyad.own_rung if dyad else s.own_rung
        chance = line.turn_probability
        climbs = line.rung > current
        risky = line.rung in ladder.nuclear_rungs or (climbs and dyad and dyad.target_nuclear)
        if risky and chance < 1.0:
            chance = 1.0 - (1.0 - chance) ** (2.0 * s.risk_tolerance)
        if chance < 1.0 and rng.random() >= chance:
            continue
        rung = min(landing(current, line.action, line.rung), s.max_rung)
        return Decision(s.actor, line.action, rung, f"doctrine:{line.id}", line.reason, target,
                        line.id)  # fmt: skip
    return None


def pressure(s: Situation, d: Dyad, p: RuleParams, restraint: float) -> float:
    """Richardson's pressure on the actor to climb toward target ``d`` (without the noise).

    escalation propensity x reactivity x (the target's climb toward the actor minus the actor's
    climb toward it) + response to moves x the target's last week's move toward the actor,
    counted up to one rung either way (a move signals a direction; how far the target now
    stands is the first term's business, so a jump of five rungs is not answered five times)
    + grievance weight x grievance - restraint x (1 - risk tolerance) x own climb
    - cost sensitivity x war weariness - deterrence weight x deterrence.
    """
    return (
        s.escalation_propensity * p.reactivity * (d.their_rise - d.own_rise)
        + p.response_to_moves * max(-1, min(1, d.their_last_move))
        + p.grievance_weight * s.grievance
        - restraint * (1.0 - s.risk_tolerance) * d.own_rise
        - p.cost_sensitivity * s.weariness
        - p.deterrence_weight * d.deterrence
    )


def climb_gap(s: Situation, d: Dyad, p: RuleParams) -> float | None:
    """The pressure a climb toward ``d`` to its next feasible rung must beat (None: no climb).

    The escalation threshold, plus the threshold premium when the climb crosses one of Kahn's
    thresholds, plus nuclear caution x (1 - risk tolerance) x (1 + perceived risk) when it is onto
    a nuclear rung or crosses a threshold toward a nuclear-armed target.
    """
    if d.next_up is None:
        return None
    ladder = standard_ladder()
    gap = p.escalation_threshold
    crossing = ladder.crosses_threshold(d.own_rung, d.next_up) is not None
    if crossing:
        gap += p.threshold_premium
    if d.next_up in ladder.nuclear_rungs or (crossing and d.target_nuclear):
        gap += p.nuclear_caution * (1.0 - s.risk_tolerance) * (1.0 + s.perceived_risk)
    return gap


def richardson(s: Situation, p: RuleParams, rng: random.Random) -> Decision:
    """Action and reaction (after L. F. Richardson's arms-race equations), one target at a time.

    Toward each target the actor climbs to the next feasible rung at a weekly hazard of
    decision rate x Phi((pressure - climb gap) / noise), and steps down one rung at
    decision rate x Phi((-pressure - de-escalation threshold - commitment) / noise), where Phi
    is the standard normal distribution function (the chance that the pressure's unobserved part
    carries it over). The hazards are converted to the turn length; if moves toward several
    targets come up in one turn, the one with the largest margin is made. A rule never steps
    below combat toward a target it fights: a war ends by a ceasefire (``sim/abm/bargaining``)
    or a deliberate withdrawal.
    """
    return _pressure_rule(s, p, rng, "richardson", p.restraint, allow_crossing=True)


def cautious(s: Situation, p: RuleParams, rng: random.Random) -> Decision:
    """Richardson's rule with restraint multiplied by ``cautious_restraint_factor`` that never
    crosses a Kahn threshold upward; the actor steps down toward the target it stands highest
    against as soon as a week's losses pass ``cautious_loss_limit`` of its committed strength
    (not below combat while it fights that target: leaving a war is the ceasefire's business)."""
    if s.own_losses > p.cautious_loss_limit and s.dyads:
        top = max(s.dyads, key=lambda d: d.own_rung)
        if top.own_rung > top.floor:
            why = f"lost {s.own_losses:.0%} of its strength in a week"
            return _step_down(s, top, "cautious", why)
    restraint = p.cautious_restraint_factor * p.restraint
    return _pressure_rule(s, p, rng, "cautious", restraint, allow_crossing=False)


def tit_for_tat(s: Situation, p: RuleParams, rng: random.Random) -> Decision:
    """Match each target's posture toward the actor (Axelrod's tit for tat on the ladder).

    Where the target stands higher toward the actor than the actor toward it, the actor climbs a
    feasible rung at ``response_rate`` a week, less the ``forgiveness`` share; where it stands
    lower, the actor steps down at ``response_rate`` a week. The widest gap is answered first.
    """
    best: tuple[float, Dyad, int] | None = None
    for d in s.dyads:
        gap = d.their_rung - d.own_rung
        if gap > 0 and d.next_up is not None:
            rate = p.response_rate * (1.0 - p.forgiveness)
        elif gap < 0 and d.own_rung > d.floor:
            rate = p.response_rate
        else:
            continue
        if rng.random() < _turn(rate, s.days) and (best is None or abs(gap) > best[0]):
            best = (abs(gap), d, 1 if gap > 0 else -1)
    if best is None:
        return _hold(s, "tit_for_tat", "no gap to answer this turn")
    _, d, direction = best
    if direction > 0:
        return _climb(s, d, "tit_for_tat", "answers the target's higher posture in kind")
    return _step_down(s, d, "tit_for_tat", "answers the target's lower posture in kind")


def hold_still(s: Situation, p: RuleParams, rng: random.Random) -> Decision:
    """Keep every posture (the fallback of ``doctrine_only``)."""
    return _hold(s, "hold", "no doctrine entry applies")


def _with_doctrine(fallback: Rule) -> Rule:
    def rule(s: Situation, p: RuleParams, rng: random.Random) -> Decision:
        return follow_doctrine(s, p, rng) or fallback(s, p, rng)

    rule.__doc__ = f"The actor's doctrine first; if no entry fires, {fallback.__name__}."
    return rule


RULE_SETS: dict[RuleSetName, Rule] = {
    RuleSetName.doctrine_richardson: _with_doctrine(richardson),
    RuleSetName.tit_for_tat: _with_doctrine(tit_for_tat),
    RuleSetName.cautious: _with_doctrine(cautious),
    RuleSetName.doctrine_only: _with_doctrine(hold_still),
}


def decide(s: Situation, p: RuleParams, rng: random.Random) -> Decision:
    """The decision of the rule set named in ``p.name``."""
    return RULE_SETS[p.name](s, p, rng)


def _pressure_rule(s: Situation, p: RuleParams, rng: random.Random, rule: str,
                   restraint: float, allow_crossing: bool) -> Decision:  # fmt: skip
    ladder = standard_ladder()
    best: tuple[float, Dyad, int, float] | None = None
    for d in s.dyads:
        push = pressure(s, d, p, restraint)
        u = rng.random()
        gap = climb_gap(s, d, p)
        if (
            gap is not None
            and not allow_crossing
            and ladder.crosses_threshold(d.own_rung, d.next_up)
        ):
            gap = None
        up = 0.0 if gap is None else _turn(p.decision_rate * _exceed(push - gap, p.noise), s.days)
        if u < up:  # the climb and the step-down are disjoint parts of one draw
            if best is None or push - gap > best[0]:
                best = (push - gap, d, +1, push)
            continue
        if d.own_rung > d.floor and not d.in_ceasefire:
            down = p.deescalation_threshold + d.commitment
            chance = _turn(p.decision_rate * _exceed(-push - down, p.noise), s.days)
            if u < up + chance and (best is None or -push - down > best[0]):
                best = (-push - down, d, -1, push)
    if best is None:
        return _hold(s, rule, "no pressure carried it over a threshold this turn")
    _, d, direction, push = best
    if direction > 0:
        return _climb(s, d, rule, f"pressure {push:.2f} toward {d.target} above its threshold")
    return _step_down(s, d, rule, f"pressure {push:.2f} toward {d.target} low enough to step down")


def _exceed(margin: float, noise: float) -> float:
    """The chance that a normal term of spread ``noise`` carries ``margin`` above zero:
    Phi(margin / noise), or simply whether margin > 0 when the rules are noise-free."""
    if noise <= 0:
        return 1.0 if margin > 0 else 0.0
    return 0.5 * (1.0 + math.erf(margin / (noise * math.sqrt(2.0))))


def _turn(rate_per_week: float, days: float) -> float:
    return 1.0 - math.exp(-rate_per_week * days / 7.0)


def _climb(s: Situation, d: Dyad, rule: str, why: str) -> Decision:
    ladder = standard_ladder()
    rung = min(d.next_up, s.max_rung)
    action = ladder.primary_action(rung)
    return Decision(s.actor, action, rung, rule, f"{why}: to {ladder.rungs[rung].label.lower()}",
                    d.target)  # fmt: skip


def _step_down(s: Situation, d: Dyad, rule: str, why: str) -> Decision:
    rung = landing(d.own_rung, STEP_DOWN, 0)
    label = standard_ladder().rungs[rung].label.lower()
    return Decision(s.actor, STEP_DOWN, rung, rule, f"{why}: to {label}", d.target)


def _hold(s: Situation, rule: str, why: str) -> Decision:
    d = s.dyad(s.adversary)
    return Decision(s.actor, HOLD, d.own_rung if d else s.own_rung, rule, why, s.adversary)
