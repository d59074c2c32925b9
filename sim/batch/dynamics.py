"""The slow processes between decisions, for every lane at once: ``sim/abm/dynamics.py`` over a
BatchState (each a rate per week, converted to the turn length by ``sim.domain.rates``).

- ``accumulate_costs``: the weekly loss rate and war weariness from the turn's losses and the
  sustainment sanctions took away, decaying at ``weariness_recovery``;
- ``recover``: sustainment and logistics relax toward normal, perceived risk decays;
- ``test_commitments``: a treaty or alliance is tested while a party's territory is occupied,
  gaining credibility while the other party's units fight and losing it while they do not;
- ``detect_covert``: covert units are detected by their adversaries at ``detection_rate`` a
  week (at once when they fight), and each adversary gains ``covert_grievance``.

Random draws per turn: one array of uniforms [R, U] in ``detect_covert`` (unit ``j``'s chance
of being seen in lane ``r``), drawn whatever the state; the agent model draws one uniform per
undetected covert unit with strength left that is not in combat.
"""

from __future__ import annotations

import math

import numpy as np

from sim.batch.layout import ACTION
from sim.batch.state import BatchState
from sim.domain.rates import WEEK, decay, hazard_probability, integrate_linear

DETECTED = ACTION["detect_covert_forces"]


def accumulate_costs(st: BatchState, lost: np.ndarray) -> None:
    """Every actor's weekly loss rate and war weariness after the turn just fought, from
    ``lost`` [R, A], the share of its committed strength each actor lost this turn
    (``sim.abm.dynamics.accumulate_costs``)."""
    p, days = st.rules, st.layout.days
    st.weekly_losses = lost / (days / WEEK)
    inflow = p.weariness_from_losses * st.weekly_losses + p.weariness_from_sanctions * (
        1.0 - st.sustainment
    )
    st.weariness = integrate_linear(st.weariness, inflow, p.weariness_recovery, days)


def recover(st: BatchState) -> None:
    """Sustainment and logistics move back toward normal (1) at their recovery rates;
    perceived nuclear risk decays (``sim.abm.dynamics.recover``)."""
    p, days = st.rules, st.layout.days
    for name, rate in (("sustainment", p.sustainment_recovery),
                       ("logistics", p.logistics_recovery)):  # fmt: skip
        v = getattr(st, name)
        setattr(st, name, np.where(v != 1.0, 1.0 + (v - 1.0) * decay(rate, days), v))
    st.perceived_risk = st.perceived_risk * decay(p.risk_decay, days)


def test_commitments(st: BatchState) -> None:
    """For each treaty or alliance (in the scenario's order) and each of its parties in turn:
    while the party's territory is occupied (a contested theatre it owns with control above
    zero), the commitment gains credibility at ``honour_gain`` a week (toward 1) if the other
    party has units fighting with strength left, and loses it at ``neglect_rate`` a week if not
    (``sim.abm.dynamics.test_commitments``)."""
    lay, p = st.layout, st.rules
    weeks = lay.days / WEEK
    kept = math.exp(-p.neglect_rate * weeks)
    fighting = st.in_combat & (st.strength > 0)
    occupied = [(st.control[:, lay.owner == a] > 0).any(axis=1) for a in range(lay.A)]
    for c in range(lay.C):
        parties = lay.commitment_parties[c]
        for attacked, ally in (parties, parties[::-1]):
            cred = st.credibility[:, c]
            honoured = fighting[:, lay.units_of[ally]].any(axis=1)
            gained = np.minimum(1.0, cred + p.honour_gain * weeks * (1.0 - cred))
            tested = np.where(honoured, gained, cred * kept)
            st.credibility[:, c] = np.where(occupied[attacked], tested, cred)


def detect_covert(st: BatchState) -> None:
    """Each covert unit not yet detected, with strength left, is detected this turn if it
    fights or with the turn's chance at ``detection_rate`` a week; every actor that counts the
    unit's actor among its adversaries gains ``covert_grievance`` (capped at 1), and the
    detection is logged as its event "detect_covert_forces" toward the unit's actor (units in
    id order, detectors in actor order; ``sim.abm.dynamics.detect_covert``)."""
    lay, p = st.layout, st.rules
    draw = st.random(lay.U)
    chance = hazard_probability(p.detection_rate, lay.days)
    for j in np.flatnonzero(lay.unit_covert):
        unseen = ~st.detected[:, j] & (st.strength[:, j] > 0)
        lanes = np.flatnonzero(unseen & (st.in_combat[:, j] | (draw[:, j] < chance)))
        if not lanes.size:
            continue
        st.detected[lanes, j] = True
        actor = lay.unit_actor[j]
        for detector in np.flatnonzero(lay.adversary[:, actor]):
            g = st.grievance[lanes, detector]
            st.grievance[lanes, detector] = np.minimum(1.0, g + p.covert_grievance)
            st.log.event(st.step, lanes, detector, actor, DETECTED)
