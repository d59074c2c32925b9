"""Tiny real runs (and a tiny sweep) made through the Python API, shared by the analysis tests."""

from __future__ import annotations

import copy
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
    out: Path, kpa_strength: float | None = None, replicates: int = 8, steps: int = 12
) -> Path:
    """Run the Kursk scenario (optionally with another North Korean strength) into ``out``."""
    data = copy.deepcopy(read_yaml(SCENARIO))
    if kpa_strength is not None:
        data["forces"]["kpa_expeditionary_corps"]["strength"] = kpa_strength
    world = parse_scenario(data, source=str(SCENARIO))
    rules, combat = RuleParams(), CombatParams()
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
    return make_run(tmp_path_factory.mktemp("run_a"))


@pytest.fixture(scope="session")
def run_b(tmp_path_factory) -> Path:
    return make_run(tmp_path_factory.mktemp("run_b"), kpa_strength=30000)


@pytest.fixture(scope="session")
def sweep_dir(tmp_path_factory) -> Path:
    """A sweep folder as the sweep launcher writes it: job subfolders, sweep.parquet, manifest."""
    root = tmp_path_factory.mktemp("sweep")
    jobs, frames = [], []
    for num, strength in enumerate([5000, 20000, 40000]):
        out = make_run(root / str(num), kpa_strength=strength, replicates=6, steps=10)
        outcomes = pd.read_parquet(out / "outcomes.parquet")
        outcomes.insert(0, KPA, strength)
        outcomes.insert(0, "job", num)
        frames.append(outcomes)
        jobs.append(
            {
                "num": num,
                "overrides": [f"{KPA}={strength}"],
                "status": "done",
                "output_dir": str(num),
            }
        )
    pd.concat(frames, ignore_index=True).to_parquet(root / "sweep.parquet", index=False)
    write_json_atomic({"params": [KPA], "jobs": jobs}, root / "manifest.json")
    return root
