"""A headline's subjects take part (sim/seeding/headline.py)."""

from __future__ import annotations

import pytest

from tests.seeding.helpers import kept_and_passing


@pytest.mark.parametrize(
    ("text", "actor"),
    [
        # the headline's subject is who the story is about, though no rule reads its part
        ("Kosovo breaks off talks after Serbia's envoy walks out\n\nPRISTINA, May 3 (Wire) - "
         "Kosovo ended talks with Serbia on Friday. Belgrade's envoy had left the room, the "
         "mediators said.", "serbia"),
        ("Clashes on the border; Tbilisi vows a firm answer\n\nYEREVAN, May 3 (Wire) - Armenian "
         "and Azerbaijani troops clashed on Friday, officials said.", "georgia"),
    ],
)  # fmt: skip
def test_a_headline_subject_takes_part(text, actor):
    kept, _ = kept_and_passing(text)
    assert actor in kept


def test_a_state_the_headline_names_as_a_place_does_not():
    _, passing = kept_and_passing(
        "Russian jets strike Syrian rebels as envoys meet in Turkey\n\nBEIRUT, Feb 2 (Wire) - "
        "Russian jets struck Syrian rebel towns on Friday, a monitor said."
    )
    assert "turkey" in passing


@pytest.mark.parametrize(
    ("text", "kept_ones", "passing_one"),
    [
        ("N. Korea sends 10,000 troops to Russia, Seoul says\n\nSEOUL, Oct 18 (Wire) - North "
         "Korea has sent about 10,000 soldiers to Russia, South Korea's spy agency said.",
         {"north_korea", "russia"}, "south_korea"),
        # a lead on its own line, its reporter revealing a clause
        ("Iran has shipped drones to Russia for its war in Ukraine, the British government "
         "revealed on Friday.\n\nThe drones were flown to Crimea, officials said.",
         {"iran", "russia"}, "united_kingdom"),
        ("Belarus has moved troops to the border, Lithuania disclosed on Monday.\n\nThe units "
         "arrived overnight, officials said.", {"belarus"}, "lithuania"),
    ],
)  # fmt: skip
def test_who_only_reports_the_news_in_a_headline_does_not(text, kept_ones, passing_one):
    kept, passing = kept_and_passing(text)
    assert kept_ones <= kept and passing_one in passing


def test_a_headline_subject_revealing_a_thing_still_takes_part():
    kept, _ = kept_and_passing(
        "Iran reveals new missile as talks with France stall\n\nTEHRAN, May 3 (Wire) - Iran "
        "showed a new missile on Friday, state media said."
    )
    assert "iran" in kept
