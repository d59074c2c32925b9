"""A lane turned into an agent model (``model_from_lane``) is that lane, value for value.

Blocks of Kursk and of the small war of ``test_perception`` are played turn by turn; at every
turn lanes are turned into agent models and packed back (``state_from_models``): every array of
the block must come back equal. And a converted model plays on as the agent model would: an
agent model at some turn, packed into a lane and turned back, then stepped with a fixed stream,
equals the original model stepped with the same stream.
"""

from __future__ import annotations

import dataclasses

import numpy as np
import pytest

from sim.abm.model import EscalationModel
from sim.batch.bridge import lane_snapshot, model_from_lane, state_from_models, world_snapshot
from sim.batch.engine import BatchModel
from sim.batch.state import BatchState
from sim.domain.params import CombatParams, RuleParams
from sim.domain.scenario_io import parse_scenario
from sim.experiment.fork import reseed
from tests.batch.test_perception import SMALL_RULES, WORLD, small_war

SMALL = parse_scenario(small_war())
CASES = {"kursk": (WORLD, RuleParams()), "small_war": (SMALL, SMALL_RULES)}
ARRAYS = [f.name for f in dataclasses.fields(BatchState)
          if f.name not in ("layout", "rules", "combat", "rng", "R", "step", "date", "history",
                            "log", "drawn")]  # fmt: skip


def same_lane(st: BatchState, lane: int, back: BatchState, k: int) -> None:
    assert (back.step, back.date) == (st.step, st.date)
    for name in ARRAYS:
        np.testing.assert_array_equal(getattr(back, name)[k], getattr(st, name)[lane], name)
    assert len(back.history) == len(st.history)
    for mine, theirs in zip(back.history, st.history, strict=True):
        np.testing.assert_array_equal(mine[k], theirs[lane])


@pytest.mark.parametrize("case", CASES)
def test_a_lane_comes_back_from_its_agent_model(case):
    world, rules = CASES[case]
    block = BatchModel(world, rules, CombatParams(), 11, 60)
    lanes = list(range(0, 60, 4))
    for _ in range(16):
        st = block.state
        models = [model_from_lane(st, lane, world, rng=1, replicate=lane) for lane in lanes]
        back = state_from_models(models)
        for k, lane in enumerate(lanes):
            same_lane(st, lane, back, k)
            assert world_snapshot(models[k]) == lane_snapshot(st, lane)
            assert models[k].steps == st.step and models[k].recorder.timeseries[0][1] == st.step
        block.step()


@pytest.mark.parametrize("case", CASES)
@pytest.mark.parametrize("turn", [0, 1, 3, 7, 12])
def test_a_converted_model_plays_on_as_the_agent_model(case, turn):
    world, rules = CASES[case]
    for seed in range(3):
        model = EscalationModel(world, rules=rules, rng=seed)
        for _ in range(turn):
            model.step()
        converted = model_from_lane(state_from_models([model]), 0, world)
        for m in (model, converted):
            reseed(m, 99, turn, seed)
            for _ in range(6):
                m.step()
        assert world_snapshot(converted) == world_snapshot(model)
        assert converted.outcome() == model.outcome()
        for table, since in (("timeseries", turn), ("forces", turn), ("decisions", turn + 1),
                             ("events", turn + 1)):  # fmt: skip
            mine = getattr(converted.recorder, table)
            theirs = [r for r in getattr(model.recorder, table) if r[1] >= since]
            assert mine == theirs, table
