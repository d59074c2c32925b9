"""Relations from wire-copy sentence shapes the fourth session found missing, one row a class.

Sentences are composed for these tests in the style of agency copy (dateline, attribution,
long clauses), not copied from the answer-keyed corpus. Each row: a text and a finding (kind,
parties, modality) it must give; the second table holds findings it must not give.
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
        # fighting, clashes and war "between" two sides, as a noun
        ("KHARTOUM, June 2 (Wire) - Fighting between Sudan's army and the paramilitary Rapid "
         "Support Forces has killed more than 12,000 people since April, a U.N. tally shows.",
         ("war", ("sudan", "rsf"), "fact")),
        ("YEREVAN, Sept 13 (Wire) - Clashes erupted between Armenian and Azerbaijani troops "
         "along the border late on Monday, the Defence Ministry in Yerevan said.",
         ("war", ("armenia", "azerbaijan"), "fact")),
        # "at war with", on the subject and through a relative pronoun
        ("MOSCOW, Feb 24 (Wire) - Russia has been at war with Ukraine since February 2022, when "
         "tens of thousands of troops crossed the border.", ("war", ("russia", "ukraine"), "fact")),
        ("PORT SUDAN, May 6 (Wire) - The RSF, which has been at war with the Sudanese army since "
         "April 2023, denied the charge.", ("war", ("rsf", "sudan"), "fact")),
        # verbs of destruction are attacks
        ("KYIV, June 1 (Wire) - Ukraine's security service said on Sunday it had destroyed more "
         "than 40 Russian bombers at airfields deep inside Russia.",
         ("war", ("ukraine", "russia"), "fact")),
        ("ISLAMABAD, Feb 27 (Wire) - Pakistan downed two Indian military jets over Kashmir on "
         "Wednesday, the army said.", ("war", ("pakistan", "india"), "fact")),
        # nouns of supply and lists of allies
        ("JERUSALEM, May 9 (Wire) - The United States, Israel's biggest arms supplier, paused a "
         "shipment of heavy bombs last week, a U.S. official said.",
         ("supply", ("united_states", "israel"), "fact")),
        ("KYIV, Aug 24 (Wire) - Ukraine's allies, including the United States and Britain, "
         "pledged further air defence systems on Saturday.",
         ("alliance", ("united_kingdom", "ukraine"), "fact")),
        # an agreement "of understanding with" a party
        ("MOGADISHU, Jan 2 (Wire) - Ethiopia signed a memorandum of understanding with the "
         "breakaway region of Somaliland on Monday to gain access to the sea.",
         ("treaty", ("ethiopia", "somaliland"), "fact")),
        # "between" on the border where the fighting happened
        ("LIMA, Feb 2 (Wire) - Fighting flared again on Thursday along the disputed border "
         "between Peru and Ecuador, with both sides reporting casualties.",
         ("war", ("peru", "ecuador"), "fact")),
        # two sides as one subject of a reciprocal verb
        ("NEW DELHI, June 16 (Wire) - Indian and Chinese soldiers fought with rocks and clubs "
         "in a remote Himalayan valley on Monday night, the Indian army said.",
         ("war", ("india", "china"), "fact")),
        # a light verb's invasion "of" its target
        ("KYIV, Feb 24 (Wire) - Russia launched a full-scale invasion of Ukraine on Thursday, "
         "with missiles pounding cities across the country.",
         ("war", ("russia", "ukraine"), "fact")),
        # a strike near a capital hits its state
        ("DAMASCUS, Jan 20 (Wire) - Israeli jets struck targets near Damascus on Sunday, Syrian "
         "state media said.", ("war", ("israel", "syria"), "fact")),
        # those who joined the subject act with it and are its allies
        ("N'DJAMENA, April 3 (Wire) - Chadian troops, joined by Nigerien soldiers, attacked "
         "Boko Haram positions around Lake Chad on Tuesday.", ("war", ("niger", "boko_haram"), "fact")),
        ("N'DJAMENA, April 3 (Wire) - Chadian troops, joined by Nigerien soldiers, attacked "
         "Boko Haram positions around Lake Chad on Tuesday.", ("alliance", ("chad", "niger"), "fact")),
        # a coalition's members, named in a relative clause
        ("ADEN, Aug 2 (Wire) - The Saudi-led coalition, which includes the United Arab "
         "Emirates, has been fighting the Houthis since March 2015.",
         ("alliance", ("united_arab_emirates", "saudi_arabia"), "fact")),
        # a treaty one side "has" with the other
        ("MOSCOW, Sept 28 (Wire) - Russia, which has a military base in Armenia and a defence "
         "pact with Yerevan, called for an immediate ceasefire.",
         ("treaty", ("russia", "armenia"), "fact")),
        # weapons of another's make: the maker supplies the user
        ("BAKU, Oct 5 (Wire) - Azerbaijan's forces have used Turkish and Israeli drones to "
         "strike Armenian tanks and artillery, military analysts said.",
         ("supply", ("israel", "azerbaijan"), "fact")),
        ("KYIV, Dec 29 (Wire) - Russia launched dozens of Iranian-made drones at Kyiv overnight, "
         "Ukraine's air force said.", ("supply", ("iran", "russia"), "fact")),
        ("KYIV, Dec 29 (Wire) - Russia launched dozens of Iranian-made drones at Kyiv overnight, "
         "Ukraine's air force said.", ("war", ("russia", "ukraine"), "fact")),
        # backers listed before their apposition
        ("DAMASCUS, July 16 (Wire) - Syria and Iran, Hezbollah's main backers, warned Israel "
         "against widening the conflict.", ("alliance", ("iran", "hezbollah"), "fact")),
        # "went to war with"
        ("ADDIS ABABA, Dec 24 (Wire) - Ethiopia said on Sunday it had been forced to go to war "
         "with the Islamic Courts Union (ICU), which controls Mogadishu.",
         ("war", ("ethiopia", "icu"), "fact")),
        # the sufferer of "an attack by X" is the reporter of "its fighters"
        ("TEL ABYAD, Oct 10 (Wire) - The Kurdish-led Syrian Democratic Forces (SDF) said its "
         "fighters had repelled a ground attack by Turkish troops near the border.",
         ("war", ("turkey", "sdf"), "fact")),
        # a treaty noun carrying its own "with"
        ("HARGEISA, Jan 3 (Wire) - Ethiopia, which signed a port deal with Somaliland in "
         "January, called for calm.", ("treaty", ("ethiopia", "somaliland"), "fact")),
        # military ties deepened with a partner
        ("NEW DELHI, Dec 13 (Wire) - Washington, which has deepened defence ties with New "
         "Delhi, said it was monitoring the situation.",
         ("partnership", ("united_states", "india"), "fact")),
        # a group the text describes in an apposition
        ("ADDIS ABABA, Aug 7 (Wire) - Ethiopia's federal army fought Fano militiamen in several "
         "towns on Monday. The Fano, a loose network of ethnic Amhara militias, has turned "
         "against the government.", ("war", ("ethiopia", "fano"), "fact")),
        # a hyphenated pair before a noun of war
        ("CAIRO, Nov 2 (Wire) - The Israel-Hamas war has killed more than 9,000 people, the "
         "health ministry in Gaza said.", ("war", ("israel", "hamas"), "fact")),
        ("BANGKOK, July 25 (Wire) - Thai-Cambodian border clashes entered a second day on "
         "Friday as both sides fired artillery.", ("war", ("thailand", "cambodia"), "fact")),
        # "one of its bombers": the possessor of what "one of" picks out
        ("MOSCOW, Nov 24 (Wire) - Russia said it would respond after a Turkish F-16 shot down "
         "one of its Su-24 bombers near the Syrian border.", ("war", ("turkey", "russia"), "fact")),
        # a coalition's members listed with "among them" attack with its leader, as allies
        ("RIYADH, March 26 (Wire) - Saudi Arabia and a coalition of nine other countries, among "
         "them Egypt, Jordan and Sudan, launched air strikes on Houthi positions in Yemen.",
         ("alliance", ("saudi_arabia", "jordan"), "fact")),
        ("RIYADH, March 26 (Wire) - Saudi Arabia and a coalition of nine other countries, among "
         "them Egypt, Jordan and Sudan, launched air strikes on Houthi positions in Yemen.",
         ("war", ("egypt", "houthis"), "fact")),
        # attacks repelled: their owner attacks the one who repelled them
        ("KYIV, May 2 (Wire) - Ukraine said its forces had repelled 40 Russian attacks near "
         "Pokrovsk over the past day.", ("war", ("russia", "ukraine"), "fact")),
        # who held the place an attack took
        ("MAPUTO, Aug 9 (Wire) - Rwandan and Mozambican troops on Sunday recaptured the port "
         "town of Mocimboa da Praia, which insurgents of the Islamic State-linked group Ansar "
         "al-Sunna had held for two years.", ("war", ("rwanda", "ansar_al_sunna"), "fact")),
        ("KHERSON, Nov 11 (Wire) - Ukrainian forces retook Kherson from Russian troops on "
         "Friday, the governor said.", ("war", ("ukraine", "russia"), "fact")),
        # "which officials say supplies": the relative pronoun under a reporting verb
        ("DUBAI, Jan 1 (Wire) - Iran, which Western officials say supplies the Houthis with "
         "drones and missiles, sent a warship into the Red Sea on Monday.",
         ("supply", ("iran", "houthis"), "fact")),
        # the sufferer of "fighting with X" is the reporter of "49 of its soldiers"
        ("YEREVAN, Sept 14 (Wire) - Armenia said on Wednesday that 49 of its soldiers had been "
         "killed in overnight fighting with Azerbaijan.", ("war", ("armenia", "azerbaijan"), "fact")),
        # "with which it has a treaty": a standing treaty, whatever verb the parse hangs it on
        ("YEREVAN, Sept 14 (Wire) - Armenia asked Russia, with which it has a mutual defence "
         "treaty, for military help.", ("treaty", ("armenia", "russia"), "fact")),
        # "pushing out" or "pushed back" an actor is an attack on it
        ("BAGHDAD, Oct 16 (Wire) - Iraqi government forces took control of the city on Monday, "
         "pushing out Kurdish Peshmerga fighters in a swift advance.",
         ("war", ("iraq", "kurdistan_region"), "fact")),
        # a measure of strikes: "a new round of strikes on", "drone strikes blamed on X"
        ("SANAA, Jan 22 (Wire) - U.S. and British forces carried out a new round of strikes on "
         "Houthi targets in Yemen on Monday, the Pentagon said.",
         ("war", ("united_kingdom", "houthis"), "fact")),
        # forced to surrender: an attack on the one forced
        ("BUENOS AIRES, April 3 (Wire) - Argentine troops landed on the islands on Friday and "
         "forced the garrison of British Royal Marines to surrender after a three-hour battle.",
         ("war", ("argentina", "united_kingdom"), "fact")),
        # "an ally of both countries": the pair at war
        ("BUENOS AIRES, April 3 (Wire) - Argentine troops attacked British marines on Friday. "
         "The United States, an ally of both countries, offered to mediate.",
         ("alliance", ("united_states", "united_kingdom"), "fact")),
    ],
)  # fmt: skip
def test_wire_relation_table(text, expected):
    assert expected in findings(text)


@pytest.mark.parametrize(
    ("text", "wrong"),
    [
        # a gas supplier is no arms supplier
        ("BERLIN, Jan 5 (Wire) - Russia, which was once Germany's biggest gas supplier, cut "
         "its deliveries to the country by a third in the summer, the economy ministry said.",
         ("supply", ("russia", "germany"))),
        # a mediator "between" two sides is at war with neither
        ("CAIRO, May 22 (Wire) - Egypt has been mediating between Israel and Hamas for months.",
         ("war", ("egypt", "israel"))),
        # soldiers who fought side by side are not at war with each other
        ("MOGADISHU, Oct 2 (Wire) - Kenyan and Somali troops fought together against the "
         "militants for two days, the army said.", ("war", ("kenya", "somalia"))),
        # the demonym of a used weapon is its maker, not a target
        ("KYIV, Dec 29 (Wire) - Russia launched dozens of Iranian-made drones at Kyiv overnight, "
         "Ukraine's air force said.", ("war", ("russia", "iran"))),
        # a state's demonym on rebels names their people, not the state
        ("TEL ABYAD, Oct 10 (Wire) - Turkish troops and Syrian rebels backed by Ankara "
         "attacked the town, the Kurdish-led Syrian Democratic Forces (SDF) said.",
         ("alliance", ("turkey", "syria"))),
        # trade ties are no military partnership
        ("BEIJING, May 3 (Wire) - China, which has deepened trade ties with Brazil, said it "
         "would buy more soybeans.", ("partnership", ("china", "brazil"))),
        # history, and wars that are no fighting
        ("ASMARA, June 12 (Wire) - Eritrea blamed Djibouti for the clashes, the worst since "
         "the 1998-2000 Ethiopia-Eritrea border war.", ("war", ("ethiopia", "eritrea"))),
        ("BEIJING, May 14 (Wire) - The U.S.-China trade war has hit exports, the commerce "
         "ministry said on Tuesday.", ("war", ("united_states", "china"))),
        ("ISLAMABAD, March 1 (Wire) - A war of words between India and Pakistan escalated on "
         "Friday as each accused the other of lying.", ("war", ("india", "pakistan"))),
        # (two states striking the same target are allies from the seventh session's key
        # conventions on: see test_clauses.test_those_who_attack_together_are_allies)
        # an incursion after an armed group is no war with the state it enters
        ("NAIROBI, Oct 16 (Wire) - Kenyan troops crossed into Somalia on Sunday in pursuit of "
         "al Shabaab militants blamed for a string of kidnappings.", ("war", ("kenya", "somalia"))),
        ("QUITO, March 1 (Wire) - Colombian troops crossed into Ecuador on Saturday and killed a "
         "senior FARC commander at a rebel camp.", ("war", ("colombia", "ecuador"))),
        # a patron's or trainer's demonym, or a flag of convenience, names no party
        ("MOGADISHU, Oct 21 (Wire) - Turkish-trained Somali commandos attacked an al Shabaab base "
         "north of the capital on Monday.", ("war", ("turkey", "al_shabaab"))),
        ("SANAA, Jan 9 (Wire) - Houthi fighters attacked a Liberian-flagged tanker in the Red Sea "
         "on Monday, the ship's operator said.", ("war", ("houthis", "liberia"))),
        # "the rebels" are the rebels, not a community of states the text introduced
        ("GOMA, Nov 12 (Wire) - Kenyan troops arrived to fight the rebels. They are part of an "
         "East African Community (EAC) force meant to help Kinshasa push back M23 rebels.",
         ("war", ("kenya", "eac"))),
        # a war the text dates to a past year is history; "the two countries" are the pair at war
        ("YEREVAN, Sept 14 (Wire) - Armenian and Azerbaijani troops clashed overnight. Turkey "
         "blamed Armenia. The two countries fought a six-week war in 2020 over Nagorno-Karabakh.",
         ("war", ("turkey", "armenia"))),
        # a measure of strikes is not their target's place
        ("SANAA, Jan 22 (Wire) - U.S. and British forces carried out a new round of strikes on "
         "Houthi targets in Yemen on Monday, the Pentagon said.", ("war", ("united_states", "yemen"))),
        # drills that encircle an island are no attack
        ("TAIPEI, Oct 14 (Wire) - Chinese warships and aircraft encircled Taiwan on Monday in "
         "drills Beijing said were a warning to separatists.", ("war", ("china", "taiwan"))),
        # a war that ended is history
        ("KUWAIT CITY, Aug 2 (Wire) - Iraq, which fought an eight-year war with Iran that "
         "ended in 1988, accuses Kuwait of stealing oil.", ("war", ("iraq", "iran"))),
    ],
)  # fmt: skip
def test_wire_relation_not_found(text, wrong):
    assert not any(f[:2] == wrong for f in findings(text))


def test_allies_are_not_drafted_at_war_with_each_other():
    """A strike "across southern Somalia" by a state fighting alongside Somalia's government
    is no war with Somalia."""
    from sim.seeding.draft import draft_scenario

    text = ("MOGADISHU, Dec 24 (Wire) - Ethiopian fighter jets bombed Islamist positions across "
            "southern Somalia on Sunday. Thousands of Ethiopian troops are fighting alongside "
            "forces of Somalia's interim government against the Islamic Courts Union (ICU).")  # fmt: skip
    draft = draft_scenario(extract(parse_document(text.encode(), "t.txt")), "t")
    kinds = {(r["kind"], frozenset(r["parties"])) for r in draft.data["relations"].values()}
    assert ("alliance", frozenset({"ethiopia", "somalia"})) in kinds
    assert ("war", frozenset({"ethiopia", "somalia"})) not in kinds


@pytest.mark.parametrize(
    ("text", "pair"),
    [
        # demonyms and capitals of states pycountry names without them (gazetteer data)
        ("LIMA, Jan 27 (Wire) - Peruvian and Ecuadorean troops clashed along the disputed "
         "border on Thursday, Lima said.", ("ecuador", "peru")),
        ("BANJUL, Jan 19 (Wire) - Senegalese troops and Gambian soldiers loyal to the former "
         "president exchanged fire near the border, witnesses said.", ("gambia", "senegal")),
        # a demonym neither the gazetteer nor pycountry holds: the state its stem starts
        ("DJIBOUTI, June 11 (Wire) - Djiboutian and Eritrean troops exchanged fire along their "
         "border on Wednesday, the government said.", ("djibouti", "eritrea")),
    ],
)  # fmt: skip
def test_demonyms_name_their_states(text, pair):
    got = {(f.kind, tuple(sorted(f.parties))) for f in extract(
        parse_document(text.encode(), "t.txt")).findings}  # fmt: skip
    assert ("war", pair) in got


@pytest.mark.parametrize(
    ("text", "speaker", "target"),
    [
        # a condition that names no actor: the target is the one the consequence strikes
        ("SEOUL, Oct 9 (Wire) - North Korea said on Wednesday it would strike South Korea "
         "without hesitation if another drone violated its airspace.", "north_korea",
         "south_korea"),
        # "would receive a harsh response", "would pay a heavy price": the one threatened
        ("TEHRAN, Aug 5 (Wire) - Iran's Revolutionary Guards warned that Israel would receive a "
         "harsh response for the killing of a Hamas leader in Tehran.", "iran", "israel"),
    ],
)  # fmt: skip
def test_wire_threats(text, speaker, target):
    ex = extract(parse_document(text.encode(), "t.txt"))
    assert (speaker, target) in {f.parties for f in ex.findings if f.kind == "doctrine"}


def test_a_war_a_modal_makes_hypothetical_is_no_fact():
    got = findings("MOSCOW, Sept 12 (Wire) - Putin said that allowing Ukraine to fire long-range "
                   "missiles into Russia would mean NATO was at war with Russia.")  # fmt: skip
    assert ("war", ("nato", "russia"), "fact") not in got
