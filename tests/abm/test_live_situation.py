"""The lazy Situation the model decides on reads exactly what the eager one holds."""

from pathlib import Path

import pytest

from sim.abm.live_situation import LiveSituation
from sim.abm.model import EscalationModel
from sim.abm.perception import situation_of
from sim.domain.scenario_io import load_scenario

WORLD = load_scenario(Path(__file__).resolve().parents[2] / "scenarios" / "kursk_2024.yaml")


@pytest.mark.parametrize("seed", range(6))
def test_live_and_eager_situations_agree_every_turn(seed):
    model = EscalationModel(WORLD, rng=seed)
    for _ in range(26):
        for agent in model.actor_list:
            assert LiveSituation(model, agent).freeze() == situation_of(model, agent)
        model.step()
