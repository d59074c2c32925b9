"""The rule-driven ensemble a game is compared with, and where one game sits in it.

A played game's seed is replicate 0's seed of the rule-driven job with the same world, rules,
combat, turns and base seed (see sim/teaching/game.py); the ensemble is that job run with every
actor following its rules. It is written once to ``<run>/ensemble/`` and reused afterwards.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pandas as pd

from sim.domain.errors import WargameError
from sim.domain.params import CombatParams, RuleParams
from sim.domain.scenario import Scenario
from sim.domain.scenario_io import parse_scenario, with_deck
from sim.experiment.job import Job
from sim.experiment.run import run_job
from sim.files import read_parquet


def world_of(manifest: dict[str, Any], run_dir: Path) -> Scenario:
    """The world a run played, rebuilt from its manifest (with its deck, if the file is there)."""
    config = manifest.get("config") or {}
    data = dict(config.get("scenario") or {})
    if not data:
        raise WargameError(f"{run_dir}/run.json holds no scenario in its config")
    deck = config.get("deck")
    if deck and Path(deck).is_file():
        data = with_deck(data, Path(deck))
    return parse_scenario(data, source=f"{run_dir}/run.json")


def rule_driven_job(manifest: dict[str, Any], world: Scenario, replicates: int) -> Job:
    """The run's job with nobody at a human seat and ``replicates`` replicates."""
    config = manifest["config"]
    return Job(world, RuleParams(**config["rules"]), CombatParams(**config["combat"]),
               int(manifest["steps"]), replicates, int(manifest["seeds"]["base_seed"]))  # fmt: skip


def ensemble_outcomes(
    run_dir: Path, manifest: dict[str, Any], world: Scenario, given: Path | None, replicates: int
) -> tuple[pd.DataFrame, str]:
    """Outcomes of the comparison ensemble and a sentence saying where they come from."""
    if given is not None:
        path = Path(given) / "outcomes.parquet"
        if not path.is_file():
            raise WargameError(f"--ensemble {given}: no outcomes.parquet there")
        return read_parquet(path), f"the {given} run"
    humans = (manifest.get("config") or {}).get("human_actors") or []
    if not humans and int(manifest.get("replicates", 1)) > 1:
        return read_parquet(run_dir / "outcomes.parquet"), "this run's own replicates"
    cache = run_dir / "ensemble"
    cached = cache / "outcomes.parquet"
    if not (cached.is_file() and (cache / "run.json").is_file()
            and len(read_parquet(cached)) >= replicates):  # fmt: skip
        job = rule_driven_job(manifest, world, replicates)
        run_job(job, cache, config={**manifest["config"], "human_actors": []}, progress=False)
    outcomes = read_parquet(cached)
    seed = manifest["seeds"]["base_seed"]
    return outcomes, (f"{len(outcomes)} rule-driven games of the same scenario, rules and "
                      f"turns (base seed {seed}, written to {cache})")  # fmt: skip


def standing(value: float, others: pd.Series) -> tuple[float, float, float]:
    """Shares of ``others`` below, equal to and above ``value``."""
    others = others.dropna()
    n = len(others) or 1
    return (others < value).sum() / n, (others == value).sum() / n, (others > value).sum() / n


def peak_of_all(outcomes: pd.DataFrame) -> pd.Series:
    """The highest rung anyone reached, per replicate."""
    cols = [c for c in outcomes.columns if c.startswith("peak_rung_")]
    return outcomes[cols].max(axis=1)
