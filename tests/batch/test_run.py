"""A run keeps the first lanes of a block: simulating only those gives exactly the whole block's.

``run_block`` simulates only the ``keep`` lanes a run needs, drawing every random array for the
whole block and cutting it (``BatchState.random``); its tables and outcomes must equal those of
the whole block's first ``keep`` lanes, on Kursk and on the small war (ceasefires, covert units).
"""

from __future__ import annotations

import pytest

from sim.batch.engine import BatchModel
from sim.batch.run import BLOCK, run_block
from sim.domain.params import CombatParams, RuleParams
from sim.domain.scenario_io import parse_scenario
from tests.batch.test_perception import SMALL_RULES, WORLD, small_war

CASES = {"kursk": (WORLD, RuleParams()), "small_war": (parse_scenario(small_war()), SMALL_RULES)}


@pytest.mark.parametrize("case", CASES)
def test_the_first_lanes_alone_are_the_whole_blocks_first_lanes(case):
    world, rules = CASES[case]
    steps, seed, keep = 12, 4321, 37
    whole = BatchModel(world, rules, CombatParams(), seed, BLOCK, BLOCK)
    for _ in range(steps):
        whole.step()
    tables, outcomes = run_block(world, rules, CombatParams(), steps, seed, 1, keep)
    assert outcomes == whole.recorder.outcomes(seed, keep)
    expected = whole.recorder.tables(keep)
    for name, table in tables.items():  # row by row (dictionaries hold the values seen)
        assert table.schema == expected[name].schema, name
        assert table.to_pylist() == expected[name].to_pylist(), name
    assert len(outcomes) == keep and outcomes[0]["replicate"] == BLOCK
