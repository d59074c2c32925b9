"""The run summary's interval: Wilson's score interval, checked against hand-computed values."""

from __future__ import annotations

import pytest

from sim.analysis.summary import wilson_interval


@pytest.mark.parametrize(
    ("k", "n", "low", "high"),
    [
        (5, 10, 0.2366, 0.7634),  # symmetric about 1/2
        (0, 6, 0.0, 0.3903),  # no success: exactly 0 below
        (6, 6, 0.6097, 1.0),  # every trial: exactly 1 above (no 0.9999999999999999)
        (1, 100, 0.0018, 0.0545),
    ],
)
def test_wilson_interval_matches_the_closed_form(k, n, low, high):
    lo, hi = wilson_interval(k, n)
    assert lo == pytest.approx(low, abs=1e-4) and hi == pytest.approx(high, abs=1e-4)
    assert lo <= k / n <= hi


def test_the_bounds_are_exact_at_the_edges():
    for n in range(1, 300):
        assert wilson_interval(n, n)[1] == 1.0 and wilson_interval(0, n)[0] == 0.0
