"""Whom a clause is done to (``sim/seeding/targets.py``), as a table: a composed wire-style
sentence, a relation, and whether the extraction must find it (True) or must not (False).
Sentences are written for these tests in the style of agency copy, not taken from any article.
"""

from __future__ import annotations

import pytest

from sim.seeding.extract import extract
from sim.seeding.text import parse_document


def relations(text: str) -> set[tuple[str, tuple[str, ...]]]:
    """(kind, sorted parties) of every finding stated as a fact."""
    ex = extract(parse_document(text.encode(), "t.txt"))
    return {(f.kind, tuple(sorted(f.parties))) for f in ex.findings if f.modality == "fact"}


@pytest.mark.parametrize(
    ("text", "relation", "found"),
    [
        # a strike near a capital, with no other party named, hits the capital's state
        ("DAMASCUS, Jan 20 (Wire) - Israeli jets struck targets near Damascus on Sunday, Syrian "
         "state media said.", ("war", ("israel", "syria")), True),
        # with another party named as the target, the capital is only where it was
        ("DOHA, Sept 9 (Wire) - Israeli jets struck Hamas leaders in Qatar on Tuesday, "
         "targeting a residential compound in Doha, witnesses said.",
         ("war", ("israel", "qatar")), False),
        ("DOHA, Sept 9 (Wire) - Israeli jets struck Hamas leaders in Qatar on Tuesday, "
         "targeting a residential compound in Doha, witnesses said.",
         ("war", ("hamas", "israel")), True),
        ("BEIRUT, March 3 (Wire) - Israeli warplanes bombed positions held by Hezbollah near "
         "Beirut overnight, the army said.", ("war", ("israel", "lebanon")), False),
        # a capital fired at names its state
        ("RIYADH, Nov 4 (Wire) - The Houthis fired ballistic missiles at Riyadh on Saturday, "
         "the coalition said.", ("war", ("houthis", "saudi_arabia")), True),
    ],
)  # fmt: skip
def test_targets_table(text, relation, found):
    assert (relation in relations(text)) is found


def all_findings(text: str) -> set[tuple[str, tuple[str, ...]]]:
    """(kind, sorted parties) of every finding, whatever its modality."""
    ex = extract(parse_document(text.encode(), "t.txt"))
    return {(f.kind, tuple(sorted(f.parties))) for f in ex.findings}


@pytest.mark.parametrize(
    ("text", "relation", "found"),
    [
        # an armed craft that collided with another state's armed craft: a clash
        ("ANKARA, Aug 12 (Wire) - A Turkish frigate collided with a Greek frigate in the Aegean "
         "on Wednesday, the ministry said.", ("war", ("greece", "turkey")), True),
        ("SEOUL, Aug 12 (Wire) - A North Korean jet collided with a South Korean drone over the "
         "sea on Tuesday, the military said.", ("war", ("north_korea", "south_korea")), True),
        # "with" names the other craft, not a weapon the subject used
        ("SEOUL, Aug 12 (Wire) - A North Korean jet collided with a South Korean drone over the "
         "sea on Tuesday, the military said.", ("supply", ("north_korea", "south_korea")), False),
        # a civil craft, or a collision during a drill: a mishap
        ("TOKYO, Aug 12 (Wire) - A U.S. destroyer collided with a Philippine-flagged container "
         "ship off Japan on Saturday, the Navy said.", ("war", ("philippines", "united_states")),
         False),
        ("TOKYO, Aug 12 (Wire) - A Chinese fishing boat collided with a Japanese coast guard "
         "ship near the islands, Tokyo said.", ("war", ("china", "japan")), False),
        ("TOKYO, Aug 12 (Wire) - A U.S. warship collided with a Japanese destroyer during joint "
         "exercises on Monday, the Navy said.", ("war", ("japan", "united_states")), False),
    ],
)  # fmt: skip
def test_collisions_table(text, relation, found):
    assert (relation in all_findings(text)) is found


def test_collision_with_a_rock_is_no_war():
    text = (
        "OSLO, Aug 12 (Wire) - A Norwegian frigate collided with a rock off Norway on "
        "Monday, the navy said."
    )
    assert not [r for r in all_findings(text) if r[0] == "war"]
