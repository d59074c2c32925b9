"""The ``wargame`` command: the only place that starts Hydra.

``wargame [overrides]`` runs the configured scenario (a single run, or a sweep with ``-m``);
``wargame plot|compare|seed|brief|play|app|report ...`` dispatch to their packages.
"""

from __future__ import annotations

import importlib
import logging
import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING

import hydra
from hydra.core.hydra_config import HydraConfig
from hydra.types import RunMode
from omegaconf import DictConfig, OmegaConf

from sim.config import register_configs
from sim.domain.errors import ConfigError, WargameError
from sim.experiment.catalog import CONF_DIR
from sim.experiment.sweep_names import register_resolver
from sim.limits import check_run_knobs
from sim.offline import quiet_network_env

if TYPE_CHECKING:  # the rest is imported where it is used: `wargame --help` needs none of it
    from sim.domain.scenario import Scenario
    from sim.experiment.job import Job

log = logging.getLogger("wargame")
register_resolver()  # folder names (conf/config.yaml); here so every job's process has it
HELP_FLAGS = {"--help", "-h", "--hydra-help", "--info", "-i", "--shell-completion", "-sc"}

SUBCOMMANDS = {
    "seed": ("sim.seeding.cli", "main"),
    "plot": ("sim.analysis.cli", "plot_main"),
    "compare": ("sim.analysis.cli", "compare_main"),
    "brief": ("sim.teaching.cli", "brief_main"),
    "play": ("sim.teaching.cli", "play_main"),
    "app": ("sim.teaching.cli", "app_main"),
    "classroom": ("sim.teaching.cli", "classroom_main"),
    "report": ("sim.teaching.cli", "report_main"),
    "score": ("sim.analysis.score_cli", "score_main"),
    "sensitivity": ("sim.analysis.sensitivity_cli", "sensitivity_main"),
    "discover": ("sim.analysis.discovery_cli", "discover_main"),
    "calibrate": ("sim.analysis.calibrate_cli", "calibrate_main"),
    "fork": ("sim.analysis.fork_cli", "fork_main"),
}


def job_from_config(cfg: DictConfig) -> tuple[Job, str | None]:
    """The typed job a config describes, and the scenario file it came from.

    The scenario is read from its file and changed by the config's ``scenario.*`` values here,
    after composition (``sim.scenario_config``): its text never passes through OmegaConf."""
    from sim.experiment.job import Job

    check_run_knobs(cfg)  # sim.limits: every run knob, before the scenario is read
    world, source = world_from_config(cfg)
    rules, combat = OmegaConf.to_object(cfg.rules), OmegaConf.to_object(cfg.combat)
    unknown = sorted(set(cfg.human_actors) - set(world.actors))
    if unknown:
        allowed = ", ".join(world.actors)
        raise ConfigError(f"human_actors: unknown actor(s) {unknown}; allowed: {allowed}")
    job = Job(world, rules, combat, int(cfg.steps), int(cfg.replicates), int(cfg.seed),
              tuple(cfg.human_actors), str(cfg.get("seeding", "common")),
              str(cfg.get("engine", "agents")))  # fmt: skip
    return job, source


def world_from_config(cfg: DictConfig) -> tuple[Scenario, str | None]:
    """The validated world of a config's scenario (file, changes and deck), and its file.

    Remembered for the last few configs (keyed by the changes and the files' sizes and times),
    so checking every point of a sweep validates each distinct world once."""
    from sim.scenario_config import scenario_file

    files = [f for f in (scenario_file(cfg.scenario), cfg.deck) if f]
    stamps = []
    for f in files:
        try:
            st = Path(f).stat()
            stamps.append((st.st_mtime_ns, st.st_size))
        except OSError:
            stamps.append(None)
    key = repr((OmegaConf.to_container(cfg.scenario, resolve=True), cfg.deck, stamps))
    if key not in _WORLDS:
        _WORLDS[key] = _read_world(cfg.scenario, str(cfg.deck or ""))
        while len(_WORLDS) > 8:
            del _WORLDS[next(iter(_WORLDS))]
    return _WORLDS[key]


_WORLDS: dict[str, tuple[Scenario, str | None]] = {}  # world_from_config's last few worlds


def _read_world(node: DictConfig, deck: str) -> tuple[Scenario, str | None]:
    from sim.domain.scenario_io import parse_scenario, with_deck
    from sim.scenario_config import scenario_data

    data, source = scenario_data(node)
    described = source
    if deck:
        data = with_deck(data, Path(deck))
        described = f"{source} + deck {deck}"
    return parse_scenario(data, source=described or "scenario (from the config)"), source


def run_task(cfg: DictConfig) -> None:
    """One Hydra job: validate, run the replicates, write tables, plots and the summary.

    In a sweep (``-m``) a failing job is recorded in its ``job.json`` and the sweep goes on;
    the sweep callback reports the failures at the end (``sim/experiment/sweep.py``).
    """
    logging.getLogger("MESA").setLevel(logging.WARNING)
    out_dir = Path(HydraConfig.get().runtime.output_dir)
    if HydraConfig.get().mode == RunMode.MULTIRUN:
        from sim.experiment.sweep_job import run_sweep_job

        run_sweep_job(cfg, out_dir, lambda c: job_from_config(c)[0], _execute)
        return
    try:
        job, _ = job_from_config(cfg)
        _execute(cfg, job)
    except WargameError as exc:
        log.error("%s", exc)
        print(f"wargame: {exc}", file=sys.stderr)
        sys.exit(2)
    print_summary(cfg, job, out_dir)


def print_summary(cfg: DictConfig, job: Job, out_dir: Path) -> None:
    """The run's summary: what ran (rules, combat, seed, overrides, deck), then the outcomes."""
    import pandas as pd

    from sim.analysis.names import names_of
    from sim.analysis.summary import format_summary

    task = [o for o in HydraConfig.get().overrides.task if not o.startswith("hydra")]
    context = [
        f"rules: {job.rules.name.value}   combat: {job.combat.law.value}   seed: {job.base_seed}"
        f"   {job.steps} turns of {job.world.step_days} days from {job.world.start_date}",
        f"overrides: {' '.join(task) or 'none'}",
        f"deck: {cfg.deck or 'none'}",
    ]
    outcomes = pd.read_parquet(out_dir / "outcomes.parquet")
    print(format_summary(outcomes, job.world.title, names_of(job.world), context))
    print(f"\nResults: {out_dir}")


def _execute(cfg: DictConfig, job: Job) -> None:
    """Run ``job``'s replicates into the Hydra output folder, then draw its plots if asked (a
    single run only: a sweep draws its own figures at the end, and per-job figures on request
    with ``wargame plot SWEEP --jobs``)."""
    from sim.experiment.run import run_job
    from sim.scenario_config import scenario_data

    out_dir = Path(HydraConfig.get().runtime.output_dir)
    config = OmegaConf.to_container(cfg, resolve=True)
    config["scenario"], source = scenario_data(cfg.scenario)  # the file, changes applied
    run_job(job, out_dir, config, source, int(cfg.chunk_size), bool(cfg.progress), _workers(cfg),
            int(cfg.memory_mb))  # fmt: skip
    if cfg.plots and HydraConfig.get().mode != RunMode.MULTIRUN:  # a sweep draws its own at the end
        from sim.analysis.run_plots import plot_run
        from sim.experiment.results import mark_incomplete

        try:
            plot_run(out_dir, formats=tuple(cfg.plot_formats))
        except BaseException as exc:  # run.json must not say "complete" without its figures
            mark_incomplete(out_dir, f"figures not drawn: {exc}")
            raise


def _workers(cfg: DictConfig) -> int:
    """``workers``, where 0 (automatic) in a sweep means this job's share of the cores among
    the jobs its launcher runs at once (see ``sim.experiment.pool.launcher_workers``)."""
    if cfg.workers or HydraConfig.get().mode != RunMode.MULTIRUN:
        return int(cfg.workers)
    from sim.experiment.pool import cores, launcher_workers

    launcher = OmegaConf.to_container(HydraConfig.get().launcher, resolve=False)
    return launcher_workers(launcher, cores())


def main() -> None:
    """Entry point of the ``wargame`` console script."""
    argv = sys.argv[1:]
    quiet_network_env(argv)
    if argv and argv[0] in SUBCOMMANDS:
        module, func = SUBCOMMANDS[argv[0]]
        try:
            sys.exit(getattr(importlib.import_module(module), func)(argv[1:]))
        except WargameError as exc:
            print(f"wargame {argv[0]}: {exc}", file=sys.stderr)
            sys.exit(2)
        except OSError as exc:  # a disk, a permission, a file in the way: one line, no traceback
            from sim.files import describe_os_error

            where = f"{exc.filename}: " if exc.filename else ""
            print(f"wargame {argv[0]}: {where}{describe_os_error(exc)}", file=sys.stderr)
            sys.exit(2)
    if "--force" in argv:  # sweeps: replace an earlier sweep's results (sim/experiment/sweep.py)
        argv = [a for a in argv if a != "--force"]
        os.environ["WARGAME_FORCE"] = "1"
    try:
        register_configs()
        if not HELP_FLAGS.intersection(argv):
            from sim.overrides import prepare

            argv = prepare(argv)
            from sim.experiment.plan import check_default_sweeper

            check_default_sweeper(argv)
    except WargameError as exc:
        print(f"wargame: {exc}", file=sys.stderr)
        sys.exit(2)
    sys.argv = [sys.argv[0], *argv]
    hydra.main(config_path=str(CONF_DIR), config_name="config", version_base="1.3")(run_task)()


if __name__ == "__main__":
    main()
