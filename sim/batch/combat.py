"""The land fronts, for every lane at once: ``EscalationModel._fight`` over a BatchState.

Each turn every contested theatre fights (``sim.abm.theatre.ContestedTheatre.fight``): the
units in combat with strength left on the owner's side and on the holder's side exchange fire
by Lanchester's law, with replacements split around the exchange; the line moves with the two
sides' combat powers; if it would reach zero within the turn, the salient falls then and the
exchange is replayed for the share of the turn before the fall; one side alone advances at
``control_rate``; at zero control the holder's units leave combat. Losses feed every actor's
weekly loss rate and war weariness (``dynamics.accumulate_costs``), and the units that did not
fight replenish from their reserves (``sim.abm.forces.ForceAgent.replenish``).

The closed forms of ``sim.domain.combat`` are used over arrays (``sim.batch.attrition``:
``square_law``, ``linear_law``, ``control_change``, ``allocate_losses``); ``turn_noise_sigma``
is used as is.

Random draws per turn: one array of standard normals [R, T, 2] (the owner's side's and the
holder's side's fire factor in each contested theatre), drawn whether or not a theatre fights
or ``noise`` is zero; the agent model draws the same two normals only where both sides fight.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

import numpy as np

from sim.batch import dynamics
from sim.batch.attrition import allocate_losses, control_change, linear_law, square_law
from sim.batch.layout import HOLDER, OWNER
from sim.batch.state import BatchState
from sim.domain.combat import turn_noise_sigma
from sim.domain.params import AttritionLaw, CombatParams
from sim.domain.rates import WEEK


def fight(st: BatchState) -> None:
    """The whole of ``EscalationModel._fight`` in every lane: fire multipliers (fire x
    logistics) and supply factors (sustainment x logistics x mobilisation) per actor, every
    contested theatre fought in id order, losses in ``st.losses``, weariness accumulated, then
    the units that did not fight replenished (``st.supply`` keeps each unit's factor)."""
    lay = st.layout
    z = st.normal(lay.T, 2)
    mult = (st.fire * st.logistics)[:, lay.unit_actor]
    supply = (st.sustainment * st.logistics * st.mobilisation)[:, lay.unit_actor]
    of_actor = (lay.unit_actor[:, None] == np.arange(lay.A)[None, :]).astype(float)  # [U, A]
    before = np.where(st.in_combat, st.strength, 0.0) @ of_actor  # committed strength [R, A]
    refilled = np.zeros((st.R, lay.U), dtype=bool)
    for t in range(lay.T):
        _fight_theatre(st, t, z[:, t], mult, supply, refilled)
    lost = st.losses @ of_actor
    with np.errstate(divide="ignore", invalid="ignore"):
        share = np.where(before > 0, lost / before, 0.0)
    dynamics.accumulate_costs(st, share)
    st.supply = supply.copy()
    idle = Front.of(st, slice(None), mult, supply)
    idle.refill(~refilled, np.full(st.R, lay.days))
    st.strength, st.reserve = idle.strength, idle.reserve


def _fight_theatre(st: BatchState, t: int, z: np.ndarray, mult: np.ndarray, supply: np.ndarray,
                   refilled: np.ndarray) -> None:  # fmt: skip
    """One turn of contested theatre ``t`` in every lane (``ContestedTheatre.fight``); marks in
    ``refilled`` the units replenished within an exchange."""
    lay, p = st.layout, st.combat
    here = st.place == lay.theatre_place[t]
    side = lay.side[lay.unit_actor, t]
    st.losses[here] = 0.0
    alive = here & st.in_combat & (st.strength > 0)
    att, dfn = alive & (side == OWNER), alive & (side == HOLDER)
    has_att, has_dfn = att.any(axis=1), dfn.any(axis=1)
    weekly = np.where(has_dfn, p.control_rate, -p.control_rate)  # one side alone advances
    both = np.flatnonzero(has_att & has_dfn)
    if both.size:
        front = Front.of(st, both, mult[both], supply[both], att[both], dfn[both])
        weekly[both] = _battle(front, p, lay.days, st.control[both, t], z[both])
        fought = front.att | front.dfn
        st.strength[both], st.reserve[both] = front.strength, front.reserve
        st.losses[both] = np.where(fought, front.losses, st.losses[both])
        refilled[both] |= fought
    moving = has_att | has_dfn
    moved = np.minimum(1.0, np.maximum(0.0, st.control[:, t] + weekly * (lay.days / WEEK)))
    st.control[:, t] = np.where(moving, moved, st.control[:, t])
    fallen = moving & (st.control[:, t] <= 0.0)
    st.in_combat &= ~(fallen[:, None] & here & (side == HOLDER)[None, :])


@dataclass
class Front:
    """The units of some lanes of one theatre, as rows: strengths and reserves that the
    exchange changes, the losses it records, and the two sides' members (``att`` the owner's
    side, ``dfn`` the holder's). ``quality``, ``replenishment`` and ``initial`` are per unit."""

    strength: np.ndarray  # [n, U]
    reserve: np.ndarray
    establishment: np.ndarray
    losses: np.ndarray
    mult: np.ndarray  # the unit's actor's fire multiplier
    supply: np.ndarray  # the unit's actor's supply factor
    att: np.ndarray  # bool
    dfn: np.ndarray  # bool
    quality: np.ndarray  # [U]
    replenishment: np.ndarray
    initial: np.ndarray

    @classmethod
    def of(cls, st: BatchState, lanes, mult, supply, att=None, dfn=None) -> Front:
        """The units of ``st``'s ``lanes`` (an index array or a slice), sides as given."""
        lay = st.layout
        strength = st.strength[lanes]
        none = np.zeros(strength.shape, dtype=bool)
        return cls(strength, st.reserve[lanes], st.establishment[lanes],
                   np.zeros_like(strength), mult, supply,
                   none if att is None else att, none if dfn is None else dfn,
                   lay.unit_quality, lay.unit_replenishment, lay.unit_strength)  # fmt: skip

    def rows(self, rows: np.ndarray) -> Front:
        """The front of some of these lanes (copies)."""
        per_lane = ("strength", "reserve", "establishment", "losses", "mult", "supply", "att",
                    "dfn")  # fmt: skip
        return replace(self, **{k: getattr(self, k)[rows].copy() for k in per_lane})

    def power(self, side: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """A side's strength and combat power (strength x quality x its actor's multiplier)
        per lane (``theatre._power``)."""
        s = np.where(side, self.strength, 0.0)
        return s.sum(axis=1), (s * self.quality * self.mult).sum(axis=1)

    def refill(self, units: np.ndarray, days: np.ndarray, headroom=0.0) -> None:
        """``ForceAgent.refill`` of ``units`` over ``days`` (per lane): the mobilisation flow,
        within the reserve and the room below the establishment (plus ``headroom``); a
        destroyed unit is not rebuilt."""
        ok = units & (self.strength > 0) & (self.replenishment > 0) & (self.supply > 0)
        flow = self.replenishment * self.initial * self.supply * days[:, None] / WEEK
        room = self.establishment + headroom - self.strength
        added = np.where(ok, np.maximum(0.0, np.minimum(np.minimum(flow, self.reserve), room)),
                         0.0)  # fmt: skip
        self.strength = self.strength + added
        self.reserve = self.reserve - added

    def trim(self, units: np.ndarray) -> None:
        """Personnel above the establishment go back to the reserve (``ForceAgent.trim``)."""
        excess = np.where(units, self.strength - self.establishment, 0.0)
        cut = excess > 0
        self.strength = np.where(cut, self.strength - excess, self.strength)
        self.reserve = np.where(cut, self.reserve + excess, self.reserve)

    def shares(self, side: np.ndarray, total: np.ndarray, exposed=None) -> np.ndarray:
        """Each unit's share of its side's ``total`` losses (``theatre._shares``: a side of
        one unit loses what it has, at most; else ``allocate_losses``)."""
        alone = side.sum(axis=1) == 1
        one = np.where(side, np.minimum(total[:, None], self.strength), 0.0)
        if alone.all():
            return one
        many = allocate_losses(self.strength, self.quality, total, side, exposed)
        return np.where(alone[:, None], one, many)

    def take_losses(self, side: np.ndarray, total: np.ndarray) -> None:
        """Spread a side's losses over its units by strength / quality at the turn's mid-point
        (estimated from a first allocation by the start strengths) and record them
        (``theatre._take_losses``)."""
        first = self.shares(side, total)
        lost = self.shares(side, total, exposed=self.strength - first / 2)
        self.strength = np.where(side, np.maximum(0.0, self.strength - lost), self.strength)
        self.losses = np.where(side, lost, self.losses)


def _battle(f: Front, p: CombatParams, days: float, control: np.ndarray,
            z: np.ndarray) -> np.ndarray:  # fmt: skip
    """The turn's exchange in lanes where both sides fight; returns the weekly change of
    control (``ContestedTheatre._battle``). Where the line would reach zero control within the
    turn, the salient falls then: the exchange is replayed from the turn's start with the same
    fire for the share of the turn before the fall, and the rest of the turn's replacements
    follow it."""
    x, px = f.power(f.att)
    y, py = f.power(f.dfn)
    a, b = _fire(p, days, z, px / x, py / y)
    start_strength, start_reserve = f.strength, f.reserve
    n = len(control)
    weekly = _exchange(f, p, np.full(n, days), a, b)
    weeks = days / WEEK
    fall = np.flatnonzero((weekly < 0) & (control + weekly * weeks <= 0))
    if fall.size:
        share = control[fall] / (-weekly[fall] * weeks)
        g = f.rows(fall)
        g.strength, g.reserve = start_strength[fall], start_reserve[fall]
        _exchange(g, p, days * share, a[fall], b[fall])
        g.refill(g.att | g.dfn, days * (1 - share))
        for k in ("strength", "reserve", "losses"):
            getattr(f, k)[fall] = getattr(g, k)
        weekly[fall] = -control[fall] / weeks
    return weekly


def _exchange(f: Front, p: CombatParams, days: np.ndarray, a: np.ndarray,
              b: np.ndarray) -> np.ndarray:  # fmt: skip
    """Both sides fight for ``days`` (per lane) with fire coefficients ``a`` and ``b``,
    replenished half before and half after, the first half with headroom for the losses
    expected in it (trimmed at the end); returns the weekly change of control averaged over the
    start and the end (``theatre._exchange``)."""
    fighting = f.att | f.dfn
    x, px0 = f.power(f.att)
    y, py0 = f.power(f.dfn)
    square = p.law is AttritionLaw.square
    att_rate, dfn_rate = (a * y, b * x) if square else (a * x * y, b * x * y)
    expected = f.shares(f.att, att_rate * days / 2) + f.shares(f.dfn, dfn_rate * days / 2)
    f.refill(fighting, days / 2, headroom=expected)
    x, _ = f.power(f.att)
    y, _ = f.power(f.dfn)
    x1, y1 = (square_law if square else linear_law)(x, y, a, b, days)
    f.take_losses(f.att, x - x1)
    f.take_losses(f.dfn, y - y1)
    f.refill(fighting, days / 2)
    f.trim(fighting)
    start = control_change(px0, py0, p.breakthrough_ratio, p.control_rate)
    end = control_change(f.power(f.att)[1], f.power(f.dfn)[1], p.breakthrough_ratio,
                         p.control_rate)  # fmt: skip
    return 0.5 * (start + end)


def _fire(p: CombatParams, days: float, z: np.ndarray, qx: np.ndarray,
          qy: np.ndarray) -> tuple[np.ndarray, np.ndarray]:  # fmt: skip
    """Fire coefficients (a on the owner's side, b on the holder's) of sides whose soldiers
    have combat power ``qx`` and ``qy``, with this turn's mean-one lognormal factors from the
    normals ``z`` [n, 2]; the holder's fire gets the defender's advantage (``theatre._fire``)."""
    fx = fy = 1.0
    if p.noise:
        sigma = turn_noise_sigma(p.noise, days)
        fx = np.exp(sigma * z[:, 0] - sigma * sigma / 2)
        fy = np.exp(sigma * z[:, 1] - sigma * sigma / 2)
    rate = p.attrition_rate
    if p.law is AttritionLaw.linear:
        rate /= p.linear_reference_strength
    return rate * qy * p.defender_advantage * fy, rate * qx * fx
