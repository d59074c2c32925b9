"""The order of a turn: injects shown before choosing, moves with targets, confirmation of
moves toward nuclear use, the end at nuclear use, and the white cell's journal replayed."""

from __future__ import annotations

import pytest

from sim.domain.errors import WargameError
from sim.teaching import turn_api
from sim.teaching.game import Game, Setup
from sim.teaching.turns import news_lines, threshold_crossed


@pytest.fixture
def game(deck_file) -> Game:
    return Game(Setup("kursk_2024", ("united_states", "russia"), seed=7, steps=6,
                      deck=str(deck_file)))  # fmt: skip


def test_injects_of_a_turn_are_shown_before_its_moves(game):
    game.play_turn({"united_states": "hold", "russia": "hold"})
    assert "first_clashes_with_kpa" in game.injects_now  # deck says step: 2
    assert any("North Korean soldiers" in line for line in news_lines(game.model))


def test_begin_turn_is_idempotent_within_a_turn(game):
    game.play_turn({"united_states": "hold", "russia": "hold"})
    rows = len(game.model.recorder.decisions)
    assert turn_api.begin_turn(game.model) == game.injects_now
    assert len(game.model.recorder.decisions) == rows


def test_a_bare_move_aims_at_the_main_adversary_and_a_bad_target_is_refused(game):
    assert game.check_move("united_states", "warn") == ("warn", None)  # the model aims it
    with pytest.raises(
        WargameError, match="cannot aim at 'atlantis'; allowed: north_korea, russia"
    ):
        game.check_move("united_states", ("warn", "atlantis"))
    game.play_turn({"united_states": ("warn", "north_korea"), "russia": "hold"})
    assert game.choices[0] == {"turn": 1, "actor": "united_states", "action": "warn",
                               "target": "north_korea"}  # fmt: skip


def test_moves_over_a_kahn_threshold_need_confirmation(game):
    russia = game.model.actor_agents["russia"]
    assert threshold_crossed(russia, "hold") is None
    assert threshold_crossed(russia, "nuclear_strike") == "No nuclear use"


def test_the_game_ends_at_nuclear_use(game):
    game.play_turn({"united_states": "hold", "russia": "nuclear_strike"})
    assert game.finished and "used nuclear weapons in turn 1" in game.end_reason
    with pytest.raises(WargameError, match="the game is over"):
        game.play_turn({"united_states": "hold", "russia": "hold"})


def test_the_game_ends_at_the_exercise_length(game):
    for _ in range(6):
        game.play_turn({"united_states": "hold", "russia": "hold"})
    assert game.finished and game.end_reason == "the exercise's 6 turns have been played"


def test_white_cell_journal_replays_to_the_same_game(game, tmp_path):
    game.play_turn({"united_states": "hold", "russia": "hold"})
    game.write_inject("A <b>ferry</b> sinks in the Baltic.")
    game.override("russia", 5, "the umpire rules the strike was a feint")
    game.fire_inject("lavrov_instructors_claim")
    news = news_lines(game.model)
    assert news[-1].startswith("WHITE CELL OVERRIDE: Russia toward Ukraine moved from Strikes")
    assert "INJECT: A <b>ferry</b> sinks in the Baltic." in news
    game.play_turn({"united_states": ("supply_arms", "russia"), "russia": "warn"}, held=("russia",))
    game.save(tmp_path / "game.json")
    again = Game.load(tmp_path / "game.json")
    assert again.model.recorder.decisions == game.model.recorder.decisions
    assert again.model.recorder.timeseries == game.model.recorder.timeseries
    assert again.choices == game.choices and again.journal == game.journal


def test_white_cell_needs_a_reason_and_a_known_inject(game):
    with pytest.raises(WargameError, match="needs a reason"):
        game.override("russia", 2, "  ")
    with pytest.raises(WargameError, match="cannot fire; not yet fired:"):
        game.fire_inject("no_such_inject")


def test_the_web_page_model_plays_the_same_game_as_wargame_play(deck_file):
    from sim.teaching.app_model import ClassroomModel
    from sim.teaching.game import DEFAULT_STEPS

    page = ClassroomModel("kursk_2024", str(deck_file), "united_states", 5)
    game = Game(Setup("kursk_2024", ("united_states",), seed=5, steps=DEFAULT_STEPS,
                      deck=str(deck_file)))  # fmt: skip
    for move in ["hold", "lift_weapons_restrictions", "warn", "supply_arms"]:
        page.choices["united_states"] = move
        page.step()
        game.play_turn({"united_states": move})
    assert page.recorder.decisions == game.model.recorder.decisions
    assert page.recorder.timeseries == game.model.recorder.timeseries
