"""Which event clauses make their parties take part (sim/seeding/taking_part.py): the others
are named only in passing."""

from __future__ import annotations

import pytest

from tests.seeding.helpers import kept_and_passing


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
        # what the text recalls from years past is background
        ("France struck rebel bases on Monday. It has committed jets to the fight against the "
         "Islamists who seized control of northern Niger last year.", {"niger"}),
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


@pytest.mark.parametrize(
    ("text", "parties"),
    [
        # helpers named after "support from" take part
        ("British jets struck radar sites in Yemen on Friday, with non-operational support from "
         "the Netherlands, Canada and Bahrain, the ministry said.",
         {"netherlands", "canada", "bahrain"}),
        # ... and so does whose support the text names
        ("Russian troops shelled Kharkiv on Monday, as Kyiv braced for a cut in U.S. support.",
         {"united_states"}),
        ("Somali government forces backed by African Union troops attacked al Shabaab "
         "positions on Thursday.", {"african_union"}),
        # a group's backer takes part; an "aligned" state is only named
        ("U.S. jets struck the Iran-backed group's depots on Saturday, the Pentagon said.",
         {"iran"}),
    ],
)  # fmt: skip
def test_helpers_and_backers_take_part(text, parties):
    kept, _ = kept_and_passing(text)
    assert parties <= kept


def test_an_aligned_state_is_named_in_passing():
    _, passing = kept_and_passing(
        "Israeli jets struck the Houthi-held port of Hodeidah on Saturday, a day after a drone "
        "launched by the Iran-aligned group killed one person in Tel Aviv."
    )
    assert "iran" in passing


@pytest.mark.parametrize(
    ("text", "passing"),
    [
        # talks among outsiders to the fighting
        ("LIMA, Jan 27 (Wire) - Peruvian troops attacked Ecuadorean posts on Thursday. Argentina, "
         "Brazil and Chile said their envoys would meet in Rio de Janeiro next week.",
         {"argentina", "brazil", "chile"}),
        # a side taken in the background of a story about others
        ("PRISTINA, May 30 (Wire) - NATO will send 700 more troops to Kosovo after clashes on "
         "Monday. Russia and China have sided with Belgrade since 2008.",
         {"russia", "china", "serbia"}),
    ],
)  # fmt: skip
def test_ties_among_outsiders_are_passing(text, passing):
    kept, named = kept_and_passing(text)
    assert passing <= named and not passing & kept


def test_talks_with_a_party_take_part():
    kept, _ = kept_and_passing("Peruvian troops attacked Ecuadorean posts on Thursday. Brazil "
                               "met with Ecuador on Friday to discuss a truce.")  # fmt: skip
    assert "brazil" in kept


def test_a_victim_s_nationality_is_no_party():
    kept, passing = kept_and_passing(
        "Israeli strikes on Gaza killed 12 people on Monday, among them a British aid worker, "
        "and Hamas fired rockets at Tel Aviv, officials said."
    )
    assert "united_kingdom" in passing and {"israel", "hamas"} <= kept
