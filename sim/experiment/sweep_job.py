"""One job of a sweep: run it (or skip it on resume), and record how it went in ``job.json``.

A failing job must not end the sweep: the error is caught here, logged and written to the job's
``job.json`` (status ``failed``), and the sweep carries on; the end-of-sweep callback
(``sim.experiment.sweep``) then lists the failures and makes the command exit non-zero.
With ``resume=true`` a job whose folder already holds complete results of the same job (same
parameters digest, base seed, seeding, engine, replicates and steps) is skipped.
"""

from __future__ import annotations

import json
import logging
import time
import traceback
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from hydra.core.hydra_config import HydraConfig
from omegaconf import DictConfig

from sim.experiment.job import Job
from sim.experiment.results import write_json_atomic

log = logging.getLogger("wargame.sweep")

JOB_FILE = "job.json"
DONE, FAILED = "done", "failed"


def read_json(path: Path) -> dict[str, Any] | None:
    """A JSON file's content, or None when it is missing or unreadable (e.g. half written)."""
    try:
        return json.loads(Path(path).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None


def same_results(out_dir: Path, job: Job) -> bool:
    """Whether ``out_dir`` already holds the complete results of ``job``."""
    run = read_json(out_dir / "run.json")
    if not run or run.get("status") != "complete":
        return False
    seeds = run.get("seeds", {})
    return (
        seeds.get("params_digest") == job.params_digest
        and seeds.get("base_seed") == job.base_seed
        and seeds.get("seeding", "per_point") == job.seeding
        and run.get("engine", "agents") == job.engine
        and run.get("replicates") == job.replicates
        and run.get("steps") == job.steps
    )


def write_record(out_dir: Path, status: str, wall: float, error: str | None = None,
                 resumed: bool = False) -> dict[str, Any]:  # fmt: skip
    """Write this job's ``job.json``: its number, overrides, status, error and wall time."""
    hc = HydraConfig.get()
    record = {
        "num": int(hc.job.num),
        "overrides": list(hc.overrides.task),
        "status": status,
        "error": error,
        "wall_time_s": round(wall, 3),
        "output_dir": str(out_dir),
        "finished": datetime.now(UTC).isoformat(),
        "resumed": resumed,
    }
    write_json_atomic(record, out_dir / JOB_FILE)
    return record


def run_sweep_job(
    cfg: DictConfig,
    out_dir: Path,
    build: Callable[[DictConfig], Job],
    execute: Callable[[DictConfig, Job], None],
) -> dict[str, Any]:
    """Run one sweep job with ``build`` then ``execute``; never raises for a failing job."""
    (out_dir / JOB_FILE).unlink(missing_ok=True)
    t0 = time.perf_counter()
    try:
        job = build(cfg)
        if cfg.resume and same_results(out_dir, job):
            previous = read_json(out_dir / "run.json") or {}
            num = HydraConfig.get().job.num
            log.info("job #%s already done with the same config: skipped", num)
            return write_record(out_dir, DONE, previous.get("wall_time_s", 0.0), resumed=True)
        (out_dir / "run.json").unlink(missing_ok=True)
        execute(cfg, job)
    except Exception as exc:  # noqa: BLE001 - any failure of one job is recorded, not fatal
        message = f"{type(exc).__name__}: {exc}"
        log.error("job #%s failed: %s", HydraConfig.get().job.num, message)
        log.debug("%s", traceback.format_exc())
        return write_record(out_dir, FAILED, time.perf_counter() - t0, message)
    return write_record(out_dir, DONE, time.perf_counter() - t0)
