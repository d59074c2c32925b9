"""Typed parameters of the decision rules and the combat model: every knob on one line.

Each knob is declared once, with ``knob(default, valid, plausible, meaning)``: its default, the
range a value must lie in (checked when a config is made), the plausible range an analyst
sweeps (finite; used by sensitivity analysis and calibration) and what it means. Hydra uses
these dataclasses as the schemas of the ``rules`` and ``combat`` config groups
(``sim/config.py``), the web page reads them for its controls, and the model receives them as
plain objects. Rates are per week and converted to the turn length by ``sim.domain.rates``.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field, fields
from enum import StrEnum
from typing import Any

from sim.domain.errors import ConfigError

INF = math.inf


def knob(default: float, valid: tuple[float, float], plausible: tuple[float, float],
         doc: str) -> Any:  # fmt: skip
    """A numeric knob: its default, valid range, plausible (sweep) range and meaning."""
    return field(default=default, metadata={"valid": valid, "plausible": plausible, "doc": doc})


class RuleSetName(StrEnum):
    """The named rule sets an actor's decisions can follow."""

    doctrine_richardson = "doctrine_richardson"
    tit_for_tat = "tit_for_tat"
    cautious = "cautious"
    doctrine_only = "doctrine_only"


class AttritionLaw(StrEnum):
    """Lanchester's laws: square (aimed fire) or linear (area fire)."""

    square = "square"
    linear = "linear"


@dataclass
class RuleParams:
    """Knobs of decisions, perception, costs and war termination (docs/model.md, section 7)."""

    name: RuleSetName = RuleSetName.doctrine_richardson
    # Richardson's action-reaction pressure toward one target (rules.richardson)
    reactivity: float = knob(0.6, (0, INF), (0.0, 1.5), "weight of the target's climb toward the actor, above the actor's own")  # noqa: E501 # fmt: skip
    response_to_moves: float = knob(0.8, (0, INF), (0.0, 2.0), "weight of the target's last week's move toward the actor (rungs)")  # noqa: E501 # fmt: skip
    grievance_weight: float = knob(0.4, (0, INF), (0.0, 1.5), "weight of the actor's grievance (0-1)")  # noqa: E501 # fmt: skip
    restraint: float = knob(0.5, (0, INF), (0.0, 1.5), "weight of one's own climb toward the target, damped by risk tolerance")  # noqa: E501 # fmt: skip
    cost_sensitivity: float = knob(1.5, (0, INF), (0.0, 4.0), "weight of war weariness (accumulated losses, sanctions) against climbing and in settling")  # noqa: E501 # fmt: skip
    deterrence_weight: float = knob(0.6, (0, INF), (0.0, 2.0), "weight of the target's perceived resolve and its nuclear allies' credible commitments")  # noqa: E501 # fmt: skip
    noise: float = knob(0.4, (0, INF), (0.1, 1.0), "spread of the pressure's unobserved part (a decision's uncertainty)")  # noqa: E501 # fmt: skip
    decision_rate: float = knob(1.0, (0, INF), (0.25, 3.0), "decision opportunities per week: scales every climb and step-down hazard")  # noqa: E501 # fmt: skip
    escalation_threshold: float = knob(1.2, (1e-9, INF), (0.6, 2.0), "pressure above which an actor tends to climb one feasible rung")  # noqa: E501 # fmt: skip
    deescalation_threshold: float = knob(1.2, (1e-9, INF), (0.6, 2.0), "pressure below minus this: the actor tends to step down")  # noqa: E501 # fmt: skip
    threshold_premium: float = knob(1.0, (0, INF), (0.0, 2.0), "extra pressure needed to cross one of Kahn's thresholds")  # noqa: E501 # fmt: skip
    nuclear_caution: float = knob(2.0, (0, INF), (0.0, 4.0), "extra pressure x (1 - risk tolerance) x (1 + perceived risk) to climb onto a nuclear rung, or across a threshold toward a nuclear-armed target")  # noqa: E501 # fmt: skip
    forgiveness: float = knob(0.1, (0, 1), (0.0, 0.5), "tit_for_tat: share of a target's climbs left unanswered")  # noqa: E501 # fmt: skip
    response_rate: float = knob(2.0, (0, INF), (0.5, 5.0), "tit_for_tat: answers per week to a gap between the target's posture and one's own")  # noqa: E501 # fmt: skip
    cautious_loss_limit: float = knob(0.05, (0, 1), (0.01, 0.2), "cautious: step down when a week's losses pass this share of committed strength")  # noqa: E501 # fmt: skip
    cautious_restraint_factor: float = knob(2.0, (0, INF), (1.0, 4.0), "cautious: restraint multiplied by this")  # noqa: E501 # fmt: skip
    front_failing_control: float = knob(0.6, (0, 1), (0.3, 0.9), "a side's front fails below this share of its theatre")  # noqa: E501 # fmt: skip
    restriction_easing_control: float = knob(0.5, (0, 1), (0.2, 0.8), "default control for supplied_ally_front_failing")  # noqa: E501 # fmt: skip
    # perception (sim/abm/perception.py)
    perception_lag_days: float = knob(7.0, (0, 365), (0.0, 21.0), "days before an actor sees another's change of posture")  # noqa: E501 # fmt: skip
    intel_noise: float = knob(0.25, (0, INF), (0.0, 0.6), "log-normal spread of an actor's estimate of enemy strength")  # noqa: E501 # fmt: skip
    detection_rate: float = knob(0.1, (0, INF), (0.0, 0.5), "per week: chance-rate that covert units are detected by their adversaries")  # noqa: E501 # fmt: skip
    covert_grievance: float = knob(0.15, (0, 1), (0.0, 0.4), "grievance an actor gains on detecting covert enemy units")  # noqa: E501 # fmt: skip
    risk_decay: float = knob(0.15, (0, INF), (0.0, 0.5), "per week: decay of perceived nuclear risk")  # noqa: E501 # fmt: skip
    # costs: war weariness and the economy (sim/abm/world.py)
    weariness_from_losses: float = knob(1.0, (0, INF), (0.2, 3.0), "weariness gained per share of committed strength lost")  # noqa: E501 # fmt: skip
    weariness_from_sanctions: float = knob(0.05, (0, INF), (0.0, 0.3), "weariness gained per week per unit of lost sustainment")  # noqa: E501 # fmt: skip
    weariness_recovery: float = knob(0.1, (0, INF), (0.02, 0.3), "per week: decay of war weariness")  # noqa: E501 # fmt: skip
    sustainment_recovery: float = knob(0.04, (0, INF), (0.0, 0.2), "per week: the economy's adaptation back toward normal after sanctions")  # noqa: E501 # fmt: skip
    logistics_recovery: float = knob(0.15, (0, INF), (0.0, 0.5), "per week: repair of logistics after strikes")  # noqa: E501 # fmt: skip
    # commitments (sim/abm/world.py)
    honour_gain: float = knob(0.1, (0, 1), (0.0, 0.3), "credibility gained when a commitment is honoured")  # noqa: E501 # fmt: skip
    neglect_rate: float = knob(0.05, (0, INF), (0.0, 0.3), "per week: credibility lost while a partner is attacked and the actor does nothing")  # noqa: E501 # fmt: skip
    # war termination (sim/abm/bargaining.py)
    offer_rate: float = knob(0.5, (0, INF), (0.0, 2.0), "per week: ceasefire offers by a side whose cost of fighting on exceeds its gain")  # noqa: E501 # fmt: skip
    settle_margin: float = knob(0.3, (-INF, INF), (-0.2, 0.8), "how much more continuing must cost than it gains before a side settles")  # noqa: E501 # fmt: skip
    territory_stake: float = knob(1.0, (0, INF), (0.0, 2.0), "gain from fighting on per share of contested ground at stake (an owner's to retake, a holder's to keep)")  # noqa: E501 # fmt: skip
    mediation_bonus: float = knob(0.2, (0, INF), (0.0, 0.5), "a mediator's help in accepting an offer (lowers the margin)")  # noqa: E501 # fmt: skip
    ceasefire_break_rate: float = knob(0.05, (0, INF), (0.0, 0.3), "per week: base hazard that a ceasefire breaks (grows with grievance)")  # noqa: E501 # fmt: skip

    def __post_init__(self) -> None:
        self.name = RuleSetName(self.name)
        check_ranges(self, "rules")


@dataclass
class CombatParams:
    """Knobs of the Lanchester attrition and the control of contested ground."""

    law: AttritionLaw = AttritionLaw.square
    attrition_rate: float = knob(0.004, (0, INF), (0.002, 0.008), "per day: casualties per effective enemy soldier (square law)")  # noqa: E501 # fmt: skip
    linear_reference_strength: float = knob(20000.0, (1e-9, INF), (10000, 40000), "linear law: rate = attrition_rate / this")  # noqa: E501 # fmt: skip
    defender_advantage: float = knob(3.0, (1e-9, INF), (1.5, 4.0), "multiplier on the holder's fire in its salient (only there: the control balance carries the breakthrough ratio)")  # noqa: E501 # fmt: skip
    noise: float = knob(0.25, (0, INF), (0.0, 0.5), "spread of a week's mean-one lognormal factor on each side's fire (scaled to the turn length)")  # noqa: E501 # fmt: skip
    breakthrough_ratio: float = knob(2.0, (1e-9, INF), (1.2, 3.0), "attacker:defender combat power at which the line holds")  # noqa: E501 # fmt: skip
    control_rate: float = knob(0.12, (0, 1), (0.03, 0.25), "largest weekly change in a theatre's control; the pace of a side fighting alone")  # noqa: E501 # fmt: skip
    unrestricted_weapons_bonus: float = knob(0.2, (0, INF), (0.0, 0.5), "recipient's fire gain when restrictions lift")  # noqa: E501 # fmt: skip
    reinforcement_fraction: float = knob(0.5, (0, INF), (0.1, 1.0), "reinforce_troops adds this share of initial strength")  # noqa: E501 # fmt: skip
    nuclear_strike_damage: float = knob(0.5, (0, 1), (0.1, 0.9), "share of the adversary's theatre forces destroyed")  # noqa: E501 # fmt: skip

    def __post_init__(self) -> None:
        self.law = AttritionLaw(self.law)
        check_ranges(self, "combat")


def numeric_knobs(cls: type) -> dict[str, dict]:
    """Every numeric knob of a params class: name -> its metadata (valid, plausible, doc)."""
    return {f.name: dict(f.metadata) for f in fields(cls) if "valid" in f.metadata}


RULE_RANGES = {k: m["valid"] for k, m in numeric_knobs(RuleParams).items()}
COMBAT_RANGES = {k: m["valid"] for k, m in numeric_knobs(CombatParams).items()}


def check_ranges(obj: object, group: str) -> None:
    """Raise ConfigError naming the field and its allowed range for any value outside it."""
    for name, meta in numeric_knobs(type(obj)).items():
        value = getattr(obj, name)
        lo, hi = meta["valid"]
        if isinstance(value, bool) or not isinstance(value, int | float):
            raise ConfigError(f"{group}.{name} must be a number, got {value!r}")
        if math.isnan(value) or math.isinf(value) or not (lo <= value <= hi):
            lower = "-infinity" if lo == -INF else float(lo)
            upper = "infinity" if hi == INF else float(hi)
            raise ConfigError(
                f"{group}.{name} = {value} is outside the allowed range [{lower}, {upper}] "
                f"(finite): {meta['doc']}"
            )
