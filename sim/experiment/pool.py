"""Running a job's replicates across processes: one pool per job, chunks of replicates per task.

The job (scenario, rules, combat) is sent to each worker once, when the pool starts; a task is
then only a list of replicate indices, and its answer the chunk's Arrow tables. Chunks come back
in the order they were sent, with at most a few in flight, so the tables on disk are the same
whatever the number of workers, and memory stays bounded however many replicates there are.

A worker exits as soon as its parent is gone, even when the parent was killed with ``kill -9``
(what the out-of-memory killer does): it watches its parent process and leaves no orphan.
How many workers a job gets under a sweep launcher is ``launcher_workers``.
"""

from __future__ import annotations

import multiprocessing as mp
import os
import sys
import threading
import time
import warnings
from collections import deque
from collections.abc import Iterator, Mapping
from concurrent.futures import Future, ProcessPoolExecutor
from typing import Any

from sim.experiment.job import Job
from sim.experiment.machine import cores
from sim.experiment.simulate import ChunkResult, simulate_chunk
from sim.limits import check_run_knobs

AUTO_PARALLEL_MIN = 200  # with workers=0, jobs with fewer replicates run in this process
IN_FLIGHT_PER_WORKER = 2  # chunks queued per worker: keeps workers busy, memory bounded
PARENT_CHECK_S = 0.5  # how often a worker checks that its parent is alive

_job: Job | None = None  # the job of this worker process, set once by _start_worker


def resolve_workers(requested: int, replicates: int) -> int:
    """The number of processes for a job: ``requested``, or with 0 all cores for large jobs."""
    check_run_knobs({"workers": requested})
    if requested == 0:
        requested = cores() if replicates >= AUTO_PARALLEL_MIN else 1
    return max(1, min(requested, replicates))


def launcher_workers(launcher: Mapping[str, Any], available: int) -> int:
    """Processes for each job of a sweep, from the launcher's config, so that the jobs running
    at once share the ``available`` cores instead of each taking all of them:

    - basic: one job at a time, so 0 (automatic: every core for a large job);
    - joblib: ``n_jobs`` jobs at once (-1: one per core, -2: all but one, ...): an equal share;
    - submitit on this machine: ``cpus_per_task`` if set, else an equal share among the
      ``array_parallelism`` jobs started at once; on SLURM, 0 (the job's allocation is all
      this process may use);
    - Ray: the cores the job reserves (``ray.remote.num_cpus``, default 1).
    """
    target = str(launcher.get("_target_") or "")
    if "BasicLauncher" in target or not target:
        return 0
    if "Joblib" in target:
        n_jobs = int(launcher.get("n_jobs") or -1)
        at_once = n_jobs if n_jobs > 0 else max(1, available + 1 + n_jobs)
        return max(1, available // at_once)
    if "submitit" in target.lower():
        if "Slurm" in target:
            return 0
        cpus = launcher.get("cpus_per_task")
        if cpus:
            return max(1, min(int(cpus), available))
        return max(1, available // int(launcher.get("array_parallelism") or 1))
    if "Ray" in target:
        remote = launcher.get("ray", {}).get("remote", {}) or {}
        return max(1, min(int(remote.get("num_cpus") or 1), available))
    return 1


def _start_worker(job: Job, parent: int) -> None:
    global _job
    _job = job
    threading.Thread(target=_watch_parent, args=(parent,), daemon=True).start()


def _watch_parent(parent: int) -> None:
    """End this worker when its parent process is gone (it is then adopted by another)."""
    while os.getppid() == parent:
        time.sleep(PARENT_CHECK_S)
    os._exit(1)


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
    with ProcessPoolExecutor(workers, _context(), _start_worker, (job, os.getpid())) as pool:
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
