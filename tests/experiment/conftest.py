"""Shared pieces of the experiment tests: a small job, and the ``wargame`` command in a
process of its own (so sweeps run exactly as a user runs them, into a temporary folder; forked
from a preloaded server, tests/preloaded.py, except where the test kills it)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from sim.domain.params import CombatParams, RuleParams
from sim.domain.scenario_io import parse_scenario, read_yaml
from sim.experiment.job import Job
from tests import preloaded

SCENARIO = Path(__file__).parents[2] / "scenarios" / "kursk_2024.yaml"


def small_job(replicates: int = 12, steps: int = 6, **rules: float) -> Job:
    """The Kursk scenario as a short job."""
    world = parse_scenario(read_yaml(SCENARIO), source=str(SCENARIO))
    return Job(world, RuleParams(**rules), CombatParams(), steps, replicates, base_seed=11)


@pytest.fixture
def job() -> Job:
    return small_job()


def wargame(
    args: list[str],
    cwd: Path,
    timeout: float = 240,
    env: dict[str, str] | None = None,
    fresh: bool = False,
) -> subprocess.CompletedProcess:
    """Run ``wargame ARGS`` in ``cwd`` (``env``: extra environment variables) and return the
    finished process (output captured). ``fresh``: in a new interpreter rather than a fork of
    the preloaded one (for launchers that start processes of their own: joblib's loky waits
    minutes in a forked child)."""
    env = {"CI": "1", "HYDRA_FULL_ERROR": "0", **(env or {})}
    if not fresh:
        return preloaded.shared().run(args, cwd, timeout=timeout, env=env)
    return subprocess.run(
        [sys.executable, "-m", "sim.cli", *args],
        cwd=cwd,
        env={**os.environ, **env},
        capture_output=True,
        text=True,
        timeout=timeout,
    )


def start_wargame(args: list[str], cwd: Path) -> subprocess.Popen:
    """Start ``wargame ARGS`` in ``cwd`` in its own process group (to be killed by a test)."""
    env = {**os.environ, "CI": "1"}
    return subprocess.Popen(
        [sys.executable, "-m", "sim.cli", *args],
        cwd=cwd,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,
    )
