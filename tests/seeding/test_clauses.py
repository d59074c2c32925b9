"""Relations and events over the dependency parse, as a table of sentences a news reader knows.

Each row: a sentence (or two) and a finding (kind, parties, modality) it must give.
"""

from __future__ import annotations

import pytest

from sim.seeding.extract import extract
from sim.seeding.text import parse_document


def findings(text: str) -> set[tuple[str, tuple, str]]:
    ex = extract(parse_document(text.encode(), "t.txt"))
    return {(f.kind, f.parties, f.modality) for f in ex.findings}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # inflections and event nouns, not surface words
        ("Russia relaunched airstrikes against Ukraine on Monday.",
         ("war", ("russia", "ukraine"), "fact")),
        ("The United States and Britain carried out airstrikes against Houthi targets in Yemen.",
         ("war", ("united_kingdom", "houthis"), "fact")),
        ("Pakistani forces were shelling Indian positions along the border.",
         ("war", ("pakistan", "india"), "fact")),
        # ramming told as the coast guards tell it
        ("A Chinese coast guard ship fired a water cannon and sideswiped a Philippine vessel "
         "near the shoal, the Philippine coast guard said.",
         ("war", ("china", "philippines"), "fact")),
        # shells lobbed toward a side, a barrage fired onto its island
        ("South Korea immediately returned fire and lobbed more than 80 shells toward North "
         "Korean artillery positions on the coast, military officials said on Tuesday.",
         ("war", ("south_korea", "north_korea"), "fact")),
        # attribution, apposition, relative clause, passive
        ("Kyiv said that Russia attacked Ukrainian power plants overnight.",
         ("war", ("russia", "ukraine"), "fact")),
        ("Iran, Hezbollah's main backer, which supplies it with rockets, said it was ready.",
         ("supply", ("iran", "hezbollah"), "fact")),
        ("Turkey, Azerbaijan's closest ally, said it supported the operation.",
         ("alliance", ("turkey", "azerbaijan"), "fact")),
        ("Minsk and its ally Moscow deny the charge.", ("alliance", ("russia", "belarus"), "fact")),
        ("The Iran-backed Houthis said they had fired missiles at Israel.",
         ("alliance", ("iran", "houthis"), "fact")),
        ("Taiwan was attacked by China, officials said.", ("war", ("china", "taiwan"), "fact")),
        # negation and hedges on the verb
        ("The UAE has repeatedly denied arming the RSF militia in Sudan.",
         ("supply", ("united_arab_emirates", "rsf"), "negated")),
        ("Saudi Arabia did not attack Yemen.", ("war", ("saudi_arabia", "yemen"), "negated")),
        ("South Korea said it was considering supplying weapons to Ukraine.",
         ("supply", ("south_korea", "ukraine"), "hedged")),
        # pronouns and "the two countries"
        ("India struck Pakistan on Wednesday. It said the strikes were measured.",
         ("war", ("india", "pakistan"), "fact")),
        ("Hezbollah said it had fired rockets at Israeli troops.",
         ("war", ("hezbollah", "israel"), "fact")),
        # nouns of war and ceasefires
        ("Pyongyang deepened its involvement in Moscow's war against Ukraine.",
         ("war", ("russia", "ukraine"), "fact")),
        ("Israel and Hamas have agreed to a ceasefire in Gaza.",
         ("ceasefire", ("israel", "hamas"), "fact")),
        # deals and purchases
        ("Armenia signed a deal with France to buy air defence radars.",
         ("supply", ("france", "armenia"), "fact")),
        ("Mali has bought Turkish drones.", ("supply", ("turkey", "mali"), "fact")),
        # groups the text introduces, and who they are
        ("Insurgents led by Hayat Tahrir al-Sham (HTS) attacked Syrian army positions.",
         ("war", ("hts", "syria"), "fact")),
        ("Lebanon's Hezbollah fired rockets at Israeli positions.",
         ("war", ("hezbollah", "israel"), "fact")),
        ("The Malian army has been fighting Tuareg separatists with the help of Russian "
         "mercenaries.", ("alliance", ("mali", "russia"), "fact")),
        ("Russian military contractors have been fighting alongside the Malian army against "
         "Tuareg rebels.", ("war", ("russia", "tuareg_rebels"), "fact")),
        # allies by purpose, by support, by joining
        ("Turkish troops have begun moving to Libya to support the Government of National "
         "Accord (GNA).", ("alliance", ("turkey", "gna"), "fact")),
        ("Russian warplanes struck rebel areas in support of the Syrian army.",
         ("alliance", ("russia", "syria"), "fact")),
        ("France joined the Greek drills with Italy and Cyprus.",
         ("partnership", ("italy", "greece"), "fact")),
        ("Burkina Faso, Mali and Niger signed a confederation treaty.",
         ("treaty", ("burkina_faso", "niger"), "fact")),
        # who does what: the reporter's positions, the one urged to act
        ("South Sudan's army said Sudanese warplanes attacked its positions along the border.",
         ("war", ("sudan", "south_sudan"), "fact")),
        ("The armed forces had deployed 5,000 troops. Colombia said the armed forces had "
         "attacked the ELN rebels.", ("war", ("colombia", "eln"), "fact")),
        # a target named by its possessor
        ("JNIM fighters attacked soldiers in Burkina Faso. Burkina Faso said its forces had launched air "
         "strikes on the group's positions.", ("war", ("burkina_faso", "jnim"), "fact")),
        # "opened fire": the light verb "open" carries the attack noun "fire"
        ("KIEV, Nov. 26 (Wire) -- The navy said that Russian border guards opened fire on two "
         "Ukrainian gunboats near the strait on Sunday.", ("war", ("russia", "ukraine"), "fact")),
        ("ADDIS ABABA, Nov 21 (Wire) - Eritrean soldiers opened fire on an Ethiopian patrol "
         "near the border town, the government said.", ("war", ("eritrea", "ethiopia"), "fact")),
        # "execute" and "undertake" hand their clause to the attack noun as "conduct" does
        ("The United States and Britain have executed air and sea strikes on Houthi military "
         "targets in Yemen.", ("war", ("united_states", "houthis"), "fact")),
        ("The United States and Britain have executed air and sea strikes on Houthi military "
         "targets in Yemen.", ("alliance", ("united_states", "united_kingdom"), "fact")),
        ("Turkey undertook a ground offensive against Kurdish militants of the PKK in Iraq.",
         ("war", ("turkey", "pkk"), "fact")),
    ],
)  # fmt: skip
def test_clause_table(text, expected):
    assert expected in findings(text)


@pytest.mark.parametrize(
    "text",
    [
        # "opened" with no attack noun, or fire that is no attack, is no war
        "BEIJING, May 2 (Wire) - China opened talks with Vietnam on the disputed islands.",
        "MANILA, May 2 (Wire) - A fire broke out on a Chinese ship near the shoal, the Philippine "
        "coast guard said.",
        "SEOUL, May 2 (Wire) - South Korea opened a new consulate in Vladivostok, Russia, the "
        "ministry said.",
        # "execute" with no attack noun is no light verb: the executed are no side
        "TEHRAN, May 2 (Wire) - Iran executed a man convicted of spying for Israel, the "
        "judiciary said.",
        "SANAA, May 2 (Wire) - The Houthis executed two men accused of spying for Saudi Arabia.",
        "KYIV, May 2 (Wire) - Ukraine undertook reforms of its defence ministry, Russia said.",
    ],
)  # fmt: skip
def test_no_war_without_an_attack(text):
    assert not {f for f in findings(text) if f[0] == "war"}


def test_those_called_on_to_act_are_its_subject_not_the_caller():
    got = findings("Sudan attacked South Sudan. The African Union called on both sides to pull "
                   "back from the border.")  # fmt: skip
    assert not any("african_union" in f[1] for f in got), got


def test_rival_drills_are_no_partnership():
    got = findings("Greece and Turkey staged rival military exercises off Crete on Wednesday.")
    assert not any(f[0] == "partnership" for f in got)


def test_condemning_a_deployment_opposes_its_sender_not_its_host():
    """The issue's example: the surface patterns made South Korea and Russia adversaries."""
    got = findings("North Korea sent troops to Russia. South Korea condemned the North's troop "
                   "deployment to Russia on Thursday.")  # fmt: skip
    assert ("condemnation", ("south_korea", "north_korea"), "fact") in got
    assert not any(f[1] == ("south_korea", "russia") for f in got)


def test_passing_mentions_are_not_actors():
    text = ("India struck Pakistan on Wednesday. China and Russia called for restraint, and "
            "the European Union said it was watching.")  # fmt: skip
    ex = extract(parse_document(text.encode(), "t.txt"))
    assert set(ex.actors) == {"india", "pakistan"}
    assert set(ex.passing) == {"china", "russia", "european_union"}


def test_named_entity_fallback_finds_a_demonym_the_gazetteer_lacks():
    ex = extract(parse_document(b"Thai jets struck Cambodian positions on Thursday.", "t.txt"))
    assert ("war", ("thailand", "cambodia")) in {(f.kind, f.parties) for f in ex.findings}


def test_troop_numbers_become_forces_with_their_quote():
    text = ("France, which has some 1,500 soldiers in Niger, backed the bloc. Poland is sending "
            "two brigades to its border, and Russia deployed about 10,000 troops to Belarus.")  # fmt: skip
    ex = extract(parse_document(text.encode(), "t.txt"))
    got = {(f.actor, f.quantity.value, f.quantity.quote) for f in ex.forces}
    assert ("france", 1500, "some 1,500 soldiers") in got
    assert ("poland", 8000, "two brigades") in got
    assert ("russia", 10000, "about 10,000 troops") in got


def test_every_verb_class_names_a_ladder_action_and_a_cameo_code():
    from sim.domain.ladder import standard_ladder
    from sim.seeding.verbs import verbs

    actions = set(standard_ladder().actions)
    for cls in {*verbs().by_lemma.values(), *verbs().by_noun.values()}:
        assert cls.action in actions and cls.cameo.isdigit(), cls


@pytest.mark.parametrize(
    ("entry", "message"),
    [
        ({"kind": "war", "cameo": "19", "target": []}, "missing field 'action'"),
        ({"kind": "battle", "action": "strike_territory", "cameo": "19", "target": []},
         "kind 'battle' is not allowed; allowed: war, deployment"),
        ({"kind": "war", "action": "bomb", "cameo": "19", "target": []},
         "action 'bomb' is not a ladder action; allowed: "),
    ],
)  # fmt: skip
def test_a_bad_verb_class_is_named_with_what_is_allowed(entry, message):
    from sim.seeding.errors import SeedingError
    from sim.seeding.verbs import check_class

    with pytest.raises(SeedingError, match="verbs.yaml: class 'mine'") as err:
        check_class("mine", entry)
    assert message in str(err.value)


@pytest.mark.parametrize(
    ("text", "allies"),
    [
        # states that attack together are allies (the seventh session's key convention)
        ("SANAA, Jan 12 (Wire) - The United States and Britain struck Houthi radar sites in "
         "Yemen overnight, officials said.", {("united_kingdom", "united_states")}),
        ("SANAA, Jan 12 (Wire) - U.S. and British warplanes pounded Houthi positions near the "
         "port overnight, officials said.", {("united_kingdom", "united_states")}),
        # one phrase naming a group and its nationality is one side, not two allies
        ("TRIPOLI, May 3 (Wire) - Russian mercenaries from the Wagner Group attacked GNA "
         "positions south of the capital, officials said.", set()),
        # sides of a clash are enemies, not allies
        ("YEREVAN, Sept 13 (Wire) - Armenian and Azerbaijani troops clashed along the border "
         "overnight, officials said.", set()),
    ],
)  # fmt: skip
def test_those_who_attack_together_are_allies(text, allies):
    found = {tuple(sorted(p)) for k, p, m in findings(text) if k == "alliance" and m == "fact"}
    assert found == allies


@pytest.mark.parametrize(
    ("text", "allies"),
    [
        # "X, supported by Y": allies, X named by its demonym
        ("BUKAVU, Feb 14 (Wire) - Congolese forces, supported by Burundi's military, have "
         "slowed the advance of M23 rebels, officials said.", {("burundi", "dr_congo")}),
        # a people's rebels are not their state: the unnamed rebels are an actor of their own
        # (``unnamed_groups``), Syria is no ally of Turkey
        ("IDLIB, Feb 14 (Wire) - Syrian rebels, backed by Turkey, have slowed the advance of the "
         "army, officials said.", {("rebels", "turkey")}),
    ],
)  # fmt: skip
def test_those_supported_by_another_are_its_allies(text, allies):
    found = {tuple(sorted(p)) for k, p, m in findings(text) if k == "alliance" and m == "fact"}
    assert found == allies


def test_who_strikes_in_coordination_with_another_fights_beside_it():
    found = findings("MOGADISHU, Jan 4 (Wire) - In coordination with the Federal Government of "
                     "Somalia, U.S. forces conducted an airstrike against al-Shabaab near the "
                     "town, officials said.")  # fmt: skip
    assert ("alliance", ("united_states", "somalia"), "fact") in found
    assert ("war", ("somalia", "al_shabaab"), "fact") in found


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # aid told by its amount is pledged by the one who announces it
        ("WASHINGTON, Sept 21 (Wire) - The United States announced $2 billion in military aid "
         "for Ukraine on Thursday, officials said.", {("united_states", "ukraine")}),
        ("WASHINGTON, Sept 21 (Wire) - The United States announced the release of $2 billion in "
         "military aid for Ukrainian forces on Thursday, officials said.",
         {("united_states", "ukraine")}),
        ("WASHINGTON, Sept 21 (Wire) - The United States announced $20 million in humanitarian "
         "aid for Lebanon on Thursday, officials said.", set()),
    ],
)  # fmt: skip
def test_aid_told_by_its_amount(text, expected):
    assert {p for k, p, m in findings(text) if k == "supply" and m == "fact"} == expected


def test_a_title_case_headline_clause_is_no_armed_group():
    ex = extract(parse_document(
        b"Pak Army Continues Cross-Border Firing for Fifth Day; Indian Troops Retaliate\n\n"
        b"SRINAGAR, April 28 (Wire) - Pakistani troops fired at Indian posts along the Line of "
        b"Control for a fifth night, the Indian army said.", "t.txt"))  # fmt: skip
    assert set(ex.actors) | set(ex.passing) <= {"india", "pakistan"}


@pytest.mark.parametrize(
    ("text", "pair", "war"),
    [
        # an incursion takes part but tells no fighting with the land entered
        ("BANJUL, Jan 19 (Wire) - Senegalese troops crossed into Gambia on Thursday at the head "
         "of a West African force, officials said.", ("gambia", "senegal"), False),
        ("JERUSALEM, July 12 (Wire) - Israeli troops crossed into southern Lebanon to hunt for "
         "the two captured soldiers, the army said.", ("israel", "lebanon"), False),
        # the fighting told beside it still is; a blow at someone is no incursion
        ("TBILISI, Aug 9 (Wire) - Russian tanks rolled into Georgia on Saturday and Russian jets "
         "bombed Georgian army positions near Gori.", ("georgia", "russia"), True),
        ("KIRKUK, Oct 16 (Wire) - Iraqi troops pushed out Kurdish Peshmerga fighters from the "
         "city on Monday.", ("iraq", "kurdistan_region"), True),
    ],
)  # fmt: skip
def test_an_incursion_alone_is_no_war(text, pair, war):
    ex = extract(parse_document(text.encode(), "t.txt"))
    wars = {tuple(sorted(f.parties)) for f in ex.findings if f.kind == "war"}
    assert (pair in wars) is war
    assert pair[0] in ex.actors or pair[1] in ex.actors  # the mover still takes part
