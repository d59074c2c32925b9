"""Threats as the press writes them, without an "if" (sim/seeding/bare_threats.py)."""

from __future__ import annotations

import pytest

from sim.seeding.extract import extract
from sim.seeding.findings import CONDITIONAL
from sim.seeding.text import parse_document


def threats(text: str) -> set[tuple[str, str | None]]:
    ex = extract(parse_document(text.encode(), "t.txt"))
    return {f.parties for f in ex.findings if f.modality == CONDITIONAL}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a clause coordinated with what the reporting verb says: the other party is the target
        ("Pakistan said Indian jets had violated its airspace, and that it would respond at "
         "a time and place of its choosing.", ("pakistan", "india")),
        ("China accused Washington of overreacting, saying the balloon was a civilian "
         "airship and that Beijing reserved the right to respond.", ("china", "united_states")),
        ("The Tajik foreign ministry said Dushanbe reserved the right to respond with all "
         "means to any new attack on its territory.", ("tajikistan", None)),
        ("Iran's army chief said Tehran would not hesitate to strike U.S. bases in the "
         "region.", ("iran", "united_states")),
        ("Al-Shabaab warned that Kenya would pay for its invasion.", ("al_shabaab", "kenya")),
        ('"Vietnam will take all necessary measures to protect its sovereignty," a '
         "spokesman for Hanoi said.", ("vietnam", None)),
        ("Turkey has warned Greece that extending its territorial waters would be a cause "
         "for war.", ("turkey", "greece")),
        ("India struck a camp in Pakistan. Islamabad vowed to retaliate.", ("pakistan", None)),
        ("Seoul warned that any further provocation by the North would be met with a strong "
         "response. North Korea fired shells.", ("south_korea", "north_korea")),
        # the parse hangs "vowed" on the reported clause: the reporter still vows
        ("The Houthis, who control much of Yemen, said the U.S. strikes killed five of their "
         "fighters and vowed to retaliate.", ("houthis", "united_states")),
        # objects that threaten, rights to respond, answers the text only implies
        ("ECOWAS imposed sanctions on Niger's junta and threatened the use of force to "
         "reinstate the ousted president.", ("ecowas", "niger")),
        ("Washington promised further strikes on the Houthis after the raid.",
         ("united_states", "houthis")),
        ("Prime Minister Narendra Modi said India had every right to respond to Pakistan's "
         "provocations.", ("india", "pakistan")),
        ("Israel's army radio quoted a senior Israeli officer as saying there would be a "
         "forceful response.", ("israel", None)),
        ("Britain warned that the Houthis could face further strikes.",
         ("united_kingdom", "houthis")),
        ("Azerbaijan said it would not stop its shelling of Armenian positions until Armenia "
         "withdrew its troops.", ("azerbaijan", "armenia")),
        ("Cairo said any advance by Turkish troops on Sirte is a red line.", ("egypt", "turkey")),
        ("Russia shelled Kharkiv overnight. Kyiv vowed to take revenge.", ("ukraine", None)),
        ("In a statement, the Houthis said any ship linked to Israel would be a legitimate "
         "target.", ("houthis", "israel")),
        ("Moscow said any French troops sent to Ukraine would become legitimate targets.",
         ("russia", "france")),
        # an ultimatum's penalty after "or"
        ("A U.S. envoy warned Hamas to free the captives by Saturday or pay a heavy price.",
         ("united_states", "hamas")),
        ("Beijing told Manila to tow away its grounded warship or face the consequences.",
         ("china", "philippines")),
        ("Pyongyang warned of merciless retaliation against South Korea.",
         ("north_korea", "south_korea")),
        ("NATO Secretary-General Mark Rutte said the alliance will not tolerate attacks on its "
         "undersea cables.", ("nato", None)),
        ("NATO Secretary-General Mark Rutte said Russia must know that the alliance will not "
         "accept attacks on its critical infrastructure.", ("nato", "russia")),
        ('"We will not stand idly by," Iran\'s foreign minister said after Israel struck '
         "Damascus.", ("iran", "israel")),
        ('"Our response will be swift and decisive," Iran\'s army chief said.', ("iran", None)),
        ("India said it will not hesitate to take strong action against Pakistan.",
         ("india", "pakistan")),
        ('"Any aggression against our territory will be met with a crushing response," the '
         "Iranian army chief said.", ("iran", None)),
        # an act the speaker would take as one against itself: aimed at its doer, if named
        ("The Kremlin said it would treat any action that endangers Russian troops stationed in "
         "Armenia as an aggression against Russia itself.", ("russia", None)),
        ("Beijing said it would regard any landing by Japanese forces on the islands as an "
         "attack on China itself.", ("china", "japan")),
    ],
)  # fmt: skip
def test_a_threat_the_press_writes_is_a_doctrine_entry(text, expected):
    assert expected in threats(text)


@pytest.mark.parametrize(
    "text",
    [
        "Japan said it would respond calmly to the Chinese ships.",
        "Ethiopia warned the TPLF would be held responsible for the attacks.",
        "The Foreign Ministry said Seoul would respond to the letter from Pyongyang next week.",
        "Sudan's army chief vowed to drive the rebels out of Khartoum.",
        "NATO said it was ready to help Finland and Estonia protect undersea cables.",
        "Iran did not threaten to retaliate against Israel, its foreign minister said.",
        "Kenya's interior minister said Kenya had a right to defend itself.",
        "The U.N. secretary-general warned of a wider war between Israel and Hezbollah.",
        "The Japanese ministry said it would respond to the allegations in due course.",
        "Japan said it would take steps to ease tensions with China.",
        "Russia said it would strike a deal with Turkey on grain exports.",
        "Germany said it would hit its NATO spending target next year.",
        "Turkey said it would answer questions from Swedish officials next week.",
        "The EU said it would take legal action against Hungary.",
        "Hungary said it would not allow the deployment of NATO troops on its soil.",
        "Germany's foreign ministry said it would regard the leak as an attack on its staff.",
        "The EU told Hungary to lift its veto or lose its funds.",
        "Qatar asked Hamas to release the hostages or explain the delay.",
    ],
)
def test_no_threat_in_calm_answers_war_aims_or_denials(text):
    assert not threats(text)


def test_a_threat_to_answer_an_attack_on_a_third_party_does_not_aim_at_it():
    found = threats("Russia said Moscow would respond to any attack on Belarus.")
    assert ("russia", "belarus") not in found
    found = threats("The Kremlin said it would treat any action that endangers Russian troops "
                    "stationed in Armenia as an aggression against Russia itself.")  # fmt: skip
    assert ("russia", "armenia") not in found


def test_a_threat_names_no_place_as_its_target():
    found = threats("Three U.S. soldiers killed in drone attack in Jordan; Washington vows "
                    "response")  # fmt: skip
    assert ("united_states", "jordan") not in found


def test_a_speaker_the_gazetteer_lacks_is_the_datelines_state():
    text = ("WASHINGTON, Jan 13 (Wire) - The United States struck a Houthi radar site. Biden "
            "threatened to order more strikes if the Houthis kept attacking ships.")  # fmt: skip
    assert ("united_states", "houthis") in threats(text)


def test_the_region_a_threat_names_is_the_territory_named_last():
    text = ("BAKU, Sept 20 (Wire) - Azerbaijan launched an offensive against the breakaway "
            "region of Nagorno-Karabakh. Baku said it would not stop its shelling of the region "
            "until Armenian forces there laid down their arms.")  # fmt: skip
    assert ("azerbaijan", "nagorno_karabakh") in threats(text)


def test_a_broken_word_list_is_refused_with_one_message(monkeypatch):
    from sim.seeding import threat_entry
    from sim.seeding.errors import SeedingError

    broken = {"threat_words": {"reporting": "say"}, "conditions": [], "consequences": []}
    monkeypatch.setattr(threat_entry, "load_data", lambda name: broken)
    threat_entry.threat_words.cache_clear()
    try:
        with pytest.raises(SeedingError, match=r"conditionals.yaml: threat_words.reporting must"):
            threat_entry.threat_words()
    finally:
        threat_entry.threat_words.cache_clear()


def test_a_third_partys_quarrel_names_no_target():
    found = threats("Iran said it would respond, and Russia condemned the strike while China "
                    "held talks with Egypt.")  # fmt: skip
    assert not any(t[1] in ("russia", "china", "egypt") for t in found), found


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a threat told as a noun with its act: the owner threatens the act's object
        ("Caracas put its army on alert over threats by President Donald Trump to bomb "
         "Venezuelan ports.", {("united_states", "venezuela")}),
        ("Seoul raised its alert level after North Korean threats to strike the South's "
         "loudspeakers.", {("north_korea", "south_korea")}),
        ("Ankara's vow to punish the PKK for the bombing drew support from Washington.",
         {("turkey", "pkk")}),
        # a threat with no act, an act that is no attack, or a threat nobody makes: none
        ("The Israeli strike raised the threat of a wider war in the region.", set()),
        ("Moscow complained of threats to its troops in Transnistria.", set()),
        ("Japan's pledge to defend the islands angered Beijing.", set()),
        ("Analysts played down the threat to invade Taiwan this year.", set()),
    ],
)  # fmt: skip
def test_a_threat_told_as_a_noun_with_its_act(text, expected):
    assert threats(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # what a speaker will not put up with: a passive hostile act, "stand for it"
        ("The Houthis fired missiles at Abu Dhabi. The UAE said such attacks will not be "
         "tolerated.", ("united_arab_emirates", None)),
        ("Russia said attacks on its embassy would not be tolerated, after Ukraine shelled "
         "Donetsk.", ("russia", "ukraine")),
        ("Iran shot down a U.S. drone. President Donald Trump said the United States would not "
         "stand for it.", ("united_states", None)),
        ("Ankara said it would not stand for such attacks on its troops.", ("turkey", None)),
        # zero tolerance for those it names, not for where they come from
        ("Rebels attacked a border post. Venezuela's president said his government will have "
         "zero tolerance for the rebels.", ("venezuela", "rebels")),
        ("Colombia said it will have zero tolerance for any attack on its soldiers.",
         ("colombia", None)),
    ],
)  # fmt: skip
def test_what_a_speaker_will_not_tolerate_is_a_threat(text, expected):
    assert expected in threats(text)


@pytest.mark.parametrize(
    "text",
    [
        "The ministry of Colombia said corruption will not be tolerated.",
        "The UAE said such delays will not be tolerated.",
        "Poland said it would not stand for Russian propaganda.",
        "Colombia's president said he would not stand for election again.",
        "Colombia said it would have zero tolerance for drug use in its ranks.",
        "Germany said such mistakes will not be tolerated by Ukraine's allies.",
    ],
)
def test_no_threat_in_what_is_not_tolerated_in_peace(text):
    assert not threats(text)


def test_zero_tolerance_aims_at_the_groups_not_the_state_they_come_from():
    found = threats("Gunmen attacked a border post. Venezuela said it will have zero tolerance "
                    "with armed groups coming from Colombia.")  # fmt: skip
    assert not any(target == "colombia" for _, target in found)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Washington said any Iranian missile launch at Israel would carry grave costs for "
         "Tehran.", {("united_states", "iran")}),
        ("Berlin warned that any Russian strike on Poland will carry grave consequences for "
         "Moscow.", {("germany", "russia")}),
        # a load carried is no penalty
        ("Britain said its ships would carry aid to Gaza.", set()),
        ("Japan said the treaty would carry weight with South Korea.", set()),
        ("France said the convoy will carry fuel for Mali.", set()),
    ],
)  # fmt: skip
def test_consequences_an_act_will_carry_are_a_threat_like_those_it_will_have(text, expected):
    assert threats(text) == expected
