"""Running replicates of a job and turning their records into Arrow tables.

``simulate_chunk`` is a pure function of (job, replicate indices): a worker process can run it
as well as the parent, and the same indices always give the same tables. With
``engine=batched`` it runs the blocks the indices fall in (``sim.batch.run``) and keeps their
rows.
"""

from __future__ import annotations

import datetime as dt
import gc
from dataclasses import dataclass

import pyarrow as pa
import pyarrow.compute as pc

from sim.abm.model import EscalationModel
from sim.abm.recorder import Recorder
from sim.experiment.job import Job
from sim.experiment.tables import SCHEMAS, TIME_TABLES

TABLES = TIME_TABLES


@dataclass
class ChunkResult:
    """Tables of a few replicates, plus their outcome rows."""

    tables: dict[str, pa.Table]
    outcomes: list[dict]


def new_model(job: Job, index: int) -> EscalationModel:
    """The model of replicate ``index`` of ``job`` before its first turn."""
    return EscalationModel(
        job.world,
        rules=job.rules,
        combat=job.combat,
        rng=job.replicate_seed(index),
        replicate=index,
        human_actors=frozenset(job.human_actors),
    )


def run_replicate(job: Job, index: int) -> EscalationModel:
    """One replicate of ``job``, played for ``job.steps`` turns."""
    model = new_model(job, index)
    for _ in range(job.steps):
        model.step()
    return model


def simulate_chunk(job: Job, indices: list[int]) -> ChunkResult:
    """Run the replicates ``indices`` of ``job`` and gather their tables and outcomes.

    Python's cyclic garbage collector is paused for the chunk and run once at its end, on the
    young generation only: the chunk allocates hundreds of thousands of row tuples, none of them
    in cycles, and scanning them again and again cost about a tenth of the run (they are freed
    before the collection, so it does not scan them either). Everything the
    chunk allocated is still in the young generation, so collecting that frees the chunk's
    models (they hold cycles) without rescanning the long-lived heap, as a full collection did
    (3.4 ms per replicate in a sweep job). The tables do not depend on it.
    """
    if job.engine == "batched":
        return simulate_blocks(job, indices)
    rows: dict[str, list[tuple]] = {name: [] for name in TABLES}
    outcomes = []
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        for i in indices:
            model = run_replicate(job, i)
            outcomes.append({"replicate": i, "seed": job.replicate_seed(i), **model.outcome()})
            for name, taken in model.recorder.drain(TABLES).items():
                rows[name].extend(taken)
        tables = {n: rows_to_table(n, r) for n, r in rows.items()}
    finally:
        if was_enabled:
            gc.enable()
    del rows  # the row tuples go now (no cycles), so the collection scans only what is left
    gc.collect(0)
    return ChunkResult(tables, outcomes)


def simulate_blocks(job: Job, indices: list[int]) -> ChunkResult:
    """The replicates ``indices`` of a batched job: each block they fall in is simulated
    (``sim.batch.run.run_block``) up to the last lane wanted, and the rows of ``indices`` kept,
    in replicate order."""
    from sim.batch.run import BLOCK, block_of, run_block

    wanted = sorted(set(indices))
    parts: dict[str, list[pa.Table]] = {name: [] for name in TABLES}
    outcomes: list[dict] = []
    for b in sorted({block_of(i) for i in wanted}):
        lanes = [i for i in wanted if block_of(i) == b]
        keep = lanes[-1] - b * BLOCK + 1
        tables, rows = run_block(job.world, job.rules, job.combat, job.steps, job.block_seed(b),
                                 b, keep)  # fmt: skip
        if len(lanes) < keep:  # not a whole prefix of the block: keep only the lanes asked for
            chosen = pa.array(lanes, pa.int32())
            tables = {n: t.filter(pc.is_in(t["replicate"], chosen)) for n, t in tables.items()}
            kept = set(lanes)
            rows = [r for r in rows if r["replicate"] in kept]
        for name in TABLES:
            parts[name].append(tables[name])
        outcomes.extend(rows)
    return ChunkResult({n: pa.concat_tables(p) for n, p in parts.items()}, outcomes)


def tables_of(recorder: Recorder) -> dict[str, pa.Table]:
    """A single model's records as Arrow tables (for play mode and tests)."""
    return {name: rows_to_table(name, getattr(recorder, name)) for name in TABLES}


def rows_to_table(name: str, rows: list[tuple]) -> pa.Table:
    """Rows of a results table as an Arrow table with the contract's schema."""
    schema = SCHEMAS[name]
    columns = list(zip(*rows, strict=True)) if rows else [[] for _ in schema.names]
    arrays = [_array(col, field.type) for col, field in zip(columns, schema, strict=True)]
    return pa.Table.from_arrays(arrays, schema=schema)


def _array(values, typ: pa.DataType) -> pa.Array:
    """One column as an Arrow array: converted directly (fastest), else value by value. A
    dictionary column is converted as strings and then encoded (nine times faster than
    converting straight to the dictionary type)."""
    try:
        if pa.types.is_dictionary(typ):
            encoded = pa.array(values, type=typ.value_type).dictionary_encode()
            return encoded if encoded.type == typ else encoded.cast(typ)
        return pa.array(values, type=typ)
    except (pa.ArrowInvalid, pa.ArrowTypeError):
        return _array_by_value(values, typ)


def _array_by_value(values, typ: pa.DataType) -> pa.Array:
    if pa.types.is_dictionary(typ):
        return pa.array(values, type=pa.string()).dictionary_encode().cast(typ)
    if pa.types.is_date32(typ):
        return pa.array([v if isinstance(v, dt.date) else None for v in values], type=typ)
    return pa.array(values, type=typ)
