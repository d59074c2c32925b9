"""Every point of a sweep checked before the sweep folder is made.

A sweep's jobs are worked out as its sweeper will launch them (``sim.experiment.plan``: comma
lists, ``range()``, ``glob()``, an experiment's ``hydra.sweeper.params`` or design CSV), and each
job's config is built and validated as a single run's is (``sim.cli.job_from_config``: run
knobs, scenario values, rule and combat knobs, human actors). A value no job can use (1.7 for a
probability, ``reserve=null``) stops the command with one line naming the override and what is
allowed, before Hydra writes anything. Each distinct world is validated once
(``sim.cli.world_from_config``), so a sweep of rule knobs costs one scenario check.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from hydra._internal.config_loader_impl import ConfigLoaderImpl
from hydra.core.override_parser.types import Override
from omegaconf import DictConfig, OmegaConf

from sim.domain.errors import ConfigError, ScenarioError, WargameError
from sim.experiment.plan import plan_of
from sim.override_values import blame_overrides

MAX_SHOWN = 3  # problems named in the message; the rest are counted


def sweep_jobs(overrides: list[Override], cfg: DictConfig) -> list[list[str]] | None:
    """Each job's overrides, in the sweeper's order; None when the sweeper is not one whose
    jobs can be worked out (not the basic or design sweeper)."""
    sweeper = [o for o in overrides if o.key_or_group == "hydra/sweeper"]
    if sweeper and str(sweeper[0].value()) != "design":
        return None
    design = next((str(o.value()) for o in overrides if o.key_or_group == "hydra.sweeper.design"),
                  OmegaConf.select(cfg, "hydra.sweeper.design"))  # fmt: skip
    task = [o.input_line for o in overrides if not o.is_hydra_override()
            and not o.key_or_group.startswith("hydra")]  # fmt: skip
    params = OmegaConf.select(cfg, "hydra.sweeper.params") or {}
    wanted = OmegaConf.create(
        {
            "hydra": {
                "sweeper": {"params": dict(params), "design": design or None},
                "overrides": {"task": task},
            }
        }
    )
    try:
        return plan_of(wanted).jobs
    except Exception:  # noqa: BLE001 - interval() and the like: refused by their own check
        return None


def check_sweep_points(
    overrides: list[Override], compose: Callable, parse: Callable, groups: tuple[str, ...]
) -> None:
    """Refuse a sweep one of whose points cannot run (see the module docstring).
    ``compose(choices)`` composes the config with group choices; ``parse`` reads overrides."""
    from sim.cli import job_from_config

    choices = [o.input_line for o in overrides if o.key_or_group in groups
               and not o.is_sweep_override()]  # fmt: skip
    cfg = compose(choices)
    jobs = sweep_jobs(overrides, cfg)
    if not jobs:
        return
    composed: dict[tuple[str, ...], DictConfig] = {}
    problems: list[str] = []
    for job in jobs:
        parsed = parse(job)
        choices = tuple(o.input_line for o in parsed if o.key_or_group in groups)
        if choices not in composed:
            composed[choices] = compose(list(choices))
        point = OmegaConf.masked_copy(composed[choices], [k for k in cfg if k != "hydra"])
        rest = [o for o in parsed if o.key_or_group not in groups and "/" not in o.key_or_group
                and not o.key_or_group.startswith("hydra")]  # fmt: skip
        try:
            ConfigLoaderImpl._apply_overrides_to_config(rest, point)  # noqa: SLF001 - as Hydra does
            job_from_config(point)
        except ScenarioError as exc:
            try:
                blame_overrides(exc, rest)
            except ConfigError as blamed:
                exc = blamed
            problems.append(_one_line(exc))
        except WargameError as exc:
            problems.append(_one_line(exc))
        except Exception as exc:  # noqa: BLE001 - Hydra's or OmegaConf's refusal of a value
            problems.append(f"override {' '.join(job)}: {_one_line(exc)}")
    _raise(list(dict.fromkeys(problems)), len(jobs))


def _one_line(exc: Exception) -> str:
    return " ".join(str(exc).split())


def _raise(problems: list[str], jobs: int) -> None:
    if not problems:
        return
    end = ""
    suffix = re.search(r" \(the scenario is [^)]*\)$", problems[0])
    if suffix and all(p.endswith(suffix.group()) for p in problems):  # said once, at the end
        end = suffix.group()
        problems = [p.removesuffix(end) for p in problems]
    shown = "; ".join(problems[:MAX_SHOWN])
    more = f"; and {len(problems) - MAX_SHOWN} more" if len(problems) > MAX_SHOWN else ""
    raise ConfigError(f"sweep of {jobs} jobs not started, nothing written: {shown}{more}{end}")
