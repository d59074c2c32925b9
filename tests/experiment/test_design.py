"""The design sweeper's plan: one job per design row, the fixed overrides after each."""

from __future__ import annotations

import pandas as pd
import pytest
from omegaconf import OmegaConf

from sim.domain.errors import ConfigError
from sim.experiment.design import design_path, read_design, write_design
from sim.experiment.plan import plan_of


def test_plan_of_a_design(tmp_path):
    path = write_design(
        pd.DataFrame({"rules.noise": [0.1, 0.3], "combat.noise": [0.2, 0.2]}),
        tmp_path / "design.csv",
    )
    config = OmegaConf.create(
        {"hydra": {"sweeper": {"design": str(path)}, "overrides": {"task": ["replicates=3"]}}}
    )
    plan = plan_of(config)
    assert plan.jobs == [
        ["rules.noise=0.1", "combat.noise=0.2", "replicates=3"],
        ["rules.noise=0.3", "combat.noise=0.2", "replicates=3"],
    ]
    assert plan.swept == ["rules.noise", "combat.noise"]


def test_design_paths_and_errors(tmp_path):
    assert design_path("experiment/kursk_2024_calibrated.csv").is_file()
    with pytest.raises(ConfigError, match="no such design file"):
        read_design(tmp_path / "missing.csv")
    (tmp_path / "empty.csv").write_text("rules.noise\n")
    with pytest.raises(ConfigError, match="no rows"):
        read_design(tmp_path / "empty.csv")
