"""A job: one parameter point of an experiment, run as many seeded replicates.

Each replicate's seed derives from (base seed, replicate index) through numpy's SeedSequence:
common random numbers, so replicate i of every point of a sweep starts from the same stream and
differences between points are differences of parameters, not of luck (paired comparisons).
With ``seeding=per_point`` the seed also mixes in a digest of the job's resolved parameters, so
each point has its own independent streams. Either way adding a value to a sweep never changes
the other points' results, and the same config and seed always give the same tables.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import asdict, dataclass
from functools import cached_property

import numpy as np

from sim.domain.params import CombatParams, RuleParams
from sim.domain.scenario import Scenario
from sim.limits import check_finite_knobs, check_run_knobs, check_run_size


@dataclass(frozen=True)
class Job:
    """Everything the model needs for one parameter point, as typed objects."""

    world: Scenario
    rules: RuleParams
    combat: CombatParams
    steps: int
    replicates: int
    base_seed: int
    human_actors: tuple[str, ...] = ()
    seeding: str = "common"  # common: seeds from (base seed, index); per_point: + params digest

    def __post_init__(self) -> None:
        """Refuse a seeding scheme, sizes and knobs no run can use (``sim.limits``) before
        anything is written."""
        check_run_knobs({"seeding": self.seeding})
        check_run_size(self.steps, self.replicates, self.base_seed, self.world.start_date,
                       self.world.step_days)  # fmt: skip
        check_finite_knobs(rules=self.rules, combat=self.combat)

    @cached_property
    def params_digest(self) -> str:
        """SHA-256 of what decides the results (world, rules, combat, steps), seeds aside."""
        blob = json.dumps(
            {
                "world": self.world.model_dump(mode="json"),
                "rules": asdict(self.rules),
                "combat": asdict(self.combat),
                "steps": self.steps,
            },
            sort_keys=True,
            default=str,
        ).encode()
        return hashlib.sha256(blob).hexdigest()

    def replicate_seed(self, index: int) -> int:
        """The seed of replicate ``index`` (a 63-bit integer); see the module docstring."""
        words = []
        if self.seeding == "per_point":
            words = [int(self.params_digest[i : i + 8], 16) for i in range(0, 32, 8)]
        seq = np.random.SeedSequence([self.base_seed, *words, index])
        return int(seq.generate_state(1, dtype=np.uint64)[0] >> np.uint64(1))
