"""Who does what in a clause (``sim/seeding/roles.py``), as a table: a composed wire-style
sentence, a relation, and whether the extraction must find it (True) or must not (False).
Sentences are written for these tests in the style of agency copy, not taken from any article.
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
        # after "by", "after" or "without" the subject does the gerund, not the object
        ("MOGADISHU, Jan 3 (Wire) - Ethiopia angered Somalia on Monday by signing a port deal "
         "with the breakaway region of Somaliland.", ("treaty", ("ethiopia", "somaliland")), True),
        ("MOGADISHU, Jan 3 (Wire) - Ethiopia angered Somalia on Monday by signing a port deal "
         "with the breakaway region of Somaliland.", ("treaty", ("somalia", "somaliland")), False),
        ("SEOUL, Nov 23 (Wire) - North Korea provoked the South on Tuesday by firing artillery "
         "at South Korean marines on Yeonpyeong island.", ("war", ("north_korea", "south_korea")),
         True),
        # after "of", "for" or "from" the object does it
        ("KYIV, Feb 17 (Wire) - Ukraine accused Russia of sending tanks and artillery to the "
         "separatists.", ("condemnation", ("russia", "ukraine")), True),
        ("NEW DELHI, June 17 (Wire) - India blamed China for attacking Indian troops in the "
         "Galwan valley.", ("war", ("china", "india")), True),
        # an attack's actors are its own, not the land where it fell
        ("WASHINGTON, Feb 2 (Wire) - The strikes came in response to a drone attack in Jordan "
         "that killed three American soldiers.", ("war", ("jordan", "united_states")), False),
        ("KABUL, Jan 5 (Wire) - A U.S. drone strike in Kabul that killed ten Afghan soldiers "
         "drew protests.", ("war", ("afghanistan", "united_states")), True),
        # fighters named only by their backer are not the backer's forces
        ("BAGHDAD, Nov 3 (Wire) - Iran-linked groups have launched more than 40 attacks on U.S. "
         "forces in Iraq since October.", ("war", ("iran", "united_states")), False),
        ("BAGHDAD, Nov 3 (Wire) - Iran-backed militias fired rockets at U.S. troops in Syria on "
         "Sunday.", ("war", ("iran", "united_states")), False),
        ("BAGHDAD, Nov 3 (Wire) - Iranian forces fired rockets at U.S. troops in Syria on "
         "Sunday.", ("war", ("iran", "united_states")), True),
        # a subject the parse hangs on a date before "and", its verb made an adverbial clause
        ("ATHENS, Aug 3 (Wire) - Two Turkish jets entered Greek airspace on Thursday and Greece "
         "responded by firing flares at the Turkish jets, officials said.",
         ("war", ("greece", "turkey")), True),
        ("VILNIUS, Aug 3 (Wire) - Belarusian helicopters flew over the border on Tuesday and "
         "Lithuania answered by shooting at the Belarusian helicopters.",
         ("war", ("belarus", "lithuania")), True),
        # not an infinitive after a list of partners: they do not do it
        ("N'DJAMENA, Oct 28 (Wire) - Deby said Chad could leave the force it formed with Nigeria "
         "and Cameroon to fight Boko Haram.", ("war", ("boko_haram", "cameroon")), False),
        ("N'DJAMENA, Oct 28 (Wire) - Deby said Chad could leave the force it formed with Nigeria "
         "and Cameroon to fight Boko Haram.", ("war", ("boko_haram", "nigeria")), False),
    ],
)  # fmt: skip
def test_roles_table(text, relation, found):
    assert (relation in relations(text)) is found
