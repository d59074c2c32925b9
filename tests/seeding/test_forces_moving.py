"""Forces on the move make their actor a party (sim/seeding/forces_moving.py)."""

from __future__ import annotations

import pytest

from tests.seeding.helpers import kept_and_passing


def kept(text: str) -> set[str]:
    return kept_and_passing(text)[0]


@pytest.mark.parametrize(
    ("text", "parties"),
    [
        ("France struck rebel bases in Mali on Monday. Troops from Nigeria are expected in Mali "
         "next week, and forces from Benin and Togo will arrive later.",
         {"nigeria", "benin", "togo"}),
        ("France struck rebel bases in Mali on Monday. Chadian soldiers arrived in Gao.",
         {"chad"}),
    ],
)  # fmt: skip
def test_whose_troops_move_takes_part(text, parties):
    assert parties <= kept(text)


def test_victims_nationality_is_no_party():
    text = ("Protesters clashed with NATO peacekeepers in Zvecan on Monday, and 11 Italian "
            "soldiers were hurt, the alliance said.")  # fmt: skip
    assert "italy" not in kept(text)
