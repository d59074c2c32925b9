"""Conditions that go on from the present report what their target does now (seeding/ongoing.py).

"If they kept attacking ships": the target attacks now. The threat answers from the first turn,
and an attack going on is a war between the target and the speaker, so the draft moves; a
threat about what the target might do one day leaves a draft still.
"""

from __future__ import annotations

import pytest

from sim.seeding.draft import draft_scenario
from sim.seeding.evaluate import moves
from sim.seeding.extract import extract
from sim.seeding.findings import CONDITIONAL, FACT
from sim.seeding.text import parse_document


def _extract(text: str):
    return extract(parse_document(text.encode(), "t.txt"))


def going_on(text: str) -> set[tuple[str, str | None, str]]:
    """(speaker, target, rung) of every threat whose condition goes on from the present."""
    return {(*f.parties, f.attrs["ongoing"]) for f in _extract(text).findings
            if f.modality == CONDITIONAL and f.attrs.get("ongoing")}  # fmt: skip


def wars(text: str) -> set[tuple[str, str]]:
    return {f.parties for f in _extract(text).findings if f.kind == "war" and f.modality == FACT}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("WASHINGTON, Feb 2 (Wire) - The United States said it would strike the Houthis again if "
         "they kept attacking ships in the Red Sea.",
         {("united_states", "houthis", "combat")}),
        ("Hanoi said it would take all necessary measures if Chinese coast guard ships continued "
         "to harass Vietnamese fishing boats near the Paracel Islands.",
         {("vietnam", "china", "troop_deployment")}),
        ("Ankara warned that Turkey would shoot down any aircraft if Syria violated its airspace "
         "again.",
         {("turkey", "syria", "troop_deployment")}),
        # "as long as" a hostile act goes on
        ("Houthi spokesman Yahya Saree warned that the group's drones would keep striking deeper "
         "as long as Saudi Arabia kept bombing Yemen.",
         {("houthis", "saudi_arabia", "combat")}),
        ("Kyiv said Ukraine would fight on as long as it takes.", set()),
        # what goes on is no act of force
        ("Beijing said it would respond if Manila kept pushing its claims in the South China "
         "Sea.", set()),
        ("Moscow said it would act if NATO continued to move closer to its borders.", set()),
        # the act falls on a third party: not done to the speaker
        ("The EU said it would impose further sanctions if Russia continued its attacks on "
         "Ukraine.", set()),
        # a threat about what the target may do, not what it does now
        ("Greece said it would respond with force if Turkey attacked its islands.", set()),
        ("Beijing said it would retaliate if Taipei declared independence.", set()),
        # peace does not go on as a threat
        ("Egypt said it would keep mediating if the ceasefire between Israel and Hamas "
         "continued.", set()),
    ],
)  # fmt: skip
def test_a_condition_going_on_from_the_present_has_the_rung_of_the_act(text, expected):
    assert going_on(text) == expected


def test_an_attack_going_on_is_a_war_of_the_target_on_the_speaker():
    text = ("Kyrgyzstan said its troops would hit back at Tajik positions if Tajikistan kept "
            "shelling its border villages.")  # fmt: skip
    assert ("tajikistan", "kyrgyzstan") in wars(text)


def test_harassment_going_on_is_no_war():
    text = ("Manila said it would respond if Chinese vessels continued their provocations near "
            "the shoal.")  # fmt: skip
    assert not wars(text)


def test_the_victims_of_an_attack_in_the_condition_are_not_its_target():
    text = ("A Myanmar junta spokesman warned that the military would take every necessary "
            "measure if the attacks on trade routes to China continued.")  # fmt: skip
    assert not {t for _, t, _ in going_on(text)} & {"china"}
    assert not any("china" in pair for pair in wars(text))


HOSTILE = (
    "BEIJING, May 6 (Wire) - China warned Vietnam on Tuesday that it would respond to any attack "
    "on its fishing fleet. A Chinese foreign ministry spokesman said Vietnamese patrol boats had "
    "opened fire on a Chinese trawler near the Paracel Islands on Monday, wounding two sailors. "
    '"If this continues, China will respond firmly," the spokesman said.'
)
CALM = (
    "BEIJING, May 6 (Wire) - China warned Vietnam on Tuesday that it would respond to any attack "
    "on its fishing fleet. A Chinese foreign ministry spokesman said talks on fishing rights "
    'would resume in Hanoi next month. "If this continues, China will respond firmly," the '
    "spokesman said."
)


def test_this_continuing_after_reported_hostilities_aims_at_whom_the_speaker_threatened():
    assert going_on(HOSTILE) == {("china", "vietnam", "combat")}
    assert ("vietnam", "china") in wars(HOSTILE)


def test_this_continuing_after_no_hostilities_reports_nothing():
    assert going_on(CALM) == set()
    assert not wars(CALM)


def test_a_draft_of_reported_hostilities_moves_and_one_of_talk_stays_still():
    hostile = draft_scenario(_extract(HOSTILE), "t")
    calm = draft_scenario(_extract(CALM), "t")
    entry = hostile.data["actors"]["china"]["doctrine"]["strike_territory_vietnam"]
    assert entry["when"] == {"adversary_rung_at_least": {"rung": "combat"}}
    assert moves(hostile, replicates=4, turns=8) >= 0.5
    assert moves(calm, replicates=4, turns=8) == 0.0


@pytest.mark.parametrize(
    ("broken", "field"),
    [
        ({"continuing": "keep"}, "ongoing.continuing must be a list"),
        ({"acts": [{"rung": "war", "words": ["attack"]}]}, "ongoing.acts must be a list of"),
        ({"reported": "fighting"}, "ongoing.reported must be a rung"),
    ],
)
def test_a_broken_ongoing_table_is_refused_with_one_message(monkeypatch, broken, field):
    from sim.seeding import ongoing
    from sim.seeding.errors import SeedingError
    from sim.seeding.findings import load_data

    table = {**load_data("conditionals.yaml")["ongoing"], **broken}
    monkeypatch.setattr(ongoing, "load_data", lambda name: {"ongoing": table})
    ongoing._table.cache_clear()
    try:
        with pytest.raises(SeedingError, match=rf"conditionals.yaml: {field}"):
            ongoing._table()
    finally:
        ongoing._table.cache_clear()
