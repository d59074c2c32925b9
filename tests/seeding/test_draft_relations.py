"""Relations of the draft (sim/seeding/draft_relations.py) and the fronts they make."""

from __future__ import annotations

from sim.seeding.draft import draft_scenario
from sim.seeding.extract import extract
from sim.seeding.text import parse_document


def test_a_treaty_that_made_peace_does_not_stop_its_parties_fighting_again():
    text = ("LIMA, Jan 27 (Wire) - Peruvian troops attacked Ecuadorean army posts on the "
            "disputed border on Thursday. Ecuador and Peru signed the Rio Protocol in 1942 to "
            "end a brief war.")  # fmt: skip
    d = draft_scenario(extract(parse_document(text.encode(), "t.txt")), "t")
    wars = [r["parties"] for r in d.data["relations"].values() if r["kind"] == "war"]
    assert sorted(wars[0]) == ["ecuador", "peru"], d.data["relations"]
    fronts = [t for t in d.data["theatres"].values() if t.get("held_by")]
    assert fronts and {fronts[0]["held_by"], fronts[0]["territory_of"]} == {"ecuador", "peru"}
    treaty = next(r for r in d.data["relations"].values() if r["kind"] == "treaty")
    assert treaty["mutual_defence"] is False


def _relations(text: str) -> set[tuple[str, tuple[str, ...]]]:
    d = draft_scenario(extract(parse_document(text.encode(), "t.txt")), "t")
    return {(r["kind"], tuple(sorted(r["parties"]))) for r in d.data["relations"].values()}


def test_troops_sent_into_an_enemy_do_not_ally_with_it():
    text = ("JERUSALEM, July 12 (Wire) - Israeli jets bombed Lebanese army posts on Wednesday. "
            "Israel moved two more brigades into Lebanon overnight, the army said.")  # fmt: skip
    got = _relations(text)
    assert ("war", ("israel", "lebanon")) in got
    assert ("alliance", ("israel", "lebanon")) not in got


def test_troops_sent_to_a_state_at_war_still_take_its_side():
    text = ("BAMAKO, Jan 12 (Wire) - Islamist rebels of Ansar Dine attacked Malian army posts "
            "near Konna on Thursday. France sent 500 troops to Mali on Friday.")  # fmt: skip
    assert ("alliance", ("france", "mali")) in _relations(text)
