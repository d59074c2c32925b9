"""Dissidents of an armed group are a group of their own (``sim/seeding/splinters.py``).
Sentences composed in the style of wire copy.
"""

from __future__ import annotations

import pytest

from sim.seeding.extract import extract
from sim.seeding.text import parse_document


def wars(text: str) -> set[tuple[str, ...]]:
    ex = extract(parse_document(text.encode(), "t.txt"))
    return {tuple(sorted(f.parties)) for f in ex.findings if f.kind == "war"}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("CUCUTA, Jan 18 (Wire) - ELN guerrillas attacked FARC dissidents in the Catatumbo region "
         "on Thursday, the army said.", {("eln", "farc_dissidents")}),
        ("BOGOTA, Jan 18 (Wire) - ELN fighters attacked dissidents of the now defunct FARC near "
         "the border, officials said.", {("eln", "farc_dissidents")}),
        ("BOGOTA, Jan 18 (Wire) - ELN fighters attacked a rival group of former FARC guerrillas in "
         "the northeast on Thursday, officials said.", {("eln", "farc_dissidents")}),
        # "former ... fighters" may be detainees: no faction of their own
        ("BAGHDAD, Jan 18 (Wire) - Iraqi troops attacked former Islamic State fighters hiding in "
         "the desert on Thursday, officials said.", {("iraq", "islamic_state")}),
        # the group itself, by its members' plain name, is still the group
        ("BOGOTA, Jan 18 (Wire) - ELN guerrillas attacked FARC rebels in the northeast on "
         "Thursday, officials said.", {("eln", "farc")}),
    ],
)  # fmt: skip
def test_dissidents_are_not_the_group_they_left(text, expected):
    assert wars(text) == expected


def test_dissidents_of_no_armed_group_are_no_actor():
    text = ("CARACAS, May 2 (Wire) - Venezuelan dissidents said troops attacked Colombian "
            "rebels near the border on Sunday.")  # fmt: skip
    ex = extract(parse_document(text.encode(), "t.txt"))
    assert not any("dissidents" in a for a in (*ex.actors, *ex.passing))
