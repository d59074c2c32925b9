"""The scenario's injects, for every lane at once: ``EscalationModel._apply_injects`` and
``fire_inject`` over a BatchState.

At the start of a turn (the calendar already advanced), each inject not yet fired in a lane, in
the scenario's order, is due by its date (within the turn just begun), its turn number, or its
condition (``when``, tested on its actor's view of the state as it stands, after the injects
before it). A due inject fires once per lane: its effects apply in order and it is logged as one
decision (its actor, rule ``inject:<id>``, its text) and one event ``inject:<id>`` from the
world toward that actor.

Random numbers: none.
"""

from __future__ import annotations

import datetime as dt

import numpy as np

from sim.batch import conditions, perception
from sim.batch.effects import stand_down
from sim.batch.kinds import lift_restrictions
from sim.batch.layout import ACTION, NONE
from sim.batch.state import BatchState
from sim.domain.scenario import (
    AdjustActor,
    CommitUnit,
    DamageUnit,
    DeclareCoBelligerent,
    LiftRestrictions,
    ReinforceUnit,
    SetRung,
)


def apply_due(st: BatchState, turn_start: dt.date) -> None:
    """Fire every inject due in the turn from ``turn_start`` to ``st.date`` in the lanes where
    it has not fired (``EscalationModel._apply_injects``). A condition is tested on a view
    worked out anew whenever an inject before it fired."""
    lay = st.layout
    view = None
    for k, iid in enumerate(lay.inject_ids):
        inj = lay.scenario.injects[iid]
        due = ~st.fired[:, k]
        if not due.any():
            continue
        if inj.date is not None:
            due &= turn_start <= inj.date < st.date
        elif inj.step is not None:
            due &= inj.step == st.step
        else:
            if view is None:
                view = perception.perceive(st)
            due &= conditions.holds(inj.when, view, st, lay.actor_index[inj.actor])
        lanes = np.flatnonzero(due)
        if lanes.size:
            fire(st, k, lanes)
            view = None


def fire(st: BatchState, k: int, lanes: np.ndarray) -> None:
    """Apply inject ``k`` (index into ``layout.inject_ids``) in ``lanes`` now and log it once:
    its actor is the inject's, else the first its effects concern, else the world
    (``EscalationModel.fire_inject``)."""
    lay = st.layout
    iid = lay.inject_ids[k]
    inj = lay.scenario.injects[iid]
    st.fired[lanes, k] = True
    concerned = [apply_effect(st, e, lanes) for e in inj.effects]
    name = inj.actor or next((c for c in concerned if c), None)
    actor = lay.actor_index.get(name, NONE)
    rung = st.rung()[lanes, actor] if actor != NONE else -1
    st.log.decision(st.step, lanes, actor, NONE, ACTION["inject"], rung, f"inject:{iid}",
                    inj.text)  # fmt: skip
    st.log.event(st.step, lanes, NONE, actor, f"inject:{iid}")


def apply_effect(st: BatchState, effect, lanes: np.ndarray) -> str:
    """Apply one inject effect in ``lanes``; returns the id of the actor it concerns
    (``sim.abm.effects.apply_inject_effect``)."""
    lay = st.layout
    if isinstance(effect, AdjustActor):
        a = lay.actor_index[effect.actor]
        values = getattr(st, effect.field)
        values[lanes, a] = np.minimum(1.0, np.maximum(0.0, values[lanes, a] + effect.delta))
        return effect.actor
    if isinstance(effect, SetRung):
        a = lay.actor_index[effect.actor]
        rung = lay.ladder.index(effect.rung)
        for b in np.flatnonzero(lay.deals[a]):
            st.set_posture(lanes, a, b, rung)
        stand_down(st, lanes, a)
        return effect.actor
    if isinstance(effect, DamageUnit | ReinforceUnit | CommitUnit):
        j = lay.unit_index[effect.unit]
        if isinstance(effect, DamageUnit):
            st.strength[lanes, j] = st.strength[lanes, j] * (1.0 - effect.fraction)
        elif isinstance(effect, ReinforceUnit):
            st.strength[lanes, j] = st.strength[lanes, j] + effect.strength
            st.establishment[lanes, j] = st.establishment[lanes, j] + effect.strength
        else:
            st.in_combat[lanes, j] = True
        return lay.actor_ids[lay.unit_actor[j]]
    if isinstance(effect, LiftRestrictions):
        lift_restrictions(st, lanes, lay.actor_index[effect.supplier])
        return effect.supplier
    if isinstance(effect, DeclareCoBelligerent):
        st.declared[lanes, lay.actor_index[effect.actor], lay.actor_index[effect.target]] = True
        return effect.actor
    raise TypeError(f"unsupported inject effect {effect!r}")
