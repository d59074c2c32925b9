"""Common random numbers: replicate i has the same seed at every sweep point unless asked not to."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from sim.domain.params import CombatParams, RuleParams
from sim.domain.scenario_io import load_scenario
from sim.experiment.job import Job

SCENARIO = Path(__file__).parents[2] / "scenarios" / "kursk_2024.yaml"


def _jobs(seeding: str) -> tuple[Job, Job]:
    world = load_scenario(SCENARIO)
    a = Job(world, RuleParams(), CombatParams(), 4, 3, 11, seeding=seeding)
    return a, replace(a, rules=RuleParams(noise=0.9))


def test_common_random_numbers_by_default():
    a, b = _jobs("common")
    assert Job.__dataclass_fields__["seeding"].default == "common"
    assert [a.replicate_seed(i) for i in range(3)] == [b.replicate_seed(i) for i in range(3)]
    assert len({a.replicate_seed(i) for i in range(3)}) == 3
    assert a.replicate_seed(0) != replace(a, base_seed=12).replicate_seed(0)


def test_per_point_streams_differ_between_points():
    a, b = _jobs("per_point")
    assert all(a.replicate_seed(i) != b.replicate_seed(i) for i in range(3))
    assert a.replicate_seed(0) == _jobs("per_point")[0].replicate_seed(0)


def test_unknown_seeding_is_named():
    import pytest

    from sim.domain.errors import ConfigError

    with pytest.raises(ConfigError, match="seeding = 'paired' is not allowed; allowed: common"):
        _jobs("paired")
