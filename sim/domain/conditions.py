"""The safe vocabulary of named conditions that doctrines and injects are written in.

A doctrine entry says ``when: {adversary_partner_in_combat: {}, own_supplies_restricted: {}}``;
each name here is a pure predicate over an actor's Situation. Names and their arguments are
checked when a scenario loads, so nothing written in a scenario is ever evaluated as code.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass

from sim.domain.ladder import standard_ladder
from sim.domain.situation import Situation

Args = Mapping[str, object]


@dataclass(frozen=True)
class Condition:
    """A named predicate, the arguments it accepts (name -> type) and what it means in words."""

    name: str
    meaning: str
    args: Mapping[str, type]
    test: Callable[[Situation, Args, object], bool]


def _control_below(a: Args, default: float) -> float:
    return float(a.get("control_below", default))


VOCABULARY: dict[str, Condition] = {}


def _register(name: str, meaning: str, args: Mapping[str, type] | None = None):
    def wrap(
        fn: Callable[[Situation, Args, object], bool],
    ) -> Callable[[Situation, Args, object], bool]:
        VOCABULARY[name] = Condition(name, meaning, dict(args or {}), fn)
        return fn

    return wrap


@_register("always", "Always true (an unconditional doctrine entry or inject).")
def _always(s: Situation, a: Args, p: object) -> bool:
    return True


@_register("own_territory_occupied", "An adversary holds part of the actor's own territory.")
def _own_territory_occupied(s: Situation, a: Args, p: object) -> bool:
    return s.own_territory_occupied


@_register(
    "front_failing",
    "The actor's side holds less than `control_below` (default: rule parameter "
    "front_failing_control) of a theatre it fights in.",
    {"control_below": float},
)
def _front_failing(s: Situation, a: Args, p: object) -> bool:
    return s.own_control < _control_below(a, p.front_failing_control)


@_register(
    "partner_forces_available",
    "A treaty partner has units in the actor's theatre that are not yet in combat.",
)
def _partner_forces_available(s: Situation, a: Args, p: object) -> bool:
    return s.partner_forces_available


@_register(
    "treaty_partner_attacked",
    "A partner bound to the actor by a mutual-defence treaty has its territory occupied.",
)
def _treaty_partner_attacked(s: Situation, a: Args, p: object) -> bool:
    return s.treaty_partner_attacked


@_register(
    "adversary_partner_in_combat",
    "Forces of a state aligned with the actor's adversary, and not at war when the scenario "
    "starts, are in combat (the Pentagon's co-belligerent test).",
)
def _adversary_partner_in_combat(s: Situation, a: Args, p: object) -> bool:
    return s.adversary_partner_in_combat


@_register(
    "adversary_forces_in_combat",
    "Units of one of the actor's adversaries are in combat (anywhere).",
)
def _adversary_forces_in_combat(s: Situation, a: Args, p: object) -> bool:
    return s.adversary_forces_in_combat


@_register(
    "own_supplies_restricted",
    "The actor has a supply relation whose use restrictions are still in force.",
)
def _own_supplies_restricted(s: Situation, a: Args, p: object) -> bool:
    return s.own_supplies_restricted


@_register(
    "supplied_ally_front_failing",
    "A party the actor supplies holds less than `control_below` (default: rule parameter "
    "restriction_easing_control) of its theatre.",
    {"control_below": float},
)
def _supplied_ally_front_failing(s: Situation, a: Args, p: object) -> bool:
    return s.supplied_ally_control < _control_below(a, p.restriction_easing_control)


@_register(
    "adversary_rung_at_least",
    "The actor's main adversary stands on rung `rung` (a ladder rung id) or higher.",
    {"rung": str},
)
def _adversary_rung_at_least(s: Situation, a: Args, p: object) -> bool:
    return s.adversary_rung >= standard_ladder().index(str(a["rung"]))


@_register("adversary_escalated", "One of the actor's adversaries climbed the ladder last turn.")
def _adversary_escalated(s: Situation, a: Args, p: object) -> bool:
    return s.adversary_last_move > 0


@_register("declared_co_belligerent", "Another actor has declared this actor a co-belligerent.")
def _declared_co_belligerent(s: Situation, a: Args, p: object) -> bool:
    return s.declared_co_belligerent


@_register(
    "restrictions_lifted_against",
    "A supplier of the actor's adversary has lifted the restrictions on its weapons.",
)
def _restrictions_lifted_against(s: Situation, a: Args, p: object) -> bool:
    return s.restrictions_lifted_against


@_register(
    "adversary_nuclear_signal", "An adversary stands on strategic (nuclear) signalling or higher."
)
def _adversary_nuclear_signal(s: Situation, a: Args, p: object) -> bool:
    return s.max_adversary_rung >= standard_ladder().index("nuclear_signalling")


@_register("own_forces_in_combat", "Some of the actor's own units are in combat.")
def _own_forces_in_combat(s: Situation, a: Args, p: object) -> bool:
    return s.own_forces_in_combat


@_register(
    "losses_above",
    "The actor lost more than `fraction` of its committed strength last turn.",
    {"fraction": float},
)
def _losses_above(s: Situation, a: Args, p: object) -> bool:
    return s.own_losses > float(a["fraction"])


@_register("step_at_least", "The game has reached turn `step` (1 = the first turn).", {"step": int})
def _step_at_least(s: Situation, a: Args, p: object) -> bool:
    return s.step >= int(a["step"])


# The Situation fields each condition reads (the model works out only those an actor's doctrine
# needs); a condition missing here reads the field of its own name.
_READS = {
    "always": (), "front_failing": ("own_control",),
    "supplied_ally_front_failing": ("supplied_ally_control",),
    "adversary_rung_at_least": ("adversary_rung",), "adversary_escalated": ("adversary_last_move",),
    "adversary_nuclear_signal": ("max_adversary_rung",), "losses_above": ("own_losses",),
    "step_at_least": ("step",),
}  # fmt: skip


def reads(name: str) -> tuple[str, ...]:
    """The Situation fields condition ``name`` looks at."""
    return _READS.get(name, (name,))


def holds(when: Mapping[str, Args | None], situation: Situation, params: object) -> bool:
    """True when every named condition in ``when`` holds (a conjunction, in order).

    ``params`` supplies the default thresholds (``front_failing_control``,
    ``restriction_easing_control``) for conditions whose entry gives none.
    """
    for name, args in when.items():  # noqa: SIM110 - a plain loop is the fastest here
        if not VOCABULARY[name].test(situation, args or {}, params):
            return False
    return True


def check(when: Mapping[str, object], where: str) -> list[str]:
    """Problems with a ``when`` mapping: unknown names, unknown or ill-typed arguments."""
    problems = []
    for name, args in when.items():
        cond = VOCABULARY.get(name)
        if cond is None:
            problems.append(
                f"{where}.{name}: unknown condition; allowed: {', '.join(sorted(VOCABULARY))}"
            )
            continue
        if args is None:
            args = {}
        if not isinstance(args, Mapping):
            problems.append(f"{where}.{name}: arguments must be a mapping, got {args!r}")
            continue
        for key, value in args.items():
            want = cond.args.get(key)
            if want is None:
                allowed = ", ".join(cond.args) or "none"
                problems.append(f"{where}.{name}.{key}: unknown argument; allowed: {allowed}")
            elif not _fits(value, want):
                problems.append(f"{where}.{name}.{key}: must be {want.__name__}, got {value!r}")
            elif key == "rung" and value not in standard_ladder().rung_ids:
                rungs = ", ".join(standard_ladder().rung_ids)
                problems.append(f"{where}.{name}.rung: unknown rung {value!r}; allowed: {rungs}")
        missing = [k for k in cond.args if k not in args and k not in ("control_below",)]
        if missing:
            problems.append(f"{where}.{name}: missing argument(s) {', '.join(missing)}")
    return problems


def _fits(value: object, want: type) -> bool:
    if want is float:
        return isinstance(value, int | float) and not isinstance(value, bool)
    if want is int:
        return isinstance(value, int) and not isinstance(value, bool)
    return isinstance(value, want)
