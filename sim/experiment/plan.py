"""A sweep's plan: the jobs Hydra's basic sweeper will launch, worked out the same way it does.

The plan is written to ``sweep_plan.json`` in the sweep folder when the sweep starts, so that
each job (which may run in another process, or on another machine with a shared disk) can say
how far the sweep has got, and the end-of-sweep summary can tell missing jobs from stale ones.
"""

from __future__ import annotations

import json
import time
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from hydra._internal.core_plugins.basic_sweeper import BasicSweeper
from hydra.core.override_parser.overrides_parser import OverridesParser
from hydra.core.override_parser.types import Glob
from omegaconf import DictConfig, OmegaConf

from sim.domain.errors import ConfigError
from sim.files import write_atomic

PLAN_FILE = "sweep_plan.json"


@dataclass
class SweepPlan:
    """The jobs of one sweep, by job number, and which override keys vary between them."""

    jobs: list[list[str]]  # each job's overrides, in job-number order
    swept: list[str]  # override keys with more than one value (the sweep's parameters)
    started: float = field(default_factory=time.time)  # epoch seconds
    identity: dict[str, Any] | None = None  # what decides its results (sweep_identity.py)

    def write(self, sweep_dir: Path) -> Path:
        """Save the plan as ``sweep_plan.json`` in ``sweep_dir``."""
        sweep_dir.mkdir(parents=True, exist_ok=True)
        path = sweep_dir / PLAN_FILE
        return write_atomic(path, json.dumps(asdict(self), indent=1))

    @classmethod
    def read(cls, sweep_dir: Path) -> SweepPlan | None:
        """The plan saved in ``sweep_dir``, or None when there is none."""
        path = Path(sweep_dir) / PLAN_FILE
        if not path.is_file():
            return None
        data = json.loads(path.read_text(encoding="utf-8"))
        return cls(**{k: v for k, v in data.items() if k in cls.__dataclass_fields__})


def sweep_arguments(config: DictConfig) -> list[str]:
    """The sweeper's input: ``hydra.sweeper.params`` entries, then the command-line overrides."""
    params = OmegaConf.select(config, "hydra.sweeper.params") or {}
    task = OmegaConf.select(config, "hydra.overrides.task") or []
    return [f"{k}={v}" for k, v in params.items()] + [str(o) for o in task]


def plan_of(config: DictConfig) -> SweepPlan:
    """The jobs Hydra's basic sweeper makes of ``config`` (cartesian product, in its order), or
    the design sweeper's (one job per row of ``hydra.sweeper.design``)."""
    design = OmegaConf.select(config, "hydra.sweeper.design")
    if design:
        from sim.experiment.design import design_jobs, design_path, read_design

        table = read_design(design_path(design))
        return SweepPlan(design_jobs(table, sweep_arguments(config)), list(table.columns))
    parser = OverridesParser.create()
    overrides = parser.parse_overrides([_expand_glob(a) for a in sweep_arguments(config)])
    batches = BasicSweeper.split_arguments(overrides, None)
    jobs = [list(job) for batch in batches for job in batch]
    swept = [o.get_key_element() for o in overrides if o.is_sweep_override()]
    return SweepPlan(jobs=jobs, swept=list(dict.fromkeys(swept)))


def _expand_glob(argument: str) -> str:
    """A group glob (``rules=glob(*)``) as the explicit list of the options it matches."""
    (o,) = OverridesParser.create().parse_overrides([argument])
    if not isinstance(o.value(), Glob):
        return argument
    from sim.overrides import available_options

    return f"{o.get_key_element()}={','.join(o.value().filter(available_options(o.key_or_group)))}"


def override_values(overrides: list[str], keys: list[str]) -> dict[str, Any]:
    """The typed values that ``overrides`` give the ``keys`` (a group choice stays its name)."""
    parser = OverridesParser.create()
    values: dict[str, Any] = dict.fromkeys(keys)
    for o in parser.parse_overrides(overrides):
        key = o.get_key_element()
        if key in values:
            values[key] = o.value()
    return values


def check_default_sweeper(argv: list[str]) -> None:
    """Refuse ``interval(...)`` when the default sweeper would run the sweep: it needs a
    sampling sweeper (Optuna, Nevergrad), which the project does not install."""
    if not any(a in ("-m", "--multirun") for a in argv):
        return
    if any(a.startswith(("hydra/sweeper=", "+hydra/sweeper=")) for a in argv):
        return
    args = [a for a in argv if "=" in a and not a.startswith("-")]
    try:
        parsed = OverridesParser.create().parse_overrides(args)
    except Exception:  # noqa: BLE001 - a grammar error is reported by the override check
        return
    for o in parsed:
        if (
            o.is_sweep_override()
            and o.value_type is not None
            and o.value_type.name == "INTERVAL_SWEEP"
        ):
            raise ConfigError(
                f"{o.input_line}: interval() is a continuous range for a sampling sweeper "
                "(Optuna, Nevergrad); the default sweeper takes comma lists, range(a, b, step), "
                "choice(...) and glob(...) - e.g. "
                f"{o.key_or_group}=range(1000, 2000, 250)"
            )
