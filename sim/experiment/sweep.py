"""The sweep's Hydra callback (registered in ``conf/config.yaml`` under ``hydra.callbacks``).

- at the start of a multirun: refuse a sweep folder that already holds a sweep's results unless
  the command resumes it (``resume=true``) or says ``--force`` (which removes the old results
  first: no old figure stays beside new data); refuse a resume whose config differs from the
  one that made the folder (``sim.experiment.sweep_identity``); then write the plan of jobs
  with the sweep's identity (``sweep_plan.json``);
- after each job: log one line, done / failed / remaining, elapsed time and an estimate of what
  is left (at debug level when ``CI`` is set, to keep CI logs quiet);
- at the end: write ``sweep.parquet`` and ``manifest.json`` (``sim.experiment.aggregate``),
  print the sweep's table (``sim.analysis.sweep_table``), and if any job failed or is missing,
  end the command with an error naming them.

Jobs may run in other processes (joblib, Ray, SLURM), so everything goes through files in the
sweep folder, never through this object's memory.
"""

from __future__ import annotations

import logging
import os
import shutil
import sys
import time
from pathlib import Path
from typing import Any

from hydra.core.utils import JobReturn
from hydra.experimental.callback import Callback
from omegaconf import DictConfig

from sim.experiment.aggregate import MANIFEST, SWEEP_TABLE, aggregate, job_records
from sim.experiment.plan import PLAN_FILE, SweepPlan, plan_of
from sim.experiment.sweep_identity import difference, sweep_identity
from sim.experiment.sweep_job import DONE, FAILED, JOB_FILE

log = logging.getLogger("wargame.sweep")
FORCE_ENV = "WARGAME_FORCE"  # set by ``wargame --force`` (sim/cli.py)


class SweepFailed(SystemExit):
    """Some jobs of a sweep failed or never finished: ends the command with exit status 1.

    A SystemExit, because Hydra turns any Exception raised by a callback into a warning.
    """

    def __init__(self, message: str):
        super().__init__(1)
        self.message = message

    def __str__(self) -> str:
        return self.message


class SweepCallback(Callback):
    """Plans, reports on and gathers the results of a sweep (see the module docstring)."""

    def on_multirun_start(self, config: DictConfig, **kwargs: Any) -> None:
        sweep_dir = Path(config.hydra.sweep.dir)
        try:
            plan = plan_of(config)
        except Exception as exc:  # noqa: BLE001 - another sweeper: no plan, scan folders instead
            log.debug("no sweep plan: %s", exc)
            plan = None
        if plan is not None:
            plan.identity = sweep_identity(config, plan.jobs, plan.swept)
        guard_folder(sweep_dir, bool(config.get("resume")), os.environ.get(FORCE_ENV) == "1",
                     plan.identity if plan else None)  # fmt: skip
        if plan is None:
            return
        plan.write(sweep_dir)
        resume = " (resuming: jobs already done are skipped)" if _resuming(plan) else ""
        log.info("sweep of %d jobs into %s%s", len(plan.jobs), sweep_dir, resume)

    def on_job_end(self, config: DictConfig, job_return: JobReturn, **kwargs: Any) -> None:
        sweep_dir = Path(config.hydra.sweep.dir)
        plan = SweepPlan.read(sweep_dir)
        if plan is None:
            return
        log.log(_progress_level(), "%s", progress_line(sweep_dir, plan, int(config.hydra.job.num)))

    def on_multirun_end(self, config: DictConfig, **kwargs: Any) -> None:
        sweep_dir = Path(config.hydra.sweep.dir)
        manifest = aggregate(sweep_dir, SweepPlan.read(sweep_dir))
        counts = manifest["counts"]
        log.info("sweep finished: %d done, %d failed, %d missing; %s (%d rows) and %s in %s",
                 counts[DONE], counts[FAILED], counts["missing"], SWEEP_TABLE, manifest["rows"],
                 MANIFEST, sweep_dir)  # fmt: skip
        if manifest["rows"]:
            from sim.analysis.sweep_table import sweep_summary

            try:
                print(sweep_summary(sweep_dir), flush=True)
            except Exception as exc:  # noqa: BLE001 - the results are written; the table is a view
                log.warning("no sweep table: %s", exc)
        bad = [j for j in manifest["jobs"] if j["status"] != DONE]
        if bad:
            lines = [f"  #{j['num']} {' '.join(j['overrides'])}: {j['status']}"
                     + (f" ({j['error']})" if j["error"] else "") for j in bad]  # fmt: skip
            message = (
                f"wargame: {len(bad)} of {len(manifest['jobs'])} sweep jobs did not finish:\n"
                + "\n".join(lines)
                + (
                    f"\nThe other jobs' results are in {sweep_dir / SWEEP_TABLE}."
                    if manifest["rows"]
                    else "\nNo job finished, so there is no sweep table."
                )
                + " Fix the cause and re-run the same command with resume=true (and the same "
                "hydra.sweep.dir) to run only these jobs."
            )
            print(message, file=sys.stderr)
            raise SweepFailed(message)


def guard_folder(
    sweep_dir: Path, resume: bool, force: bool, identity: dict[str, Any] | None = None
) -> None:
    """Refuse to run into a folder holding an earlier sweep's results, unless resuming that
    same sweep (a resume whose config differs from the one that made the folder is refused:
    ``sim.experiment.sweep_identity``); with ``force``, remove those results first (only the
    sweep's own files and job folders)."""
    earlier = [p for p in (MANIFEST, PLAN_FILE, SWEEP_TABLE) if (sweep_dir / p).exists()]
    if not earlier:
        return
    differs = _difference_from_earlier(sweep_dir, identity) if resume else None
    if resume and not differs:
        return
    if differs and not force:
        message = (
            f"wargame: resume=true: {sweep_dir} holds a sweep made with a different config "
            f"({differs}); nothing was changed. Resume with the command that made it, "
            "--force to replace it, or choose another folder with hydra.sweep.dir=PATH."
        )
        print(message, file=sys.stderr)
        raise SweepRefused(message)
    if not force:
        message = (
            f"wargame: {sweep_dir} already holds a sweep's results ({', '.join(earlier)}). "
            "Add resume=true to finish it, --force to replace it, or choose another folder "
            "with hydra.sweep.dir=PATH."
        )
        print(message, file=sys.stderr)
        raise SweepRefused(message)
    for job_file in sweep_dir.glob(f"*/{JOB_FILE}"):
        shutil.rmtree(job_file.parent)
    for name in (MANIFEST, PLAN_FILE, SWEEP_TABLE, "multirun.yaml"):
        (sweep_dir / name).unlink(missing_ok=True)
    shutil.rmtree(sweep_dir / "plots", ignore_errors=True)
    log.info("--force: removed the earlier results in %s", sweep_dir)


def _difference_from_earlier(sweep_dir: Path, identity: dict[str, Any] | None) -> str | None:
    """How this sweep differs from the one that made ``sweep_dir``, in words; None when it is
    the same, or when either is unknown (another sweeper, or a plan saved before identities)."""
    before = SweepPlan.read(sweep_dir)
    if identity is None or before is None or before.identity is None:
        return None
    return difference(before.identity, identity)


class SweepRefused(SystemExit):
    """A sweep would overwrite earlier results: ends the command with exit status 2."""

    def __init__(self, message: str):
        super().__init__(2)
        self.message = message

    def __str__(self) -> str:
        return self.message


def _resuming(plan: SweepPlan) -> bool:
    return any("resume=true" in job for job in plan.jobs)


def _progress_level() -> int:
    return logging.DEBUG if os.environ.get("CI") else logging.INFO


def progress_line(sweep_dir: Path, plan: SweepPlan, num: int) -> str:
    """``job #3 done: 4 done, 1 failed, 5 remaining of 10; elapsed 12s, about 15s left``."""
    records = job_records(sweep_dir, plan)
    done = sum(r["status"] == DONE for r in records)
    failed = sum(r["status"] == FAILED for r in records)
    remaining = len(records) - done - failed
    status = records[num]["status"] if num < len(records) else "?"
    elapsed = time.time() - plan.started
    finished = max(1, done + failed)
    left = f", about {_duration(elapsed / finished * remaining)} left" if remaining else ""
    return (f"job #{num} {status}: {done} done, {failed} failed, {remaining} remaining of "
            f"{len(records)}; elapsed {_duration(elapsed)}{left}")  # fmt: skip


def _duration(seconds: float) -> str:
    seconds = int(round(seconds))
    if seconds < 120:
        return f"{seconds}s"
    minutes, seconds = divmod(seconds, 60)
    if minutes < 120:
        return f"{minutes}m{seconds:02d}s"
    hours, minutes = divmod(minutes, 60)
    return f"{hours}h{minutes:02d}m"
