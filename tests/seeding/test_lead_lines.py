"""Where the lead begins: headlines, standfirsts and datelines on lines of their own."""

from __future__ import annotations

import pytest

from sim.seeding.lead_lines import body_sentences
from sim.seeding.text import parse_document


def lead(text: str) -> str:
    return body_sentences(parse_document(text.encode(), "x.txt"))[0].text


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a headline without a full stop
        ("Rebels seize border town\n\nRebels seized the town on Monday, officials said.",
         "Rebels seized the town on Monday, officials said."),
        # a short first sentence on its own line, even with a full stop, is a headline
        ("Army says rebels seized border town.\n\nRebels seized the town on Monday, "
         "officials said.", "Rebels seized the town on Monday, officials said."),
        # a one-sentence first paragraph that opens with a dispatch's place is the lead
        ("LIMA: Peru's army said rebels seized a town on Monday.\n\nThe town lies near the "
         "border.", "LIMA: Peru's army said rebels seized a town on Monday."),
        ("QUITO - Gunmen stormed a television studio on Tuesday.\n\nPolice arrested them.",
         "QUITO - Gunmen stormed a television studio on Tuesday."),
        ("KYIV (Wire) — Drones struck the port overnight.\n\nThe port is closed.",
         "KYIV (Wire) — Drones struck the port overnight."),
        # an acronym and a bracket is no dispatch's place
        ("NATO (the alliance) meets.\n\nNATO ministers met on Monday, officials said.",
         "NATO ministers met on Monday, officials said."),
        # ... and so is one of 20 words or more
        ("On Friday morning, two foreign fighter jets entered the country's airspace without "
         "permission and stayed there for nearly ten minutes, the ministry said.\n\n"
         "The jets had no flight plans.",
         "On Friday morning, two foreign fighter jets entered the country's airspace without "
         "permission and stayed there for nearly ten minutes, the ministry said."),
        # a dateline on a line of its own: the summary above it is no lead
        ("The army reported that it clashed with a rebel group. The fighting left two soldiers "
         "dead.\n\nSan Pedro (Wire)\n\nTwo soldiers were killed in clashes on Sunday, the army "
         "said on Monday.\n\nMore text here.",
         "Two soldiers were killed in clashes on Sunday, the army said on Monday."),
        ("News Service\n\nA Reporter\n\nNew Delhi, March 3\n\nThe minister on Tuesday told "
         "parliament the troops had clashed.", "The minister on Tuesday told parliament the "
         "troops had clashed."),
        # a publication line is no dateline; nor is a dateline-like line after the lead
        ("Rebels seize town\n\nLIMA, May 3 (Wire) - Rebels seized a town on Monday.\n"
         "Officials said so.\nPublished May 3, 2024", "LIMA, May 3 (Wire) - Rebels seized a "
         "town on Monday."),
        # a sentence that tells its day is the lead: a line with an agency after it is a caption
        ("Rebels seize town\n\nRebels seized a town on Monday, the army said.\n\nSoldiers on patrol (Wire)\n\n"
         "The town lies near the border.", "Rebels seized a town on Monday, the army said."),
        ("Rebels seize town\n\nRebels seized a town on Monday, the army said.\n\n"
         "Published 3 May 2024\n\nThe army said it would retake it.",
         "Rebels seized a town on Monday, the army said."),
    ],
)  # fmt: skip
def test_the_lead(text, expected):
    assert lead(text) == expected
