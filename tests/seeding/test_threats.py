"""Threats said without a threat verb: "any attack on X would ..." (sim/seeding/threats.py)."""

from __future__ import annotations

import pytest

from sim.seeding.draft import draft_scenario
from sim.seeding.extract import extract
from sim.seeding.findings import CONDITIONAL
from sim.seeding.text import parse_document


def threats(text: str) -> set[tuple[str, str | None, str]]:
    ex = extract(parse_document(text.encode(), "t.txt"))
    return {(*f.parties, f.action) for f in ex.findings if f.modality == CONDITIONAL}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("China rammed a Philippine vessel. Washington reiterated that an armed attack on "
         "Philippine public vessels would invoke U.S. mutual defence commitments.",
         ("united_states", None, "commit_to_combat")),
        ("Tehran said any move against the Assad government would be answered by its allies.",
         ("iran", None, "strike_territory")),
        ("Hanoi said any incursion by China would be met with force.",
         ("vietnam", "china", "strike_territory")),
    ],
)  # fmt: skip
def test_an_implied_threat_is_a_doctrine_entry(text, expected):
    assert expected in threats(text)


def test_a_statement_of_fact_is_no_threat():
    assert not threats("Tehran said the attack on the Assad government was answered by allies.")


def test_an_implied_threat_aims_at_whoever_threatens_the_actor_it_protects():
    text = ("ECOWAS imposed sanctions on Niger on Thursday. Mali said an "
            "intervention in Niger would be treated as a declaration of war.")  # fmt: skip
    draft = draft_scenario(extract(parse_document(text.encode(), "t.txt")), "t")
    entries = draft.data["actors"]["mali"].get("doctrine", {}).values()
    assert any(e.get("target") == "ecowas" for e in entries), entries


def test_a_condition_naming_no_actor_aims_at_the_place_the_consequence_moves_on():
    text = ("DAKAR, Jan 19 (Wire) - ECOWAS troops massed on the border with Gambia. \"If he does "
            "not step down by noon, our troops will move on Banjul,\" ECOWAS commission "
            "president Omar Touray told reporters.")  # fmt: skip
    assert ("ecowas", "gambia", "strike_territory") in threats(text)


def test_the_invaders_of_a_threat_are_the_speakers_latest_enemy():
    text = ("SANAA, March 26 (Wire) - Saudi Arabia launched air strikes on Houthi positions. A "
            "Houthi official said Yemen would become a graveyard for the invaders if they sent "
            "ground troops.")  # fmt: skip
    found = threats(text)
    assert any(t[:2] == ("houthis", "saudi_arabia") for t in found), found


def test_the_rivals_of_a_party_are_whom_it_fights():
    text = ("MINSK, June 20 (Wire) - Russian forces attacked Ukraine again on Monday. Belarus "
            "said it would send troops if Russia's enemies crossed its border.")  # fmt: skip
    assert ("belarus", "ukraine", "deploy_troops") in threats(text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # what will or may happen: a modal, a verb of saying (the future told in the past), of
        # threat, readiness or order above the consequence
        ("Ankara warned that it would strike Syrian forces if its soldiers were harmed again.",
         {("turkey", "syria")}),
        ("Washington said Iran faced far heavier strikes if it did not return to talks.",
         {("united_states", "iran")}),
        ("Nairobi has demanded that all Somali troops leave the border area unless Mogadishu "
         "withdraws its claim.", {("kenya", "somalia")}),
        ("President Lee Myung-bak ordered the military to punish North Korea if it attacked "
         "again.", {("south_korea", "north_korea")}),
        ("India is ready to strike Pakistan if the shelling does not stop.",
         {("india", "pakistan")}),
        # what had happened, or a question about it: no threat
        ("Kinshasa asked why, if the rebels had not planned the assault, their fighters had "
         "gone on to take Goma from Congo's army.", set()),
        ("Kampala asked why, if the talks had failed, the rebels had already attacked Uganda's "
         "convoy near Juba.", set()),
    ],
)  # fmt: skip
def test_a_condition_threatens_only_what_will_or_may_happen(text, expected):
    assert {(s, t) for s, t, _ in threats(text)} == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # what a letter, statement or message says is said by whoever sends it, to whom it warns
        ("Armenia held its fire but later warned Baku in a note that it would use force if "
         "Azerbaijani troops did not leave the village, the Armenian foreign ministry said.",
         {("armenia", "azerbaijan")}),
        ("Iran fired missiles at the base and warned Washington in a statement that it would "
         "strike again if the raids continued, Iraqi officials said.",
         {("iran", "united_states")}),
        ("Pakistan did not respond but later warned India in a message that it would retaliate, "
         "officials said.", {("pakistan", "india")}),
        # a true relative clause ("that" its object) says nothing anyone threatens
        ("Hamas shelled the town, and Egypt sent Israel a letter that it had drafted with Qatar, "
         "an Israeli official said.", set()),
    ],
)  # fmt: skip
def test_what_a_letter_or_statement_says_is_its_senders(text, expected):
    assert {(s, t) for s, t, _ in threats(text)} == expected
