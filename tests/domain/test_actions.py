"""The actions table against the codebooks: every action's CAMEO code, Goldstein weight, quad
class and MID hostility level, and every effect it declares.

The expected values are this test's own table, written from the codebooks (cited in
docs/model.md section 7.8): CAMEO 1.1b3 (Schrodt 2012) with its Goldstein (1992) weights, and
the MID 4 codebook's hostility levels (Palmer et al. 2022; Jones, Bremer & Singer 1996).
"""

import pytest

from sim.domain.actions import EFFECT_KINDS, action_table, event_codes, parse_actions
from sim.domain.ladder import standard_ladder

# action: (CAMEO code, Goldstein weight, quad class, MID hostility level, coded toward)
CODEBOOK = {
    "offer_ceasefire": ("0871", 9.0, "material_cooperation", 1, "target"),  # declare truce, ceasefire
    "withdraw_forces": ("0874", 10.0, "material_cooperation", 1, "target"),  # retreat militarily
    "consult_partners": ("040", 1.0, "verbal_cooperation", 1, "target"),  # consult
    "protest": ("114", -2.4, "verbal_conflict", 1, "target"),  # complain officially
    "warn": ("138", -7.0, "verbal_conflict", 2, "target"),  # threaten to use military force
    "declare_co_belligerent": ("112", -2.0, "verbal_conflict", 1, "target"),  # accuse
    "impose_sanctions": ("163", -8.0, "material_conflict", 1, "target"),  # impose sanctions
    "supply_arms": ("072", 8.3, "material_cooperation", 1, "recipient"),  # provide military aid
    "supply_ammunition": ("072", 8.3, "material_cooperation", 1, "recipient"),
    "send_instructors": ("062", 7.4, "material_cooperation", 1, "recipient"),  # cooperate militarily
    "lift_weapons_restrictions": ("072", 8.3, "material_cooperation", 1, "recipient"),
    "deploy_troops": ("154", -7.2, "material_conflict", 3, "target"),  # mobilize armed forces
    "reinforce_troops": ("154", -7.2, "material_conflict", 3, "target"),
    "commit_to_combat": ("190", -10.0, "material_conflict", 5, "target"),  # conventional force; join war
    "commit_partner_forces": ("190", -10.0, "material_conflict", 5, "target"),
    "strike_territory": ("195", -10.0, "material_conflict", 4, "target"),  # aerial weapons; attack
    "nuclear_signal": ("1385", -7.0, "verbal_conflict", 3, "target"),  # threaten with WMD; nuclear alert
    "nuclear_strike": ("2042", -10.0, "material_conflict", 4, "target"),  # use nuclear weapons
}  # fmt: skip

# rung: (Kahn group, MID level of its most hostile action)
RUNGS = {
    "de_escalation": ("subcrisis_maneuvering", 1), "diplomacy": ("subcrisis_maneuvering", 2),
    "sanctions": ("subcrisis_maneuvering", 1), "arms_supply": ("traditional_crises", 1),
    "lift_restrictions": ("traditional_crises", 1), "troop_deployment": ("traditional_crises", 3),
    "combat": ("intense_crises", 5), "strikes_on_territory": ("intense_crises", 4),
    "nuclear_signalling": ("intense_crises", 3), "nuclear_use": ("bizarre_crises", 4),
}  # fmt: skip


@pytest.mark.parametrize("action", sorted(CODEBOOK))
def test_action_codes_follow_the_codebooks(action):
    spec = action_table()[action]
    assert (
        spec.cameo,
        spec.goldstein,
        spec.quad_class,
        spec.mid_level,
        spec.coded_toward,
    ) == CODEBOOK[action]
    root = int(spec.cameo[:2])
    quad = ("verbal_cooperation" if root <= 5 else "material_cooperation" if root <= 8
            else "verbal_conflict" if root <= 14 else "material_conflict")  # fmt: skip
    assert spec.quad_class == quad, "the quad class follows the CAMEO root code"


def test_every_ladder_action_has_one_entry_and_no_more():
    assert set(action_table()) == set(standard_ladder().actions) == set(CODEBOOK)


@pytest.mark.parametrize("rung", sorted(RUNGS))
def test_rungs_take_their_kahn_group_and_mid_level(rung):
    r = standard_ladder().rungs[standard_ladder().index(rung)]
    assert (r.kahn_group, r.mid_level) == RUNGS[rung]


def test_every_action_declares_at_least_one_consequence():
    for aid, spec in action_table().items():
        assert spec.effects, aid
        assert all(e.kind in EFFECT_KINDS for e in spec.effects)


def test_other_events_are_coded_too():
    codes = event_codes()
    assert codes["accept_ceasefire"].cameo == "0871" and codes["break_ceasefire"].cameo == "196"
    assert codes["fight"].quad_class == "material_conflict"


@pytest.mark.parametrize(
    ("entry", "message"),
    [
        ({"effects": [{"kind": "teleport"}]}, "kind: 'teleport'; allowed: fire"),
        ({"effects": [{"kind": "fire", "on": "everyone", "by": 0.1}]}, "on: 'everyone'; allowed"),
        ({"effects": [{"kind": "fire"}]}, "by: a number is required for fire"),
        ({"requires": ["magic"]}, "requires: ['magic']; allowed: nuclear"),
        ({"quad_class": "friendly"}, "quad_class: allowed"),
        (
            {"effects": [{"kind": "fire", "by": 0.1, "cap": 0.9}]},
            "cap: 0.9; allowed: a number above 1",
        ),
        (
            {"effects": [{"kind": "sustainment", "by": -0.1, "floor": 1.7}]},
            "floor: 1.7; allowed: 0 <= floor < 1",
        ),
    ],
)
def test_a_malformed_actions_table_is_refused_with_its_path(entry, message):
    base = {"cameo": "010", "goldstein": 0.0, "quad_class": "verbal_cooperation", "mid_level": 1,
            "coded_toward": "target", "source": "test", "effects": []}  # fmt: skip
    with pytest.raises(ValueError, match="actions.yaml: actions.x") as err:
        parse_actions({"x": {**base, **entry}})
    assert message in str(err.value)
