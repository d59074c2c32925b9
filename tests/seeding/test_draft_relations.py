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
