"""Typed parameters of the decision rules and the combat model, with their allowed ranges.

These dataclasses are the single place where defaults live: Hydra uses them as the schemas of
the ``rules`` and ``combat`` config groups (``sim/config.py``), the web page reads them for its
controls, and the model receives them as plain objects.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, fields
from enum import StrEnum

from sim.domain.errors import ConfigError


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
    """Knobs of the decision rules (see docs/model.md for each one in words)."""

    name: RuleSetName = RuleSetName.doctrine_richardson
    reactivity: float = 0.6  # weight of the adversary's climb since the start, above one's own
    response_to_moves: float = 0.8  # weight of the largest last move of any adversary (rungs)
    grievance_weight: float = 0.4  # weight of the actor's grievance (0-1)
    restraint: float = 0.5  # weight of one's own climb since the start, damped by risk tolerance
    cost_sensitivity: float = 3.0  # weight of last turn's own losses (fraction of strength)
    noise: float = 0.4  # standard deviation of the random term
    escalation_threshold: float = 1.2  # pressure above which an actor climbs one rung
    deescalation_threshold: float = 1.2  # pressure below minus this: the actor steps down
    threshold_premium: float = 1.0  # extra pressure needed to cross a Kahn threshold
    forgiveness: float = 0.1  # tit_for_tat: chance to hold instead of answering a climb
    cautious_loss_limit: float = 0.05  # cautious: step down when a turn's losses pass this share
    cautious_restraint_factor: float = 2.0  # cautious: restraint multiplied by this
    front_failing_control: float = 0.6  # a side's front fails below this share of its theatre
    restriction_easing_control: float = 0.5  # default control for supplied_ally_front_failing

    def __post_init__(self) -> None:
        self.name = RuleSetName(self.name)
        _check_ranges(self, "rules", RULE_RANGES)


@dataclass
class CombatParams:
    """Knobs of the Lanchester attrition and the control of contested ground."""

    law: AttritionLaw = AttritionLaw.square
    attrition_rate: float = 0.004  # per day: casualties per effective enemy soldier (square law)
    linear_reference_strength: float = 20000.0  # linear law: rate = attrition_rate / this
    defender_advantage: float = 3.0  # multiplier on the holder's fire in its salient (only there)
    noise: float = 0.25  # spread of a week's mean-one lognormal factor on each side's fire
    breakthrough_ratio: float = 2.0  # attacker:defender effective ratio that holds the line
    control_rate: float = 0.12  # largest weekly change in a theatre's control
    unrestricted_weapons_bonus: float = 0.2  # recipient's quality gain when restrictions lift
    reinforcement_fraction: float = 0.5  # reinforce_troops adds this share of initial strength
    nuclear_strike_damage: float = 0.5  # share of the adversary's theatre forces destroyed

    def __post_init__(self) -> None:
        self.law = AttritionLaw(self.law)
        _check_ranges(self, "combat", COMBAT_RANGES)


_NONNEG = (0.0, math.inf)
_SHARE = (0.0, 1.0)
RULE_RANGES = {
    "reactivity": _NONNEG,
    "response_to_moves": _NONNEG,
    "grievance_weight": _NONNEG,
    "restraint": _NONNEG,
    "cost_sensitivity": _NONNEG,
    "noise": _NONNEG,
    "escalation_threshold": (1e-9, math.inf),
    "deescalation_threshold": (1e-9, math.inf),
    "threshold_premium": _NONNEG,
    "forgiveness": _SHARE,
    "cautious_loss_limit": _SHARE,
    "cautious_restraint_factor": _NONNEG,
    "front_failing_control": _SHARE,
    "restriction_easing_control": _SHARE,
}
COMBAT_RANGES = {
    "attrition_rate": _NONNEG,
    "linear_reference_strength": (1e-9, math.inf),
    "defender_advantage": (1e-9, math.inf),
    "noise": _NONNEG,
    "breakthrough_ratio": (1e-9, math.inf),
    "control_rate": _SHARE,
    "unrestricted_weapons_bonus": _NONNEG,
    "reinforcement_fraction": _NONNEG,
    "nuclear_strike_damage": _SHARE,
}


def _check_ranges(obj: object, group: str, ranges: dict[str, tuple[float, float]]) -> None:
    """Raise ConfigError naming the field and its allowed range for any value outside it."""
    for f in fields(obj):  # type: ignore[arg-type]
        if f.name not in ranges:
            continue
        value = getattr(obj, f.name)
        lo, hi = ranges[f.name]
        if isinstance(value, bool) or not isinstance(value, int | float):
            raise ConfigError(f"{group}.{f.name} must be a number, got {value!r}")
        if not (lo <= value <= hi) or math.isnan(value):
            upper = "infinity" if hi == math.inf else hi
            raise ConfigError(
                f"{group}.{f.name} = {value} is outside the allowed range [{lo}, {upper}]"
            )
