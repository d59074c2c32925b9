"""A job: one parameter point of an experiment, run as many seeded replicates.

Each replicate's seed derives from (base seed, replicate index) through numpy's SeedSequence:
common random numbers, so replicate i of every point of a sweep starts from the same stream and
differences between points are differences of parameters, not of luck (paired comparisons).
With ``seeding=per_point`` the seed also mixes in a digest of the job's resolved parameters, so
each point has its own independent streams. Either way adding a value to a sweep never changes
the other points' results, and the same config and seed always give the same tables.

With ``engine=batched`` replicates are simulated in blocks of ``sim.batch.run.BLOCK`` lanes
that share one random stream: block b's seed derives from (base seed, [params digest words,]
the tag ``BLOCK_TAG``, b), and replicate i is lane i - b x BLOCK of block i // BLOCK. A
replicate's results then depend only on the config, the seed and its index, never on how many
replicates, workers or chunks the run has. The digest is the same for both engines.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import asdict, dataclass
from functools import cached_property

import numpy as np

from sim.domain.errors import ConfigError
from sim.domain.params import CombatParams, RuleParams
from sim.domain.scenario import Scenario
from sim.limits import check_finite_knobs, check_run_knobs, check_run_size

BLOCK_TAG = 0xB10C  # mixed into block seeds, so no block shares a stream with a replicate


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
    engine: str = "agents"  # agents: a Mesa model per replicate; batched: blocks (sim.batch)

    def __post_init__(self) -> None:
        """Refuse a seeding scheme, engine, sizes and knobs no run can use (``sim.limits``)
        before anything is written; human seats need the agent engine."""
        check_run_knobs({"seeding": self.seeding, "engine": self.engine})
        if self.engine == "batched" and self.human_actors:
            raise ConfigError(
                f"engine = 'batched' cannot seat human players (human_actors = "
                f"{list(self.human_actors)}); allowed with human_actors: engine=agents"
            )
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

    def _words(self) -> list[int]:
        if self.seeding == "per_point":
            return [int(self.params_digest[i : i + 8], 16) for i in range(0, 32, 8)]
        return []

    def replicate_seed(self, index: int) -> int:
        """The seed of replicate ``index`` (a 63-bit integer); see the module docstring."""
        seq = np.random.SeedSequence([self.base_seed, *self._words(), index])
        return int(seq.generate_state(1, dtype=np.uint64)[0] >> np.uint64(1))

    def block_seed(self, block: int) -> int:
        """The seed of block ``block`` of the batched engine (a 63-bit integer)."""
        seq = np.random.SeedSequence([self.base_seed, *self._words(), BLOCK_TAG, block])
        return int(seq.generate_state(1, dtype=np.uint64)[0] >> np.uint64(1))
