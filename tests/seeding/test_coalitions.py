"""Coalitions, membership, support and claimed attacks: a table of sentences a news reader knows.

Each row: a short text in wire-copy style (written for this table) and a finding (kind,
parties, modality) it must give; the last table lists findings it must not give.
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
        # membership of an alliance or of a coalition (its leader)
        (
            "Finland became the 31st member of NATO on Tuesday.",
            ("alliance", ("finland", "nato"), "fact"),
        ),
        (
            "Kazakhstan and Kyrgyzstan are members of the CSTO, officials said.",
            ("alliance", ("kyrgyzstan", "csto"), "fact"),
        ),
        (
            "A coalition led by Saudi Arabia bombed Houthi positions. Bahrain, a member of the "
            "coalition, said its jets took part.",
            ("alliance", ("bahrain", "saudi_arabia"), "fact"),
        ),
        (
            "Norway joined the U.S.-led coalition against the militants last year.",
            ("alliance", ("norway", "united_states"), "fact"),
        ),
        (
            "Omani troops entered Yemen as part of a GCC force sent to help the government.",
            ("alliance", ("oman", "gcc"), "fact"),
        ),
        (
            "The group, which has pledged allegiance to Islamic State, attacked the town. "
            "Boko Haram, which has pledged allegiance to Islamic State, denied it.",
            ("alliance", ("boko_haram", "islamic_state"), "fact"),
        ),
        # a government the text gives a state as its owner is that state
        (
            "Libya's Tripoli-based Presidential Unity Government (PUG) said Egyptian jets "
            "attacked the PUG overnight.",
            ("war", ("egypt", "libya"), "fact"),
        ),
        (
            "Chadian troops crossed into Niger to pursue Boko Haram fighters.",
            ("war", ("chad", "boko_haram"), "fact"),
        ),
        # taking part in an attack already reported: its target and its attacker
        (
            "France struck Islamic State bases in Syria on Sunday. Belgium, Denmark and the "
            "Netherlands took part in the strikes, the ministry said.",
            ("war", ("denmark", "islamic_state"), "fact"),
        ),
        (
            "France struck Islamic State bases in Syria on Sunday. Belgium, Denmark and the "
            "Netherlands took part in the strikes, the ministry said.",
            ("alliance", ("netherlands", "france"), "fact"),
        ),
        # "the five countries": the five states named last
        (
            "Ghana, Benin, Togo, Senegal and Gambia sent ships. Officials said the five countries "
            "had joined the Nigeria-led coalition.",
            ("alliance", ("senegal", "nigeria"), "fact"),
        ),
        # support, aid and training
        (
            "Turkey's support for Azerbaijan has grown since 2020.",
            ("alliance", ("turkey", "azerbaijan"), "fact"),
        ),
        (
            "U.S. military aid to Ukraine resumed in March.",
            ("supply", ("united_states", "ukraine"), "fact"),
        ),
        (
            # training alone is military cooperation (CAMEO 062), as the answer keys read it
            "Britain has trained thousands of Ukrainian soldiers since 2022.",
            ("partnership", ("united_kingdom", "ukraine"), "fact"),
        ),
        (
            "Fighters of the Popular Front, a militia trained and backed by Iran, attacked the base.",
            ("alliance", ("iran", "popular_front"), "fact"),
        ),
        # claimed attacks, attacks by an agent
        (
            "Islamabad was hit by a suicide bombing on Friday. The TTP claimed the attack.",
            ("war", ("ttp", "pakistan"), "fact"),
        ),
        (
            "Georgian troops withdrew from the town after days of shelling by Russian forces.",
            ("war", ("russia", "georgia"), "fact"),
        ),
        # nominal events and quotes with attribution
        (
            "Israel's strike on Iran's consulate in Damascus killed seven officers.",
            ("war", ("israel", "iran"), "fact"),
        ),
        (
            "Israeli shelling of Lebanese villages continued overnight.",
            ("war", ("israel", "lebanon"), "fact"),
        ),
        (
            '"We have struck Hamas targets in Rafah," an Israeli army spokesman said.',
            ("war", ("israel", "hamas"), "fact"),
        ),
        # "his forces" are the office holder's; "it" in the condition is whom the threat names
        (
            "SEOUL, Nov 23 (Wire) - North Korea shelled a South Korean island on Tuesday. "
            "South Korea's military returned fire, and President Lee Myung-bak ordered his "
            "forces to punish the North if it attacked again.",
            ("doctrine", ("south_korea", "north_korea"), "conditional"),
        ),
        # a capital hit as a place names its state
        (
            "The Houthis said they had fired ballistic missiles at Riyadh overnight.",
            ("war", ("houthis", "saudi_arabia"), "fact"),
        ),
        # regions with forces of their own; "Congo" decided by the document
        (
            "The Kurdistan Regional Government said Iraqi troops attacked Peshmerga positions.",
            ("war", ("iraq", "kurdistan_region"), "fact"),
        ),
        (
            "GOMA, May 2 (Wire) - Rwanda sent troops into eastern Congo on Tuesday, Kinshasa said.",
            ("deployment", ("rwanda", "dr_congo"), "fact"),
        ),
        (
            "BRAZZAVILLE, May 2 (Wire) - Congo's army attacked Ninja rebels in the Pool region.",
            ("war", ("congo", "ninja_rebels"), "fact"),
        ),
        # troops sent as part of a force: their state and the force's sender are allies
        (
            "ALMATY, Jan 6 (Wire) - The Russian paratroopers were deployed as part of a "
            "peacekeeping force sent by the CSTO, the alliance said.",
            ("alliance", ("russia", "csto"), "fact"),
        ),
        # the dateline's state is "the government"
        (
            "BANGUI, Jan 4 (Wire) - Rwanda has sent troops to help the government fight the "
            "rebels, the Central African Republic said.",
            ("alliance", ("rwanda", "central_african_republic"), "fact"),
        ),
    ],
)
def test_sentence_gives_finding(text, expected):
    assert expected in findings(text)


@pytest.mark.parametrize(
    ("text", "unexpected"),
    [
        # brokers of a ceasefire are not at war with its parties
        (
            "The truce was agreed in Minsk by the leaders of Russia, Ukraine, Germany and France.",
            ("war", ("ukraine", "germany"), "fact"),
        ),
        # a capital as a place is not an actor otherwise
        (
            "Iranian and Saudi ministers met in Beijing, where China urged restraint.",
            ("consultation", ("iran", "china"), "fact"),
        ),
        # "Southern separatists" are where they are, not a people
        (
            "Southern separatists backed by the UAE seized the palace.",
            ("alliance", ("united_arab_emirates", "southern_separatists"), "fact"),
        ),
    ],
)
def test_sentence_does_not_give_finding(text, unexpected):
    assert unexpected not in findings(text)
