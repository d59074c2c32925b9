"""Running a job's replicates across processes: one pool per job, chunks of replicates per task.

The job (scenario, rules, combat) is sent to each worker once, when the pool starts; a task is
then only a list of replicate indices, and its answer the chunk's Arrow tables. Chunks come back
in the order they were sent, with at most a few in flight, so the tables on disk are the same
whatever the number of workers, and memory stays bounded however many replicates there are.
"""

from __future__ import annotations

import multiprocessing as mp
import os
import sys
import warnings
from collections import deque
from collections.abc import Iterator
from concurrent.futures import Future, ProcessPoolExecutor

from sim.experiment.job import Job
from sim.experiment.simulate import ChunkResult, simulate_chunk

AUTO_PARALLEL_MIN = 200  # with workers=0, jobs with fewer replicates run in this process
IN_FLIGHT_PER_WORKER = 2  # chunks queued per worker: keeps workers busy, memory bounded

_job: Job | None = None  # the job of this worker process, set once by _start_worker


def cores() -> int:
    """The CPU cores this process may use."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # macOS, Windows
        return os.cpu_count() or 1


def resolve_workers(requested: int, replicates: int) -> int:
    """The number of processes for a job: ``requested``, or with 0 all cores for large jobs."""
    if requested < 0:
        from sim.domain.errors import ConfigError

        raise ConfigError(f"workers = {requested} must be 0 (automatic) or more")
    if requested == 0:
        requested = cores() if replicates >= AUTO_PARALLEL_MIN else 1
    return max(1, min(requested, replicates))


def _start_worker(job: Job) -> None:
    global _job
    _job = job


def _run_chunk(indices: list[int]) -> ChunkResult:
    assert _job is not None, "worker started without a job"
    return simulate_chunk(_job, indices)


def _context() -> mp.context.BaseContext:
    """Fork on Linux: workers start in a tenth of a second with the model already imported, and
    scripts calling ``run_job`` need no ``if __name__ == "__main__"`` guard. (Python 3.12 warns
    about forking a process with threads; ours are Arrow's and the executor's, which are
    fork-aware, so the warning is silenced in ``_submit``.) Elsewhere: spawn."""
    if sys.platform.startswith("linux"):
        return mp.get_context("fork")
    return mp.get_context("spawn")


def _submit(pool: ProcessPoolExecutor, indices: list[int]) -> Future[ChunkResult]:
    with warnings.catch_warnings():
        warnings.filterwarnings("ignore", "This process .* is multi-threaded", DeprecationWarning)
        return pool.submit(_run_chunk, indices)


def iter_parallel(job: Job, batches: list[list[int]], workers: int) -> Iterator[ChunkResult]:
    """Results of ``batches`` of ``job``'s replicates, in order, from ``workers`` processes."""
    window = workers * IN_FLIGHT_PER_WORKER
    with ProcessPoolExecutor(workers, _context(), _start_worker, (job,)) as pool:
        pending: deque[Future[ChunkResult]] = deque()
        todo = iter(batches)
        try:
            for indices in todo:
                pending.append(_submit(pool, indices))
                if len(pending) >= window:
                    yield pending.popleft().result()
            while pending:
                yield pending.popleft().result()
        finally:
            for f in pending:
                f.cancel()
