"""Doctrine entries of the draft (sim/seeding/draft_doctrine.py): threats that can fire."""

from __future__ import annotations

from sim.seeding.checks import draft_checks
from sim.seeding.draft import draft_scenario
from sim.seeding.extract import extract
from sim.seeding.text import parse_document


def draft(text: str):
    return draft_scenario(extract(parse_document(text.encode(), "t.txt")), "t")


def test_a_threat_to_answer_a_reported_strike_holds_from_the_first_turn():
    d = draft("ISLAMABAD, May 7 (Wire) - India launched missile strikes on nine sites in "
              "Pakistan on Wednesday. Pakistan said it would respond at a time and place of its "
              "choosing.")  # fmt: skip
    entries = list(d.data["actors"]["pakistan"]["doctrine"].values())
    rung = d.data["actors"]["india"]["initial_rung"]
    assert {"adversary_rung_at_least": {"rung": rung}} in [e["when"] for e in entries], entries


def test_a_threat_against_a_hypothetical_attack_waits_for_an_escalation():
    d = draft("MANILA, Nov 20 (Wire) - Chinese coast guard ships blocked Philippine supply "
              "boats near the shoal. Manila warned Beijing that any attack on its vessels would "
              "be met with force.")  # fmt: skip
    whens = [e["when"] for e in d.data["actors"]["philippines"]["doctrine"].values()]
    assert {"adversary_escalated": {}} in whens, whens


def test_a_threat_aimed_at_no_one_is_not_drafted_and_the_warnings_quote_it():
    d = draft("MANILA, Nov 20 (Wire) - Storms kept Philippine supply boats in port near the "
              "shoal. Manila warned that any attack on its vessels would be met with force.")  # fmt: skip
    assert "doctrine" not in d.data["actors"]["philippines"]
    assert any(w.startswith("threats aimed at no one, not drafted: Manila warned")
               for w in draft_checks(d)), draft_checks(d)  # fmt: skip


def test_a_threat_of_force_without_a_war_is_said_to_wait_for_one():
    d = draft("MANILA, Nov 20 (Wire) - Chinese coast guard ships blocked Philippine supply "
              "boats near the shoal. Manila warned Beijing that any attack on its vessels would "
              "be met with force.")  # fmt: skip
    waiting = ("threats of force that wait for a war the draft does not have (the model uses "
               "force only between parties at war): Philippines against China")  # fmt: skip
    assert waiting in draft_checks(d), draft_checks(d)
