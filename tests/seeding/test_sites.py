"""The state of a military site an attack hit (``sim/seeding/sites.py``), as a table: a composed
wire-style sentence, a relation, and whether the extraction must state it as a fact. Sentences
are written for these tests, not taken from any article.
"""

from __future__ import annotations

import pytest

from tests.seeding.test_targets import relations


@pytest.mark.parametrize(
    ("text", "relation", "found"),
    [
        # a military site placed in a state: that state's forces were attacked
        ("Gunmen attacked a military barracks in Niger on Sunday, the government said.",
         ("war", ("gunmen", "niger")), True),
        ("Gunmen attacked an army barracks in Niger on Sunday, the government said.",
         ("war", ("gunmen", "niger")), True),
        # the place given as the capital, in an apposition
        ("Gunmen attacked a military barracks in the capital, Niamey, on Sunday, Niger's "
         "government said.", ("war", ("gunmen", "niger")), True),
        # the place hung on a verb coordinated with the attack
        ("Niger has imposed a curfew after unidentified gunmen attacked a military barracks and "
         "tried to break into an armoury in the capital, Niamey, the government said.",
         ("war", ("gunmen", "niger")), True),
        # a site that is no military one: where it was, not whose
        ("Turkish jets struck a militant camp in Iraq on Sunday, the ministry said.",
         ("war", ("iraq", "turkey")), False),
        # another party named: the base is where that party was
        ("Iranian-backed militias attacked a military base in Syria that houses American "
         "troops, the Pentagon said.", ("war", ("iran", "syria")), False),
        ("Iranian-backed militias attacked a military base in Syria that houses American "
         "troops, the Pentagon said.", ("war", ("syria", "united_states")), False),
        # the place inside a clause of its own is not where the attack was
        ("Gunmen attacked a military barracks on Sunday, and the army said troops in Niger were "
         "on alert.", ("war", ("gunmen", "niger")), False),
    ],
)  # fmt: skip
def test_sites_table(text, relation, found):
    assert (relation in relations(text)) is found


@pytest.mark.parametrize(
    "text",
    [
        # the attacker's own state: no war with itself, and none with anyone else
        "Nigerien soldiers stormed a military barracks in Niger on Sunday, the government said.",
        "Malian troops raided an army base in Mali after a mutiny, the government said.",
    ],
)  # fmt: skip
def test_own_site_is_no_war(text):
    assert not {r for r in relations(text) if r[0] == "war"}
