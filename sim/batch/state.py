"""The changing state of a block of replicates, as arrays with a leading replicate axis ``R``.

One field per field of ``sim.abm.world.World`` and its agents (same meaning, see there):
postures per directed pair, the actors' indices and dispositions, beliefs, commitments,
ceasefires, units and theatres, the injects fired and the milestones reached. ``Log`` gathers
the decision and event rows each mechanism writes, as arrays, for ``record.py``.

Random numbers: a block has one ``numpy.random.Generator``; every mechanism draws arrays whose
shape depends only on the layout and ``R`` (never on the state), a fixed number of times per
turn, so a replicate's history depends only on its block's seed and its lane, not on what the
other lanes do. Draws go through ``random`` and ``normal``, which draw for ``drawn`` lanes (the
whole block) and hand out the first ``R``: a state holding only the first ``R`` lanes of a
block then plays them exactly as the whole block would (a small run simulates only the lanes
it keeps).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

import numpy as np

from sim.abm.world import PRIOR_RESOLVE
from sim.batch.layout import ACTION, ACTIONS, NONE, Layout
from sim.domain.params import CombatParams, RuleParams


@dataclass
class Log:
    """Decision and event rows of a block, appended as aligned arrays (one call, many rows).

    ``decisions``: (step, lanes, actor, target, action, rung, rule, reason) where ``lanes``,
    ``actor``, ``target`` (NONE: no target), ``action`` (index into ``ACTIONS``) and ``rung``
    are int arrays of equal length; ``rule`` and ``reason`` are either one string for every row
    or an array of strings (object dtype).
    ``events``: (step, lanes, source, target, event) with ``source``/``target`` actor indices
    (NONE: "world" as source, no target) and ``event`` either an action index array or one
    event name (e.g. "inject:x", "milestone:y") for every row.
    """

    decisions: list[tuple] = field(default_factory=list)
    events: list[tuple] = field(default_factory=list)

    def decision(self, step: int, lanes, actor, target, action, rung, rule, reason) -> None:
        lanes = np.asarray(lanes, dtype=np.int64)
        if lanes.size:
            n = lanes.size
            self.decisions.append((step, lanes, _full(actor, n), _full(target, n),
                                   _full(action, n), _full(rung, n), rule, reason))  # fmt: skip

    def event(self, step: int, lanes, source, target, event) -> None:
        lanes = np.asarray(lanes, dtype=np.int64)
        if lanes.size:
            n = lanes.size
            ev = event if isinstance(event, str) else _full(event, n)
            self.events.append((step, lanes, _full(source, n), _full(target, n), ev))


def _full(x, n: int) -> np.ndarray:
    a = np.asarray(x, dtype=np.int64)
    return np.full(n, a, dtype=np.int64) if a.ndim == 0 else a


@dataclass
class BatchState:
    """Every changing value of ``R`` replicates of one scenario (see the module docstring)."""

    layout: Layout
    rules: RuleParams
    combat: CombatParams
    rng: np.random.Generator
    R: int  # noqa: N815 - lanes
    step: int
    date: dt.date
    # postures and actors
    posture: np.ndarray  # [R, A, A] int64: a's rung toward b (0 where a does not deal with b)
    history: list[np.ndarray]  # posture at the end of each step so far (step 0 = the start)
    peak: np.ndarray  # [R, A] int64: highest rung ever held
    risk_tolerance: np.ndarray  # [R, A] float
    escalation_propensity: np.ndarray  # [R, A]
    grievance: np.ndarray  # [R, A]
    sustainment: np.ndarray  # [R, A] (1 = normal)
    logistics: np.ndarray  # [R, A]
    fire: np.ndarray  # [R, A]
    mobilisation: np.ndarray  # [R, A]
    weariness: np.ndarray  # [R, A]
    perceived_risk: np.ndarray  # [R, A]
    weekly_losses: np.ndarray  # [R, A]
    spent: np.ndarray  # [R, A, E] bool: doctrine entry used (once entries)
    # beliefs, commitments, declarations
    declared: np.ndarray  # [R, A, A] bool: a declared b a co-belligerent
    lifted: np.ndarray  # [R, S] bool
    taken: np.ndarray  # [R, A, K] bool: a took action k (ACTIONS)
    resolve: np.ndarray  # [R, A, A] float: observer a's estimate of b's resolve
    audience: np.ndarray  # [R, A, A] float: a's audience cost toward b
    credibility: np.ndarray  # [R, C] float
    detected: np.ndarray  # [R, U] bool
    ceasefire: np.ndarray  # [R, A, A] bool, symmetric: a ceasefire holds between a and b
    ceasefire_since: np.ndarray  # [R, A, A] int: step it was agreed (NONE if none)
    ceasefire_made: np.ndarray  # [R, A, A] bool, symmetric: ever agreed
    offered: np.ndarray  # [R, A, A] int: step of a's last ceasefire offer to b (NONE if none)
    # units and theatres
    strength: np.ndarray  # [R, U] float
    establishment: np.ndarray  # [R, U]
    reserve: np.ndarray  # [R, U]
    losses: np.ndarray  # [R, U]: personnel lost this turn
    supply: np.ndarray  # [R, U]: the supply factor of the last replenishment
    in_combat: np.ndarray  # [R, U] bool
    place: np.ndarray  # [R, U] int: the unit's place (theatre)
    control: np.ndarray  # [R, T] float: the holder's share of the salient
    # the run
    fired: np.ndarray  # [R, I] bool: inject fired
    milestone_step: np.ndarray  # [R, M] int: first step reached (NONE: not yet)
    log: Log = field(default_factory=Log)
    drawn: int = 0  # lanes each random draw is made for (the whole block; 0: R)

    def random(self, *shape: int) -> np.ndarray:
        """[R, *shape] uniforms in [0, 1): the first R lanes of a draw for ``drawn`` lanes."""
        return self.rng.random((max(self.drawn, self.R), *shape))[: self.R]

    def normal(self, *shape: int) -> np.ndarray:
        """[R, *shape] standard normals: the first R lanes of a draw for ``drawn`` lanes."""
        return self.rng.standard_normal((max(self.drawn, self.R), *shape))[: self.R]

    def rung(self) -> np.ndarray:
        """[R, A] each actor's overall rung: its highest posture (its initial rung if it deals
        with nobody)."""
        lay = self.layout
        masked = np.where(lay.deals[None], self.posture, -1)
        top = masked.max(axis=2) if lay.A else np.zeros((self.R, 0), dtype=np.int64)
        return np.where(lay.deals.any(axis=1)[None], top, lay.initial_rung[None])

    def set_posture(self, lanes: np.ndarray, actor, target, rung) -> None:
        """Put ``actor`` on ``rung`` toward ``target`` in ``lanes`` (aligned int arrays or
        scalars), within the ladder and the actor's cap, only where it deals with the target;
        keeps the peak."""
        lay = self.layout
        lanes = np.asarray(lanes, dtype=np.int64)
        actor = np.broadcast_to(np.asarray(actor, dtype=np.int64), lanes.shape)
        target = np.broadcast_to(np.asarray(target, dtype=np.int64), lanes.shape)
        rung = np.broadcast_to(np.asarray(rung, dtype=np.int64), lanes.shape)
        ok = (target >= 0) & lay.deals[actor, np.maximum(target, 0)]
        lanes, actor, target = lanes[ok], actor[ok], target[ok]
        rung = np.clip(rung[ok], 0, lay.max_rung[actor])
        self.posture[lanes, actor, target] = rung
        np.maximum.at(self.peak, (lanes, actor), rung)

    def remember_postures(self) -> None:
        """Keep this step's postures for lagged perception."""
        self.history.append(self.posture.copy())

    def postures_ago(self, days_ago: float) -> np.ndarray:
        """[R, A, A] every posture as it stood ``days_ago`` days ago (``World.postures_ago``)."""
        back = int(-(-days_ago // self.layout.days)) if days_ago > 0 else 0
        return self.history[max(0, len(self.history) - 1 - back)] if back else self.posture


def initial_state(layout: Layout, rules: RuleParams, combat: CombatParams,
                  rng: np.random.Generator, lanes: int, drawn: int = 0) -> BatchState:  # fmt: skip
    """``lanes`` replicates of the scenario at its start (before its first turn): the first
    lanes of a block of ``drawn`` lanes (0: of ``lanes``), see ``BatchState.random``."""
    lay, r = layout, lanes
    sc = lay.scenario

    def per_actor(values) -> np.ndarray:
        return np.tile(np.asarray(values, dtype=float), (r, 1))

    A = lay.A  # noqa: N806
    pa = lambda field_: per_actor([getattr(sc.actors[a], field_) for a in lay.actor_ids])  # noqa: E731
    posture = np.tile(lay.initial_posture, (r, 1, 1)).astype(np.int64)
    masked = np.where(lay.deals, lay.initial_posture, -1)
    peak0 = np.maximum(lay.initial_rung, masked.max(axis=1) if A else lay.initial_rung)
    return BatchState(
        layout=lay, rules=rules, combat=combat, rng=rng, R=r, step=0, date=sc.start_date,
        posture=posture, history=[], peak=np.tile(peak0, (r, 1)).astype(np.int64),
        risk_tolerance=pa("risk_tolerance"), escalation_propensity=pa("escalation_propensity"),
        grievance=pa("grievance"), sustainment=np.ones((r, A)), logistics=np.ones((r, A)),
        fire=np.ones((r, A)), mobilisation=np.ones((r, A)), weariness=np.zeros((r, A)),
        perceived_risk=np.zeros((r, A)), weekly_losses=np.zeros((r, A)),
        spent=np.zeros((r, A, lay.E), dtype=bool),
        declared=np.zeros((r, A, A), dtype=bool), lifted=np.zeros((r, lay.S), dtype=bool),
        taken=np.zeros((r, A, len(ACTIONS)), dtype=bool),
        resolve=np.full((r, A, A), PRIOR_RESOLVE), audience=np.zeros((r, A, A)),
        credibility=np.tile(lay.initial_credibility, (r, 1)),
        detected=np.zeros((r, lay.U), dtype=bool),
        ceasefire=np.zeros((r, A, A), dtype=bool),
        ceasefire_since=np.full((r, A, A), NONE, dtype=np.int64),
        ceasefire_made=np.zeros((r, A, A), dtype=bool),
        offered=np.full((r, A, A), NONE, dtype=np.int64),
        strength=np.tile(lay.unit_strength, (r, 1)),
        establishment=np.tile(lay.unit_strength, (r, 1)),
        reserve=np.tile(lay.unit_reserve, (r, 1)), losses=np.zeros((r, lay.U)),
        supply=np.ones((r, lay.U)), in_combat=np.tile(lay.unit_in_combat, (r, 1)),
        place=np.tile(lay.unit_place, (r, 1)), control=np.tile(lay.initial_control, (r, 1)),
        fired=np.zeros((r, len(lay.inject_ids)), dtype=bool),
        milestone_step=np.full((r, len(lay.milestone_ids)), NONE, dtype=np.int64),
        drawn=drawn,
    )  # fmt: skip


__all__ = ["ACTION", "ACTIONS", "BatchState", "Log", "initial_state"]
