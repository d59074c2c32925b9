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
    if done.returncode == 2:  # refused before any job ran: the child said why
        raise ResultsError(f"the sweep into {sweep_dir} was refused (the reason above); fix it "
                           "and run the same command again")  # fmt: skip
    if done.returncode != 0:
        raise ResultsError(
            f"the sweep into {sweep_dir} did not finish (exit {done.returncode}); "
            "fix the cause and re-run the same command with --resume"
        )


def config_values(keys: list[str], overrides: list[str]) -> dict[str, float]:
    """The composed config's values of ``keys`` under ``overrides`` (the defaults a design
    starts from); raises naming a key the config lacks."""
    from hydra import compose, initialize_config_dir
    from omegaconf import OmegaConf

    from sim.config import register_configs
    from sim.experiment.catalog import CONF_DIR
    from sim.scenario_config import PREFIX, scenario_value

    register_configs()
    plain = [o for o in overrides if not o.startswith(("hydra", "hydra/"))]
    with initialize_config_dir(config_dir=str(CONF_DIR), version_base="1.3"):
        cfg = compose(config_name="config", overrides=plain)
    values = {}
    for key in keys:
        value = OmegaConf.select(cfg, key)
        if key.startswith(f"{PREFIX}.") and value is None:  # the scenario lives in its file
            value = scenario_value(cfg.scenario, key[len(PREFIX) + 1 :])
        if not isinstance(value, int | float) or isinstance(value, bool):
            raise ResultsError(
                f"--param {key}: no such numeric config value (e.g. rules.noise, "
                "scenario.actors.russia.risk_tolerance, "
                "scenario.actors.russia.doctrine.ENTRY.probability)"
            )
        values[key] = float(value)
    return values
