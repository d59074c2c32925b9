"""Whose a troop count is (sim/seeding/force_owners.py)."""

from __future__ import annotations

import pytest

from sim.seeding.extract import extract
from sim.seeding.text import parse_document


def forces_of(text: str) -> set[tuple[str, float]]:
    """(actor, strength) of every troop count the extraction gives an owner."""

    ex = extract(parse_document(text.encode(), "t.txt"))
    return {(f.actor, f.quantity.value) for f in ex.forces}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a count the press writes with two peoples in it; the mission they make up owns it
        ("Rebels attacked Mogadishu. The African Union's mission, made up of some 9,000 "
         "Ugandan and Burundian troops, repelled them on Monday.", {("african_union", 9000)}),
        # police sent abroad are a force
        ("The first 400 Kenyan police officers arrived in Haiti on Tuesday to fight the gangs.",
         {("kenya", 400)}),
        # "whose" hands the count to the antecedent
        ("Senegal sent troops into Gambia, and Ghana, whose parliament approved the deployment "
         "of 205 soldiers, joined it.", {("ghana", 205)}),
        # an unowned "the army" is the state whose official speaks
        ("Peru attacked Ecuadorean posts on Monday. The army has sent some 5,000 troops to the "
         "border, an Ecuadorean officer said.", {("ecuador", 5000)}),
        # the total a count is said to grow to, its unit unsaid, is the same actor's
        ("Chad has about 1,200 troops in Niger, a number the ministry said would rise to 3,000 "
         "by March.", {("chad", 1200), ("chad", 3000)}),
        # "from X" names whose troops they are
        ("Niger's junta mobilised its reserves, and 5,000 soldiers from neighbouring Mali have "
         "joined them, officials said.", {("mali", 5000)}),
        # "it" in what a relative clause says is its antecedent
        ("Hezbollah, which says it has 100,000 fighters, fired rockets at Israel on Monday.",
         {("hezbollah", 100000)}),
        # members of a named force, and a state's service named in the singular
        ("MOSCOW, Jan 2 (Wire) - Some 200 members of the Russian armed forces arrived in "
         "Bangui on Monday.", {("russia", 200)}),
        ("TOKYO, Aug 2 (Wire) - Japan dispatched 200 Self-Defense Force troops to the island "
         "on Friday.", {("japan", 200)}),
        # the dateline's state calls up its reservists
        ("JERUSALEM, Oct 8 (Wire) - Israel declared war on Hamas, and the military said it had "
         "called up 300,000 reservists.", {("israel", 300000)}),
    ],
)  # fmt: skip
def test_a_troop_count_belongs_to_whose_force_it_is(text, expected):
    assert expected <= forces_of(text)


@pytest.mark.parametrize(
    "text",
    [
        # casualties of a battle are nobody's force
        "China seized the islands in 1974 in a battle that killed more than 70 Vietnamese "
        "soldiers, and Vietnam protested on Monday.",
        # a people's fighters paid by another state are not their state's army
        "Turkey sent advisers to Libya, and about 2,000 Syrian fighters paid by Ankara have "
        "arrived, a monitor said.",
    ],
)
def test_counts_that_are_no_state_s_force(text):
    assert not {a for a, _ in forces_of(text)} & {"vietnam", "syria"}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # ships and aircraft an actor holds are its force, counted in words or figures
        ("TOKYO, Aug 5 (Wire) - Two Chinese coast guard vessels entered Japanese waters near the "
         "islands on Monday, the coast guard said.", {("china", 2)}),
        ("Taiwan's defence ministry said it had detected 21 Chinese military aircraft and seven "
         "navy ships around the island on Friday.", {("china", 21), ("china", 7)}),
        ("The Pentagon said it was sending a dozen F-15 fighter jets to the Gulf.",
         {("united_states", 12)}),
        ("More than 200 Chinese maritime militia vessels were spotted at the reef, the "
         "Philippine coast guard said on Sunday.", {("china", 200)}),
    ],
)  # fmt: skip
def test_ships_and_aircraft_held_are_forces(text, expected):
    assert expected <= forces_of(text)


@pytest.mark.parametrize(
    "text",
    [
        # craft shot down, sunk or intercepted are losses, not a force
        "ISLAMABAD, May 7 (Wire) - Pakistan said its air force had shot down five Indian "
        "fighter jets overnight.",
        # drones are counted as they are fired
        "KYIV, Oct 2 (Wire) - Russia launched more than 80 drones at Ukrainian cities "
        "overnight, the air force said.",
        # a model's number is not a count
        "Poland will buy F-35 jets from the United States, the ministry said on Monday.",
    ],
)
def test_craft_counts_that_are_no_force(text):
    assert not forces_of(text)
