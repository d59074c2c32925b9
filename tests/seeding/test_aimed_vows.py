"""A vow aimed at a named adversary (sim/seeding/aimed_vows.py)."""

from __future__ import annotations

import pytest

from sim.seeding.extract import extract
from sim.seeding.findings import CONDITIONAL
from sim.seeding.text import parse_document


def threats(text: str) -> set[tuple[str, str | None]]:
    ex = extract(parse_document(text.encode(), "t.txt"))
    return {f.parties for f in ex.findings if f.modality == CONDITIONAL}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # what the target owns or is named in; a group noun through the resolver
        ("Hamas fighters attacked Israel. Israel's defence minister vowed to target the "
         "movement's commanders.", {("israel", "hamas")}),
        ("Israel's defence minister vowed to target Hamas commanders in Lebanon.",
         {("israel", "hamas")}),
        ("Mali vowed to target JNIM camps.", {("mali", "jnim")}),
        # no actor the act is aimed at: a goal, the speaker's own, a place the object is in
        ("Canada vowed to target a budget surplus.", set()),
        ("Japan pledged to target its aid at Ukraine.", set()),
        ("Russia vowed to target inflation in Ukraine.", set()),
        ("The bank vowed to target small firms in Germany.", set()),
        ("Mali vowed not to target JNIM camps.", set()),
        # defending an actor is a commitment, not a threat
        ("Poland vowed to defend Ukraine.", set()),
    ],
)  # fmt: skip
def test_a_vow_to_target_what_a_named_actor_owns_is_a_threat_to_it(text, expected):
    assert threats(text) == expected
