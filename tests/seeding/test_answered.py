"""The attack a threat answers is reported by it (sim/seeding/answered.py)."""

from __future__ import annotations

import pytest

from sim.seeding.extract import extract
from sim.seeding.findings import FACT
from sim.seeding.text import parse_document


def answered(text: str) -> set[tuple[str, str]]:
    ex = extract(parse_document(text.encode(), "t.txt"))
    return {f.parties for f in ex.findings
            if f.kind == "war" and f.modality == FACT and f.attrs.get("answered")}  # fmt: skip


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Islamabad said Pakistan would retaliate against India's air strikes at a time of its "
         "own choosing.", {("india", "pakistan")}),
        ("A spokesman said the Houthis would respond to the latest American aggression with "
         "more missile launches.", {("united_states", "houthis")}),
        ("Tehran vowed to avenge the attack by Israel on its consulate in Damascus.",
         {("israel", "iran")}),
        # the act falls on someone else: it reports no attack on the speaker
        ("Iran said it would respond to Israel's attack on Hezbollah.", set()),
        # nothing of force answered
        ("Japan said it would respond to China's letter next week.", set()),
        ("Poland said it would respond to Belarus's provocations at the border.", set()),
        ("China said it would respond to Japan's move to buy the islands.", set()),
        ("Ukraine vowed to respond to Russia's annexation of Crimea.", set()),
        ("Seoul said it would answer Pyongyang's proposal for talks in due course.", set()),
        # a threat with no act to answer
        ("Moscow vowed to retaliate.", set()),
    ],
)  # fmt: skip
def test_a_threat_to_answer_an_act_reports_the_doer_attacking_the_speaker(text, expected):
    assert answered(text) == expected
