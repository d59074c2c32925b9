"""Deployments told by nouns (``sim/seeding/deploy_nouns.py``), from composed wire sentences."""

from __future__ import annotations

import pytest

from tests.seeding.test_real_relations import findings, relations


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "SEOUL, Nov 1 (Wire) - Seoul condemned the deployment of North Korean troops to "
            "Russia on Friday.",
            ("deployment", ("north_korea", "russia"), "fact"),
        ),
        (
            "TOKYO, Nov 2 (Wire) - Pyongyang's dispatch of 10,000 soldiers to Russia alarmed "
            "its neighbours.",
            ("deployment", ("north_korea", "russia"), "fact"),
        ),
        (
            "NAIROBI, June 26 (Wire) - The arrival of Kenyan police officers in Haiti on Tuesday "
            "was welcomed by the transitional council.",
            ("deployment", ("kenya", "haiti"), "fact"),
        ),
        # only possible
        (
            "BEIJING, Nov 3 (Wire) - China said it would oppose any deployment of American "
            "troops to Taiwan.",
            ("deployment", ("united_states", "taiwan"), "hedged"),
        ),
    ],
)
def test_nominal_deployment(text: str, expected: tuple) -> None:
    assert expected in findings(text)


def test_troops_sent_to_a_party_at_war_align_with_it() -> None:
    text = (
        "KYIV, Nov 4 (Wire) - Russia has been at war with Ukraine since 2022. Seoul condemned "
        "the deployment of North Korean troops to Russia's Kursk region."
    )
    assert ("alliance", ("north_korea", "russia")) in relations(text)
