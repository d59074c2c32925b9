"""Wars told by nouns (``sim/seeding/war_nouns.py``): the hostile event a noun reports, and who
fought it. Sentences are composed for these tests in the style of agency copy; the second table
holds sentences that must give no war.
"""

from __future__ import annotations

import pytest

from sim.seeding.extract import extract
from sim.seeding.text import parse_document


def wars_and_allies(text: str) -> set[tuple[str, tuple[str, ...], str]]:
    ex = extract(parse_document(text.encode(), "t.txt"))
    return {(f.kind, tuple(sorted(f.parties)), f.modality) for f in ex.findings
            if f.kind in ("war", "alliance")}  # fmt: skip


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a reciprocal noun with "with": whoever suffered it fought the other side
        (
            "SRINAGAR, June 9 (Wire) - Three Indian soldiers died in a face-off with Chinese "
            "troops high in the mountains overnight, an army spokesman said.",
            {("war", ("china", "india"), "fact")},
        ),
        (
            "BAKU, Sept 2 (Wire) - Two Azerbaijani border guards were wounded during a scuffle "
            "with Armenian soldiers near the village on Friday, the ministry said.",
            {("war", ("armenia", "azerbaijan"), "fact")},
        ),
        (
            "MANILA, April 4 (Wire) - A Filipino sailor was hurt in a melee with Chinese coast "
            "guard personnel near the shoal, the navy said.",
            {("war", ("china", "philippines"), "fact")},
        ),
        # an exchange of fire (not of prisoners) between two named sides
        (
            "RABAT, Nov 14 (Wire) - The army moved into the buffer zone, setting off an exchange "
            "of fire between Moroccan troops and Polisario Front fighters, officials said.",
            {("war", ("morocco", "polisario"), "fact")},
        ),
        (
            "ISLAMABAD, Feb 3 (Wire) - Heavy exchanges of artillery fire between Pakistani and "
            "Indian troops went on along the Line of Control on Tuesday, the army said.",
            {("war", ("india", "pakistan"), "fact")},
        ),
        # joining a war: the joiner fights its target, and fights beside the one it joined
        (
            "MEKELLE, Sept 1 (Wire) - Eritrean troops have joined Ethiopian federal forces in the "
            "fight against the TPLF, a spokesman for the movement said on Thursday.",
            {("war", ("eritrea", "tplf"), "fact"), ("war", ("ethiopia", "tplf"), "fact"),
             ("alliance", ("eritrea", "ethiopia"), "fact")},
        ),
        (
            "AMMAN, Sept 23 (Wire) - Jordan has joined the campaign against Islamic State, the "
            "palace said.",
            {("war", ("islamic_state", "jordan"), "fact")},
        ),
        (
            "LONDON, Sept 26 (Wire) - Britain joined the United States in the fight against "
            "Islamic State, the defence ministry said.",
            {("war", ("islamic_state", "united_kingdom"), "fact"),
             ("war", ("islamic_state", "united_states"), "fact"),
             ("alliance", ("united_kingdom", "united_states"), "fact")},
        ),
        (
            "KYIV, Feb 20 (Wire) - Belarus could join the war against Ukraine within weeks, "
            "Ukrainian intelligence said.",
            {("war", ("belarus", "ukraine"), "hedged")},
        ),
        # sides named side by side as the subject of "locked in", "engaged in"
        (
            "KHARTOUM, Oct 5 (Wire) - Sudan's army and the RSF have been locked in a fierce "
            "conflict since April, officials said.",
            {("war", ("rsf", "sudan"), "fact")},
        ),
        (
            "MOGADISHU, Oct 5 (Wire) - Kenyan and Somali troops were engaged in heavy fighting "
            "against al Shabaab near Kismayo, officials said.",
            {("war", ("al_shabaab", "kenya"), "fact"), ("war", ("al_shabaab", "somalia"), "fact")},
        ),
        # a side named after its description is the named group, not the demonym
        (
            "BEIRUT, March 22 (Wire) - The strikes endangered a truce that ended a year-long war "
            "between Israel and Lebanese armed group Hezbollah, officials said.",
            {("war", ("hezbollah", "israel"), "fact")},
        ),
        # soldiers killed in a strike: their state was struck by the strike's owner
        (
            "BEIRUT, March 3 (Wire) - Three Lebanese soldiers were killed in an Israeli strike on "
            "an army post in the south, the Lebanese army said.",
            {("war", ("israel", "lebanon"), "fact")},
        ),
        # the means a verb's subject acted with
        (
            "SANAA, Jan 12 (Wire) - U.S. forces responded with strikes against the Houthis, "
            "officials said.",
            {("war", ("houthis", "united_states"), "fact")},
        ),
        # a hyphenated compound of a war noun keeps the noun ("counter-offensive")
        (
            "KYIV, Aug 29 (Wire) - Ukraine has launched a counter-offensive against Russian "
            "forces in the south, officials said.",
            {("war", ("russia", "ukraine"), "fact")},
        ),
    ],
)  # fmt: skip
def test_war_nouns_name_their_sides(text, expected):
    assert wars_and_allies(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "RABAT, Nov 14 (Wire) - Morocco and the Polisario Front agreed an exchange of prisoners "
        "between the two sides, the Red Cross said.",
        "GENEVA, May 4 (Wire) - France and Germany held an exchange of views with Russia on "
        "the crisis, diplomats said.",
        # stopping missiles in flight is a defence, not a fight with whoever fired them
        "DOHA, June 23 (Wire) - Qatar's air defences intercepted the Iranian missiles aimed at "
        "the base, the foreign ministry said.",
        "AMMAN, April 14 (Wire) - The Iranian drones were intercepted by Jordanian jets over the "
        "desert, a Jordanian official said.",
        # words, not fighting: sides that are diplomats, a "fight with" a rival over borders
        "WASHINGTON, March 3 (Wire) - The televised face-off between U.S. and Chinese "
        "diplomats in Alaska turned bitter, officials said.",
        "ANKARA, March 3 (Wire) - Turkey's fight with Greece over maritime borders went to "
        "court, officials said.",
        # one side (a group and its nationality), or a war that is no fighting
        "TRIPOLI, Oct 5 (Wire) - Russian mercenaries from the Wagner Group were engaged in "
        "fighting near Tripoli, officials said.",
        "WASHINGTON, Oct 5 (Wire) - The United States and China are locked in a trade war, "
        "officials said.",
        # of three sides, who fights whom is not said
        "GOMA, Feb 14 (Wire) - Rwandan, Congolese and Burundian forces are already engaged in "
        "battles in eastern Congo, diplomats said.",
        # a threat's or a charge's "with" is no means used
        "WASHINGTON, Jan 12 (Wire) - The United States threatened Iran with strikes on Iranian "
        "nuclear sites, officials said.",
        "NEW YORK, Jan 12 (Wire) - Prosecutors charged two Iranian agents with plotting attacks "
        "on Israel, officials said.",
        # a victim's nationality is no side of the strike
        "KABUL, March 3 (Wire) - Two Chinese engineers were killed in a Taliban attack on their "
        "convoy, officials said.",
        # history told by its decade
        "BAGHDAD, March 3 (Wire) - Veterans of the Iran-Iraq war of the 1980s gathered in "
        "Baghdad on Tuesday, officials said.",
        "HELSINKI, April 4 (Wire) - Finland, which fought two wars against Russia in the 1940s, "
        "joined NATO on Tuesday, officials said.",
        # a dispute with no fighting
        "ATHENS, Aug 14 (Wire) - Greece and Turkey are locked in a standoff over gas in the "
        "eastern Mediterranean, officials said.",
    ],
)
def test_no_war_without_fighting(text):
    assert not {f for f in wars_and_allies(text) if f[0] == "war"}


def test_an_interception_of_a_ship_is_still_a_fight():
    text = ("LONDON, July 19 (Wire) - British marines intercepted an Iranian tanker off "
            "Gibraltar, the defence ministry said.")  # fmt: skip
    assert ("war", ("iran", "united_kingdom"), "fact") in wars_and_allies(text)


def test_the_rebels_named_before_fought_the_army_they_clashed_with():
    text = ("GOMA, Jan 14 (Wire) - M23 rebels seized the town of Sake on Monday. The rebels "
            "retook the town of Kitshanga after clashes with the Congolese army, officials "
            "said.")  # fmt: skip
    assert ("war", ("dr_congo", "m23"), "fact") in wars_and_allies(text)


def test_an_interceptor_takes_part_at_war_with_no_one():
    text = ("DOHA, June 23 (Wire) - Iran fired missiles at a U.S. air base in Qatar on Monday. "
            "Qatar's air defences intercepted the Iranian missiles, the foreign ministry said.")  # fmt: skip
    ex = extract(parse_document(text.encode(), "t.txt"))
    assert "qatar" in ex.actors
    assert {f.parties for f in ex.findings if f.kind == "war"} == {("iran", "united_states")}


@pytest.mark.parametrize(
    ("text", "pair", "found"),
    [
        # an attack "by" someone, or a participle's agent, hit the state whose soldiers it
        # killed or wounded
        ("KHARTOUM, Dec 16 (Wire) - Sudan's army said an attack by Ethiopian forces and militias "
         "left casualties among Sudanese troops near the border.", ("ethiopia", "sudan"), True),
        ("SRINAGAR, Feb 14 (Wire) - A suicide bombing claimed by Jaish-e-Mohammed killed 40 "
         "Indian paramilitary police in Kashmir on Thursday.", ("india", "jaish_e_mohammed"),
         True),
        ("KABUL, Jan 3 (Wire) - Strikes carried out by U.S. drones destroyed an Afghan army post "
         "overnight, officials said.", ("afghanistan", "united_states"), True),
        ("WASHINGTON, April 7 (Wire) - The raid was the first direct assault on Syrian "
         "President Bashar Assad's government taken by the United States since the war began.",
         ("syria", "united_states"), True),
        # the target the parse hangs on the attacker ("an attack by X on Y")
        ("TEL AVIV, Oct 9 (Wire) - After the attack by Hamas militants on Israel, Israeli jets "
         "pounded Gaza.", ("hamas", "israel"), True),
        # an attack a demonym owns, the subject of a verb of harm
        ("ANKARA, Feb 27 (Wire) - Syrian government air strikes killed 33 Turkish soldiers in "
         "Idlib province on Thursday, a Turkish official said.", ("syria", "turkey"), True),
        # civilians and foreign workers name no party
        ("ERBIL, Dec 29 (Wire) - A Turkish air strike killed 35 Iraqi civilians near the border, "
         "officials said.", ("iraq", "turkey"), False),
        ("QUETTA, March 26 (Wire) - An attack by Pakistani Taliban militants killed five Chinese "
         "engineers in the northwest, police said.", ("china", "ttp"), False),
    ],
)  # fmt: skip
def test_an_attack_hit_whom_it_killed(text, pair, found):
    wars = {f[1] for f in wars_and_allies(text) if f[0] == "war" and f[2] == "fact"}
    assert (pair in {tuple(sorted(w)) for w in wars}) is found
