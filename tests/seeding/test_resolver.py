"""Who a bare noun stands for (sim/seeding/resolver.py): a state's forces its text leaves
unnamed."""

from __future__ import annotations

import pytest

from sim.seeding.extract import extract
from sim.seeding.text import parse_document


def wars(text: str) -> set[tuple[str | None, str | None]]:
    ex = extract(parse_document(text.encode(), "t.txt"))
    return {f.parties for f in ex.findings if f.kind == "war"}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # "government forces" in a dispatch from a state's capital are that state's
        ("KHARTOUM, May 12 (Wire) - Government forces shelled RSF positions in Omdurman on "
         "Sunday, residents said. The war in Sudan has killed tens of thousands.",
         ("sudan", "rsf")),
        # ... as are "army jets"
        ("KHARTOUM, May 12 (Wire) - Army jets struck RSF positions in Omdurman on Sunday, "
         "residents said. The war in Sudan has killed tens of thousands.", ("sudan", "rsf")),
        # ... and "federal troops" whose official speaks
        ("Federal troops attacked TPLF positions near Mekelle on Monday, an Ethiopian military "
         "officer said.", ("ethiopia", "tplf")),
    ],
)  # fmt: skip
def test_a_state_s_unnamed_forces_are_the_state_s(text, expected):
    assert expected in wars(text)


def test_a_named_owner_comes_first():
    found = wars("BAGHDAD, Oct 16 (Wire) - Iraqi government forces attacked the positions of "
                 "the Peshmerga near Kirkuk on Monday, and the fighters withdrew from the city, "
                 "officials said.")  # fmt: skip
    assert ("iraq", "kurdistan_region") in found


@pytest.mark.parametrize(
    ("text", "expected", "not_expected"),
    [
        # an unnamed "the military" saying what the sentence's subject did reports for its state,
        # not for the land it went into
        ("BEIRUT, Oct 1 (Wire) - Israeli troops crossed into southern Lebanon early on Tuesday, "
         "the military said, adding that it had struck dozens of Hezbollah targets overnight.",
         ("israel", "hezbollah"), ("lebanon", "hezbollah")),
        ("NAIROBI, Oct 17 (Wire) - Kenyan troops pushed into southern Somalia on Sunday, the "
         "military said, adding that it had killed ten al Shabaab fighters.",
         ("kenya", "al_shabaab"), ("somalia", "al_shabaab")),
    ],
)  # fmt: skip
def test_the_military_reports_for_the_state_whose_troops_acted(text, expected, not_expected):
    found = wars(text)
    assert expected in found
    assert not_expected not in found
