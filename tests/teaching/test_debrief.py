"""The after-action review's opening: the path over the computer-played games, the moves beside
the rules' moves, outliers, single-game labels, and the class roll-up."""

from __future__ import annotations

import pytest

from sim.teaching.cli import report_main
from sim.teaching.debrief import moves_beside_rules
from sim.teaching.game import Game, Setup
from sim.teaching.play import save_all

pytestmark = pytest.mark.slow


def _played(folder, deck, moves):
    game = Game(Setup("kursk_2024", ("united_states",), seed=5, steps=3, deck=str(deck)))
    for move in moves:
        game.play_turn({"united_states": move})
    save_all(game, folder / "game.json", folder)
    return folder


def test_the_review_opens_with_the_path_over_the_ensemble(tmp_path, deck_file):
    hawk = _played(tmp_path / "hawk", deck_file, ["commit_to_combat", "strike_territory", "hold"])
    dove = _played(tmp_path / "dove", deck_file, ["step_down", "step_down", "step_down"])
    assert report_main([str(hawk), str(dove), "--replicates", "12"]) == 0
    md = (dove / "report.md").read_text()
    assert md.index("Your path among the computer-played games") < md.index("## The game")
    assert "over 12 rule-driven games" in md
    assert "Your move / what the rule-driven actor did in the same situation" in md
    assert "OUTLIER: turn 1, United States at rung 2 is below 95%" in md
    assert "A single game (this one)" in md
    rollup = (tmp_path / "class_rollup.md").read_text()
    assert "hawk" in rollup and "dove" in rollup and "single game" in rollup


def test_asking_the_rules_leaves_the_game_untouched(tmp_path, deck_file):
    folder = _played(tmp_path / "g", deck_file, ["warn", "hold", "supply_arms"])
    before = (folder / "game.json").read_text()
    rows = moves_beside_rules(folder)
    assert [r[0] for r in rows] == [1, 2, 3] and rows[0][2] == "warn"
    again = Game.load(folder / "game.json")
    assert (folder / "game.json").read_text() == before and again.turn == 3
