"""Running one job into a results folder: replicates in chunks, streamed to disk, with progress.

The manifest (``run.json``) records what produced the results: the resolved config, the engine,
the base seed and every replicate's seed (with ``engine=batched``: the block size and every
block's seed), the scenario's file and hashes, the package versions and the wall time.
"""

from __future__ import annotations

import logging
import os
import platform
import sys
import time
from collections.abc import Iterator
from datetime import UTC, datetime
from importlib.metadata import version
from pathlib import Path
from typing import Any

from tqdm import tqdm

from sim import __version__
from sim.domain.scenario_io import file_hash, scenario_hash
from sim.experiment.chunking import DEFAULT_MEMORY_MB, chunk_size_for, probe
from sim.experiment.job import Job
from sim.experiment.pool import iter_parallel, resolve_workers
from sim.experiment.results import ResultsWriter
from sim.experiment.simulate import ChunkResult, simulate_chunk
from sim.limits import check_run_knobs

log = logging.getLogger(__name__)


def chunks(n: int, size: int, start: int = 0) -> list[list[int]]:
    """Replicate indices start..n-1 cut into consecutive chunks of ``size``."""
    return [list(range(i, min(i + size, n))) for i in range(start, n, size)]


def iter_chunks(
    job: Job, size: int, workers: int = 1, first: ChunkResult | None = None
) -> Iterator[ChunkResult]:
    """Results of ``job``'s replicates, chunk by chunk, in order: in this process when
    ``workers`` is 1, else from a pool of ``workers`` processes. ``first``: replicate 0's
    result, already simulated (see ``sim.experiment.chunking``)."""
    if first is not None:
        yield first
    batches = chunks(job.replicates, size, start=0 if first is None else 1)
    if not batches:
        return
    if workers <= 1 or len(batches) == 1:
        for indices in batches:
            yield simulate_chunk(job, indices)
    else:
        yield from iter_parallel(job, batches, workers)


def run_job(
    job: Job,
    out_dir: Path,
    config: dict[str, Any] | None = None,
    scenario_file: str | None = None,
    chunk_size: int = 0,
    progress: bool = True,
    workers: int = 1,
    memory_mb: int = DEFAULT_MEMORY_MB,
) -> dict[str, Any]:
    """Run every replicate of ``job`` into ``out_dir``; returns the manifest written to run.json.

    ``workers``: processes for the replicates (0 = automatic, see ``resolve_workers``);
    ``chunk_size``: replicates per task (0 = automatic: from replicate 0's measured size and
    the ``memory_mb`` budget, see ``sim.experiment.chunking``). None changes the results.
    With ``engine=batched`` a task is one block (``sim.batch.run.BLOCK`` replicates, or the
    part of one a small run keeps) and ``chunk_size`` is not used.
    """
    started, t0 = datetime.now(UTC), time.perf_counter()
    check_run_knobs({"chunk_size": chunk_size, "workers": workers, "memory_mb": memory_mb})
    workers = resolve_workers(workers, job.replicates)
    if job.engine == "batched":
        from sim.batch.run import BLOCK

        first, footprint, size = None, None, BLOCK
        workers = min(workers, -(-job.replicates // BLOCK))
    else:
        first, footprint = probe(job) if not chunk_size else (None, None)
        size = chunk_size or chunk_size_for(job.replicates, workers, footprint, memory_mb)
    writer = ResultsWriter(out_dir)
    quiet = not show_progress(progress)
    bar = tqdm(total=job.replicates, unit="rep", desc="replicates", disable=quiet)
    try:
        for chunk in iter_chunks(job, size, workers, first):
            writer.add(chunk.tables, chunk.outcomes)
            bar.update(len(chunk.outcomes))
    except BaseException:
        writer.abort()
        raise
    finally:
        bar.close()
    manifest = build_manifest(job, config, scenario_file, started, time.perf_counter() - t0)
    manifest["execution"] = {"workers": workers, "chunk_size": size, "memory_mb": memory_mb}
    if footprint:
        manifest["execution"]["replicate_kb"] = round(footprint.per_replicate() / 1024, 1)
    writer.finish(manifest)
    return manifest


def show_progress(wanted: bool) -> bool:
    """Progress bars only when asked for, on a terminal, and not in CI."""
    return wanted and sys.stderr.isatty() and not os.environ.get("CI")


def seeds_of(job: Job) -> dict[str, Any]:
    """Every replicate's seed (agents), or the block size and every block's seed (batched)."""
    if job.engine != "batched":
        return {"replicate_seeds": [job.replicate_seed(i) for i in range(job.replicates)]}
    from sim.batch.run import BLOCK

    blocks = -(-job.replicates // BLOCK)
    return {"block": BLOCK, "block_seeds": [job.block_seed(b) for b in range(blocks)]}


def build_manifest(job, config, scenario_file, started, wall) -> dict[str, Any]:
    """The provenance of a run: config, seeds, scenario hashes, versions, timings."""
    return {
        "status": "complete",
        "wargame_version": __version__,
        "versions": {
            "python": platform.python_version(),
            **{p: version(p) for p in ("mesa", "hydra-core", "numpy", "pandas", "pyarrow")},
        },
        "config": config or {},
        "scenario": {
            "name": job.world.name,
            "title": job.world.title,
            "file": scenario_file,
            "file_sha256": file_hash(Path(scenario_file)) if scenario_file else None,
            "resolved_sha256": scenario_hash(job.world),
        },
        "engine": job.engine,
        "seeds": {
            "base_seed": job.base_seed,
            "seeding": job.seeding,
            "params_digest": job.params_digest,
            **seeds_of(job),
        },
        "replicates": job.replicates,
        "steps": job.steps,
        "started": started.isoformat(),
        "wall_time_s": round(wall, 3),
    }
