"""What a block records: the results tables and outcome rows of every lane, as arrays.

The batched form of ``sim.abm.recorder.Recorder`` and ``EscalationModel.outcome``: the same
tables (``sim.domain.tables.SCHEMAS``), columns and values, with replicate = the block's first
replicate + the lane. ``record_state`` keeps each step's rungs, postures, units and theatres as
arrays (one call per step for all lanes); decisions and events come from the block's ``Log``.
``tables`` turns them into Arrow tables sorted as the agent engine writes them: by replicate,
then step, then the order rows were written (actors, their targets, units and theatres in id
order; decisions and events in the order the mechanisms logged them). No loop runs over rows.

Dictionary columns hold only the values that occur, in id order (actors, units, places sorted;
rungs by height; actions in ``ACTIONS`` order, then other events as they were first logged).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

import numpy as np
import pyarrow as pa

from sim.batch.layout import ACTIONS, NONE
from sim.batch.state import BatchState
from sim.domain.actions import event_codes
from sim.domain.tables import SCHEMAS

EPOCH = dt.date(1970, 1, 1)
WORLD = "world"  # the source of events no actor makes (injects, milestones, detections)


class Recorder:
    """The records of every lane of one block (``Recorder(st, first_replicate)``)."""

    def __init__(self, st: BatchState, first_replicate: int = 0):
        self.st = st
        self.first = int(first_replicate)
        lay = st.layout
        self.pairs = np.nonzero(lay.deals)  # (actor, target) in id order: the postures rows
        self.steps: list[int] = []
        self.rungs: list[np.ndarray] = []  # per step [R, A]
        self.postures: list[np.ndarray] = []  # per step [R, pairs]
        kept = ("strength", "in_combat", "losses", "place")
        self.units: dict[str, list[np.ndarray]] = {k: [] for k in kept}  # per step [R, U]
        self.control: list[np.ndarray] = []  # per step [R, T]

    def record_state(self) -> None:
        """Keep every lane's rungs, postures, units and theatres at the current step
        (``sim.abm.recorder.Recorder.state``)."""
        st = self.st
        self.steps.append(st.step)
        self.rungs.append(st.rung().astype(np.int8))
        self.postures.append(st.posture[:, self.pairs[0], self.pairs[1]].astype(np.int8))
        for name, kept in self.units.items():
            kept.append(getattr(st, name).copy())
        self.control.append(st.control.copy())

    def tables(self, keep: int | None = None) -> dict[str, pa.Table]:
        """The six results tables of lanes ``0 .. keep - 1`` (all lanes by default)."""
        keep = self.st.R if keep is None else min(int(keep), self.st.R)
        return {
            "timeseries": self._timeseries(keep),
            "postures": self._postures(keep),
            "decisions": self._decisions(keep),
            "events": self._events(keep),
            "forces": self._forces(keep),
            "theatres": self._theatres(keep),
        }

    # -- tables of the state: one row per lane x step x entity ---------------------------------

    def _grid(self, per_step: list[np.ndarray], keep: int) -> np.ndarray:
        """[S, R, X] values -> one value per row, in (lane, step, entity) order."""
        if not per_step:
            return np.zeros(0)
        return np.stack(per_step)[:, :keep].transpose(1, 0, 2).ravel()

    def _keys(self, keep: int, width: int) -> list[pa.Array]:
        """replicate, step and date of rows in (lane, step, entity) order, ``width`` entities."""
        steps = np.asarray(self.steps, dtype=np.int64)
        n_steps = len(steps)
        replicate = np.repeat(np.arange(keep, dtype=np.int32) + self.first, n_steps * width)
        step = np.tile(np.repeat(steps, width), keep)
        return [pa.array(replicate, pa.int32()), pa.array(step.astype(np.int16), pa.int16()),
                _dates(self.st, step)]  # fmt: skip

    def _entity(self, index: np.ndarray, keep: int) -> np.ndarray:
        """A per-entity constant (e.g. the unit's actor) repeated for every lane and step."""
        return np.tile(np.asarray(index), keep * len(self.steps))

    def _timeseries(self, keep: int) -> pa.Table:
        lay = self.st.layout
        rung = self._grid(self.rungs, keep)
        actor = self._entity(np.arange(lay.A), keep)
        return _table("timeseries", [*self._keys(keep, lay.A), _dictionary(actor, lay.actor_ids),
                                     pa.array(rung, pa.int8()),
                                     _dictionary(rung, lay.ladder.labels)])  # fmt: skip

    def _postures(self, keep: int) -> pa.Table:
        lay = self.st.layout
        a, b = self.pairs
        rung = self._grid(self.postures, keep)
        return _table("postures", [
            *self._keys(keep, a.size), _dictionary(self._entity(a, keep), lay.actor_ids),
            _dictionary(self._entity(b, keep), lay.actor_ids), pa.array(rung, pa.int8()),
            _dictionary(rung, lay.ladder.labels)])  # fmt: skip

    def _forces(self, keep: int) -> pa.Table:
        lay = self.st.layout
        u = self.units
        return _table("forces", [
            *self._keys(keep, lay.U),
            _dictionary(self._entity(np.arange(lay.U), keep), lay.unit_ids),
            _dictionary(self._entity(lay.unit_actor, keep), lay.actor_ids),
            _dictionary(self._grid(u["place"], keep), lay.place_ids),
            pa.array(self._grid(u["strength"], keep), pa.float64()),
            pa.array(self._grid(u["in_combat"], keep).astype(bool), pa.bool_()),
            pa.array(self._grid(u["losses"], keep), pa.float64())])  # fmt: skip

    def _theatres(self, keep: int) -> pa.Table:
        lay = self.st.layout
        return _table("theatres", [
            *self._keys(keep, lay.T),
            _dictionary(self._entity(np.arange(lay.T), keep), lay.theatre_ids),
            _dictionary(self._entity(lay.owner, keep), lay.actor_ids),
            _dictionary(self._entity(lay.holder, keep), lay.actor_ids),
            pa.array(self._grid(self.control, keep), pa.float64())])  # fmt: skip

    # -- tables of the log: rows in the order they were written, per lane ---------------------

    def _decisions(self, keep: int) -> pa.Table:
        lay = self.st.layout
        calls = self.st.log.decisions
        if not calls:
            return SCHEMAS["decisions"].empty_table()
        step, lane = _steps_and_lanes(calls)
        actor, target, action, rung = (np.concatenate([c[i] for c in calls]) for i in range(2, 6))
        rule, reason = (_strings([(c[i], c[1].size) for c in calls]) for i in (6, 7))
        order = _order(lane, step, keep)
        step, lane = step[order], lane[order]
        actors = (*lay.actor_ids, WORLD)  # an inject's decision that concerns no actor: "world"
        return _table("decisions", [
            pa.array(lane.astype(np.int32) + self.first, pa.int32()),
            pa.array(step.astype(np.int16), pa.int16()), _dates(self.st, step),
            _dictionary(np.where(actor[order] == NONE, lay.A, actor[order]), actors),
            _dictionary(target[order], lay.actor_ids), _dictionary(action[order], ACTIONS),
            pa.array(rung[order].astype(np.int8), pa.int8()),
            rule.take(order).dictionary_encode(), reason.take(order)])  # fmt: skip

    def _events(self, keep: int) -> pa.Table:
        lay = self.st.layout
        calls = self.st.log.events
        if not calls:
            return SCHEMAS["events"].empty_table()
        step, lane = _steps_and_lanes(calls)
        source, target = (np.concatenate([c[i] for c in calls]) for i in (2, 3))
        names = {name: k for k, name in enumerate(ACTIONS)}
        event = np.concatenate([_event_index(c[4], c[1].size, names) for c in calls])
        order = _order(lane, step, keep)
        step, lane, event = step[order], lane[order], event[order]
        vocabulary = list(names)
        codes = CodeArrays.of(vocabulary)
        actors = (*lay.actor_ids, WORLD)
        return _table("events", [
            pa.array(lane.astype(np.int32) + self.first, pa.int32()),
            pa.array(step.astype(np.int16), pa.int16()), _dates(self.st, step),
            _dictionary(np.where(source[order] == NONE, lay.A, source[order]), actors),
            _dictionary(target[order], lay.actor_ids), _dictionary(event, vocabulary),
            _dictionary(codes.cameo[event], codes.cameos),
            _masked(codes.goldstein[event], pa.float32()),
            _masked(codes.mid_level[event], pa.int8()),
            _dictionary(codes.quad[event], codes.quads)])  # fmt: skip

    # -- outcomes ------------------------------------------------------------------------------

    def outcomes(self, seed: int | None = None, keep: int | None = None) -> list[dict]:
        """One row per lane, ``EscalationModel.outcome``'s columns after ``replicate``, ``seed``
        (the block's) and ``lane``: each milestone's first step (None if never reached), every
        actor's peak and final rung, each contested theatre's final control, and the summed
        strength of every actor with units."""
        st, lay = self.st, self.st.layout
        keep = st.R if keep is None else min(int(keep), st.R)
        cols: dict[str, list] = {
            "replicate": list(range(self.first, self.first + keep)),
            "seed": [seed] * keep,
            "lane": list(range(keep)),
        }
        for m, name in enumerate(lay.milestone_ids):
            reached = st.milestone_step[:keep, m]
            cols[f"{name}_step"] = [None if s == NONE else s for s in reached.tolist()]
        final = st.rung()
        for a, aid in enumerate(lay.actor_ids):
            cols[f"peak_rung_{aid}"] = st.peak[:keep, a].tolist()
            cols[f"final_rung_{aid}"] = final[:keep, a].tolist()
        for t, tid in enumerate(lay.theatre_ids):
            cols[f"final_control_{tid}"] = st.control[:keep, t].tolist()
        for aid in lay.actor_ids:
            units = [lay.unit_index[u] for u, f in lay.scenario.forces.items() if f.actor == aid]
            if units:
                total = np.zeros(keep)
                for j in units:  # in the scenario's order, as the agent's sum adds them
                    total = total + st.strength[:keep, j]
                cols[f"final_strength_{aid}"] = total.tolist()
        keys = list(cols)
        return [dict(zip(keys, row, strict=True)) for row in zip(*cols.values(), strict=True)]


class CodeArrays:
    """The event codes of a vocabulary of event names, as arrays indexed by the name's index
    (NONE / NaN where an event has no codes, e.g. an inject)."""

    def __init__(self, cameo, cameos, goldstein, mid_level, quad, quads):
        self.cameo, self.cameos = cameo, cameos
        self.goldstein, self.mid_level = goldstein, mid_level
        self.quad, self.quads = quad, quads

    @classmethod
    def of(cls, vocabulary: Sequence[str]) -> CodeArrays:
        known = event_codes()
        cameos: dict[str, int] = {}
        quads: dict[str, int] = {}
        n = len(vocabulary)
        cameo, quad = np.full(n, NONE), np.full(n, NONE)
        goldstein, mid = np.full(n, np.nan), np.full(n, np.nan)
        for k, name in enumerate(vocabulary):
            c = known.get(name)
            if c is not None:
                cameo[k] = cameos.setdefault(c.cameo, len(cameos))
                quad[k] = quads.setdefault(c.quad_class, len(quads))
                goldstein[k], mid[k] = c.goldstein, c.mid_level
        return cls(cameo, tuple(cameos), goldstein, mid, quad, tuple(quads))


def _event_index(event, n: int, names: dict[str, int]) -> np.ndarray:
    """A log call's events as indices into ``names`` (growing it with new event names)."""
    if isinstance(event, str):
        return np.full(n, names.setdefault(event, len(names)), dtype=np.int64)
    return np.asarray(event, dtype=np.int64)


def _steps_and_lanes(calls: list[tuple]) -> tuple[np.ndarray, np.ndarray]:
    step = np.concatenate([np.full(c[1].size, c[0], dtype=np.int64) for c in calls])
    lane = np.concatenate([c[1] for c in calls])
    return step, lane


def _strings(parts: list[tuple]) -> pa.Array:
    """Log columns that are one string per call (of ``n`` rows) or an array of strings, as one
    Arrow string array."""
    chunks = [
        pa.repeat(pa.scalar(p, pa.string()), n)
        if isinstance(p, str)
        else pa.array(np.asarray(p, dtype=object).ravel(), pa.string())
        for p, n in parts
    ]
    return pa.chunked_array(chunks, pa.string()).combine_chunks()


def _order(lane: np.ndarray, step: np.ndarray, keep: int) -> np.ndarray:
    """Rows of the kept lanes by lane, then step, then the order they were written."""
    kept = np.flatnonzero(lane < keep)
    key = lane[kept] * (int(step.max(initial=0)) + 1) + step[kept]
    return kept[np.argsort(key, kind="stable")]


def _dates(st: BatchState, step: np.ndarray) -> pa.Array:
    """The calendar date at the end of each step (the start date at step 0), as date32."""
    start = (st.layout.scenario.start_date - EPOCH).days
    days = start + np.asarray(step, dtype=np.int64) * int(st.layout.days)
    return pa.array(days.astype(np.int32), pa.date32())


def _dictionary(index: np.ndarray, names: Sequence[str]) -> pa.DictionaryArray:
    """A dictionary column of ``names[index]`` (NONE: null) holding only the names used."""
    index = np.asarray(index, dtype=np.int64)
    used = np.bincount(index + 1, minlength=len(names) + 1)[1:] > 0
    remap = np.cumsum(used) - 1
    null = index == NONE
    codes = np.where(null, 0, remap[np.where(null, 0, index)]).astype(np.int32)
    dictionary = pa.array([n for n, u in zip(names, used, strict=True) if u], pa.string())
    indices = pa.array(codes, pa.int32(), mask=null if null.any() else None)
    return pa.DictionaryArray.from_arrays(indices, dictionary)


def _masked(values: np.ndarray, typ: pa.DataType) -> pa.Array:
    """Numbers with NaN as null, in ``typ``."""
    null = np.isnan(values)
    return pa.array(np.where(null, 0, values), mask=null).cast(typ)


def _table(name: str, columns: list[pa.Array]) -> pa.Table:
    schema = SCHEMAS[name]
    columns = [
        c if c.type == f.type else c.cast(f.type) for c, f in zip(columns, schema, strict=True)
    ]
    return pa.Table.from_arrays(columns, schema=schema)
