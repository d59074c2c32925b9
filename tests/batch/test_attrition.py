"""The attrition laws over arrays are the scalar laws of ``sim.domain.combat``, case by case.

Random cases cover every branch: a side gone or negative, no time, no fire on one side or both,
a side wiped out within the time, the linear law's even case, units that cannot take their
share of the losses.
"""

from __future__ import annotations

import numpy as np
import pytest

from sim.batch import attrition
from sim.domain import combat as scalar


def assert_same(got, want, where: str) -> None:
    """Equal within 1e-9 (relative, or absolute near zero), element by element."""
    assert got == pytest.approx(want, rel=1e-9, abs=1e-9), (where, got, want)


def cases(n: int = 400):
    r = np.random.default_rng(7)
    x0 = r.choice([0.0, -1.0, 5.0, 800.0, 12000.0, 45000.0], n) * r.uniform(0.5, 1.5, n)
    y0 = r.choice([0.0, 3.0, 900.0, 10000.0, 60000.0], n) * r.uniform(0.5, 1.5, n)
    a = r.choice([0.0, 1e-7, 0.004, 0.02], n) * r.uniform(0.5, 2, n)
    b = r.choice([0.0, 1e-7, 0.004, 0.03], n) * r.uniform(0.5, 2, n)
    t = r.choice([0.0, 0.3, 1.0, 7.0, 14.0, 60.0], n)
    b[:20] = a[:20] * y0[:20] / np.maximum(x0[:20], 1)  # the linear law's even case
    return x0, y0, a, b, t


@pytest.mark.parametrize("name", ["square_law", "linear_law"])
def test_the_laws_over_arrays_are_the_scalar_laws(name):
    x0, y0, a, b, t = cases()
    if name == "linear_law":  # its rates are per soldier of the other side
        a, b = a / 20000, b / 20000
    got_x, got_y = getattr(attrition, name)(x0, y0, a, b, t)
    law = getattr(scalar, name)
    for i in range(len(x0)):
        want = law(x0[i], y0[i], a[i], b[i], t[i])
        assert_same((got_x[i], got_y[i]), want, f"case {i}")


def test_control_change_over_arrays_is_the_scalar_rule():
    r = np.random.default_rng(3)
    att = r.choice([0.0, -1.0, 100.0, 5000.0, 40000.0], 300) * r.uniform(0.2, 3, 300)
    dfn = r.choice([0.0, 100.0, 5000.0, 40000.0], 300) * r.uniform(0.2, 3, 300)
    got = attrition.control_change(att, dfn, 2.0, 0.12)
    for i in range(300):
        assert_same(got[i], scalar.control_change(att[i], dfn[i], 2.0, 0.12), f"case {i}")


def test_allocate_losses_over_rows_is_the_scalar_rule():
    r = np.random.default_rng(11)
    n, u = 500, 4
    strengths = r.choice([0.0, 5.0, 300.0, 9000.0], (n, u)) * r.uniform(0.5, 1.5, (n, u))
    qualities = np.array([0.3, 1.0, 1.6, 0.8])
    member = r.random((n, u)) < 0.7
    total = r.choice([0.0, 10.0, 2000.0, 30000.0], n) * r.uniform(0.5, 1.5, n)
    exposed = strengths - r.uniform(-100, 3000, (n, u))
    for ex in (None, exposed):
        got = attrition.allocate_losses(strengths, qualities, total, member, ex)
        for i in range(n):
            js = np.flatnonzero(member[i])
            want = scalar.allocate_losses(
                list(strengths[i, js]),
                list(qualities[js]),
                total[i],
                None if ex is None else list(ex[i, js]),
            )
            assert_same(list(got[i, js]), want, f"row {i}")
            assert not got[i, ~member[i]].any()
