"""Allies told by help, hosting and treaties (``sim/seeding/allies.py``), as a table: a composed
wire-style sentence, a relation, and whether the extraction must find it (True) or must not
(False). Sentences are written for these tests in the style of agency copy.
"""

from __future__ import annotations

import pytest

from sim.seeding.extract import extract
from sim.seeding.text import parse_document


def relations(text: str) -> set[tuple[str, tuple[str, ...]]]:
    """(kind, sorted parties) of every finding."""
    ex = extract(parse_document(text.encode(), "t.txt"))
    return {(f.kind, tuple(sorted(f.parties))) for f in ex.findings}


@pytest.mark.parametrize(
    ("text", "relation", "found"),
    [
        # a state that hosts another's forces is its partner
        ("DOHA, June 24 (Wire) - Qatar, which hosts the largest U.S. base in the region, "
         "condemned the attack.", ("partnership", ("qatar", "united_states")), True),
        ("DJIBOUTI, Aug 1 (Wire) - A Djiboutian base hosting French troops was attacked on "
         "Sunday.", ("partnership", ("djibouti", "france")), True),
        # a place that hosts them names no host by the land it is in
        ("HASAKEH, Oct 29 (Wire) - A suicide drone hit a military base in northern Syria "
         "hosting U.S. troops on Sunday, security sources said.",
         ("partnership", ("syria", "united_states")), False),
    ],
)  # fmt: skip
def test_allies_table(text, relation, found):
    assert (relation in relations(text)) is found
