"""Threats as the press writes them, without an "if" (sim/seeding/bare_threats.py)."""

from __future__ import annotations

import pytest

from sim.seeding.extract import extract
from sim.seeding.findings import CONDITIONAL
from sim.seeding.text import parse_document


def threats(text: str) -> set[tuple[str, str | None]]:
    ex = extract(parse_document(text.encode(), "t.txt"))
    return {f.parties for f in ex.findings if f.modality == CONDITIONAL}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a clause coordinated with what the reporting verb says: the other party is the target
        ("Pakistan said Indian jets had violated its airspace, and that it would respond at "
         "a time and place of its choosing.", ("pakistan", "india")),
        ("China accused Washington of overreacting, saying the balloon was a civilian "
         "airship and that Beijing reserved the right to respond.", ("china", "united_states")),
        ("The Tajik foreign ministry said Dushanbe reserved the right to respond with all "
         "means to any new attack on its territory.", ("tajikistan", None)),
        ("Iran's army chief said Tehran would not hesitate to strike U.S. bases in the "
         "region.", ("iran", "united_states")),
        ("Al-Shabaab warned that Kenya would pay for its invasion.", ("al_shabaab", "kenya")),
        ('"Vietnam will take all necessary measures to protect its sovereignty," a '
         "spokesman for Hanoi said.", ("vietnam", None)),
        ("Turkey has warned Greece that extending its territorial waters would be a cause "
         "for war.", ("turkey", "greece")),
        ("India struck a camp in Pakistan. Islamabad vowed to retaliate.", ("pakistan", None)),
        ("Seoul warned that any further provocation by the North would be met with a strong "
         "response. North Korea fired shells.", ("south_korea", "north_korea")),
        # the parse hangs "vowed" on the reported clause: the reporter still vows
        ("The Houthis, who control much of Yemen, said the U.S. strikes killed five of their "
         "fighters and vowed to retaliate.", ("houthis", "united_states")),
    ],
)  # fmt: skip
def test_a_threat_the_press_writes_is_a_doctrine_entry(text, expected):
    assert expected in threats(text)


@pytest.mark.parametrize(
    "text",
    [
        "Japan said it would respond calmly to the Chinese ships.",
        "Ethiopia warned the TPLF would be held responsible for the attacks.",
        "The Foreign Ministry said Seoul would respond to the letter from Pyongyang next week.",
        "Sudan's army chief vowed to drive the rebels out of Khartoum.",
        "NATO said it was ready to help Finland and Estonia protect undersea cables.",
        "Iran did not threaten to retaliate against Israel, its foreign minister said.",
    ],
)
def test_no_threat_in_calm_answers_war_aims_or_denials(text):
    assert not threats(text)


def test_a_threat_to_answer_an_attack_on_a_third_party_does_not_aim_at_it():
    found = threats("Russia said Moscow would respond to any attack on Belarus.")
    assert ("russia", "belarus") not in found
