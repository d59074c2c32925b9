"""Places, not parties (``sim/seeding/where_not_whom.py``), as tables: composed wire-style
sentences written for these tests (not taken from any article), and the actors the draft keeps
or names only in passing, or the relations it must and must not find."""

from __future__ import annotations

import pytest

from sim.seeding.extract import extract
from sim.seeding.text import parse_document
from tests.seeding.helpers import kept_and_passing


def relations(text: str) -> set[tuple[str, tuple[str, ...]]]:
    """(kind, sorted parties) of every finding of the draft."""
    ex = extract(parse_document(text.encode(), "t.txt"))
    return {(f.kind, tuple(sorted(f.parties))) for f in ex.findings}


@pytest.mark.parametrize(
    ("text", "kept_ones", "passing"),
    [
        # an armed group based in a neighbour: the neighbour is where it lives
        ("NIAMEY, May 2 (Wire) - Fighters of the Islamic State, an armed group based in "
         "neighbouring Mali, have attacked army posts in western Niger, the army said.",
         {"islamic_state", "niger"}, {"mali"}),
        ("ABUJA, June 3 (Wire) - Boko Haram, a jihadist group based in northeastern Nigeria, "
         "attacked a Chadian army base on Monday.", {"boko_haram", "chad"}, {"nigeria"}),
        ("NIAMEY, May 2 (Wire) - The militants, who are based in Mali, attacked Nigerien army "
         "posts on Monday.", {"niger"}, {"mali"}),
        # must not fire: a state's own troops based abroad are deployed there
        ("WARSAW, July 4 (Wire) - American troops based in Poland joined the exercise with "
         "Polish soldiers on Friday.", {"united_states", "poland"}, set()),
        ("KYIV, Feb 24 (Wire) - Russian troops massed near the border and the Kremlin based "
         "more troops in Belarus, Ukraine said.", {"russia", "belarus"}, set()),
    ],
)  # fmt: skip
def test_group_based_in_a_state(text, kept_ones, passing):
    kept, named = kept_and_passing(text)
    assert kept_ones <= kept and passing <= named and not passing & kept


@pytest.mark.parametrize(
    ("text", "relation", "found"),
    [
        # a state's troops during fighting in a capital, no one fought named (a photo
        # caption): where, not whom
        ("Rwandan soldiers stand guard beside an armoured car during fighting in Bangui, "
         "Central African Republic, March 3, 2021.",
         ("war", ("central_african_republic", "rwanda")), False),
        # must not fire: an armed group fighting in a capital fights its state
        ("BANGUI, March 3 (Wire) - Seleka fighters fought in Bangui on Sunday, witnesses "
         "said.", ("war", ("central_african_republic", "seleka")), True),
        # must not fire: an attack near a capital, and fighting with a named side
        ("DAMASCUS, Jan 20 (Wire) - Israeli jets struck targets near Damascus on Sunday, Syrian "
         "state media said.", ("war", ("israel", "syria")), True),
        ("Kenyan soldiers stand guard beside a truck during clashes with al Shabaab in "
         "Mogadishu, Somalia, May 2, 2012.", ("war", ("al_shabaab", "kenya")), True),
        ("RIYADH, Nov 4 (Wire) - The Houthis fired ballistic missiles at Riyadh on Saturday, "
         "the coalition said.", ("war", ("houthis", "saudi_arabia")), True),
    ],
)  # fmt: skip
def test_fighting_in_a_place(text, relation, found):
    assert (relation in relations(text)) is found
