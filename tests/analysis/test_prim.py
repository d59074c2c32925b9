"""PRIM finds a planted box: the outcome happens exactly when x0 > 0.6 and x1 < 0.3."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from sim.analysis.prim import prim


@pytest.fixture(scope="module")
def planted():
    rng = np.random.default_rng(5)
    x = pd.DataFrame(rng.uniform(0, 1, size=(3000, 3)), columns=["x0", "x1", "x2"])
    y = (x["x0"] > 0.6) & (x["x1"] < 0.3)
    return x, y.to_numpy(), prim(x, y.to_numpy())


def test_trajectory_trades_coverage_for_density(planted):
    _, y, result = planted
    traj = result.trajectory
    assert traj["coverage"].iloc[0] == 1.0 and traj["density"].iloc[0] == pytest.approx(y.mean())
    assert traj["density"].is_monotonic_increasing
    assert traj["coverage"].is_monotonic_decreasing


def test_the_chosen_box_is_the_planted_one(planted):
    _, _, result = planted
    box = result.choose(min_coverage=0.8)
    traj = result.trajectory.loc[box]
    assert traj["density"] > 0.95 and traj["coverage"] >= 0.8
    limits = result.restricted(box).set_index("parameter")
    assert list(limits.index) == ["x0", "x1"]  # x2 left alone
    assert limits.loc["x0", "low"] == pytest.approx(0.6, abs=0.03)
    assert limits.loc["x1", "high"] == pytest.approx(0.3, abs=0.03)


def test_no_signal_no_box():
    rng = np.random.default_rng(1)
    x = pd.DataFrame(rng.uniform(0, 1, size=(500, 2)), columns=["a", "b"])
    result = prim(x, np.zeros(500, dtype=bool))
    assert len(result.trajectory) == 1 and result.choose() == 0
