"""Capitalised words that name no armed group (``sim/seeding/name_checks.py``): a title-case
headline's capitals and an army's numbered units. Sentences composed in the style of wire copy.
"""

from __future__ import annotations

import pytest

from sim.seeding.extract import extract
from sim.seeding.name_checks import numbered_unit, only_in_title_case, title_case
from sim.seeding.text import parse_document


def everyone(text: str) -> set[str]:
    ex = extract(parse_document(text.encode(), "t.txt"))
    return set(ex.actors) | set(ex.passing)


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("Venezuelan Troops Clash with Unidentified Group near Colombian Border", True),
        ("France Deploys Additional Forces To Quell Unrest in Its Pacific Territory", True),
        ("Syrian rebels storm Aleppo as Russian jets strike back", False),
        ("Polisario Front says ceasefire with Morocco is over", False),
        ("Gaza Truce Holds", False),  # too short to tell
    ],
)  # fmt: skip
def test_title_case_lines(line, expected):
    assert title_case(line) is expected


@pytest.mark.parametrize(
    ("name", "expected"),
    [("1st Brigade", True), ("the 82nd Airborne Division", True), ("Fifth Fleet", True),
     ("Arakan Army", False), ("Rapid Support Forces", False), ("Popular Front", False)],
)  # fmt: skip
def test_numbered_units(name, expected):
    assert numbered_unit(name) is expected


def test_a_name_the_body_writes_too_is_a_name():
    text = "Rebels Seize Town As Arakan Army Advances\n\nThe Arakan Army seized the town."
    assert not only_in_title_case("Arakan Army", text)
    assert only_in_title_case("Town", "Rebels Seize Town As Army Advances\n\nThey took it.")


@pytest.mark.parametrize(
    ("text", "unwanted"),
    [
        # a headline's capitals: the body says "an armed group", which it does not name
        ("Venezuelan Troops Clash with Unidentified Group near Colombian Border\n\n"
         "CARACAS, March 22 (Wire) - Venezuelan troops clashed with an armed group on Sunday "
         "in Apure state, the defence minister said.", {"unidentified_group"}),
        ("France Deploys Additional Forces To Quell Unrest in Its Pacific Territory\n\n"
         "PARIS, May 16 (Wire) - France said on Thursday it would send 1,000 more police "
         "officers to the territory after three nights of riots.",
         {"france_deploys_additional_forces"}),
        # a numbered unit is its state's army
        ("WASHINGTON, Jan 1 (Wire) - The 1st Brigade of the 82nd Airborne Division will deploy "
         "to Kuwait, the Pentagon said. Elements of the 1st Brigade could also be sent to "
         "Baghdad.", {"1st_brigade", "82nd_airborne_division"}),
    ],
)  # fmt: skip
def test_no_group_of_these_names(text, unwanted):
    assert not everyone(text) & unwanted


def test_a_group_the_body_names_stays():
    text = ("Arakan Army Fighters Clash With Myanmar Troops Near Border\n\n"
            "DHAKA, Aug 29 (Wire) - Fighters of the Zomi Revolutionary Army clashed with Myanmar "
            "troops near the border on Sunday, residents said.")  # fmt: skip
    assert "zomi_revolutionary_army" in everyone(text)
