"""Troop counts the text gives become units of the draft (sim/seeding/draft_forces.py)."""

from __future__ import annotations

import pytest

from sim.seeding.draft import draft_scenario
from sim.seeding.extract import extract
from sim.seeding.text import parse_document


def units(text: str) -> set[tuple[str, int]]:
    draft = draft_scenario(extract(parse_document(text.encode(), "t.txt")), "t")
    return {(u["actor"], u["strength"]) for u in draft.data["forces"].values()}


@pytest.mark.parametrize(
    ("text", "unit"),
    [
        # a party to a war without a front of its own keeps its count
        ("NAIROBI, Oct 16, 2011 (Wire) - Kenyan troops crossed into Somalia on Sunday to fight "
         "al Shabaab, the army said. The African Union's mission, made up of some 9,000 Ugandan "
         "and Burundian troops, has been fighting the militants in Mogadishu since 2007.",
         ("african_union", 9000)),
        # the front sizes the attacker with its first count; a later count is a unit too
        ("WASHINGTON, Jan 3, 2020 (Wire) - The United States, which has about 5,200 troops in "
         "Iraq, struck Iran's Quds Force in Baghdad on Friday, and said it was sending about "
         "3,000 more soldiers to the Middle East.", ("united_states", 3000)),
    ],
)  # fmt: skip
def test_stated_counts_become_units(text, unit):
    assert unit in units(text)
