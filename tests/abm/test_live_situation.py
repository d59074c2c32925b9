"""The lazy Situation the model decides on reads what a snapshot at the turn's start holds."""

from pathlib import Path

import pytest

from sim.abm.live_situation import LiveSituation
from sim.abm.model import EscalationModel
from sim.domain.scenario_io import load_scenario

WORLD = load_scenario(Path(__file__).resolve().parents[2] / "scenarios" / "kursk_2024.yaml")


@pytest.mark.parametrize("seed", range(6))
def test_fields_read_after_every_decision_equal_the_snapshot(seed):
    """All decisions of a turn are made before any is applied, so a field read late (after
    every actor decided) equals the same field frozen when the turn started."""
    model = EscalationModel(WORLD, rng=seed)
    for _ in range(26):
        snapshots = [LiveSituation(model, a).freeze() for a in model.actor_list]
        lives = [LiveSituation(model, a) for a in model.actor_list]
        for agent, live in zip(model.actor_list, lives, strict=True):
            agent.decide(live)
        assert [live.freeze() for live in lives] == snapshots
        model.step()
