"""The size limits of a run and a game, checked before anything is written.

They keep a mistyped number from running for days or failing late: ``steps`` at most
``MAX_STEPS`` turns, ``replicates`` at most ``MAX_REPLICATES``, the last turn's date within the
calendar (before the year 10000), seeds from 0 to 2**63 - 1, and every rule and combat knob a
finite number. Documented in docs/security.md.
"""

from __future__ import annotations

import datetime as dt
import math
from dataclasses import asdict
from typing import Any

from sim.domain.errors import ConfigError

MAX_STEPS = 10_000
MAX_REPLICATES = 1_000_000
MAX_SEED = 2**63 - 1


def run_size_problems(
    steps: Any, replicates: Any, seed: Any, start: dt.date, days: int
) -> list[str]:
    """Why a run of this size cannot be done (empty when it can)."""
    problems = []
    for key, value, top in (
        ("steps", steps, MAX_STEPS),
        ("replicates", replicates, MAX_REPLICATES),
    ):
        if isinstance(value, bool) or not isinstance(value, int) or not 1 <= value <= top:
            problems.append(f"{key} = {value!r}: allowed: a whole number from 1 to {top:,}")
    if isinstance(seed, bool) or not isinstance(seed, int) or not 0 <= seed <= MAX_SEED:
        problems.append(f"seed = {seed!r}: allowed: a whole number from 0 to 2**63 - 1")
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
