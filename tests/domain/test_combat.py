"""Lanchester attrition against its closed forms and conserved quantities."""

import math

import pytest

from sim.domain.combat import (
    allocate_losses,
    control_change,
    linear_law,
    square_law,
    turn_noise_sigma,
)


def integrate(x, y, a, b, t, law, n=200_000):
    """Reference: fourth-order Runge-Kutta with many small steps, stopping at zero."""
    h = t / n

    def f(x, y):
        return (-a * y, -b * x) if law == "square" else (-a * x * y, -b * x * y)

    for _ in range(n):
        k1 = f(x, y)
        k2 = f(x + h / 2 * k1[0], y + h / 2 * k1[1])
        k3 = f(x + h / 2 * k2[0], y + h / 2 * k2[1])
        k4 = f(x + h * k3[0], y + h * k3[1])
        x += h / 6 * (k1[0] + 2 * k2[0] + 2 * k3[0] + k4[0])
        y += h / 6 * (k1[1] + 2 * k2[1] + 2 * k3[1] + k4[1])
        if x <= 0 or y <= 0:
            break
    return max(x, 0.0), max(y, 0.0)


@pytest.mark.parametrize("t", [1.0, 7.0, 30.0])
def test_square_law_conserves_b_x2_minus_a_y2(t):
    x0, y0, a, b = 45000.0, 12000.0, 0.006, 0.0032
    x, y = square_law(x0, y0, a, b, t)
    assert b * x * x - a * y * y == pytest.approx(b * x0 * x0 - a * y0 * y0, rel=1e-9)
    assert (x, y) == pytest.approx(integrate(x0, y0, a, b, t, "square", 20_000), rel=1e-6)


def test_square_law_winner_survivors_within_one_percent():
    x0, y0, a, b = 1000.0, 800.0, 0.01, 0.01  # equal quality: x wins with sqrt(x0^2 - y0^2)
    x, y = square_law(x0, y0, a, b, 1000.0)
    assert y == 0.0
    assert x == pytest.approx(math.sqrt(x0**2 - y0**2), rel=0.01)
    ref_x, _ = integrate(x0, y0, a, b, 1000.0, "square")
    assert x == pytest.approx(ref_x, rel=0.01)


def test_square_law_unequal_quality_winner():
    x0, y0, a, b = 500.0, 1000.0, 0.002, 0.02  # x fights ten times better per soldier
    x, y = square_law(x0, y0, a, b, 10_000.0)
    assert y == 0.0
    assert x == pytest.approx(math.sqrt(x0**2 - (a / b) * y0**2), rel=0.01)


@pytest.mark.parametrize("t", [1.0, 7.0, 60.0])
def test_linear_law_conserves_b_x_minus_a_y(t):
    x0, y0, a, b = 3000.0, 2000.0, 2e-5, 1e-5
    x, y = linear_law(x0, y0, a, b, t)
    assert b * x - a * y == pytest.approx(b * x0 - a * y0, rel=1e-9, abs=1e-12)
    assert (x, y) == pytest.approx(integrate(x0, y0, a, b, t, "linear", 20_000), rel=1e-5)


def test_linear_law_equal_forces_decay_together():
    x, y = linear_law(1000.0, 1000.0, 1e-4, 1e-4, 10.0)
    assert x == pytest.approx(1000.0 / (1 + 1e-4 * 1000.0 * 10.0))
    assert x == pytest.approx(y)


def test_no_negative_strengths_and_no_losses_without_enemy():
    assert square_law(0.0, 100.0, 0.1, 0.1, 5.0) == (0.0, 100.0)
    assert linear_law(100.0, 0.0, 0.1, 0.1, 5.0) == (100.0, 0.0)
    assert min(square_law(10.0, 1e6, 1.0, 1.0, 100.0)) >= 0.0


def test_control_follows_the_force_ratio():
    assert control_change(2.0, 1.0, 2.0, 0.1) == 0.0  # at the breakthrough ratio the line holds
    assert control_change(6.0, 1.0, 2.0, 0.1) < 0.0  # attacker well above it: defender loses ground
    assert control_change(1.0, 1.0, 2.0, 0.1) > 0.0  # attacker below it: defender gains
    assert control_change(1e9, 1.0, 2.0, 0.1) == -0.1  # capped at the weekly rate


def test_control_without_an_opponent_moves_at_the_full_rate():
    assert control_change(100.0, 0.0, 2.0, 0.1) == -0.1  # no defender: the attacker advances
    assert control_change(0.0, 100.0, 2.0, 0.1) == 0.1  # no attacker: the defender advances
    assert control_change(0.0, 0.0, 2.0, 0.1) == 0.0


@pytest.mark.parametrize("days", [1.0, 3.5, 14.0, 30.0])
def test_turn_noise_keeps_the_variance_of_the_mean_intensity_per_week(days):
    weekly = 0.25
    sigma = turn_noise_sigma(weekly, days)
    # a turn's factor has 7/days times a week's variance (white-noise intensity, averaged)
    assert math.expm1(sigma**2) * days / 7.0 == pytest.approx(math.expm1(weekly**2))
    assert turn_noise_sigma(weekly, 7.0) == pytest.approx(weekly)
    assert turn_noise_sigma(0.0, days) == 0.0


def test_losses_fall_by_strength_over_quality():
    # weights 10000/0.3 = 33,333 and 45000/0.9 = 50,000: shares 0.4 and 0.6 of 1,000
    assert allocate_losses([10000.0, 45000.0], [0.3, 0.9], 1000.0) == pytest.approx([400, 600])
    # equal quality: in proportion to strength
    assert allocate_losses([100.0, 300.0], [1.0, 1.0], 40.0) == pytest.approx([10, 30])


def test_a_unit_never_loses_more_than_it_has():
    # equal weights (10/0.01 = 1000/1): 250 each, but the first unit has only 10
    assert allocate_losses([10.0, 1000.0], [0.01, 1.0], 500.0) == pytest.approx([10, 490])
    assert allocate_losses([10.0, 20.0], [1.0, 1.0], 1e6) == pytest.approx([10, 20])
    assert allocate_losses([0.0, 20.0], [1.0, 1.0], 5.0) == pytest.approx([0, 5])


def test_exposure_sets_the_shares_and_strength_the_cap():
    assert allocate_losses([100.0, 100.0], [1.0, 1.0], 30.0, exposed=[50.0, 100.0]) == (
        pytest.approx([10, 20])
    )
