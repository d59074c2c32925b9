"""What one actor sees at the start of a turn, and what it decides.

``Situation`` is the only input a decision rule gets besides its parameters and a random
generator; ``Decision`` is its only output. Both are frozen, so rules stay pure and testable.
An actor holds a posture (a rung of the ladder) toward each actor it deals with; ``Dyad`` is its
view of one of them: its own rung toward the target and the target's rung toward it as the actor
perceives it (with a lag), the target's last week's move toward it, and what the actor could do
next toward it. Rungs are ladder positions (0 = de-escalation); a "rise" is the climb since the
start of the run.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field, fields
from typing import Any, NamedTuple


@dataclass(frozen=True, slots=True)
class DoctrineLine:
    """One doctrine entry, ready for the rules: conditions, the action and its rung.

    ``probability`` is per week; ``turn_probability`` is it converted to the turn length.
    """

    id: str
    when: Mapping[str, Mapping[str, Any] | None]
    action: str
    rung: int
    reason: str
    target: str | None = None
    probability: float = 1.0
    once: bool = True
    turn_probability: float = 1.0


class Dyad(NamedTuple):
    """The actor's view of one other actor it deals with (a directed pair).

    A named tuple: immutable like the frozen dataclasses here, and cheap to build, since every
    actor builds one per target every turn (change one with ``dyad._replace(...)``).
    """

    target: str
    own_rung: int  # the actor's posture toward the target
    own_rise: int  # how far that posture has climbed since the start
    their_rung: int  # the target's posture toward the actor, as perceived (lagged)
    their_rise: int  # its climb since the start, as perceived
    their_last_move: int  # its change of posture toward the actor over the last week, perceived
    next_up: int | None  # the next rung up the actor could take toward the target (None: none)
    target_nuclear: bool = False
    deterrence: float = (
        0.0  # the target's perceived resolve plus its allies' credible nuclear cover
    )
    commitment: float = 0.0  # the actor's audience cost toward the target (tied hands)
    in_ceasefire: bool = False  # a ceasefire holds between the two
    fighting: bool = False  # the actor fights the target (at war, or its units in combat)
    floor: int = 0  # the lowest posture a rule may step down to (combat while fighting)


@dataclass(frozen=True)
class Situation:
    """An actor's view of the world at the start of a turn (not slotted, so ``situation_from``
    can fill an instance in one go)."""

    actor: str
    step: int
    days: float  # the turn length in days (rates are per week)
    own_rung: int  # the actor's overall rung: its highest posture toward anyone
    max_rung: int
    dyads: tuple[Dyad, ...] = ()
    adversary: str | None = None  # the target whose perceived posture toward the actor is highest
    adversary_rung: int = 0
    adversary_last_move: int = 0  # the largest perceived last-week move toward the actor
    max_adversary_rung: int = 0
    risk_tolerance: float = 0.5
    escalation_propensity: float = 0.5
    grievance: float = 0.0
    weariness: float = 0.0
    perceived_risk: float = 0.0
    own_losses: float = 0.0  # share of committed strength lost over the last week
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

    def dyad(self, target: str | None) -> Dyad | None:
        """The actor's view of ``target``, if it deals with it."""
        for d in self.dyads:
            if d.target == target:
                return d
        return None


SITUATION_FIELDS = tuple(f.name for f in fields(Situation))
_SITUATION_DEFAULTS = {
    f.name: f.default for f in fields(Situation) if f.default is not f.default_factory
}
_SITUATION_DEFAULTS["spent"] = frozenset()


def situation_from(values: dict[str, Any]) -> Situation:
    """A Situation with these field values (the others at their defaults), built without the
    dataclass ``__init__``: a frozen dataclass sets each of its 30 fields through
    ``object.__setattr__``, and every actor builds one every turn."""
    situation = object.__new__(Situation)
    situation.__dict__.update(_SITUATION_DEFAULTS)
    situation.__dict__.update(values)
    return situation


@dataclass(frozen=True, init=False)
class Decision:
    """One actor's move for a turn: the action, its target, the posture it leaves toward the
    target, and why (the rule or doctrine entry and a reason in words)."""

    actor: str
    action: str
    rung: int
    rule: str
    reason: str
    target: str | None = None
    entry: str | None = None

    def __init__(self, actor: str, action: str, rung: int, rule: str, reason: str,
                 target: str | None = None, entry: str | None = None):  # fmt: skip
        """As the dataclass's own ``__init__`` (same fields, order and defaults), filling the
        instance's dict in one go (a frozen dataclass sets each field through
        ``object.__setattr__``, twice as slow)."""
        self.__dict__.update(actor=actor, action=action, rung=rung, rule=rule, reason=reason,
                             target=target, entry=entry)  # fmt: skip
