"""How many replicates go into one chunk: as many as keep the results in flight under a memory
budget, measured on the job's first replicate.

A worker holds its chunk's records as Python rows and then as Arrow tables; the parent holds up
to ``IN_FLIGHT_PER_WORKER`` finished chunks per worker before writing them. A replicate's size
grows with the scenario (units x turns rows), so a fixed chunk size either wastes time on small
scenarios or runs out of memory on large ones (1,000 replicates of a 1,000-unit scenario peaked
at 2.6 GB with chunks of 250). The first replicate is run in this process with its memory
traced; its result is kept as the first chunk, so nothing is simulated twice.
"""

from __future__ import annotations

import tracemalloc
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # imported when used: sim.config reads the default here without the model
    from sim.experiment.job import Job
    from sim.experiment.simulate import ChunkResult

DEFAULT_MEMORY_MB = 1000  # budget for results in flight: well under a laptop's memory
MAX_CHUNK = 250  # more per chunk saves nothing measurable
CHUNKS_PER_WORKER = 4  # at least this many chunks per worker, so the load stays even


@dataclass(frozen=True)
class Footprint:
    """The memory a replicate takes while its chunk is built (Python rows, the model) and
    once its records are Arrow tables."""

    building: int  # bytes, peak of Python allocations while simulated and converted
    tables: int  # bytes of its Arrow tables

    def per_replicate(self) -> int:
        """Bytes a replicate costs in flight: built in a worker, then queued in the parent."""
        from sim.experiment.pool import IN_FLIGHT_PER_WORKER

        return self.building + (IN_FLIGHT_PER_WORKER + 1) * self.tables


def probe(job: Job) -> tuple[ChunkResult, Footprint]:
    """Run replicate 0 with its memory traced: its result (the first chunk) and footprint."""
    from sim.experiment.simulate import simulate_chunk

    was_tracing = tracemalloc.is_tracing()
    if not was_tracing:
        tracemalloc.start()
    tracemalloc.reset_peak()
    base = tracemalloc.get_traced_memory()[0]
    try:
        first = simulate_chunk(job, [0])
        peak = tracemalloc.get_traced_memory()[1] - base
    finally:
        if not was_tracing:
            tracemalloc.stop()
    tables = sum(t.nbytes for t in first.tables.values())
    return first, Footprint(max(peak, 1), tables)


def chunk_size_for(replicates: int, workers: int, footprint: Footprint, memory_mb: int) -> int:
    """Replicates per chunk: the most that keep ``workers`` chunks being built and their queued
    results under ``memory_mb``, at most ``MAX_CHUNK``, and small enough that every worker gets
    ``CHUNKS_PER_WORKER`` chunks; at least one."""
    workers = max(1, workers)
    fits = memory_mb * 2**20 // (workers * footprint.per_replicate())
    even = replicates // (CHUNKS_PER_WORKER * workers)
    return int(max(1, min(MAX_CHUNK, fits, max(1, even))))
