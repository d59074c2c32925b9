"""Which actors a draft keeps: those taking part in a relation, an event, a threat or a
counted force; the others are named only in passing (sim/seeding/extract.py)."""

from __future__ import annotations

import pytest

from sim.seeding.extract import extract
from sim.seeding.text import parse_document


def kept_and_passing(text: str) -> tuple[set[str], set[str]]:
    ex = extract(parse_document(text.encode(), "t.txt"))
    return set(ex.actors), set(ex.passing)


@pytest.mark.parametrize(
    ("text", "passing"),
    [
        # a party that says it will not act takes no part
        ("BISHKEK, Sept 16 (Wire) - Kyrgyz and Tajik troops clashed on the border on Friday. "
         "Russia said it was ready to help but would not send peacekeepers.", {"russia"}),
        # a reporter: its neighbour is not itself, and a missile launched from a place was
        # not launched by whoever detected it
        ("North Korea fired a missile on Thursday. South Korea warned that its northern "
         "neighbour may test a nuclear weapon, and its military said it had detected a missile "
         "launched from near Pyongyang.", {"south_korea"}),
        # an act only weighed is no part taken
        ("Saudi jets struck Houthi rebels on Thursday. Pakistan said it was considering a Saudi "
         "request to send troops.", {"pakistan"}),
        # deploring violence nobody is named for is a call for calm
        ("Azerbaijan shelled Stepanakert on Tuesday. On Wednesday, France condemned the "
         "bloodshed and called for an immediate end to hostilities.", {"france"}),
        # talk with no party named is no part in the crisis
        ("Iran fired drones at Israel on Saturday. The U.N. Security Council was set to meet on "
         "Sunday, and Poland's prime minister said he would inform the public.",
         {"united_nations", "poland"}),
    ],
)  # fmt: skip
def test_named_in_passing(text, passing):
    kept, named = kept_and_passing(text)
    assert passing <= named and not passing & kept


def test_a_mediator_takes_part():
    kept, _ = kept_and_passing("Israel and Hamas agreed a truce on Wednesday, and Egypt, which "
                               "also mediated, said it would open the crossing.")  # fmt: skip
    assert "egypt" in kept


@pytest.mark.parametrize(
    ("text", "actor"),
    [
        # the headline's subject is who the story is about, though no rule reads its part
        ("Kosovo breaks off talks after Serbia's envoy walks out\n\nPRISTINA, May 3 (Wire) - "
         "Kosovo ended talks with Serbia on Friday. Belgrade's envoy had left the room, the "
         "mediators said.", "serbia"),
        ("Clashes on the border; Tbilisi vows a firm answer\n\nYEREVAN, May 3 (Wire) - Armenian "
         "and Azerbaijani troops clashed on Friday, officials said.", "georgia"),
    ],
)  # fmt: skip
def test_a_headline_subject_takes_part(text, actor):
    kept, _ = kept_and_passing(text)
    assert actor in kept


def test_a_state_the_headline_names_as_a_place_does_not():
    _, passing = kept_and_passing(
        "Russian jets strike Syrian rebels as envoys meet in Turkey\n\nBEIRUT, Feb 2 (Wire) - "
        "Russian jets struck Syrian rebel towns on Friday, a monitor said."
    )
    assert "turkey" in passing


@pytest.mark.parametrize(
    "text",
    [
        # a party's adjective is no demonym, the Group of Seven no armed group
        "Putin said he was ready for dialogue with the Republican president-elect.",
        "Biden will convene leaders of the Group of Seven major economies on Sunday.",
    ],
)
def test_entities_that_are_no_actors(text):
    ex = extract(parse_document(("Russia attacked Ukraine on Monday. " + text).encode(), "t.txt"))
    assert set(ex.actors) | set(ex.passing) <= {"russia", "ukraine", "united_states"}


@pytest.mark.parametrize(
    ("text", "passing"),
    [
        # envoys are diplomacy, not a deployment
        ("Eritrean troops attacked Djibouti on Tuesday. The African Union said it would send "
         "envoys to the region.", {"african_union"}),
        # a war dated to years long past is history
        ("Eritrean troops attacked Djibouti on Tuesday. Ethiopia, which fought a border war "
         "with Eritrea from 1998 to 2000, said it was watching.", {"ethiopia"}),
    ],
)  # fmt: skip
def test_history_and_diplomacy_are_passing(text, passing):
    kept, named = kept_and_passing(text)
    assert passing <= named and not passing & kept
