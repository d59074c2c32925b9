"""The terminal game: scripted players, saved choices, resume, replay and the results folder."""

from __future__ import annotations

import json

import pandas as pd
import pyarrow.parquet as pq
import pytest

from sim.domain.errors import WargameError
from sim.experiment.tables import REQUIRED_FILES, SCHEMAS
from sim.teaching.cli import play_main
from sim.teaching.game import Game, Setup


@pytest.fixture
def game(scripted):
    """Play a 4-turn game as the United States with scripted answers into a folder."""

    def run(out, answers, *extra):
        return _play(out, answers, *extra, scripted=scripted)

    return run


def _play(tmp_path, answers, *extra, scripted):
    lines: list[str] = []
    code = play_main(
        ["--as", "united_states", "--seed", "7", "--steps", "4", "--out", str(tmp_path), *extra],
        ask=scripted(answers),
        write=lines.append,
    )
    return code, "\n".join(lines)


def test_a_scripted_game_writes_a_results_folder_in_the_contract_format(tmp_path, game):
    code, text = game(tmp_path, ["1", "lift_weapons_restrictions", "2", "1"])
    assert code == 0 and "Game over after 4 turns" in text
    for name in (*REQUIRED_FILES, "game.json", "transcript.md"):
        assert (tmp_path / name).is_file(), name
    for name, schema in SCHEMAS.items():
        assert pq.read_schema(tmp_path / f"{name}.parquet").equals(schema, check_metadata=False)
    decisions = pd.read_parquet(tmp_path / "decisions.parquet")
    mine = decisions[decisions.rule == "human"]
    assert list(mine.action) == ["hold", "lift_weapons_restrictions", "step_down", "hold"]
    manifest = json.loads((tmp_path / "run.json").read_text())
    assert manifest["config"]["play"]["finished"] is True
    assert manifest["config"]["human_actors"] == ["united_states"]


def test_the_first_screen_shows_news_and_last_turn_details_on_request(tmp_path, game):
    _, text = game(tmp_path, ["1", "d", "l", "f", "b", "1", "1", "1"])
    assert "NEW THIS TURN:" in text and "LAST TURN:" in text and "LADDER:" in text
    assert "Why:" in text  # d: last turn in full, with reasons
    assert "The escalation ladder:" in text and "Forces:" in text  # l and f
    assert "North Korean troops sent to Russia" in text and "doctrine:" in text  # f and b
    assert "13 lift weapons restrictions" in text


def test_a_turn_fits_one_80x24_screen(deck_file):
    from sim.teaching.play import turn_screen
    from sim.teaching.turns import options_for

    g = Game(Setup("kursk_2024", ("russia",), seed=7, steps=4, deck=str(deck_file)))
    g.play_turn({"russia": "strike_territory"})
    g.write_inject("A long live inject " + "that goes on and on " * 12)
    screen = turn_screen(g, "russia", options_for(g.model.actor_agents["russia"]))
    assert len(screen) <= 23 and max(map(len, screen)) <= 80
    assert "INJECT: Ukrainian units report" in "\n".join(screen)  # before choosing


def test_a_move_names_its_target_and_a_nuclear_move_is_confirmed(tmp_path, scripted):
    lines: list[str] = []
    answers = ["warn north_korea", "nuclear_strike", "no", "nuclear strike", "yes"]
    play_main(["--as", "united_states", "--as", "russia", "--steps", "3", "--out", str(tmp_path)],
              ask=scripted(answers), write=lines.append)  # fmt: skip
    text = "\n".join(lines)
    assert text.count("crosses Kahn's threshold 'No nuclear use'") == 2
    assert "used nuclear weapons in turn 1" in text and "Game over after 1 turns" in text
    choices = json.loads((tmp_path / "game.json").read_text())["choices"]
    assert choices[0] == {"turn": 1, "actor": "united_states", "action": "warn",
                          "target": "north_korea"}  # fmt: skip


def test_ctrl_c_saves_and_prints_the_resume_command(tmp_path):
    def interrupted(prompt: str = "") -> str:
        raise KeyboardInterrupt

    lines: list[str] = []
    code = play_main(["--as", "united_states", "--out", str(tmp_path)], ask=interrupted,
                     write=lines.append)  # fmt: skip
    assert code == 130 and "wargame play --resume" in lines[-1]
    assert Game.load(tmp_path / "game.json").turn == 0


def test_a_wrong_answer_is_asked_again(tmp_path, game):
    _, text = game(tmp_path, ["99", "fly to the moon", "1", "1", "1", "1"])
    assert "'99' is not a move on the list" in text
    assert "Game over after 4 turns" in text


def test_same_seed_and_choices_give_the_same_game(tmp_path, game):
    game(tmp_path / "a", ["1", "13", "1", "1"])
    game(tmp_path / "b", ["1", "13", "1", "1"])
    a = pd.read_parquet(tmp_path / "a" / "decisions.parquet")
    b = pd.read_parquet(tmp_path / "b" / "decisions.parquet")
    pd.testing.assert_frame_equal(a, b)


def test_a_quit_game_resumes_where_it_stopped_and_ends_like_an_unbroken_one(
    tmp_path, game, scripted
):
    code, text = game(tmp_path / "broken", ["1", "13", "q"])
    assert code == 0 and "Resume with:" in text
    assert json.loads((tmp_path / "broken" / "game.json").read_text())["choices"][-1]["turn"] == 2
    lines: list[str] = []
    play_main(["--resume", str(tmp_path / "broken" / "game.json")],
              ask=scripted(["2", "1"]), write=lines.append)  # fmt: skip
    game(tmp_path / "whole", ["1", "13", "2", "1"])
    resumed = pd.read_parquet(tmp_path / "broken" / "decisions.parquet")
    whole = pd.read_parquet(tmp_path / "whole" / "decisions.parquet")
    pd.testing.assert_frame_equal(resumed, whole)


def test_a_closed_terminal_saves_the_game(tmp_path, game):
    code, text = game(tmp_path, ["1"])  # then EOF, as when stdin closes
    assert code == 0 and "Game saved after turn 1" in text
    assert Game.load(tmp_path / "game.json").turn == 1


def test_hot_seat_asks_each_seat_in_turn(tmp_path, scripted):
    lines: list[str] = []
    play_main(["--as", "united_states", "--as", "russia", "--steps", "2", "--out", str(tmp_path)],
              ask=scripted(["1", "1", "1", "nuclear_signal"]), write=lines.append)  # fmt: skip
    text = "\n".join(lines)
    assert "United States, your move" in text and "Russia, your move" in text
    decisions = pd.read_parquet(tmp_path / "decisions.parquet")
    human = decisions[decisions.rule == "human"]
    assert set(human.actor) == {"united_states", "russia"}
    assert "nuclear_signal" in set(human.action)


def test_an_unknown_seat_lists_the_allowed_actors(tmp_path, scripted):
    with pytest.raises(WargameError, match="allowed: russia, ukraine, north_korea"):
        play_main(["--as", "atlantis", "--out", str(tmp_path)], ask=scripted([]), write=print)


def test_no_seat_at_all_is_refused_with_the_choices(tmp_path, scripted):
    with pytest.raises(WargameError, match="--as ACTOR; allowed: russia"):
        play_main(["--out", str(tmp_path)], ask=scripted([]), write=print)


def test_a_move_above_the_ceiling_is_refused_before_the_turn():
    g = Game(Setup("kursk_2024", ("ukraine",), seed=1, steps=2))
    with pytest.raises(WargameError, match="cannot choose 'nuclear_strike'"):
        g.play_turn({"ukraine": "nuclear_strike"})
    assert g.turn == 0


@pytest.mark.slow
def test_wargame_play_reads_moves_from_stdin(tmp_path, project_root):
    """The real command, as a class would run it, with moves piped in."""
    import os
    import subprocess
    import sys

    env = {**os.environ, "WARGAME_SCENARIOS": str(project_root / "scenarios")}
    cmd = [sys.executable, "-m", "sim.cli", "play", "--exercise", "kursk_2024", "--steps", "2",
           "--out", str(tmp_path)]  # fmt: skip
    proc = subprocess.run(cmd, input="1\nlift_weapons_restrictions\n", env=env, cwd=tmp_path,
                          capture_output=True, text=True, timeout=120)  # fmt: skip
    assert proc.returncode == 0, proc.stderr
    assert "Game over after 2 turns" in proc.stdout
    assert "wargame report" in proc.stdout and (tmp_path / "run.json").is_file()
