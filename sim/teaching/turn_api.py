"""The one seam between the teaching pack and the model: starting a turn, handing over a move,
the white cell's hand on the world.

The order of a turn as a player lives it: the turn begins (``model.begin_turn``: the calendar
moves on and the injects due now fire), the players read them and choose, then ``model.step``
plays the turn. ``begin_turn`` here is idempotent within a turn: called again, it fires nothing
and returns the same inject ids. A move is ``(action, target)``; a target of None lets the model
aim it at the actor's main adversary (the one it stands highest against), as a bare action does.
A turn's dates are said by ``sim.teaching.turns.turn_dates`` (one rule for every screen), not by
the model's calendar, which stands at the turn's end once the turn has begun.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from sim.abm.model import EscalationModel

_BEGUN = "_teaching_turn_begun"  # (turn number, inject ids) of the turn begun last


def begin_turn(model: EscalationModel) -> list[str]:
    """Fire the injects due in the coming turn and return their ids (idempotent per turn)."""
    begun = getattr(model, _BEGUN, None)
    if begun is not None and begun[0] == model.steps + 1:
        return list(begun[1])
    fired = list(model.begin_turn())
    setattr(model, _BEGUN, (model.steps + 1, fired))
    return fired


def submit(model: EscalationModel, actor: str, action: str, target: str | None) -> None:
    """Hand ``actor``'s move (aimed at ``target``) to the model for the coming turn."""
    model.choices[actor] = (action, target)


def targets(model: EscalationModel, actor: str) -> list[str]:
    """Whom ``actor`` can aim a move at: the actors it holds a posture toward."""
    return list(model.state.postures.get(actor, {}))


def fire_inject(model: EscalationModel, iid: str) -> None:
    """Fire inject ``iid`` now, recorded in the coming turn (the white cell's hand)."""
    begin_turn(model)
    model.fire_inject(iid)


def write_inject(model: EscalationModel, iid: str, text: str) -> None:
    """Record an inject the white cell wrote live, in the coming turn (it has no effects)."""
    begin_turn(model)
    w = model.state
    model.recorder.decision(w.step, w.date, "world", None, "inject", -1, f"inject:{iid}", text)
    model.recorder.event(w.step, w.date, "world", None, f"inject:{iid}")


def override(model: EscalationModel, actor: str, target: str, rung: int, text: str) -> int:
    """Set ``actor``'s posture toward ``target`` to ``rung`` (within its ceiling), log it in the
    coming turn with ``text``, and return the rung it now holds."""
    begin_turn(model)
    w = model.state
    w.set_posture(actor, target, rung)
    held = w.posture(actor, target)
    model.recorder.decision(w.step, w.date, actor, target, "override", held, "white_cell", text)
    return held
