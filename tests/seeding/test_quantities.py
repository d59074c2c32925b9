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


def test_a_total_needs_a_troop_count_before_it():
    doc = parse_document(b"Prices will rise to 2,500 by March, the bank said.", "t")
    assert not [q for q in find_quantities(doc) if q.unit == "troops"]


@pytest.mark.parametrize(
    ("text", "value", "unit"),
    [
        ("Two Chinese coast guard vessels sailed into the waters on Monday.", 2, "ships"),
        ("It sent a dozen fighter jets to the base.", 12, "aircraft"),
        ("Three Russian warships docked in Havana.", 3, "ships"),
        ("Riyadh said it had deployed 100 warplanes to the campaign.", 100, "aircraft"),
    ],
)
def test_ships_and_aircraft_in_words(text, value, unit):
    (q,) = find_quantities(parse_document(text.encode(), "t"))
    assert (q.value, q.unit, q.quote) == (value, unit, text[q.start : q.end])


@pytest.mark.parametrize(
    "text",
    [
        "It flew F-16 fighter jets over the strait.",  # a model's number
        "Dozens of jets and several warships took part in the drills.",  # no count
    ],
)
def test_no_count_of_craft(text):
    assert not find_quantities(parse_document(text.encode(), "t"))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # police officers and members of a named force are counted as the press writes them
        ("An additional 40 AFP officers and 25 Australian Defence Force members will fly out.",
         {(40, "troops"), (25, "troops")}),
        ("The Kenyan contingent of 300 airmen arrived on Monday.", {(300, "troops")}),
        ("Kigali will deploy a 1,000-person contingent to the province.", {(1000, "troops")}),
        ("Some 200 members of the Russian armed forces arrived.", {(200, "troops")}),
        ("Ankara said 3,000 Turkish forces and 40 border guards were in the province.",
         {(3000, "troops"), (40, "troops")}),
        # the number a count is said to add to, its noun unsaid
        ("Paris will send 500 more gendarmes, adding to 2,300 on the ground, the minister said.",
         {(500, "troops"), (2300, "troops")}),
        ("London sent 200 marines on top of the 900 already there, the ministry said.",
         {(200, "troops"), (900, "troops")}),
        # aircraft carriers are ships, not aircraft
        ("The navy sent two aircraft carriers to the region on Friday.", {(2, "ships")}),
    ],
)  # fmt: skip
def test_counts_as_the_press_writes_them(text, expected):
    found = find_quantities(parse_document(text.encode(), "t"))
    assert {(q.value, q.unit) for q in found} == expected


@pytest.mark.parametrize(
    "text",
    [
        "An estimated 4,000-6,000 troops are stationed in other regions.",  # a range
        "The ship will stay until August 23 along with the ships of its escort.",  # a date
        "Four tanks and two armoured personnel carriers were destroyed.",  # vehicles
        "The militia claims 3 million militia members across the country.",  # no force named
        "About 20 commercial ships pass the strait each day, and 40 fishing boats wait.",  # civil
    ],
)
def test_numbers_that_are_no_count_of_a_force(text):
    found = find_quantities(parse_document(text.encode(), "t"))
    assert not [q for q in found if q.unit != "money"]
