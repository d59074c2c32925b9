"""Hydra structured configs: the typed schema of every knob, registered in Hydra's ConfigStore.

Defaults live here only (and in ``sim/domain/params.py`` for the rule and combat groups); YAML
files in ``conf/`` list only what differs. The scenario group has one option per file of
``scenarios/`` (see ``register_scenarios``); an option holds only the file's path, never its
data, and the command line's ``scenario.KEY=VALUE`` changes land beside it, free-form. The file
is read, changed and validated after composition (``sim.scenario_config``).
"""

from __future__ import annotations

import copy
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from hydra.core.config_store import ConfigStore
from omegaconf import MISSING, OmegaConf

from sim.domain.params import CombatParams, RuleParams
from sim.experiment.catalog import SOURCE_FILE_KEY, scenario_files
from sim.experiment.chunking import DEFAULT_MEMORY_MB


@dataclass
class RunConfig:
    """One job: a scenario, its rules and combat knobs, and how many replicates of how long."""

    scenario: Any = MISSING  # the world: scenario=NAME or =FILE.yaml, + scenario.KEY=V changes
    rules: RuleParams = field(default_factory=RuleParams)
    combat: CombatParams = field(default_factory=CombatParams)
    replicates: int = 100  # seeded replicates run inside this job
    steps: int = 26  # turns per replicate (weekly by default: the scenario's step_days)
    seed: int = 20241028  # base seed; replicate i's seed derives from it and i (see seeding)
    seeding: str = "common"  # common: same replicate seeds at every sweep point; or per_point
    engine: str = "batched"  # batched: blocks of replicates as arrays; agents: a Mesa model each
    workers: int = 0  # processes for replicates: 0 = automatic (all cores for large jobs)
    chunk_size: int = 0  # replicates per task sent to a worker: 0 = automatic (memory_mb)
    memory_mb: int = DEFAULT_MEMORY_MB  # budget for results in flight; sizes automatic chunks
    plots: bool = True  # draw the run's figures into plots/
    plot_formats: list[str] = field(default_factory=lambda: ["png"])  # add svg (or pdf) on request
    progress: bool = True  # show a progress bar (off automatically when CI is set)
    resume: bool = False  # sweeps: skip jobs already done with the same resolved config
    human_actors: list[str] = field(default_factory=list)  # actors played by people (play mode)
    deck: str = ""  # an inject deck (YAML with `injects:`) added to the scenario's injects


def register_configs(extra_scenarios: dict[str, Path] | None = None) -> None:
    """Register the schema and every scenario file as Hydra config nodes."""
    _share_the_config_store()
    cs = ConfigStore.instance()
    cs.store(name="base_config", node=RunConfig)
    register_scenarios({**scenario_files(), **(extra_scenarios or {})})


def _share_the_config_store() -> None:
    """Let Hydra's repository copies share the ConfigStore instead of deep-copying it.

    Hydra 1.3 deep-copies its config repository for every composition and, in ``--help``, for
    every option of every group (71 times here); each copy deep-copies the whole ConfigStore,
    a process-wide singleton that the copy only reads. That was 90% of ``wargame --help``.
    """
    from hydra._internal.core_plugins.structured_config_source import StructuredConfigSource

    def shared_copy(self, memo):
        clone = copy.copy(self)  # the same store (ConfigStore.instance()), everything else shared
        memo[id(self)] = clone
        return clone

    StructuredConfigSource.__deepcopy__ = shared_copy


def register_scenarios(files: dict[str, Path]) -> None:
    """Make each scenario file an option of the ``scenario`` config group (by its name).

    The option holds the file's path only: the file is not read here, so start-up does not grow
    with the number or size of scenarios. The node is open (not struct) so that
    ``scenario.forces.X.strength=V`` can record a change to a value of the file; misspelt keys
    are refused against the file itself (``sim.overrides.check_keys``).
    """
    cs = ConfigStore.instance()
    for name, path in files.items():
        node = OmegaConf.create(
            {SOURCE_FILE_KEY: str(Path(path).resolve())}, flags={"struct": False}
        )
        cs.store(group="scenario", name=name, node=node)
