"""Whose a count is when its own phrase and verb do not say (sim/seeding/force_context.py)."""

from __future__ import annotations

import pytest

from tests.seeding.test_force_owners import forces_of


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the speaker who sends: a count sent with no agent is the force of whoever says so
        ("MOSCOW, Jan 7 (Wire) - Protests spread across Kazakhstan on Friday. The Shanghai "
         "Cooperation Organisation said that some 1,200 troops would be deployed to Kazakhstan "
         "within days.", {("sco", 1200)}),
        ("Kyiv admitted the loss of the town on Wednesday. President Volodymyr Zelensky of "
         "Ukraine said about 60 percent of the 3,000 soldiers in the town had withdrawn in "
         "good order.", {("ukraine", 3000)}),
        ("WASHINGTON, Feb 2 (Wire) - Some 3,000 soldiers from the 82nd Airborne Division were "
         "ordered to Poland on Wednesday, the Pentagon said.", {("united_states", 3000)}),
        # a count beside an owned one is the same actor's
        ("An additional 80 federal police officers and 60 Australian Defence Force members "
         "will fly to Dili on Saturday to restore order.", {("australia", 80), ("australia", 60)}),
        # the one actor whose forces the text names around the count
        ("WASHINGTON, Jan 3 (Wire) - Thousands more U.S. troops will deploy to the Gulf, the "
         "Pentagon said on Friday. The 3rd Brigade of the 101st Airborne Division was told to "
         "prepare. The brigade has about 3,500 soldiers.", {("united_states", 3500)}),
        ("WASHINGTON, Jan 3 (Wire) - Thousands more U.S. troops will deploy to the Gulf, the "
         "Pentagon said on Friday. The 3rd Brigade has about 3,500 soldiers.",
         {("united_states", 3500)}),
        # "down to" is no harm
        ("WASHINGTON, Jan 2 (Wire) - The United States will cut its force in Iraq down to 2,500 "
         "troops by January, the Pentagon said.", {("united_states", 2500)}),
        # the total such a count grows to is the same actor's
        ("WASHINGTON, Jan 3 (Wire) - Thousands more U.S. troops will deploy to the Gulf, the "
         "Pentagon said on Friday. The brigade has about 4,000 troops, a number that could "
         "rise to 6,000 by March.", {("united_states", 4000), ("united_states", 6000)}),
        # the count that does something is no victim of it ("boarded" is also a seizure verb)
        ("WASHINGTON, Jan 3 (Wire) - More U.S. troops are heading to the Gulf, the Pentagon said "
         "on Friday. About 600 paratroopers boarded transport planes at Fort Bragg on Thursday.",
         {("united_states", 600)}),
        ("French jets hit tanks near the city on Saturday, the ministry said. A military "
         "spokesman told the same briefing that the operation involved some 15 planes.",
         {("france", 15)}),
    ],
)  # fmt: skip
def test_a_count_s_owner_from_its_context(text, expected):
    assert expected <= forces_of(text)


@pytest.mark.parametrize(
    "text",
    [
        # two sides' forces named before the count: no guess
        "Russian troops shelled the town on Monday and Ukrainian soldiers held the bridge. "
        "About 2,000 troops were dug in along the river, a local official said.",
        # soldiers who surrender or flee are losses, not a force
        "KYIV, May 3 (Wire) - Ukrainian forces retook two villages on Monday. About 500 "
        "soldiers surrendered, the general staff said.",
        "DHAKA, Feb 5 (Wire) - Myanmar troops clashed with rebels near the border. Some 260 "
        "soldiers fled into Bangladesh, officials said.",
        # the text says whose, in a name that is no actor: no guess
        "SEOUL, Nov 23 (Wire) - South Korean marines returned fire on Tuesday. The North has "
        "about 1.2 million soldiers under arms.",
        # fighters and men are a group's or a people's as often as a state's
        "Somali troops retook the town on Sunday. About 300 fighters had held it since May, "
        "residents said.",
        # casualties by their words, in a headline the parser reads poorly
        "Militia Captures 3 Lebanese Soldiers; Lebanon Vows Response",
        "40 Peacekeepers Hurt in Kosovo Clashes With Serb Protesters",
        # casualties and captives told by a noun or an exchange
        "ANKARA, Feb 28 (Wire) - Turkish troops came under fire in the province. The deaths of "
        "33 Turkish soldiers prompted Ankara to retaliate.",
        "MOSCOW, Jan 2 (Wire) - Russian troops repelled the attack. Among the dead were 63 "
        "Russian servicemen, the ministry said.",
        "GAZA, Oct 8 (Wire) - Israeli forces fought gunmen in the south. The group is holding "
        "some 200 Israeli soldiers and civilians hostage.",
        "KYIV, Jan 2 (Wire) - Ukrainian troops advanced. Russia and Ukraine swapped 230 soldiers "
        "in a deal brokered by the UAE.",
        "ISLAMABAD, May 10 (Wire) - Pakistani forces fired across the border. At least 11 "
        "Pakistani soldiers were among 40 people killed.",
        # a count whose sentence and the few before name no actor's forces
        "Talks between Egypt and Ethiopia ended on Monday without a deal. About 400 men were "
        "later seen near the dam, a witness said.",
    ],
)
def test_counts_the_context_does_not_own(text):
    assert not forces_of(text)


def test_a_numbered_unit_is_no_actor():
    from tests.seeding.helpers import kept_and_passing

    kept, passing = kept_and_passing(
        "WASHINGTON, Jan 3 (Wire) - The 1st Brigade Combat Team of the Army's 82nd Airborne "
        "Division is being deployed to Kuwait, a Pentagon spokesperson said on Friday."
    )
    assert not {a for a in kept | passing if a[0].isdigit()}
