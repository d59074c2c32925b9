"""What one actor sees at the start of a turn, and what it decides.

``Situation`` is the only input a decision rule gets besides its parameters and a random
generator; ``Decision`` is its only output. Both are frozen, so rules stay pure and testable.
Rungs are ladder positions (0 = de-escalation); a "rise" is the climb since the first turn.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field, fields
from typing import Any


@dataclass(frozen=True, slots=True)
class DoctrineLine:
    """One doctrine entry, ready for the rules: conditions, the action and its rung."""

    id: str
    when: Mapping[str, Mapping[str, Any] | None]
    action: str
    rung: int
    reason: str
    target: str | None = None
    probability: float = 1.0
    once: bool = True


@dataclass(frozen=True)
class Situation:
    """An actor's view of the world at the start of a turn.

    Not slotted, so that ``situation_from`` can fill an instance in one go (see there).
    """

    actor: str
    step: int
    own_rung: int
    max_rung: int
    own_rise: int = 0
    adversary: str | None = None
    adversary_rung: int = 0
    adversary_rise: int = 0
    adversary_last_move: int = 0
    max_adversary_rung: int = 0
    risk_tolerance: float = 0.5
    escalation_propensity: float = 0.5
    grievance: float = 0.0
    own_losses: float = 0.0
    own_control: float = 1.0
    supplied_ally_control: float = 1.0
    own_territory_occupied: bool = False
    partner_forces_available: bool = False
    treaty_partner_attacked: bool = False
    adversary_partner_in_combat: bool = False
    adversary_forces_in_combat: bool = False
    own_supplies_restricted: bool = False
    declared_co_belligerent: bool = False
    restrictions_lifted_against: bool = False
    own_forces_in_combat: bool = False
    doctrine: tuple[DoctrineLine, ...] = ()
    spent: frozenset[str] = field(default_factory=frozenset)


SITUATION_FIELDS = frozenset(f.name for f in fields(Situation))


def situation_from(values: dict[str, Any]) -> Situation:
    """A Situation with exactly these field values, built without the dataclass ``__init__``.

    The model builds one Situation per actor per turn (hundreds per replicate); a frozen
    dataclass's ``__init__`` sets each of its 26 fields through ``object.__setattr__``, which
    made it the largest single cost of a replicate. ``values`` must name every field once.
    """
    situation = object.__new__(Situation)
    situation.__dict__.update(values)
    return situation


@dataclass(frozen=True, init=False)
class Decision:
    """One actor's move for a turn: the action, the rung it leaves the actor on, and why."""

    actor: str
    action: str
    rung: int
    rule: str
    reason: str
    target: str | None = None
    entry: str | None = None

    def __init__(self, actor: str, action: str, rung: int, rule: str, reason: str,
                 target: str | None = None, entry: str | None = None):  # fmt: skip
        """As the dataclass's own ``__init__`` (same fields, order and defaults), but filling
        the instance's dict in one go: every actor decides every turn, and a frozen dataclass
        sets each field through ``object.__setattr__``, twice as slow."""
        self.__dict__.update(actor=actor, action=action, rung=rung, rule=rule, reason=reason,
                             target=target, entry=entry)  # fmt: skip
