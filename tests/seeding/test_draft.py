"""A draft of reported hostilities moves; a draft of talk stays still (seeding/draft.py).

The issue's rule for drafting: a draft built from a text that reports hostilities must produce
dynamics. Once extraction finds the war, the draft layer makes it move: the warring parties
start at their war rungs, a front is drawn on the attacked party's land, and a run leaves the
start rung in (nearly) every replicate, whatever the war's shape: state against state, state
against an armed group, an armed group against a state, a strike on a capital, an offensive
into a disputed region, an exchange of fire. A text of talk, troops sent to a friend, joint
drills or sanctions gives no war, and its draft stays still (the rules' noise stays under half
of the replicates). On the 24 real development articles of the ninth session, every hostile
draft with a war moved, and every one that did not lacked the war (relation or actor
extraction), never the draft.
"""

from __future__ import annotations

import pytest

from sim.seeding.draft import draft_scenario
from sim.seeding.evaluate import moves
from sim.seeding.extract import extract
from sim.seeding.text import parse_document


def _draft(text: str):
    return draft_scenario(extract(parse_document(text.encode(), "t.txt")), "t")


def _wars(draft) -> set[tuple[str, ...]]:
    return {tuple(sorted(r["parties"])) for r in draft.data["relations"].values()
            if r["kind"] == "war"}  # fmt: skip


@pytest.mark.parametrize(
    ("text", "war"),
    [
        ("Turkish warplanes struck PKK positions in northern Iraq on Monday, killing 12 "
         "fighters, the Turkish defence ministry said.", ("pkk", "turkey")),
        ("Islamic State militants attacked an army base in Niger on Tuesday, killing 20 "
         "soldiers, the government said.", ("islamic_state", "niger")),
        ("Venezuelan troops clashed with ELN rebels near the Colombian border on Sunday, the "
         "defence minister said.", ("eln", "venezuela")),
        ("Indian and Pakistani troops exchanged fire across the Line of Control on Friday, "
         "officials said.", ("india", "pakistan")),
        ("Russia fired missiles at Kyiv overnight, Ukraine's air force said on Monday.",
         ("russia", "ukraine")),
        ("Azerbaijan launched an offensive against Armenian forces in Nagorno-Karabakh on "
         "Tuesday.", ("armenia", "azerbaijan")),
        ("Al-Shabaab fighters attacked Kenyan troops near the Somali border on Wednesday, the "
         "Kenyan army said.", ("al_shabaab", "kenya")),
    ],
)  # fmt: skip
def test_a_draft_of_a_reported_war_moves(text, war):
    d = _draft(text)
    assert war in _wars(d), d.data["relations"]
    assert moves(d, replicates=6, turns=12) >= 0.5


@pytest.mark.parametrize(
    "text",
    [
        "Poland summoned Russia's ambassador on Monday to protest against the remarks.",
        "The United States sent 300 troops to Poland on Monday for exercises.",
        "Japanese and US fighter jets held joint drills over the Sea of Japan on Tuesday.",
        "The European Union imposed new sanctions on Iran on Monday over its nuclear programme.",
        "China protested on Monday after a US destroyer sailed near islands it claims.",
    ],
)
def test_a_draft_of_talk_drills_or_sanctions_stays_still(text):
    d = _draft(text)
    assert not _wars(d), d.data["relations"]
    assert moves(d, replicates=6, turns=12) < 0.5
