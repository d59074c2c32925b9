"""Running a design as a sweep: ``wargame -m hydra/sweeper=design ...`` in a child process.

The child is the ordinary ``wargame`` command, so the configured launcher (``hydra/launcher=...``
among the overrides: joblib, Ray, SLURM) runs the jobs, progress is logged a line per job, and
``resume=true`` skips the jobs already done. A child process keeps Hydra's global state out of
the calling command.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from sim.analysis.errors import ResultsError
from sim.experiment.catalog import PROJECT_ROOT


def run_design(design: Path, sweep_dir: Path, overrides: list[str], resume: bool) -> None:
    """Run every row of ``design`` into ``sweep_dir`` (plots off); raise if a job failed."""
    argv = [
        sys.executable,
        "-m",
        "sim.cli",
        "-m",
        "hydra/sweeper=design",
        f"hydra.sweeper.design={Path(design).resolve()}",
        f"hydra.sweep.dir={Path(sweep_dir).resolve()}",
        "plots=false",
        "progress=false",
        *(["resume=true"] if resume else []),
        *overrides,
    ]
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join(p for p in (str(PROJECT_ROOT), env.get("PYTHONPATH")) if p)
    done = subprocess.run(argv, env=env, check=False)
    if done.returncode != 0:
        raise ResultsError(
            f"the sweep into {sweep_dir} did not finish (exit {done.returncode}); "
            "fix the cause and re-run the same command with --resume"
        )
