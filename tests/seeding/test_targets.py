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
