"""Between the two engines: agent models as lanes of a block, and a lane as a World snapshot.

``state_from_models`` packs the worlds of several ``EscalationModel``s (one per lane, same
scenario, rules and combat) into a ``BatchState``; ``lane_snapshot`` reads one lane back in the
form of ``World.snapshot()``. Tests use them to play one mechanism both ways from the same
state and compare: the agent model is the specification. ``model_from_lane`` is the inverse of
``state_from_models``: one lane as an agent model, ready to play on (forks of batched runs).
"""

from __future__ import annotations

import numpy as np

from sim.abm.model import EscalationModel
from sim.abm.recorder import Recorder
from sim.abm.world import PRIOR_RESOLVE
from sim.batch.layout import ACTION, ACTIONS, Layout, compile_layout
from sim.batch.state import BatchState, initial_state
from sim.domain.scenario import Scenario


def state_from_models(models: list[EscalationModel], layout: Layout | None = None,
                      rng: np.random.Generator | None = None) -> BatchState:  # fmt: skip
    """The worlds of ``models`` (same scenario, rules, combat) as the lanes of one block."""
    first = models[0]
    lay = layout or compile_layout(first.world)
    st = initial_state(lay, first.rules, first.combat, rng or np.random.default_rng(0),
                       len(models))  # fmt: skip
    ai, ui, pi = lay.actor_index, lay.unit_index, lay.place_index
    ti = {t: i for i, t in enumerate(lay.theatre_ids)}
    si = {s: i for i, s in enumerate(lay.supply_ids)}
    ci = {c: i for i, c in enumerate(lay.commitment_ids)}
    for lane, m in enumerate(models):
        w = m.state
        st.step, st.date = w.step, w.date
        for a, toward in w.postures.items():
            for b, rung in toward.items():
                st.posture[lane, ai[a], ai[b]] = rung
        for aid, ag in w.actors.items():
            i = ai[aid]
            st.peak[lane, i] = ag.peak_rung
            for name in ("risk_tolerance", "escalation_propensity", "grievance", "sustainment",
                         "logistics", "fire", "mobilisation", "weariness", "perceived_risk",
                         "weekly_losses"):  # fmt: skip
                getattr(st, name)[lane, i] = getattr(ag, name)
            ids = [line.id for line in lay.doctrine[i]]
            for e in ag.spent:
                st.spent[lane, i, ids.index(e)] = True
        for by, who in w.declarations:
            st.declared[lane, ai[by], ai[who]] = True
        for s in w.lifted:
            st.lifted[lane, si[s]] = True
        for a, action in w.actions_taken:
            st.taken[lane, ai[a], ACTION[action]] = True
        for (obs, a), r in w.resolve_seen.items():
            st.resolve[lane, ai[obs], ai[a]] = r
        for (a, b), v in w.audience.items():
            st.audience[lane, ai[a], ai[b]] = v
        for rid, c in w.credibility.items():
            st.credibility[lane, ci[rid]] = c
        for u in w.detected:
            st.detected[lane, ui[u]] = True
        for (a, b), step in w.offers.items():
            st.offered[lane, ai[a], ai[b]] = step
        for pair, since in w.ceasefires.items():
            a, b = (ai[x] for x in pair)
            st.ceasefire[lane, a, b] = st.ceasefire[lane, b, a] = True
            st.ceasefire_since[lane, a, b] = st.ceasefire_since[lane, b, a] = since
        for pair in w.ceasefires_made:
            a, b = (ai[x] for x in pair)
            st.ceasefire_made[lane, a, b] = st.ceasefire_made[lane, b, a] = True
        for uid, u in w.units.items():
            j = ui[uid]
            st.strength[lane, j], st.establishment[lane, j] = u.strength, u.establishment
            st.reserve[lane, j], st.losses[lane, j] = u.reserve, u.losses
            st.supply[lane, j], st.in_combat[lane, j] = u.supply, u.in_combat
            st.place[lane, j] = pi[u.theatre]
        for t in w.theatres:
            st.control[lane, ti[t.id]] = t.control
        for k, iid in enumerate(lay.inject_ids):
            st.fired[lane, k] = iid in m.fired_injects
        for k, name in enumerate(lay.milestone_ids):
            step = m.milestone_steps[name]
            st.milestone_step[lane, k] = -1 if step is None else step
    # the posture history of the first model (lagged perception); lanes share its length
    st.history = [np.stack([_posture_array(lay, m.state.history[i]) for m in models])
                  for i in range(len(first.state.history))]  # fmt: skip
    return st


def _posture_array(lay: Layout, postures: dict) -> np.ndarray:
    ai = lay.actor_index
    out = np.zeros((lay.A, lay.A), dtype=np.int64)
    for a, toward in postures.items():
        for b, rung in toward.items():
            out[ai[a], ai[b]] = rung
    return out


def lane_snapshot(st: BatchState, lane: int) -> dict:
    """Lane ``lane`` of ``st`` in the form of ``World.snapshot()`` (for comparing engines)."""
    lay = st.layout
    A = lay.actor_ids  # noqa: N806
    actors = {}
    for i, a in enumerate(A):
        spent = tuple(sorted(line.id for e, line in enumerate(lay.doctrine[i])
                             if st.spent[lane, i, e]))  # fmt: skip
        actors[a] = tuple(float(getattr(st, n)[lane, i]) for n in (
            "risk_tolerance", "escalation_propensity", "grievance", "sustainment", "logistics",
            "fire", "mobilisation", "weariness", "perceived_risk")) + (spent,)  # fmt: skip
    return {
        "postures": {
            a: {b: int(st.posture[lane, i, j]) for j, b in enumerate(A) if lay.deals[i, j]}
            for i, a in enumerate(A)
        },  # fmt: skip
        "actors": actors,
        "units": {
            u: (
                float(st.strength[lane, j]),
                bool(st.in_combat[lane, j]),
                lay.place_ids[st.place[lane, j]],
                float(lay.unit_quality[j]),
            )
            for j, u in enumerate(lay.unit_ids)
        },  # fmt: skip
        "control": {t: float(st.control[lane, k]) for k, t in enumerate(lay.theatre_ids)},
        "declarations": sorted(
            (A[i], A[j]) for i, j in zip(*np.nonzero(st.declared[lane]), strict=True)
        ),  # fmt: skip
        "lifted": sorted(lay.supply_ids[s] for s in np.flatnonzero(st.lifted[lane])),
        "resolve_seen": {
            (A[i], A[j]): float(st.resolve[lane, i, j])
            for i, j in zip(*np.nonzero(st.resolve[lane] != PRIOR_RESOLVE), strict=True)
        },  # fmt: skip
        "audience": {
            (A[i], A[j]): float(st.audience[lane, i, j])
            for i, j in zip(*np.nonzero(st.audience[lane]), strict=True)
        },
        "credibility": {
            c: float(st.credibility[lane, k]) for k, c in enumerate(lay.commitment_ids)
        },
        "detected": sorted(lay.unit_ids[j] for j in np.flatnonzero(st.detected[lane])),
        "offers": {
            (A[i], A[j]): int(st.offered[lane, i, j])
            for i, j in zip(*np.nonzero(st.offered[lane] >= 0), strict=True)
        },
        "ceasefires": sorted(
            (A[i], A[j]) for i, j in zip(*np.nonzero(st.ceasefire[lane]), strict=True) if i < j
        ),  # fmt: skip
        "taken": sorted(
            (A[i], ACTIONS[k]) for i, k in zip(*np.nonzero(st.taken[lane]), strict=True)
        ),  # fmt: skip
    }


def world_snapshot(model: EscalationModel) -> dict:
    """``World.snapshot()`` of an agent model in exactly ``lane_snapshot``'s form."""
    w = model.state
    snap = w.snapshot()
    snap["resolve_seen"] = {k: v for k, v in snap["resolve_seen"].items() if v != PRIOR_RESOLVE}
    snap["audience"] = {k: v for k, v in snap["audience"].items() if v}
    snap["credibility"] = {rid: snap["credibility"].get(rid, 0.0)
                           for rid, r in model.world.relations.items()
                           if r.kind in ("treaty", "alliance")}  # fmt: skip
    snap["actors"] = {a: tuple(float(x) for x in v[:9]) + (v[9],)
                      for a, v in snap["actors"].items()}  # fmt: skip
    snap["units"] = {u: (float(s), bool(c), t, float(q)) for u, (s, c, t, q)
                     in snap["units"].items()}  # fmt: skip
    snap["taken"] = sorted(w.actions_taken)
    return snap


def model_from_lane(st: BatchState, lane: int, world: Scenario, rng: int | None = None,
                    replicate: int = 0) -> EscalationModel:  # fmt: skip
    """Lane ``lane`` of ``st`` as an agent model of ``world`` (the block's scenario) at the
    lane's step, with random stream ``rng``: the inverse of ``state_from_models``.

    The model is built fresh and its actors' ``Outlook``s (the static part of their view) are
    worked out on that initial world, as an agent run works them out before its state changes;
    then every value of the lane is written over the model's: postures and their history, the
    actors' indices, dispositions and spent entries, beliefs, declarations, commitments,
    ceasefires and offers, the units (strength, reserve, losses, supply, combat, theatre: a unit
    moved to a front joins that theatre's units after those that started there), the theatres'
    control, the injects fired, the milestones reached, the step and the date. Its recorder
    starts again with one row set: the state at the lane's step.
    """
    lay = st.layout
    model = EscalationModel(world, rules=st.rules, combat=st.combat, rng=rng, replicate=replicate)
    for agent in model.actor_list:  # the static views come from the initial world
        model.outlook(agent)
    w = model.state
    A = lay.actor_ids  # noqa: N806
    w.step, w.date = st.step, st.date
    model.steps = st.step  # Mesa's turn counter: the next step() plays turn st.step + 1
    w.postures = _postures_dict(lay, st.posture[lane], w.postures)
    w.history = [_postures_dict(lay, h[lane], w.postures) for h in st.history]
    for i, a in enumerate(A):
        ag = w.actors[a]
        ag.peak_rung = int(st.peak[lane, i])
        for name in _ACTOR_FIELDS:
            setattr(ag, name, float(getattr(st, name)[lane, i]))
        ag.spent = {line.id for e, line in enumerate(lay.doctrine[i]) if st.spent[lane, i, e]}
    pairs = lambda mask: zip(*np.nonzero(mask), strict=True)  # noqa: E731
    w.declarations = {(A[i], A[j]) for i, j in pairs(st.declared[lane])}
    w.lifted = {lay.supply_ids[s] for s in np.flatnonzero(st.lifted[lane])}
    w.actions_taken = {(A[i], ACTIONS[k]) for i, k in pairs(st.taken[lane])}
    w.resolve_seen = {(A[i], A[j]): float(st.resolve[lane, i, j])
                      for i, j in pairs(st.resolve[lane] != PRIOR_RESOLVE)}  # fmt: skip
    w.audience = {(A[i], A[j]): float(st.audience[lane, i, j])
                  for i, j in pairs(st.audience[lane] != 0)}  # fmt: skip
    w.credibility.update({c: float(st.credibility[lane, k])
                          for k, c in enumerate(lay.commitment_ids)})  # fmt: skip
    w.detected = {lay.unit_ids[j] for j in np.flatnonzero(st.detected[lane])}
    w.offers = {(A[i], A[j]): int(st.offered[lane, i, j]) for i, j in pairs(st.offered[lane] >= 0)}
    w.ceasefires = {frozenset((A[i], A[j])): int(st.ceasefire_since[lane, i, j])
                    for i, j in pairs(st.ceasefire[lane]) if i < j}  # fmt: skip
    w.ceasefires_made = {
        frozenset((A[i], A[j])) for i, j in pairs(st.ceasefire_made[lane]) if i < j
    }
    for j, uid in enumerate(lay.unit_ids):
        u = w.units[uid]
        u.strength, u.establishment = float(st.strength[lane, j]), float(st.establishment[lane, j])
        u.reserve, u.losses = float(st.reserve[lane, j]), float(st.losses[lane, j])
        u.supply, u.in_combat = float(st.supply[lane, j]), bool(st.in_combat[lane, j])
        u.theatre, u.refilled_in_fight = lay.place_ids[st.place[lane, j]], False
    for k, tid in enumerate(lay.theatre_ids):
        t = w.theatre_by_id[tid]
        t.control = float(st.control[lane, k])
        stayed = [u for u in t.units if u.theatre == tid]
        t.units = stayed + [w.units[u] for u in w.unit_ids
                            if w.units[u].theatre == tid and w.units[u] not in stayed]  # fmt: skip
    model.fired_injects = {iid for k, iid in enumerate(lay.inject_ids) if st.fired[lane, k]}
    model.milestone_steps = {
        name: None if st.milestone_step[lane, k] < 0 else int(st.milestone_step[lane, k])
        for k, name in enumerate(lay.milestone_ids)
    }
    w._rungs.clear()
    w.cache.clear()
    w.version += 1
    model.recorder = w.recorder = Recorder(replicate)
    model.recorder.state(w, model.labels)
    return model


_ACTOR_FIELDS = ("risk_tolerance", "escalation_propensity", "grievance", "sustainment",
                 "logistics", "fire", "mobilisation", "weariness", "perceived_risk",
                 "weekly_losses")  # fmt: skip


def _postures_dict(lay: Layout, postures: np.ndarray, like: dict) -> dict[str, dict[str, int]]:
    """One lane's [A, A] postures as ``World.postures`` (the pairs of ``like``)."""
    ai = lay.actor_index
    return {a: {b: int(postures[ai[a], ai[b]]) for b in toward} for a, toward in like.items()}
