"""The land front: one Lanchester exchange per turn, losses that show, ground that moves.

The Kursk theatre is played here on its own (the scenario's three units, no decisions), so the
front can be checked against hand-computed cases, against public loss estimates, and across
turn lengths.
"""

from __future__ import annotations

import math
import random
from pathlib import Path

import mesa
import numpy as np
import pytest

from sim.abm.forces import ForceAgent
from sim.abm.theatre import ContestedTheatre
from sim.domain.combat import control_change, square_law
from sim.domain.params import AttritionLaw, CombatParams, numeric_knobs
from sim.domain.scenario import Force
from sim.domain.scenario_io import load_scenario
from sim.domain.ties import index_ties

KURSK = load_scenario(Path(__file__).resolve().parents[2] / "scenarios" / "kursk_2024.yaml")
TIES = index_ties(KURSK)
NK, RU, UA = "kpa_expeditionary_corps", "russian_kursk_grouping", "ukrainian_kursk_grouping"


class TwoSides:
    """Ties of a two-actor world: 'red' owns the ground, 'blue' holds the salient."""

    def side_of(self, actor, owner, holder):
        return "owner" if actor == owner else "holder" if actor == holder else None


def unit(model, uid, actor, strength, quality=1.0, **kw):
    spec = Force(actor=actor, theatre="t", strength=strength, quality=quality, in_combat=True,
                 source="assumption: test unit", **kw)  # fmt: skip
    return ForceAgent(model, uid, spec)


def kursk_alone(seed: int, weeks: float, days: float, combat: CombatParams | None = None,
                nk_in_combat: bool = True, world=KURSK):  # fmt: skip
    """The Kursk theatre alone for ``weeks`` in turns of ``days``: (theatre, units, losses)."""
    model = mesa.Model(rng=seed)
    units = {uid: ForceAgent(model, uid, f) for uid, f in world.forces.items()
             if f.theatre == "kursk"}  # fmt: skip
    units[NK].in_combat = nk_in_combat
    theatre = ContestedTheatre("kursk", "russia", "ukraine", 1.0, list(units.values()))
    lost = dict.fromkeys(units, 0.0)
    for _ in range(round(weeks * 7 / days)):
        theatre.fight(TIES, combat or CombatParams(), days, model.random)
        for uid, u in units.items():
            lost[uid] += u.losses
            u.replenish(days)
    return theatre, units, lost


# --- the defender's advantage, once -----------------------------------------------------------


def test_defender_advantage_applies_to_fire_only_hand_computed():
    """2,000 attackers against 1,000 holders of equal quality, attrition 0.001 a day, defender's
    advantage 2, no noise, one week. Fire: a = 0.001 * 2 = 0.002 on the attacker, b = 0.001 on
    the holder; the square law gives x = 1986.10, y = 986.05. Ground: the power ratio is 2.0 at
    the start (exactly the breakthrough ratio: no change) and 2.0142 at the end, so control
    moves by -0.1 * log(2.0142 / 2) / 2 = -0.000354. Were the advantage counted again in the
    control balance the ratio would be about 1 and the holder would GAIN 0.069."""
    model = mesa.Model(rng=0)
    red, blue = unit(model, "r", "red", 2000.0), unit(model, "b", "blue", 1000.0)
    t = ContestedTheatre("t", "red", "blue", 0.5, [red, blue])
    p = CombatParams(attrition_rate=0.001, defender_advantage=2.0, noise=0.0,
                     breakthrough_ratio=2.0, control_rate=0.1)  # fmt: skip
    t.fight(TwoSides(), p, 7.0, model.random)
    assert red.strength == pytest.approx(1986.10, abs=0.01)
    assert blue.strength == pytest.approx(986.05, abs=0.01)
    assert (red.strength, blue.strength) == pytest.approx(square_law(2000, 1000, 0.002, 0.001, 7))
    assert t.control == pytest.approx(0.5 - 0.000354, abs=2e-6)
    assert t.control < 0.5  # the doubled advantage would have moved it up
    assert red.losses == pytest.approx(2000 - 1986.10, abs=0.01)
    assert blue.losses == pytest.approx(1000 - 986.05, abs=0.01)


def test_multipliers_scale_one_actors_fire_and_power():
    model = mesa.Model(rng=0)
    red, blue = unit(model, "r", "red", 2000.0), unit(model, "b", "blue", 1000.0)
    t = ContestedTheatre("t", "red", "blue", 0.5, [red, blue])
    p = CombatParams(attrition_rate=0.001, defender_advantage=1.0, noise=0.0)
    t.fight(TwoSides(), p, 7.0, model.random, {"blue": 2.0})
    assert (red.strength, blue.strength) == pytest.approx(square_law(2000, 1000, 0.002, 0.001, 7))
    expected = 0.5 + 0.5 * (control_change(2000, 2000, 2.0, 0.12)
                            + control_change(red.strength, 2 * blue.strength, 2.0, 0.12))  # fmt: skip
    assert t.control == pytest.approx(expected)


# --- no salient held by nobody ----------------------------------------------------------------


def test_a_side_alone_advances_until_the_salient_is_lost():
    model = mesa.Model(rng=0)
    red = unit(model, "r", "red", 5000.0)
    blue = unit(model, "b", "blue", 0.0)  # destroyed
    t = ContestedTheatre("t", "red", "blue", 0.3, [red, blue])
    p = CombatParams(control_rate=0.1)
    t.fight(TwoSides(), p, 7.0, model.random)
    assert t.control == pytest.approx(0.2) and red.losses == 0.0 and red.strength == 5000
    for _ in range(3):
        t.fight(TwoSides(), p, 7.0, model.random)
    assert t.control == 0.0


def test_a_holder_alone_retakes_its_salient():
    model = mesa.Model(rng=0)
    red = unit(model, "r", "red", 5000.0)
    red.in_combat = False  # withdrawn
    blue = unit(model, "b", "blue", 1000.0)
    t = ContestedTheatre("t", "red", "blue", 0.9, [red, blue])
    t.fight(TwoSides(), CombatParams(control_rate=0.12), 14.0, model.random)
    assert t.control == 1.0 and blue.in_combat


def test_at_zero_control_the_holders_units_withdraw():
    model = mesa.Model(rng=0)
    red, blue = unit(model, "r", "red", 4000.0), unit(model, "b", "blue", 1000.0)
    t = ContestedTheatre("t", "red", "blue", 0.01, [red, blue])
    t.fight(TwoSides(), CombatParams(), 7.0, model.random)
    assert t.control == 0.0 and not blue.in_combat and blue.strength > 0


def assert_not_frozen(t: ContestedTheatre, units: dict, p: CombatParams) -> None:
    """A salient with no holder fighting is being lost: the next week takes control_rate of it
    (or the rest); with no owner fighting the holder takes it back likewise."""

    def fighting(side):
        return any(u.in_combat and u.strength > 0 and (u.actor_id == "ukraine") == (side == "h")
                   for u in units.values())  # fmt: skip

    before, holder, owner = t.control, fighting("h"), fighting("o")
    if holder and owner:
        return
    t.fight(TIES, p, 7.0, random.Random(0))
    if owner:
        assert t.control == pytest.approx(max(0.0, before - p.control_rate))
    elif holder:
        assert t.control == pytest.approx(min(1.0, before + p.control_rate))


@pytest.mark.parametrize("seed", range(40))
def test_kursk_is_never_held_by_nobody(seed):
    """At a high attrition rate one side is soon destroyed; the salient is then lost at
    control_rate a week (or retaken), never left between 0 and 1 with no holder fighting."""
    p = CombatParams(attrition_rate=0.012)
    t, units, _ = kursk_alone(seed, 26, 7, p)
    assert_not_frozen(t, units, p)
    ukraine_fights = any(u.actor_id == "ukraine" and u.in_combat and u.strength > 0
                         for u in units.values())  # fmt: skip
    assert ukraine_fights or t.control == 0.0  # 26 weeks are long enough to finish the job


# --- losses and replenishment -----------------------------------------------------------------


def test_losses_are_recorded_every_turn_and_zero_out_of_combat():
    t, units, _ = kursk_alone(3, 1, 7, nk_in_combat=False)
    assert units[NK].losses == 0.0
    assert units[RU].losses > 0 and units[UA].losses > 0
    units[RU].in_combat = False
    t.fight(TIES, CombatParams(), 7.0, random.Random(1))
    assert units[RU].losses == 0.0 and units[UA].losses == 0.0


def test_losses_equal_the_fall_in_strength_without_replenishment():
    model = mesa.Model(rng=5)
    red = unit(model, "r", "red", 2000.0, 0.5)
    red2 = unit(model, "r2", "red", 1000.0, 1.0)
    blue = unit(model, "b", "blue", 1500.0)
    t = ContestedTheatre("t", "red", "blue", 0.5, [red, red2, blue])
    t.fight(TwoSides(), CombatParams(), 7.0, model.random)
    assert red.losses == pytest.approx(2000 - red.strength)
    assert blue.losses == pytest.approx(1500 - blue.strength)
    # shares by strength / quality: 2,000 / 0.5 against 1,000 / 1.0, four times as many
    assert red.losses / red2.losses == pytest.approx(4.0, rel=0.02)


def test_replenishment_comes_from_a_finite_reserve_at_the_supply_rate():
    model = mesa.Model(rng=0)
    u = unit(model, "u", "red", 10000.0, replenishment=0.1, reserve=1500.0)
    u.strength = 7000.0
    assert u.replenish(7.0) == pytest.approx(1000.0)  # 10% of 10,000 a week
    assert u.replenish(7.0, supply=0.5) == pytest.approx(500.0)  # logistics halved
    assert u.replenish(7.0) == 0.0 and u.reserve == 0.0  # the reserve is spent
    assert u.strength == pytest.approx(8500.0)


def test_replenishment_never_exceeds_the_establishment_and_keeps_reinforcements():
    model = mesa.Model(rng=0)
    u = unit(model, "u", "red", 45000.0, replenishment=0.03, reserve=1e6)
    u.reinforce(20000)
    assert u.replenish(7.0) == 0.0 and u.strength == pytest.approx(65000)
    u.strength = 64900.0
    assert u.replenish(7.0) == pytest.approx(100.0)
    u.strength = 0.0
    assert u.replenish(7.0) == 0.0  # a destroyed unit is not rebuilt
    assert unit(model, "v", "red", 100.0, replenishment=0.5).replenish(7.0) == 0.0  # no reserve


def test_units_in_combat_are_replenished_inside_the_fight_at_the_supply_rate():
    """A unit in an exchange gets its turn's flow inside ``fight`` (times ``supply``), and the
    model's ``replenish`` call after it adds nothing more that turn."""
    model = mesa.Model(rng=0)

    def exchange(supply):
        red = unit(model, "r", "red", 10000.0, replenishment=0.1, reserve=1e6)
        red.strength = 7000.0  # well below its establishment: the whole flow is taken
        blue = unit(model, "b", "blue", 3000.0)
        t = ContestedTheatre("t", "red", "blue", 0.5, [red, blue])
        p = CombatParams(noise=0.0)
        t.fight(TwoSides(), p, 7.0, model.random, supply=supply)
        assert red.replenish(7.0, supply=1.0) == 0.0  # already replenished this turn
        return red.strength, 1e6 - red.reserve

    full, drawn_full = exchange(None)
    half, drawn_half = exchange({"red": 0.5})
    assert drawn_full == pytest.approx(1000.0)  # 10% of 10,000 in a week
    assert drawn_half == pytest.approx(500.0)
    assert full > half


def test_a_spent_reserve_lets_losses_show():
    dry_ru = KURSK.forces[RU].model_copy(update={"reserve": 0.0})
    dry_world = KURSK.model_copy(update={"forces": {**KURSK.forces, RU: dry_ru}})
    full = [kursk_alone(s, 12, 7, nk_in_combat=False)[1][RU].strength for s in range(30)]
    dry = [kursk_alone(s, 12, 7, nk_in_combat=False, world=dry_world)[1][RU].strength
           for s in range(30)]  # fmt: skip
    assert np.mean(dry) < np.mean(full) - 3000


def test_the_same_seed_gives_the_same_front():
    a = kursk_alone(11, 6, 7)
    b = kursk_alone(11, 6, 7)
    assert a[0].control == b[0].control and a[2] == b[2]


# --- calibration on public figures ------------------------------------------------------------


def test_north_korean_losses_in_their_first_six_weeks_match_public_estimates():
    """NIS (19 Dec 2024) 100 killed and ~1,000 wounded; White House (27 Dec) over 1,000 killed or
    wounded in one week; Zelensky (23 Dec) over 3,000; NIS (13 Jan 2025) ~300 killed and 2,700
    wounded: about 20-35% of the ~11,000 sent, in the first six weeks of combat."""
    runs = [kursk_alone(seed, 6, 7) for seed in range(200)]
    nk = np.array([lost[NK] for _, _, lost in runs]) / KURSK.forces[NK].strength
    assert 0.20 <= nk.mean() <= 0.35
    assert np.quantile(nk, 0.1) >= 0.15 and np.quantile(nk, 0.9) <= 0.40


def test_the_russian_grouping_bleeds_and_the_salient_shrinks_as_in_late_2024():
    runs = [kursk_alone(seed, 6, 7) for seed in range(200)]
    ru_end = np.array([units[RU].strength for _, units, _ in runs])
    ru_lost = np.array([lost[RU] for _, _, lost in runs])
    ua_lost = np.array([lost[UA] for _, _, lost in runs])
    control = np.array([t.control for t, _, _ in runs])
    assert ru_end.mean() < 45000 - 500 and ru_end.std() > 100  # not a flat line
    # both sides lose on the order of a hundred or more a day across the salient
    assert 80 <= ru_lost.mean() / 42 <= 400 and 100 <= ua_lost.mean() / 42 <= 400
    # the salient shrinks but is not lost in six weeks of fighting both
    assert 0.5 <= control.mean() <= 0.95 and (control > 0).all()


def test_without_north_koreans_the_russian_strength_still_moves():
    runs = [kursk_alone(seed, 6, 7, nk_in_combat=False) for seed in range(100)]
    ru_end = np.array([units[RU].strength for _, units, _ in runs])
    assert ru_end.mean() < 45000 - 1000


# --- turn length ------------------------------------------------------------------------------


def _summary(days: float, nk_in_combat: bool, seeds: int = 400) -> dict[str, np.ndarray]:
    runs = [kursk_alone(s, 26, days, nk_in_combat=nk_in_combat) for s in range(seeds)]
    out = {
        "russian losses": np.array([lost[RU] for _, _, lost in runs]),
        "ukrainian losses": np.array([lost[UA] for _, _, lost in runs]),
    }
    if nk_in_combat:  # the salient falls in every run: compare what was lost on the way
        out["north korean losses"] = np.array([lost[NK] for _, _, lost in runs])
    else:
        out["control"] = np.array([t.control for t, _, _ in runs])
    return out


@pytest.mark.slow
@pytest.mark.parametrize("nk_in_combat", [False, True])
def test_turn_length_does_not_change_losses_or_control(nk_in_combat):
    """26 weeks in 1-, 7- and 14-day turns, 400 seeds each: means and the 10th, 50th and 90th
    percentiles agree within four standard errors of their difference (normal approximation
    for a quantile's standard error: sd * sqrt(p (1 - p) / n) / phi(z_p)). With the North
    Koreans fighting from the start the salient falls within the span, mid-turn."""
    weekly = _summary(7.0, nk_in_combat)
    for days in (1.0, 14.0):
        other = _summary(days, nk_in_combat)
        for name, v in other.items():
            w, n = weekly[name], len(v)
            se = math.sqrt(v.var() / n + w.var() / n)
            assert abs(v.mean() - w.mean()) <= 4 * se + 1e-9, (days, name, v.mean(), w.mean())
            for q in (0.1, 0.5, 0.9):
                z = 1.2815515655446004 if q != 0.5 else 0.0
                phi = math.exp(-z * z / 2) / math.sqrt(2 * math.pi)
                se_q = math.sqrt(q * (1 - q) / n) / phi * math.sqrt(v.var() + w.var())
                gap = abs(np.quantile(v, q) - np.quantile(w, q))
                assert gap <= 4 * se_q + 1e-9, (days, name, q, gap, se_q)


# --- across the plausible range of every combat knob the theatre reads ------------------------

THEATRE_KNOBS = (
    "attrition_rate",
    "linear_reference_strength",
    "defender_advantage",
    "noise",
    "breakthrough_ratio",
    "control_rate",
)


def plausible_range(name: str) -> tuple[float, float]:
    """The plausible (sweep) range of a combat knob, from the knob registry."""
    return numeric_knobs(CombatParams)[name]["plausible"]


@pytest.mark.parametrize("law", list(AttritionLaw))
@pytest.mark.parametrize("end", [0, 1])
@pytest.mark.parametrize("knob", THEATRE_KNOBS)
def test_the_front_stays_sound_across_plausible_knobs(knob, end, law):
    p = CombatParams(law=law, **{knob: plausible_range(knob)[end]})
    for seed in range(8):
        t, units, lost = kursk_alone(seed, 26, 7, p)
        assert 0.0 <= t.control <= 1.0
        for u in units.values():
            assert 0.0 <= u.strength <= u.establishment + 1e-6 and u.reserve >= -1e-6
            assert u.losses >= 0.0 and lost[u.unit_id] >= 0.0
        assert_not_frozen(t, units, p)
