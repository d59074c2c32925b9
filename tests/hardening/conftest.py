"""Shared pieces of the hardening suites: the project's files, a tiny finished run, and a way to
call any ``wargame`` command in this process and see its exit code, stdout and stderr."""

from __future__ import annotations

import copy
import logging
import shutil
import sys
from dataclasses import asdict, dataclass
from pathlib import Path

import pytest
import yaml

PROJECT = Path(__file__).resolve().parents[2]
KURSK = PROJECT / "scenarios" / "kursk_2024.yaml"
EXERCISE = PROJECT / "scenarios" / "exercises" / "kursk_2024"
SEED_DOC = PROJECT / "seeds" / "2024-10_north_korean_troops_kursk.txt"


@dataclass
class Result:
    code: int
    out: str
    err: str


def run_wargame(argv: list[str], capsys) -> Result:
    """``wargame ARGV`` in this process (Hydra's global state reset around it)."""
    from hydra.core.config_store import ConfigStore
    from hydra.core.global_hydra import GlobalHydra

    import sim.cli

    GlobalHydra.instance().clear()
    ConfigStore.instance().repo.pop("scenario", None)  # scenario files of earlier calls
    handlers = logging.root.handlers[:]  # Hydra adds its own, on this test's captured stderr
    old = sys.argv
    sys.argv = ["wargame", *argv]
    code = 0
    try:
        sim.cli.main()
    except SystemExit as exc:
        code = exc.code if isinstance(exc.code, int) else (0 if exc.code is None else 1)
    finally:
        sys.argv = old
        GlobalHydra.instance().clear()
        for handler in [h for h in logging.root.handlers if h not in handlers]:
            logging.root.removeHandler(handler)  # a later call would log to a closed stream
            handler.close()
    captured = capsys.readouterr()
    return Result(code, captured.out, captured.err)


def kursk_data() -> dict:
    """The shipped scenario as plain data (a fresh copy)."""
    return copy.deepcopy(yaml.safe_load(KURSK.read_text(encoding="utf-8")))


@pytest.fixture(autouse=True)
def _project_scenarios(monkeypatch, tmp_path):
    """Scenarios from the project; every command runs in a fresh working folder."""
    monkeypatch.setenv("WARGAME_SCENARIOS", str(PROJECT / "scenarios"))
    monkeypatch.setenv("CI", "1")
    monkeypatch.chdir(tmp_path)


@pytest.fixture(scope="session")
def finished_run(tmp_path_factory) -> Path:
    """A small complete run folder (2 replicates x 3 turns), made once per session."""
    from sim.domain.params import CombatParams, RuleParams
    from sim.domain.scenario_io import load_scenario
    from sim.experiment.job import Job
    from sim.experiment.run import run_job

    out = tmp_path_factory.mktemp("finished") / "run"
    world = load_scenario(KURSK)
    job = Job(world, RuleParams(), CombatParams(), 3, 2, base_seed=7)
    config = {"scenario": world.model_dump(mode="json", exclude_unset=True), "rules": asdict(job.rules),
              "combat": asdict(job.combat), "steps": 3, "replicates": 2, "seed": 7}  # fmt: skip
    run_job(job, out, config=config, scenario_file=str(KURSK), progress=False)
    return out


@pytest.fixture
def run_copy(finished_run, tmp_path) -> Path:
    """A copy of the finished run that a test may damage."""
    dest = tmp_path / "run_copy"
    shutil.copytree(finished_run, dest)
    return dest
