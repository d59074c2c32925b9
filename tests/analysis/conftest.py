"""Tiny real runs (and a tiny sweep) made through the Python API, shared by the analysis tests."""

from __future__ import annotations

import copy
import itertools
from dataclasses import asdict
from pathlib import Path

import pandas as pd
import pytest

from sim.domain.params import CombatParams, RuleParams
from sim.domain.scenario_io import parse_scenario, read_yaml
from sim.experiment.job import Job
from sim.experiment.results import write_json_atomic
from sim.experiment.run import run_job

SCENARIO = Path(__file__).parents[2] / "scenarios" / "kursk_2024.yaml"
KPA = "scenario.forces.kpa_expeditionary_corps.strength"


def make_run(
    out: Path,
    kpa_strength: float | None = None,
    replicates: int = 8,
    steps: int = 12,
    **rule_params: float,
) -> Path:
    """Run the Kursk scenario into ``out``, optionally with another North Korean strength and
    other rule parameters."""
    data = copy.deepcopy(read_yaml(SCENARIO))
    if kpa_strength is not None:
        data["forces"]["kpa_expeditionary_corps"]["strength"] = kpa_strength
    world = parse_scenario(data, source=str(SCENARIO))
    rules, combat = RuleParams(**rule_params), CombatParams()
    job = Job(world, rules, combat, steps, replicates, base_seed=7)
    config = {
        "scenario": world.model_dump(mode="json"),
        "rules": asdict(rules),
        "combat": asdict(combat),
        "replicates": replicates,
        "steps": steps,
    }
    run_job(job, out, config, str(SCENARIO), progress=False)
    return out


@pytest.fixture(scope="session")
def run_a(tmp_path_factory) -> Path:
    return make_run(tmp_path_factory.mktemp("run_a"), steps=20)


@pytest.fixture(scope="session")
def run_b(tmp_path_factory) -> Path:
    return make_run(tmp_path_factory.mktemp("run_b"), kpa_strength=30000, steps=20)


def make_sweep(root: Path, grid: dict[str, list], replicates: int = 6, steps: int = 10) -> Path:
    """A sweep folder as the sweep launcher writes it: job subfolders that are run folders,
    sweep.parquet (swept parameters, then outcomes) and manifest.json. ``grid`` keys are
    KPA or ``rules.<name>``."""
    jobs, frames = [], []
    for num, values in enumerate(itertools.product(*grid.values())):
        point = dict(zip(grid, values, strict=True))
        rules = {k.removeprefix("rules."): v for k, v in point.items() if k.startswith("rules.")}
        out = make_run(root / str(num), point.get(KPA), replicates, steps, **rules)
        outcomes = pd.read_parquet(out / "outcomes.parquet")
        for i, (k, v) in enumerate(point.items()):
            outcomes.insert(i, k, v)
        frames.append(outcomes)
        jobs.append(
            {
                "num": num,
                "overrides": [f"{k}={v}" for k, v in point.items()],
                "status": "done",
                "output_dir": str(num),
            }
        )
    pd.concat(frames, ignore_index=True).to_parquet(root / "sweep.parquet", index=False)
    write_json_atomic({"swept": list(grid), "jobs": jobs}, root / "manifest.json")
    return root


@pytest.fixture(scope="session")
def sweep_dir(tmp_path_factory) -> Path:
    """One swept parameter: the North Korean corps' strength."""
    return make_sweep(tmp_path_factory.mktemp("sweep"), {KPA: [5000, 20000, 40000]})


@pytest.fixture(scope="session")
def sweep2_dir(tmp_path_factory) -> Path:
    """Two swept parameters: strength x restraint."""
    grid = {KPA: [5000, 40000], "rules.restraint": [0.2, 0.8]}
    return make_sweep(tmp_path_factory.mktemp("sweep2"), grid, replicates=4, steps=8)


@pytest.fixture(scope="session")
def sweep3_dir(tmp_path_factory) -> Path:
    """Three swept parameters: strength x restraint x noise."""
    grid = {KPA: [5000, 40000], "rules.restraint": [0.2, 0.8], "rules.noise": [0.1, 0.6]}
    return make_sweep(tmp_path_factory.mktemp("sweep3"), grid, replicates=3, steps=8)
