"""Injects in the agent model: when one is due in a turn, and what firing it does.

At the start of a turn (the calendar already advanced), each inject not yet fired, in the
scenario's order, is due by its date (on or after the turn's first day and before its end), by
its turn number, or by its condition (``when``, tested on its actor's view of the world as it
stands, after the injects fired before it). A due inject fires once: its effects apply in
order, and it is logged as one decision (by its actor, else the first actor an effect concerns,
else "world"; rule ``inject:<id>``; its text) and one event ``inject:<id>`` from the world
toward that actor. The batched engine plays the same rule in ``sim.batch.injects``.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from sim.abm import effects
from sim.abm.world import World
from sim.domain.entity import When
from sim.domain.scenario import Inject


def is_due(inj: Inject, turn_start: dt.date, turn_end: dt.date, step: int,
           holds: Callable[[When, str], bool]) -> bool:  # fmt: skip
    """Whether ``inj`` is due in turn ``step``, which runs from ``turn_start`` to ``turn_end``;
    ``holds(when, actor)`` tests a condition on the actor's view now (asked only for an inject
    triggered by ``when``)."""
    if inj.date is not None:
        return turn_start <= inj.date < turn_end
    if inj.step is not None:
        return inj.step == step
    return holds(inj.when, inj.actor)


def fire(world: World, iid: str, inj: Inject) -> None:
    """Apply inject ``iid``'s effects now and log it once in the decisions and events tables."""
    concerned = [effects.apply_inject_effect(world, e, iid) for e in inj.effects]
    actor = inj.actor or next((c for c in concerned if c), None) or "world"
    rung = world.rung(actor) if actor in world.actors else -1
    world.recorder.decision(world.step, world.date, actor, None, "inject", rung, f"inject:{iid}",
                            inj.text)  # fmt: skip
    world.recorder.event(world.step, world.date, "world", actor if actor != "world" else None,
                         f"inject:{iid}")  # fmt: skip
