"""Who summons an envoy (``sim/seeding/envoys.py``), as a table: composed wire-style sentences
written for these tests (not taken from any article), and the condemnation the extraction must
or must not find."""

from __future__ import annotations

import pytest

from sim.seeding.extract import extract
from sim.seeding.text import parse_document


def condemnations(text: str) -> set[tuple[str, str]]:
    """(summoner, summoned) of every condemnation found."""
    ex = extract(parse_document(text.encode(), "t.txt"))
    return {f.parties for f in ex.findings if f.kind == "condemnation"}


@pytest.mark.parametrize(
    ("text", "pair", "found"),
    [
        # a ministry with no state: the envoy's posting names the summoner
        ("The Ministry of Foreign Affairs summoned the charge d'affaires of Belarus in "
         "Lithuania on Friday over the balloons.", ("lithuania", "belarus"), True),
        ("The foreign ministry summoned Russia's ambassador to Warsaw on Thursday after the "
         "drone crash.", ("poland", "russia"), True),
        # a passive with no agent: the posting names the summoner too
        ("The Russian ambassador in Tallinn was summoned on Friday over the airspace "
         "violation.", ("estonia", "russia"), True),
        # a summoner the clause names is kept
        ("Pakistan summoned the Afghan charge d'affaires in Islamabad on Monday.",
         ("pakistan", "afghanistan"), True),
        # must not fire: a posting in the envoy's own state, or none at all
        ("The foreign ministry summoned the Russian envoy in Moscow on Thursday.",
         ("russia", "russia"), False),
        ("The foreign ministry summoned the Iranian ambassador on Thursday, officials said.",
         ("iran", "iran"), False),
        ("The foreign ministry summoned Russia's ambassador to the United Nations on Friday.",
         ("united_nations", "russia"), False),
        # must not fire: a ministry that meets an envoy does not summon him
        ("The Ministry of Foreign Affairs met the charge d'affaires of Belarus in Lithuania "
         "on Friday.", ("lithuania", "belarus"), False),
    ],
)  # fmt: skip
def test_host_summons(text, pair, found):
    assert (pair in condemnations(text)) is found


def test_posting_alone_makes_the_host_an_actor():
    text = ("Belarusian balloons crossed the border on Friday. The "
            "Ministry of Foreign Affairs summoned the charge d'affaires of Belarus in Lithuania.")
    ex = extract(parse_document(text.encode(), "t.txt"))
    assert {"lithuania", "belarus"} <= set(ex.actors)
