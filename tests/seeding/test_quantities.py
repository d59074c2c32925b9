"""Quantities: troops, ships, aircraft and money, with their approximations."""

from __future__ import annotations

import pytest

from sim.seeding.quantities import find_quantities
from sim.seeding.text import parse_document


@pytest.mark.parametrize(
    ("text", "value", "unit", "approx"),
    [
        ("It deployed around 10,000 troops to the front.", 10000, "troops", "around"),
        ("Some 2,000 personnel were sent there by the army.", 2000, "troops", None),
        ("The navy sent some 2,000 personnel to the base.", 2000, "troops", "some"),
        ("It has 12 warships in the region for the drills.", 12, "ships", None),
        ("More than 70 aircraft flew near the island.", 70, "aircraft", None),
        ("The aid is worth $2.5 billion for the army.", 2.5e9, "money", None),
        ("It sent 1.5 million rounds of shells? No, 3 thousand soldiers.", 3000, "troops", None),
        # as the press writes them
        ("The Pentagon sent 2,500 U.S. Marines to the region.", 2500, "troops", None),
        ("Nigeria leads a 10,000-strong force in the region.", 10000, "troops", None),
        ("France has upwards of 800 troops in Mali.", 800, "troops", "upwards of"),
    ],
)
def test_quantities(text, value, unit, approx):
    found = find_quantities(parse_document(text.encode(), "t"))
    q = next(q for q in found if q.unit == unit)
    assert (q.value, q.approx) == (value, approx)
    assert text[q.start : q.end] == q.quote


def forces_of(text: str) -> set[tuple[str, float]]:
    """(actor, strength) of every troop count the extraction gives an owner."""
    from sim.seeding.extract import extract

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


def test_a_total_needs_a_troop_count_before_it():
    doc = parse_document(b"Prices will rise to 2,500 by March, the bank said.", "t")
    assert not [q for q in find_quantities(doc) if q.unit == "troops"]
