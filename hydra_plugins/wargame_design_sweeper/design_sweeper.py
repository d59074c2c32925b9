"""``hydra/sweeper=design``: launch one job per row of a design file with the configured launcher.

``wargame -m hydra/sweeper=design hydra.sweeper.design=DESIGN.csv [fixed overrides]`` runs each
row of the CSV (one column per config key) as a job, with the fixed overrides added to every
job. The plan of jobs is written as ``sweep_plan.json`` so the sweep's progress lines, resume and
aggregation (``sweep.parquet``, ``manifest.json``) work as for any sweep. Hydra only loads
sweepers from the ``hydra_plugins`` package, hence this small module outside ``sim``.
"""

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from hydra.core.config_store import ConfigStore
from hydra.plugins.sweeper import Sweeper
from hydra.types import HydraContext, TaskFunction
from omegaconf import DictConfig, OmegaConf


@dataclass
class DesignSweeperConf:
    _target_: str = "hydra_plugins.wargame_design_sweeper.design_sweeper.DesignSweeper"
    design: str = ""  # a CSV design file: one column per config key, one row per job
    max_batch_size: int = 0  # jobs handed to the launcher at once (0: all)


ConfigStore.instance().store(
    group="hydra/sweeper", name="design", node=DesignSweeperConf, provider="wargame"
)


class DesignSweeper(Sweeper):
    """Launches the rows of ``design`` (see the module docstring)."""

    def __init__(self, design: str = "", max_batch_size: int = 0):
        self.design = design
        self.max_batch_size = max_batch_size
        self.config = None
        self.launcher = None
        self.hydra_context = None

    def setup(
        self, *, hydra_context: HydraContext, task_function: TaskFunction, config: DictConfig
    ) -> None:
        from hydra.core.plugins import Plugins

        self.hydra_context, self.config = hydra_context, config
        self.launcher = Plugins.instance().instantiate_launcher(
            hydra_context=hydra_context, task_function=task_function, config=config
        )

    def sweep(self, arguments: list[str]) -> Any:
        from sim.experiment.design import design_jobs, design_path, read_design
        from sim.experiment.plan import SweepPlan

        design = read_design(design_path(self.design))
        jobs = design_jobs(design, arguments)
        sweep_dir = Path(self.config.hydra.sweep.dir)
        sweep_dir.mkdir(parents=True, exist_ok=True)
        OmegaConf.save(self.config, sweep_dir / "multirun.yaml")
        earlier = SweepPlan.read(sweep_dir)  # written by the sweep callback, with the identity
        identity = earlier.identity if earlier and earlier.jobs == jobs else None
        SweepPlan(jobs=jobs, swept=list(design.columns), identity=identity).write(sweep_dir)
        size = self.max_batch_size or len(jobs)
        returns = []
        for start in range(0, len(jobs), size):
            batch = jobs[start : start + size]
            self.validate_batch_is_legal(batch)
            results = self.launcher.launch(batch, initial_job_idx=start)
            for r in results:
                _ = r.return_value  # raise a job's error here, as Hydra's basic sweeper does
            returns.append(results)
        return returns
