"""The one seam between the teaching pack and the model: starting a turn, handing over a move.

The order of a turn as a player lives it: the turn begins (the injects due now fire and are
shown), then the players choose, then the model plays the turn. ``begin_turn`` fires the due
injects and returns their ids; calling it twice in one turn fires nothing new and returns the
same ids. ``submit`` hands the model a move with its target. When the model offers
``begin_turn`` itself (issue 9) it is used; until then the model's own inject check is run ahead
of ``step`` with the turn's number and date, exactly as ``step`` would run it, so the game stays
identical to the rule-driven runs.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from sim.abm.model import EscalationModel

_BEGUN = "_teaching_turn_begun"  # (turn number, inject ids) of the turn begun last


def begin_turn(model: EscalationModel) -> list[str]:
    """Fire the injects due in the coming turn and return their ids (idempotent per turn)."""
    native = getattr(type(model), "begin_turn", None)
    if native is not None:
        return list(native(model))
    begun = getattr(model, _BEGUN, None)
    if begun is not None and begun[0] == model.steps + 1:
        return list(begun[1])
    before = set(model.fired_injects)
    with in_turn(model) as turn_start:
        model._apply_injects(turn_start)
    fired = [iid for iid in model.world.injects if iid in model.fired_injects - before]
    setattr(model, _BEGUN, (model.steps + 1, fired))
    return fired


def submit(model: EscalationModel, actor: str, action: str, target: str | None) -> None:
    """Hand ``actor``'s move (aimed at ``target``) to the model for the coming turn."""
    if hasattr(type(model), "begin_turn"):
        model.choices[actor] = (action, target)
    else:  # the model before issue 9 aims every move at the actor's main adversary
        model.choices[actor] = action


def fire_inject(model: EscalationModel, iid: str) -> None:
    """Fire inject ``iid`` now, recorded in the coming turn (the white cell's hand)."""
    if hasattr(type(model), "begin_turn"):
        model.fire_inject(iid)
        return
    with in_turn(model):
        model.fire_inject(iid)


def log_note(model: EscalationModel, actor: str, action: str, rule: str, text: str,
             rung: int = -1) -> None:  # fmt: skip
    """Record a white-cell event (a live inject, an override) in the coming turn's log."""
    step = model.steps + 1
    date = model.date + dt.timedelta(days=model.world.step_days)
    model.recorder.decision(step, date, actor, None, action, rung, rule, text)


@contextmanager
def in_turn(model: EscalationModel) -> Iterator[dt.date]:
    """The model's clock set to the coming turn (number and end date), as inside ``step``."""
    start, steps = model._date, model.steps
    model.steps, model._date = steps + 1, start + dt.timedelta(days=model.world.step_days)
    try:
        yield start
    finally:
        model.steps, model._date = steps, start
