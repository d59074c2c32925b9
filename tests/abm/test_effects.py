"""Every move has consequences: each action against holding, under common random numbers.

For every action of the ladder, a human seat takes it toward a target in the first turn of the
Kursk scenario; the same seed with the seat holding is the baseline. The world must differ, and
in the field the actions table says the action changes.
"""

import pytest

from sim.abm.model import EscalationModel
from sim.domain.actions import action_table
from sim.domain.scenario_io import load_scenario
from tests.abm.test_model import KURSK

WORLD = load_scenario(KURSK)

# action: (actor, target, what must differ (a key of World.snapshot), a setup before the turn)
CASES = {
    "offer_ceasefire": ("russia", "ukraine", "offers", None),
    "withdraw_forces": ("ukraine", "russia", "units", None),
    "consult_partners": ("united_states", "russia", "credibility", None),
    "protest": ("united_states", "russia", "audience", None),
    "warn": ("united_states", "russia", "resolve_seen", None),
    "declare_co_belligerent": ("united_states", "north_korea", "declarations", None),
    "impose_sanctions": ("united_states", "russia", "actors", None),
    "supply_arms": ("united_states", "russia", "actors", None),
    "supply_ammunition": ("united_states", "russia", "actors", None),
    "send_instructors": ("united_states", "russia", "actors", None),
    "lift_weapons_restrictions": ("united_states", "russia", "lifted", None),
    "deploy_troops": ("nato", "russia", "actors", None),
    "reinforce_troops": ("north_korea", "ukraine", "units", None),
    "commit_to_combat": ("ukraine", "russia", "units", "idle_ukraine"),
    "commit_partner_forces": ("russia", "ukraine", "units", None),
    "strike_territory": ("ukraine", "russia", "actors", None),
    "nuclear_signal": ("russia", "ukraine", "actors", None),
    "nuclear_strike": ("russia", "ukraine", "units", None),
}


def test_every_action_has_a_case():
    assert set(CASES) == set(action_table())


def _after_one_turn(actor: str, move, setup: str | None, seed: int = 11):
    model = EscalationModel(WORLD, rng=seed, human_actors=frozenset({actor}))
    if setup == "idle_ukraine":
        model.unit_agents["ukrainian_kursk_grouping"].in_combat = False
    model.choices[actor] = move
    model.step()
    return model


@pytest.mark.parametrize("action", sorted(CASES))
def test_each_action_changes_the_world_compared_with_holding(action):
    actor, target, field, setup = CASES[action]
    moved = _after_one_turn(actor, (action, target), setup)
    held = _after_one_turn(actor, ("hold", target), setup)
    row = next(d for d in moved.recorder.decisions if d[3] == actor and d[7] == "human")
    assert row[5] == action, f"the move was refused: {row[8]}"
    a, b = moved.state.snapshot(), held.state.snapshot()
    assert a != b, f"{action} left the world as holding does"
    assert a[field] != b[field], f"{action} should change {field}"


def test_sanctions_lower_the_targets_sustainment_and_it_recovers():
    moved = _after_one_turn("united_states", ("impose_sanctions", "russia"), None)
    russia = moved.actor_agents["russia"]
    assert russia.sustainment < 1.0
    level = russia.sustainment
    moved.step()
    assert level < russia.sustainment < 1.0


def test_arms_go_to_the_party_that_fights_the_target():
    moved = _after_one_turn("united_states", ("supply_arms", "russia"), None)
    assert moved.actor_agents["ukraine"].fire > 1.0
    assert moved.actor_agents["russia"].fire == 1.0
    ev = [e for e in moved.recorder.events if e[5] == "supply_arms"]
    assert ev and ev[0][4] == "ukraine" and ev[0][7] > 0, "coded as cooperation toward Ukraine"


def test_a_warning_raises_the_receivers_estimate_of_the_senders_resolve():
    moved = _after_one_turn("united_states", ("warn", "north_korea"), None)
    seen = moved.state.resolve_seen
    assert seen[("north_korea", "united_states")] > 0.5
    assert ("russia", "united_states") in seen  # Russia is aligned with North Korea


def test_a_declaration_enables_force_against_the_declared():
    """Before the declaration the US is no belligerent toward North Korea; after it, it is."""
    from sim.abm.perception import possible

    model = EscalationModel(WORLD, rng=1, human_actors=frozenset({"united_states"}))
    assert not model.state.belligerent("united_states", "north_korea")
    model.choices["united_states"] = ("declare_co_belligerent", "north_korea")
    model.step()
    assert model.state.belligerent("united_states", "north_korea")
    assert possible(model.state, "united_states", "north_korea", "strike_territory")


def test_sanctions_slow_the_targets_replacements_at_the_front():
    """Same seed, three turns: with sanctions Russia's Kursk grouping gets fewer replacements."""

    def russian_strength(move):
        model = EscalationModel(WORLD, rng=4, human_actors=frozenset({"united_states"}))
        for _ in range(3):
            model.choices["united_states"] = move
            model.step()
        return model.unit_agents["russian_kursk_grouping"].strength

    assert russian_strength(("impose_sanctions", "russia")) < russian_strength(("hold", "russia"))


# --- diminishing returns of repeated packages (effects.shifted) ------------------------------

SHIFTS = [  # x, by, floor, cap -> expected: the rule as a table
    (1.0, -0.05, 0.7, 1.0, 0.95),  # a first package at normal has its stated size
    (0.85, -0.05, 0.7, 1.0, 0.825),  # half the room left: half the step
    (0.7, -0.05, 0.7, 1.0, 0.7),  # at the floor: nothing more
    (0.8, +0.05, 0.2, 1.0, 0.85),  # back toward normal: linear
    (0.98, +0.05, 0.2, 1.0, 1.0),  # ... and it stops at normal
    (1.0, +0.08, 0.2, 1.6, 1.08),  # up, at normal: the stated size
    (1.3, +0.08, 0.2, 1.6, 1.34),  # half the room to the cap left: half the step
    (1.6, +0.08, 0.2, 1.6, 1.6),  # at the cap: nothing more
    (1.0, +0.05, 0.2, 1.0, 1.0),  # an index capped at normal cannot rise above it
    (1.2, -0.5, 0.2, 2.0, 1.0),  # back toward normal from above: linear, stops at normal
]


@pytest.mark.parametrize(("x", "by", "floor", "cap", "expected"), SHIFTS)
def test_an_index_moves_with_diminishing_returns(x, by, floor, cap, expected):
    from sim.abm.effects import shifted

    assert shifted(x, by, floor, cap) == pytest.approx(expected)


def test_repeated_packages_follow_the_closed_form_and_never_pass_the_bound():
    """From normal, n packages of size -b toward floor f leave x - f = (1 - f)(1 - b/(1 - f))^n."""
    from sim.abm.effects import shifted

    x, b, f = 1.0, 0.05, 0.7
    for n in range(1, 60):
        x = shifted(x, -b, f, 1.0)
        assert x == pytest.approx(f + (1 - f) * (1 - b / (1 - f)) ** n)
        assert x > f


def _sustainment_after_weekly_sanctions(weeks: int, floor: float | None) -> float:
    """Russia's sustainment after the US sanctions it every week (the table's floor or another)."""
    import dataclasses

    from sim.abm import effects

    spec = action_table()["impose_sanctions"]
    if floor is not None:
        changed = tuple(dataclasses.replace(e, floor=floor) if e.kind == "sustainment" else e
                        for e in spec.effects)  # fmt: skip
        spec = dataclasses.replace(spec, effects=changed)
    model = EscalationModel(WORLD, rng=2, human_actors=frozenset({"united_states"}))
    original = effects.action_table
    effects.action_table = lambda: {**original(), "impose_sanctions": spec}
    try:
        for _ in range(weeks):
            model.choices["united_states"] = ("impose_sanctions", "russia")
            model.step()
    finally:
        effects.action_table = original
    return model.actor_agents["russia"].sustainment


def test_weekly_sanctions_settle_where_adaptation_balances_them_and_the_floor_is_the_lever():
    """A year of weekly packages: sustainment settles near the balance of the package's cut
    b (s - f)/(1 - f) and the recovery r (1 - s) a week, s* = (b f/(1-f) + r) / (b/(1-f) + r),
    instead of sinking to the index's floor; a lower floor lets sanctions bite deeper."""
    from sim.domain.params import RuleParams

    b, r = 0.05, RuleParams().sustainment_recovery
    for floor in (0.7, 0.4):
        settled = (b * floor / (1 - floor) + r) / (b / (1 - floor) + r)
        s = _sustainment_after_weekly_sanctions(52, floor)
        assert s == pytest.approx(settled, abs=0.03), (floor, s, settled)
    assert _sustainment_after_weekly_sanctions(52, None) > _sustainment_after_weekly_sanctions(
        52, 0.4
    )


def test_aid_aimed_at_the_partner_it_helps_is_held_with_the_reason():
    """Lifting restrictions aimed at Ukraine reaches no one (aid reaches whoever fights the
    target; the scenario check refuses such a doctrine entry, tests/domain/test_scenario.py):
    in the model it becomes a hold that says why, and nothing is lifted. Aimed at Russia, it
    lifts the restrictions on the US weapons Ukraine uses."""
    from sim.domain.scenario import Scenario
    from sim.domain.scenario_io import read_yaml

    data = read_yaml(KURSK)
    us = data["actors"]["united_states"]["doctrine"]
    us["ease_restrictions_after_prk_combat"].update(
        target="ukraine", when={"always": {}}, probability=1.0
    )
    model = EscalationModel(Scenario.model_validate(data), rng=3)  # past the scenario check
    model.step()
    row = next(d for d in model.recorder.decisions if d[3] == "united_states")
    assert row[5] == "hold" and "aid is aimed at an adversary" in row[8]
    assert not model.state.lifted
    to_russia = _after_one_turn("united_states", ("lift_weapons_restrictions", "russia"), None)
    assert to_russia.state.lifted == {"us_weapons_to_ukraine"}
