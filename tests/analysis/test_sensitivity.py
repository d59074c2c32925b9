"""Morris and Sobol indices against toy models whose answers are known, through the same code
the command uses; the design's outcomes per point; the parameter ranges."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from sim.analysis.ranges import Range, knob_ranges, parse_ranges
from sim.analysis.sensitivity import indices, point_outcomes, problem_of, sample
from sim.domain.errors import ConfigError
from sim.experiment.design import design_jobs


def _wide(table: pd.DataFrame) -> pd.DataFrame:
    return table.pivot(index="parameter", columns="index", values="value")


def test_sobol_indices_of_the_ishigami_function():
    """Ishigami (a=7, b=0.1) on [-pi, pi]^3: S1 = 0.314, 0.442, 0; ST = 0.558, 0.442, 0.244."""
    from SALib.test_functions import Ishigami

    ranges = [Range(f"x{i}", -np.pi, np.pi) for i in (1, 2, 3)]
    problem = problem_of(ranges)
    x = sample("sobol", problem, 2048, seed=3)
    got = _wide(indices("sobol", problem, x, Ishigami.evaluate(x), seed=3))
    assert got["S1"].to_numpy() == pytest.approx([0.314, 0.442, 0.0], abs=0.04)
    assert got["ST"].to_numpy() == pytest.approx([0.558, 0.442, 0.244], abs=0.04)


def test_morris_on_a_linear_function():
    """y = 3 x1 - 2 x2 + 0 x3 on [0, 1]: every elementary effect of x_i is its coefficient
    (per unit of the range), so mu* = |coefficient|, mu = coefficient, sigma = 0."""
    problem = problem_of([Range("x1", 0, 1), Range("x2", 0, 1), Range("x3", 0, 1)])
    x = sample("morris", problem, 20, seed=1)
    y = 3 * x[:, 0] - 2 * x[:, 1]
    got = _wide(indices("morris", problem, x, y))
    assert got.loc[["x1", "x2", "x3"], "mu_star"].to_numpy() == pytest.approx([3, 2, 0])
    assert got.loc[["x1", "x2", "x3"], "mu"].to_numpy() == pytest.approx([3, -2, 0])
    assert got["sigma"].to_numpy() == pytest.approx([0, 0, 0], abs=1e-9)


def test_morris_scales_with_the_range():
    """The same slope over a wider range: the effect per range is larger in proportion."""
    problem = problem_of([Range("a", 0, 10), Range("b", 0, 1)])
    x = sample("morris", problem, 10, seed=2)
    got = _wide(indices("morris", problem, x, x[:, 0] + x[:, 1]))
    assert got.loc["a", "mu_star"] == pytest.approx(10 * got.loc["b", "mu_star"])


def test_missing_outcomes_are_refused():
    problem = problem_of([Range("a", 0, 1), Range("b", 0, 1)])
    x = sample("morris", problem, 4, seed=2)
    with pytest.raises(Exception, match="--resume"):
        indices("morris", problem, x, np.full(len(x), np.nan))


def test_point_outcomes_from_a_sweep_table():
    table = pd.DataFrame(
        {
            "job": [0, 0, 1, 1, 2, 2],
            "nuclear_signal_step": [3, None, None, None, 1, 2],
            "peak_rung_russia": [8, 6, 7, 7, 8, 8],
        }
    )
    assert point_outcomes(table, "nuclear_signal", 3).tolist() == [0.5, 0.0, 1.0]
    assert point_outcomes(table, "peak_rung_russia", 3).tolist() == [7.0, 7.0, 8.0]
    assert np.isnan(point_outcomes(table, "peak_rung_russia", 4)[3])  # a missing job
    with pytest.raises(Exception, match="allowed: nuclear_signal, peak_rung_russia"):
        point_outcomes(table, "nuclear_sigal", 3)


def test_ranges_default_to_the_registry_and_can_be_given():
    registry = knob_ranges()
    assert "rules.noise" in registry and "combat.attrition_rate" in registry
    assert all(r.low < r.high for r in registry.values())
    assert [r.key for r in parse_ranges(None, ["combat"])][0].startswith("combat.")
    given = parse_ranges(["rules.noise", "scenario.actors.russia.grievance=0:1"])
    assert given[0] == registry["rules.noise"] and (given[1].low, given[1].high) == (0, 1)
    for bad, message in (["rules.noise=0.5:0.1"], "LO < HI"), (["rules.nose"], "no declared"):
        with pytest.raises(ConfigError, match=message):
            parse_ranges(bad)


def test_design_rows_become_job_overrides():
    design = pd.DataFrame({"rules.noise": [0.25, 0.5], "combat.noise": [1e-7, 2.0]})
    jobs = design_jobs(design, ["replicates=5"])
    assert jobs == [
        ["rules.noise=0.25", "combat.noise=1e-07", "replicates=5"],
        ["rules.noise=0.5", "combat.noise=2.0", "replicates=5"],
    ]


@pytest.mark.parametrize("method", ["morris", "sobol"])
def test_figures_of_both_methods(tmp_path, method):
    from SALib.test_functions import Ishigami

    from sim.analysis.sensitivity_plots import plot_indices

    problem = problem_of([Range(f"x{i}", -np.pi, np.pi) for i in (1, 2, 3)])
    x = sample(method, problem, 64 if method == "sobol" else 10, seed=1)
    table = indices(method, problem, x, Ishigami.evaluate(x))
    written = plot_indices(table, method, "y", "toy", tmp_path, f"{method}_y")
    assert [p.suffix for p in written] == [".png", ".csv"]  # SVG only on request
