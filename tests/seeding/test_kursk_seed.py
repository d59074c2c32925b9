"""The shipped seed: the draft finds what the hand-written kursk_2024 scenario holds."""

from __future__ import annotations

from sim.abm.model import EscalationModel
from sim.domain.scenario_io import parse_scenario

from .conftest import SEED

NINE = {"russia", "ukraine", "north_korea", "united_states", "nato", "south_korea", "china",
        "india", "iran"}  # fmt: skip


def test_the_actors_taking_part_and_the_passing_mentions(kursk_draft):
    """Japan and Australia are named only in passing ("affecting relations with countries like
    Japan and Australia"): the hand-written scenario has them, the draft reports them."""
    assert set(kursk_draft.data["actors"]) == NINE
    assert set(kursk_draft.extraction.passing) == {"japan", "australia"}


def test_the_north_korean_deployment_is_a_unit_in_the_kursk_theatre(kursk_draft):
    data = kursk_draft.data
    kursk = data["theatres"]["kursk"]
    assert (kursk["territory_of"], kursk["held_by"], kursk["initial_control"]) == (
        "russia", "ukraine", 1.0)  # fmt: skip
    units = [u for u in data["forces"].values() if u["actor"] == "north_korea"]
    assert len(units) == 1
    unit = units[0]
    assert (unit["theatre"], unit["strength"], unit["in_combat"]) == ("kursk", 10000, False)
    assert unit["sources"]["strength"] == "around 10,000 troops"


def relation(data, kind, parties):
    return [r for r in data["relations"].values() if r["kind"] == kind and r["parties"] == parties]


def test_treaty_supply_and_restrictions(kursk_draft):
    data = kursk_draft.data
    (treaty,) = relation(data, "treaty", ["russia", "north_korea"])
    assert treaty["source"] if "source" in treaty else treaty["sources"]["kind"] == (
        "security agreement between Russia and North Korea")  # fmt: skip
    (ammo,) = relation(data, "supply", ["north_korea", "russia"])
    assert ammo["goods"] == "ammunition"
    (weapons,) = relation(data, "supply", ["united_states", "ukraine"])
    assert weapons["restricted_use"] is True and weapons["goods"] == "weapons"
    assert relation(data, "war", ["russia", "ukraine"])


def test_the_co_belligerency_condition_is_doctrine_not_an_event(kursk_draft):
    us = kursk_draft.data["actors"]["united_states"]
    entries = [e for e in us["doctrine"].values() if e["then"] == "declare_co_belligerent"]
    assert len(entries) == 1
    entry = entries[0]
    assert entry["when"] == {"adversary_partner_in_combat": {}}
    assert entry["target"] == "north_korea"
    assert entry["source"].startswith("Pentagon spokeswoman Sabrina Singh stated that if")
    assert not kursk_draft.data["injects"].get("north_korea_co_belligerent")
    assert kursk_draft.data["forces"]["north_korea_troops_kursk"]["in_combat"] is False


def test_every_source_is_an_exact_quote_or_an_assumption(kursk_draft):
    text = SEED.read_text(encoding="utf-8")
    for use in kursk_draft.ledger.uses:
        assert use.source.startswith("assumption: ") or use.source in text, use
        if use.span:
            assert text[use.span[0] : use.span[1]].strip() == use.source


def test_the_draft_validates_and_runs_26_turns(kursk_draft):
    scenario = parse_scenario(kursk_draft.data)
    model = EscalationModel(scenario, rng=1)
    for _ in range(26):
        model.step()
    assert model.steps == 26
