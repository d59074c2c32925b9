"""How every actor of every lane sees the world at the start of a turn, over arrays.

Mirrors ``sim/abm/perception.py``'s ``situation_of``: ``perceive`` gives every actor's
situation toward every target in every lane, ``flags`` every flag of the condition vocabulary.
Who faces and fights whom is ``structure.py``; what an actor can do toward a target,
``requirements.py``.

Random numbers: none.
"""

from __future__ import annotations

import numpy as np

from sim.abm.perception import COMBAT, WEEK
from sim.abm.world import PRIOR_RESOLVE
from sim.batch.layout import HOLDER, NONE, Layout
from sim.batch.requirements import Requirements, next_up
from sim.batch.state import BatchState
from sim.batch.structure import restricted_supplies
from sim.batch.view import View


# ------------------------------------------------------------------ the view
def perceive(st: BatchState) -> View:
    """Every actor's Situation in every lane (``perception.situation_of`` with every flag).

    Toward each target (``layout.deals``): its own posture and its rise since the scenario's
    start; the target's posture toward it as seen ``rules.perception_lag_days`` ago, its rise
    and its move over the week before; the next rung up it could take (none in a ceasefire);
    the target's deterrence (its perceived resolve above the prior, plus the credibility of the
    relations giving it nuclear cover); the actor's audience cost; whether they fight (and so
    the floor of combat). The adversary is the target seen highest (the first in id order on
    ties). The flags are ``flags(st)``.

    Deviation: the agent measures ``own_rise`` from the postures at its first look (the first
    turn, after that turn's injects); this uses the scenario's initial postures, which differ
    only when an inject of the first turn sets an actor's rung.
    """
    lay = st.layout
    lag = st.rules.perception_lag_days
    needs = Requirements(st)
    # postures are 0 where the holder does not deal with the other (BatchState), so the target's
    # posture toward the actor reads 0 where the target does not deal with it, as the agent's;
    # only the actor's targets count for the adversary and its moves
    own = st.posture.copy()
    seen = np.swapaxes(st.postures_ago(lag), 1, 2).copy()
    move = seen - np.swapaxes(st.postures_ago(lag + WEEK), 1, 2)
    deterrence = st.resolve - PRIOR_RESOLVE
    for c in range(lay.C):  # in the relations' order, as the agent adds them
        a, b = np.nonzero(lay.cover[:, :, c])
        deterrence[:, a, b] += st.credibility[:, c, None]
    fighting = needs.fighting()
    up = next_up(st, needs)
    np.copyto(up, NONE, where=st.ceasefire)
    top = np.where(lay.deals[None], seen, -1)
    adversary = np.where(lay.deals.any(axis=1)[None], top.argmax(axis=2), NONE)
    top_rung = np.maximum(top.max(axis=2), 0)
    top_move = np.where(lay.deals[None], move, 0).max(axis=2).clip(0)
    return View(
        own=own, own_rise=own - lay.initial_posture[None], seen=seen,
        seen_rise=seen - lay.initial_posture.T[None], move=move, next_up=up,
        target_nuclear=np.broadcast_to(lay.nuclear[None, None, :], own.shape),
        deterrence=deterrence, commitment=st.audience.copy(), in_ceasefire=st.ceasefire.copy(),
        fighting=fighting, floor=fighting * COMBAT, own_rung=st.rung(), adversary=adversary,
        adversary_rung=top_rung, adversary_last_move=top_move,
        max_adversary_rung=top_rung, flags=flags(st),
    )  # fmt: skip


def flags(st: BatchState) -> dict[str, np.ndarray]:
    """[R, A] every flag of the condition vocabulary (``perception._FLAGS``, same names).

    The agent works out which theatres and units each flag looks at once, at its first look
    (``Outlook``: the first turn, before any move); so does this, from the scenario's start:
    a theatre is one of an actor's fronts, and a treaty partner's unit is near it, by where
    the units stood at the start, wherever they were deployed since. Whether those units are
    in combat or idle, and the theatres' control, are read now.
    """
    lay = st.layout
    control = st.control  # [R, T]
    out: dict[str, np.ndarray] = {}
    worst = _worst_control(lay, control)
    out["own_control"] = worst
    supplied = np.ones((st.R, lay.A))
    for s in range(lay.S):
        a = lay.supplier[s]
        supplied[:, a] = np.minimum(supplied[:, a], worst[:, lay.recipient[s]])
    out["supplied_ally_control"] = supplied
    held = control > 0.0  # [R, T]
    owns = np.zeros((lay.A, lay.T), dtype=bool)
    owns[lay.owner, np.arange(lay.T)] = True
    out["own_territory_occupied"] = _any_of(held, owns)
    out["partner_forces_available"] = _any_of((st.strength > 0) & ~st.in_combat,
                                              _partner_units_near(lay))  # fmt: skip
    out["treaty_partner_attacked"] = _any_of(held, _link(lay.treaty, owns))
    seen_fighting = (st.strength > 0) & st.in_combat & (~lay.unit_covert[None] | st.detected)
    owned_by = lay.unit_actor[None, :] == np.arange(lay.A)[:, None]  # [A, U]
    # the actors aligned with an adversary, other than the actor and those at war with anyone
    adversary_partners = _link(lay.adversary, lay.aligned) & ~np.eye(lay.A, dtype=bool)
    adversary_partners &= ~lay.at_war.any(axis=1)[None, :]
    out["adversary_partner_in_combat"] = _any_of(seen_fighting, _link(adversary_partners, owned_by))
    out["adversary_forces_in_combat"] = _any_of(seen_fighting, _link(lay.adversary, owned_by))
    out["own_supplies_restricted"] = restricted_supplies(st)
    out["declared_co_belligerent"] = st.declared.any(axis=1)
    to_adversary = lay.adversary[:, lay.recipient]  # [A, S]
    out["restrictions_lifted_against"] = _any_of(st.lifted, to_adversary)
    out["own_forces_in_combat"] = _any_of((st.strength > 0) & st.in_combat, owned_by)
    return out


def _any_of(x: np.ndarray, which: np.ndarray) -> np.ndarray:
    """[R, A]: whether ``x[r, k]`` holds for some ``k`` with ``which[a, k]`` (a boolean matrix
    product in float32: exact for counts this small)."""
    return np.matmul(x.astype(np.float32), which.T.astype(np.float32)) > 0


def _link(first: np.ndarray, then: np.ndarray) -> np.ndarray:
    """[A, C] whether some ``b`` has ``first[a, b]`` and ``then[b, c]`` (static relations)."""
    return (first.astype(np.int64) @ then.astype(np.int64)) > 0


def _worst_control(lay: Layout, control: np.ndarray) -> np.ndarray:
    """[R, A] the worst share of ground an actor's side has on its fronts: the contested
    theatres where it takes a side and is the owner, the holder or has a unit from the start
    (``perception._worst_control`` of ``fronts_of``); 1.0 with none."""
    worst = np.ones(control.shape[:1] + (lay.A,))
    for t in range(lay.T):
        present = np.zeros(lay.A, dtype=bool)
        present[[lay.owner[t], lay.holder[t]]] = True
        present[lay.unit_actor[lay.unit_place == lay.theatre_place[t]]] = True
        front = present & (lay.side[:, t] != 0)
        ours = np.where(lay.side[:, t] == HOLDER, control[:, t, None], 1.0 - control[:, t, None])
        worst = np.where(front[None], np.minimum(worst, ours), worst)
    return worst


def _partner_units_near(lay: Layout) -> np.ndarray:
    """[A, U] the treaty partners' units that stood, at the start, where the actor had a unit
    or on a contested theatre of its territory (``Outlook.partner_units_near``)."""
    mine = np.zeros((lay.A, lay.P), dtype=bool)
    mine[lay.unit_actor, lay.unit_place] = True
    mine[lay.owner, lay.theatre_place] = True
    near = mine[:, lay.unit_place]  # [A, U]: unit u stands on one of a's places
    return near & lay.treaty[:, lay.unit_actor]
