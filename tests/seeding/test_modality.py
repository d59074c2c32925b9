"""Modality, as a table: what was denied, what may happen, what is conditional, what happened."""

from __future__ import annotations

import pytest

from sim.seeding.extract import extract
from sim.seeding.text import parse_document


def findings(text: str) -> list[tuple[str, tuple, str]]:
    ex = extract(parse_document(text.encode(), "t.txt"))
    return [(f.kind, f.parties, f.modality) for f in ex.findings]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Iran has supplied drones to Russia.", ("supply", ("iran", "russia"), "fact")),
        ("Iran denied supplying drones to Russia.", ("supply", ("iran", "russia"), "negated")),
        ("China did not send troops to Russia.", ("deployment", ("china", "russia"), "negated")),
        ("China could soon send troops to Russia.", ("deployment", ("china", "russia"), "hedged")),
        ("Germany has deployed 5,000 troops to Lithuania.",
         ("deployment", ("germany", "lithuania"), "fact")),
        ("The EU imposed sanctions on Iran over the drones.",
         ("sanctions", ("european_union", "iran"), "fact")),
        ("Japan would consider sanctions against Russia, officials said.",
         ("sanctions", ("japan", "russia"), "hedged")),
        ("Russia invaded Ukraine in 2022.", ("war", ("russia", "ukraine"), "fact")),
        ("A mutual defence treaty between Russia and North Korea took effect.",
         ("treaty", ("russia", "north_korea"), "fact")),
        # a headline's clause before "X warns": what happened, not what is warned of
        ("Israel strikes Hezbollah depots in Lebanon; Iran warns of a wider war",
         ("war", ("israel", "hezbollah"), "fact")),
        ("Russia bombs Ukrainian ports, Kyiv warns of grain crisis",
         ("war", ("russia", "ukraine"), "fact")),
        # its own modal still hedges it; a warning's complement after it is still a warning
        ("Iran will strike Israel again, a Revolutionary Guards commander vowed.",
         ("war", ("iran", "israel"), "hedged")),
        ("Seoul warned that North Korea could attack South Korean islands.",
         ("war", ("north_korea", "south_korea"), "hedged")),
    ],
)  # fmt: skip
def test_modality_table(text, expected):
    assert expected in findings(text)


@pytest.mark.parametrize(
    ("text", "speaker", "condition", "action", "target"),
    [
        ("Pentagon spokeswoman Sabrina Singh stated that if North Korean troops are seen "
         "engaging in combat, they would be considered co-belligerents in the conflict.",
         "united_states", "adversary_partner_in_combat", "declare_co_belligerent", "north_korea"),
        ("Moscow warned that if Western countries lift restrictions on long-range weapons, "
         "Russia would consider a nuclear response.",
         "russia", "restrictions_lifted_against", "nuclear_signal", None),
        ("Tokyo said that if China attacks Taiwan, Japan will impose sanctions on Beijing.",
         "japan", "adversary_escalated", "impose_sanctions", "china"),
    ],
)  # fmt: skip
def test_conditionals_are_doctrine_not_events(text, speaker, condition, action, target):
    ex = extract(parse_document(text.encode(), "t.txt"))
    (entry,) = [f for f in ex.findings if f.modality == "conditional"]
    assert (entry.parties, entry.attrs["condition"], entry.action) == (
        (speaker, target), condition, action)  # fmt: skip
    assert all(f.modality != "fact" for f in ex.findings if f.kind in ("war", "sanctions"))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # an attempted attack is an attack made: the trying is hostile whether it succeeded
        ("ATHENS, Aug 3 (Wire) - Greek fighter jets tried to shoot down the Turkish drone on "
         "Thursday.", ("war", ("greece", "turkey"), "fact")),
        ("ADEN, May 2 (Wire) - Coast guard crews opened fire to try to stop the boats, and "
         "Houthi gunmen attempted to storm a Yemeni army post.",
         ("war", ("houthis", "yemen"), "fact")),
        # not when the trying itself is hedged, denied or only vowed
        ("ATHENS, Aug 3 (Wire) - Greece will try to shoot down any Turkish drone.",
         ("war", ("greece", "turkey"), "hedged")),
        ("ATHENS, Aug 3 (Wire) - Greece could try to shoot down Turkish drones.",
         ("war", ("greece", "turkey"), "hedged")),
        ("ATHENS, Aug 3 (Wire) - Greece did not try to shoot down the Turkish drone.",
         ("war", ("greece", "turkey"), "negated")),
        ("ATHENS, Aug 3 (Wire) - Greece vowed to try to shoot down Turkish drones.",
         ("war", ("greece", "turkey"), "hedged")),
        # only wars: sanctions or a pact someone tried to make may not have been made
        ("TOKYO, May 2 (Wire) - Japan tried to impose sanctions on Russia, officials said.",
         ("sanctions", ("japan", "russia"), "hedged")),
        ("PARIS, May 2 (Wire) - France tried to sign a defence pact with India.",
         ("treaty", ("france", "india"), "hedged")),
    ],
)  # fmt: skip
def test_attempted_attacks(text, expected):
    assert expected in findings(text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the purpose of sending forces is no act done: no shot is told
        ("TALLINN, May 2 (Wire) - Danish jets were scrambled on Friday to repel the Russian "
         "fighters that had entered Latvian airspace, the army said.",
         ("war", ("denmark", "russia"), "hedged")),
        ("WARSAW, May 2 (Wire) - Poland scrambled jets to shoot down Russian drones on Friday.",
         ("war", ("poland", "russia"), "hedged")),
        ("KYIV, May 2 (Wire) - Russia sent troops to fight Ukrainian forces in Donbas, Kyiv said.",
         ("war", ("russia", "ukraine"), "hedged")),
        # the act itself told stays a fact
        ("WARSAW, May 2 (Wire) - Polish jets shot down Russian drones on Friday, the army said.",
         ("war", ("poland", "russia"), "fact")),
        ("KYIV, May 2 (Wire) - Russian troops attacked Ukrainian forces in Donbas, Kyiv said.",
         ("war", ("russia", "ukraine"), "fact")),
        # only the war is hedged: those sent to fight alongside an army are its allies
        ("BAMAKO, May 2 (Wire) - Russian paramilitaries from the Wagner Group have deployed to "
         "Mali to fight alongside the army.", ("alliance", ("wagner", "mali"), "fact")),
        # an attempt made for the purpose is an attack made
        ("SEOUL, May 2 (Wire) - South Korea scrambled jets and opened fire to try to shoot down "
         "the North Korean drones, the military said.",
         ("war", ("south_korea", "north_korea"), "fact")),
    ],
)  # fmt: skip
def test_purpose_of_dispatch(text, expected):
    assert expected in findings(text)


def test_jets_scrambled_to_escort_state_no_war():
    text = (
        "TALLINN, May 2 (Wire) - Danish jets were scrambled on Friday to escort the Russian "
        "fighters out of Latvian airspace, the army said."
    )
    assert not [f for f in findings(text) if f[0] == "war" and f[2] == "fact"]
