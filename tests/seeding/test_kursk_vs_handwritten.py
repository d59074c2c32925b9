"""The seed's draft behaves like the hand-written kursk_2024 scenario (100 replicates each).

Milestone probabilities (share of replicates in which the milestone is reached within 26 weekly
turns) of the draft and of the curated scenario stay within 0.25 of each other for the
milestones the document speaks of.
"""

from __future__ import annotations

import pytest

from sim.abm.model import EscalationModel
from sim.domain.scenario import Scenario
from sim.domain.scenario_io import load_scenario

from .conftest import ROOT

# draft milestone -> hand-written milestone
PAIRS = {
    "north_korea_in_combat": "prk_combat",
    "co_belligerent": "co_belligerent",
    "restrictions_lifted": "restrictions_lifted",
    "nuclear_signal": "nuclear_signal",
    "nuclear_use": "nuclear_use",
    "kursk_salient_lost": "kursk_salient_lost",
    "north_korea_reinforcement": "prk_reinforcement",
    "ceasefire": "ceasefire",
}


def milestone_shares(scenario: Scenario, replicates: int = 100, turns: int = 26) -> dict:
    """Share of replicates reaching each milestone within ``turns``."""
    reached = dict.fromkeys(scenario.milestones, 0)
    for r in range(replicates):
        model = EscalationModel(scenario, rng=r)
        for _ in range(turns):
            model.step()
        for name, step in model.milestone_steps.items():
            reached[name] += step is not None
    return {name: n / replicates for name, n in reached.items()}


@pytest.mark.slow
def test_draft_milestones_close_to_the_handwritten_scenario(kursk_draft):
    draft = milestone_shares(kursk_draft.scenario)
    hand = milestone_shares(load_scenario(ROOT / "scenarios" / "kursk_2024.yaml"))
    table = {d: (draft[d], hand[h]) for d, h in PAIRS.items()}
    print("\n".join(f"{d:28s} draft {a:.2f}  hand-written {b:.2f}" for d, (a, b) in table.items()))
    for name, (a, b) in table.items():
        assert abs(a - b) <= 0.25, (name, a, b)
