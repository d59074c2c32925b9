"""Running one block of the batched engine: ``BLOCK`` lanes stepped together from one seed.

A run with ``engine=batched`` cuts its replicates into blocks of ``BLOCK``: replicate i is lane
i - b x BLOCK of block b = i // BLOCK, and block b is always simulated from its own seed
(``sim.experiment.job.Job.block_seed``), whatever part of it the run keeps. So replicate i's
results depend only on the config, the base seed and i. A run that keeps the first ``keep``
lanes of a block simulates only those, with every random draw still made for the whole block
and cut to them (``BatchState.random``): they are exactly the whole block's first lanes, and a
run of 20 replicates costs a fiftieth of a block.

``BLOCK`` is a constant, not a knob: changing it changes every batched result. 1,000 lanes keep
a Kursk block's arrays and tables near 50 MB while numpy's per-call overhead stays small.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from sim.abm.memo import by_identity

if TYPE_CHECKING:
    import pyarrow as pa

    from sim.domain.params import CombatParams, RuleParams
    from sim.domain.scenario import Scenario

BLOCK = 1000  # lanes per block (see the module docstring)


def block_of(index: int) -> int:
    """The block replicate ``index`` belongs to."""
    return index // BLOCK


def _layout(world: Scenario):
    from sim.batch.layout import compile_layout

    return compile_layout(world)


layout_of = by_identity(_layout)  # compiled once per scenario object and process


def run_block(world: Scenario, rules: RuleParams, combat: CombatParams, steps: int, seed: int,
              block: int, keep: int = BLOCK) -> tuple[dict[str, pa.Table], list[dict]]:  # fmt: skip
    """Block ``block`` played for ``steps`` turns from ``seed``: the tables and outcome rows of
    its first ``keep`` lanes (replicates ``block x BLOCK`` onward). Only those lanes are
    simulated; every random draw is still made for the whole block (``BatchState.random``), so
    they are exactly the whole block's first ``keep`` lanes."""
    from sim.batch.engine import BatchModel

    keep = min(int(keep), BLOCK)
    model = BatchModel(world, rules, combat, seed, keep, block * BLOCK, layout_of(world), BLOCK)
    for _ in range(steps):
        model.step()
    return model.recorder.tables(keep), model.recorder.outcomes(seed, keep)
