"""The run knobs and their limits, checked in one place before anything is written.

Every knob of a run (``sim.config.RunConfig``) that is a number or a choice is held here to what
it allows: ``steps`` 1 to ``MAX_STEPS`` turns, ``replicates`` 1 to ``MAX_REPLICATES``, seeds
0 to 2**63 - 1, ``workers`` and ``chunk_size`` 0 (automatic) or more, ``memory_mb`` 1 or
more, ``seeding``, ``engine`` and ``plot_formats`` from their lists; with a scenario, the last
turn's date within the calendar (before the year 10000); and every rule and combat knob a finite
number. They keep a mistyped number from running for days or failing late. The command line checks a
run's knobs before Hydra makes an output folder (``sim.overrides``), a sweep's for every value
it will take; ``Job`` and ``run_job`` check them again for callers from Python. Documented in
docs/security.md.
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Iterable, Mapping
from dataclasses import asdict, dataclass
from typing import Any

from sim.domain.errors import ConfigError

MAX_STEPS = 10_000
MAX_REPLICATES = 1_000_000
MAX_SEED = 2**63 - 1
SEEDINGS = ("common", "per_point")
ENGINES = ("agents", "batched")  # sim.abm (one model per replicate) or sim.batch (blocks)
PLOT_FORMATS = ("png", "svg", "pdf")
AUTOMATIC = "0 (automatic) or a positive whole number"


@dataclass(frozen=True)
class Whole:
    """A whole-number knob: its least value, its greatest (None: no limit), and in words."""

    low: int
    high: int | None
    allowed: str


WHOLE_KNOBS = {
    "replicates": Whole(1, MAX_REPLICATES, f"a whole number from 1 to {MAX_REPLICATES:,}"),
    "steps": Whole(1, MAX_STEPS, f"a whole number from 1 to {MAX_STEPS:,}"),
    "seed": Whole(0, MAX_SEED, "a whole number from 0 to 2**63 - 1"),
    "workers": Whole(0, None, AUTOMATIC),
    "chunk_size": Whole(0, None, AUTOMATIC),
    "memory_mb": Whole(1, None, "a whole number of megabytes, 1 or more"),
}
CHOICE_KNOBS = {"seeding": SEEDINGS, "engine": ENGINES, "plot_formats": PLOT_FORMATS}
RUN_KNOBS = (*WHOLE_KNOBS, *CHOICE_KNOBS)


def knob_problem(key: str, value: Any) -> str | None:
    """Why ``key = value`` cannot be used, naming the knob, the value and what is allowed; None
    when it can (or when ``key`` is not a run knob)."""
    if key in WHOLE_KNOBS:
        rule = WHOLE_KNOBS[key]
        if isinstance(value, bool) or not isinstance(value, int):
            problem = "is not a whole number"
        elif value < rule.low:
            problem = f"must be at least {rule.low}"
        elif rule.high is not None and value > rule.high:
            problem = f"must be at most {rule.high:,}"
        else:
            return None
        return f"{key} = {value!r} {problem}; allowed: {rule.allowed}"
    if key in CHOICE_KNOBS:
        allowed = CHOICE_KNOBS[key]
        given = [value] if isinstance(value, str) or not isinstance(value, Iterable) else value
        unknown = [v for v in given if v not in allowed]
        if unknown:
            shown = value if isinstance(value, str) else [str(v) for v in given]
            return f"{key} = {shown!r} is not allowed; allowed: {', '.join(allowed)}"
    return None


def run_knob_problems(knobs: Mapping[str, Any]) -> list[str]:
    """Every problem of the run knobs in ``knobs`` (other keys are ignored); empty when none."""
    found = (knob_problem(key, knobs[key]) for key in RUN_KNOBS if key in knobs)
    return [p for p in found if p]


def check_run_knobs(knobs: Mapping[str, Any]) -> None:
    """Raise ConfigError naming every run knob of ``knobs`` that cannot be used."""
    problems = run_knob_problems(knobs)
    if problems:
        raise ConfigError("; ".join(problems))


def run_size_problems(
    steps: Any, replicates: Any, seed: Any, start: dt.date, days: int
) -> list[str]:
    """Why a run of this size cannot be done (empty when it can): the knobs' limits, then the
    calendar (the last turn must start before the year 10000)."""
    problems = run_knob_problems({"steps": steps, "replicates": replicates, "seed": seed})
    if not problems and start.toordinal() + steps * days > dt.date.max.toordinal():
        last = dt.date.max.toordinal() - start.toordinal()
        problems.append(
            f"steps = {steps}: turn {steps} would fall after the year 9999 (turns of {days} "
            f"days from {start}); allowed: at most {last // days} steps"
        )
    return problems


def check_run_size(steps: Any, replicates: Any, seed: Any, start: dt.date, days: int) -> None:
    """Raise ConfigError naming every size problem of a run."""
    problems = run_size_problems(steps, replicates, seed, start, days)
    if problems:
        raise ConfigError("; ".join(problems))


def check_finite_knobs(**groups: Any) -> None:
    """Raise ConfigError for a rule or combat knob that is infinite or NaN (``rules.noise=inf``)."""
    for group, params in groups.items():
        for key, value in asdict(params).items():
            if isinstance(value, float) and not math.isfinite(value):
                raise ConfigError(f"{group}.{key} = {value}: allowed: a finite number")
