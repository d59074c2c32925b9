"""Who a phrase is (``sim/seeding/phrases.py``): the place an unnamed armed group is in is not
its owner, and a victim's nationality names no party. Sentences are composed for these tests in
the style of agency copy.
"""

from __future__ import annotations

import pytest

from sim.seeding.extract import extract
from sim.seeding.text import parse_document


def wars(text: str) -> set[tuple[str, ...]]:
    ex = extract(parse_document(text.encode(), "t.txt"))
    return {tuple(sorted(f.parties)) for f in ex.findings if f.kind == "war"}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # an unnamed group's place is not the group: the host state is no target
        ("French warplanes bombed Islamist rebel bases across northern Mali for a third day on "
         "Sunday, hitting the towns of Gao and Kidal.", set()),
        ("French helicopters attacked jihadist positions in central Mali for a second day, "
         "destroying several vehicles.", set()),
        ("Turkish jets struck separatist militant camps in northern Iraq for a second day, the "
         "army said.", set()),
        ("NEW DELHI, May 7 (Wire) - India launched missile strikes on what it said were "
         "militant camps in Pakistan.", set()),
        # (the unnamed militants are an actor of their own: ``unnamed_groups``)
        ("ISLAMABAD, Dec 27 (Wire) - Militants from Afghanistan attacked a Pakistani border "
         "post on Tuesday morning, the military said.", {("militants", "pakistan")}),
        # troops from a state are that state's
        ("MEKELLE, Dec 27 (Wire) - Troops from neighbouring Eritrea attacked TPLF positions on "
         "Tuesday morning, the movement said.", {("eritrea", "tplf")}),
        # the place of anyone else's positions still names the state
        ("Russian jets struck army positions in eastern Ukraine for a third day, the army "
         "said.", {("russia", "ukraine")}),
        # an unnamed group is not its backer: the rebels named before
        ("GOMA, Jan 27 (Wire) - M23 rebels entered the city of Goma on Monday. Congolese troops "
         "have fought back against the Rwanda-backed rebels, officials said.",
         {("dr_congo", "m23")}),
        # a group named in the phrase is the target, wherever it is
        ("Israeli jets struck Hezbollah positions in southern Lebanon for a second day, the army "
         "said.", {("hezbollah", "israel")}),
        # separatists of a territory the gazetteer knows are the territory's
        ("Azerbaijani forces shelled separatist Armenian forces in the region of "
         "Nagorno-Karabakh, officials said.", {("azerbaijan", "nagorno_karabakh")}),
        # victims' nationality names no party, soldiers beside them do
        ("BAGHDAD, Aug 25 (Wire) - Iraqi officials said the bombing killed seven Iraqi "
         "civilians in a mountain village.", set()),
        ("JERUSALEM, Oct 8 (Wire) - Hamas gunmen killed hundreds of Israeli civilians and "
         "soldiers on Saturday, officials said.", {("hamas", "israel")}),
    ],
)  # fmt: skip
def test_who_a_phrase_names(text, expected):
    assert wars(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a group named by a name the gazetteer lacks is not the last group named
        ("ALEPPO, May 7 (Wire) - HTS fighters seized the town on Monday. The Jaish al-Fatah "
         "militants later attacked Iranian advisers near the village, officials said.", set()),
        ("ALEPPO, May 7 (Wire) - HTS fighters seized the town on Monday. Iranian advisers were "
         "killed in clashes with the Jaish al-Fatah militants, officials said.", set()),
        # a bare "the militants" still is
        ("ALEPPO, May 7 (Wire) - HTS fighters seized the town on Monday. The militants later "
         "attacked Iranian advisers near the village, officials said.", {("hts", "iran")}),
    ],
)  # fmt: skip
def test_a_name_the_gazetteer_lacks_is_not_resolved(text, expected):
    assert wars(text) == expected


@pytest.mark.parametrize(
    ("text", "allies"),
    [
        # a group's nationality is not a second party
        ("BAMAKO, Oct 6 (Wire) - Malian government forces, aided by Russian Wagner mercenaries, "
         "killed seven people in a strike in the north, rebels said.", {("mali", "wagner")}),
        ("BAMAKO, Oct 6 (Wire) - Russian paramilitaries from the Wagner Group have deployed to "
         "Mali to fight alongside the army, officials said.", {("mali", "wagner")}),
    ],
)  # fmt: skip
def test_a_groups_nationality_is_not_a_party(text, allies):
    ex = extract(parse_document(text.encode(), "t.txt"))
    found = {tuple(sorted(f.parties)) for f in ex.findings if f.kind == "alliance"}
    assert found == allies


@pytest.mark.parametrize(
    ("text", "pair", "found"),
    [
        # "its" agrees in number: a name that only describes a plural noun is not its antecedent
        ("WARSAW, Sept 10 (Wire) - Poland shot down suspected Russian drones over its territory "
         "on Wednesday with the help of jets from its NATO allies, officials said.",
         ("alliance", ("nato", "russia")), False),
        ("WARSAW, Sept 10 (Wire) - Poland shot down suspected Russian drones over its territory "
         "on Wednesday with the help of jets from its NATO allies, officials said.",
         ("alliance", ("nato", "poland")), True),
        ("DUSHANBE, Sept 16 (Wire) - Tajikistan accused Kyrgyz forces of shelling its outposts "
         "along the disputed border on Friday.", ("war", ("kyrgyzstan", "tajikistan")), True),
        # a demonym on armed groups outside the state names their people, not the state
        ("CARACAS, March 22 (Wire) - Venezuelan troops clashed with irregular Colombian armed "
         "groups in Apure state on Sunday, the defence ministry said.",
         ("war", ("colombia", "venezuela")), False),
        ("GEORGETOWN, Feb 20 (Wire) - A Venezuelan gang fired on Guyanese soldiers near the "
         "Cuyuni river, the army said.", ("war", ("guyana", "venezuela")), False),
        ("CARACAS, March 22 (Wire) - Venezuelan troops clashed with Colombian soldiers near the "
         "border on Sunday, the defence ministry said.", ("war", ("colombia", "venezuela")), True),
        # a state's possessive on a group's phrase is the group's home, not a side
        ("DUBAI, May 15 (Wire) - Yemen's Houthi rebels attacked a U.S. Navy destroyer in the Red "
         "Sea on Monday, the Pentagon said.", ("war", ("united_states", "yemen")), False),
        ("DUBAI, May 15 (Wire) - Yemen's Houthi rebels attacked a U.S. Navy destroyer in the Red "
         "Sea on Monday, the Pentagon said.", ("war", ("houthis", "united_states")), True),
        ("SANAA, May 15 (Wire) - Yemen's army attacked Houthi positions near the city of Marib on "
         "Monday, the ministry said.", ("war", ("houthis", "yemen")), True),
        # a name that is the phrase itself still is ("Warsaw accuses Minsk and its ally Moscow")
        ("WARSAW, Nov 8 (Wire) - Poland accused Belarus and its ally Russia of staging the "
         "crisis on the border.", ("alliance", ("belarus", "russia")), True),
    ],
)  # fmt: skip
def test_whose_a_phrase_is(text, pair, found):
    ex = extract(parse_document(text.encode(), "t.txt"))
    got = {(f.kind, tuple(sorted(f.parties))) for f in ex.findings}
    assert (pair in got) is found


@pytest.mark.parametrize(
    ("text", "actors"),
    [
        # a list whose second member has two words: the parse hangs it on the first as an
        # apposition and the "and" on that apposition; every member is a subject
        ("NIAMEY, April 7 (Wire) - Mali, Burkina Faso and Niger have recalled their envoys from "
         "Algeria over the downing of a drone, the three juntas said.",
         {"mali", "burkina_faso", "niger", "algeria"}),
        ("MANILA, Sept 3 (Wire) - Japan, South Korea and Australia condemned China's blockade of "
         "the shoal on Tuesday, officials said.",
         {"japan", "south_korea", "australia", "china"}),
        # an apposition that describes its head is no list: "Mali, a landlocked country"
        ("BAMAKO, April 7 (Wire) - Mali, the country that lost the drone, recalled its envoy "
         "from Algeria on Monday.", {"mali", "algeria"}),
    ],
)  # fmt: skip
def test_every_member_of_a_list_takes_part(text, actors):
    assert set(extract(parse_document(text.encode(), "t.txt")).actors) == actors
