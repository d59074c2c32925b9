"""Datelines cut off before a sentence is parsed (sim/seeding/tagging.py)."""

from __future__ import annotations

import pytest

from sim.seeding.tagging import dateline_length


@pytest.mark.parametrize(
    ("sentence", "rest"),
    [
        ("SEOUL, Oct 31 (Reuters) - North Korea fired a missile.", "North Korea fired"),
        # title case, a place in brackets, the day and the agency, as EFE and AFP write them
        ("Laayoune, (Western Sahara), Nov 14 (efe-epa).- Morocco said it had reopened the road.",
         "Morocco said"),
        ("Bamako, Mali, Jan 17, 2013 (AFP) - French jets struck rebel bases.", "French jets"),
        # a sentence that only starts with a list of names keeps them
        ("Russia, China and Iran (all three) - said they would meet.", "Russia, China"),
    ],
)  # fmt: skip
def test_dateline_is_cut(sentence, rest):
    assert sentence[dateline_length(sentence) :].startswith(rest)


@pytest.mark.parametrize(
    "text",
    [
        # a model of weapon is no group
        "TOKYO, Dec 5 (Wire) - Japan scrambled jets on Monday, adding that the Y-9 aircraft "
        "circled for about two minutes near the islands.",
        # nor is a state's bare "Army" or "Gang"
        "KHARTOUM, May 12 (Wire) - Army jets struck positions in Omdurman on Sunday, and Sudan "
        "said the paramilitaries had lost ground.",
    ],
)
def test_no_armed_group_from_a_word_or_a_model(text):
    from sim.seeding.extract import extract
    from sim.seeding.gazetteer import standard_gazetteer
    from sim.seeding.text import parse_document

    ex = extract(parse_document(text.encode(), "t.txt"))
    assert not set(ex.gazetteer.actors) - set(standard_gazetteer().actors)


@pytest.mark.parametrize(
    ("text", "named"),
    [
        # a faith's or a people's name that only begins like a state's names no state
        ("BANGUI, May 2 (Wire) - France flew in troops while Christian fighters burned a "
         "village.", {"france"}),
        ("KUALA LUMPUR, May 2 (Wire) - Malay voters backed the pact, Malaysia said.",
         {"malaysia"}),
        ("BUCHAREST, May 2 (Wire) - Police moved Roma families out of the camp, Romania said.",
         {"romania"}),
        # a demonym the gazetteer lacks still names the state its stem starts
        ("QUITO, May 2 (Wire) - Ecuador said Peruvian troops crossed the border.",
         {"ecuador", "peru"}),
    ],
)  # fmt: skip
def test_a_faith_or_a_people_is_no_demonym(text, named):
    from sim.seeding.extract import extract
    from sim.seeding.text import parse_document

    ex = extract(parse_document(text.encode(), "t.txt"))
    assert {m.actor for m in ex.mentions} == named
