"""The class's shared game without a browser: submissions, the clock, holds, the white cell,
saving after every move and turn, and resuming after a restart."""

from __future__ import annotations

import json
import re

import pytest

from sim.domain.errors import WargameError
from sim.teaching.classroom.run import new_classroom, parse_teams
from sim.teaching.classroom.state import resume
from sim.teaching.game import Game, Setup

TEAMS = {"Washington": ("united_states",), "Moscow": ("russia",), "West": ("nato", "ukraine")}


@pytest.fixture
def room(tmp_path, deck_file):
    setup = Setup("kursk_2024", (), seed=11, steps=4, deck=str(deck_file))
    return new_classroom(setup, TEAMS, tmp_path / "class", turn_minutes=5)


def _team(room, name):
    return next(t for t in room.teams if t.name == name)


def test_codes_are_distinct_and_the_class_is_saved_at_once(room):
    codes = [t.code for t in room.teams] + [room.instructor_code]
    assert len(set(codes)) == 4 and all(len(c) == 6 for c in codes)
    assert room.team_by_code(codes[0].lower()) == room.teams[0]
    assert room.team_by_code("nope") is None and not room.is_instructor(codes[0])
    assert (room.folder / "classroom.json").is_file() and (room.folder / "run.json").is_file()


def test_the_turn_is_played_when_every_team_has_submitted(room):
    room.submit(_team(room, "Washington"), {"united_states": ("warn", "russia")})
    assert room.game.turn == 0 and "united_states" in room.pending
    saved = json.loads((room.folder / "classroom.json").read_text())
    assert saved["pending"] == {"united_states": ["warn", "russia"]}
    room.submit(_team(room, "Moscow"), {"russia": ("hold", None)})
    room.submit(_team(room, "West"), {"nato": ("hold", None), "ukraine": ("hold", None)})
    assert room.game.turn == 1 and room.pending == {}


def test_a_team_must_choose_for_every_seat_it_plays(room):
    with pytest.raises(WargameError, match="West must choose a move for ukraine"):
        room.submit(_team(room, "West"), {"nato": ("hold", None)})


def test_when_the_clock_runs_out_unsubmitted_seats_hold_and_the_log_says_so(room):
    room.submit(_team(room, "Washington"), {"united_states": ("warn", "russia")})
    room.start_clock(now=1000.0)
    assert not room.tick(now=1000.0 + 299)
    assert room.tick(now=1000.0 + 301)
    assert room.game.turn == 1
    held = [c["actor"] for c in room.game.choices if c.get("held")]
    assert held == ["russia", "nato", "ukraine"]
    assert "Turn 1: Russia held (no move submitted before the clock ran out)" in room.log
    assert room.clock.running and room.clock.deadline == pytest.approx(1301.0 + 300)


def test_a_restarted_server_resumes_the_same_class(room):
    room.submit(_team(room, "Moscow"), {"russia": ("warn", "ukraine")})
    room.write("Live: a drone hits a <script>alert(1)</script> depot.")
    room.override("united_states", 4, "the umpire rules Congress blocked the package")
    again = resume(room.folder)
    assert again.pending == room.pending and again.teams == room.teams
    assert again.game.model.recorder.decisions == room.game.model.recorder.decisions
    assert not again.clock.running and again.log[-1].endswith("(clock paused)")


def test_same_seed_and_moves_give_the_same_game_as_wargame_play(room, deck_file):
    moves = {"united_states": ("supply_arms", "russia"), "russia": ("hold", None),
             "nato": ("hold", None), "ukraine": ("warn", "north_korea")}  # fmt: skip
    for team in room.teams:
        room.submit(team, {s: moves[s] for s in team.seats})
    solo = Game(Setup("kursk_2024", tuple(room.game.setup.seats), seed=11, steps=4,
                      deck=str(deck_file)))  # fmt: skip
    solo.play_turn(moves)
    assert solo.model.recorder.decisions == room.game.model.recorder.decisions


def test_the_end_stops_moves(room):
    room.finish("the instructor ended the game after turn 0")
    with pytest.raises(WargameError, match="the game is over"):
        room.submit(_team(room, "Moscow"), {"russia": ("hold", None)})


def test_team_options_are_checked():
    allowed = ["russia", "ukraine"]
    assert parse_teams(["Red=russia", "Blue = ukraine"], allowed) == {
        "Red": ("russia",), "Blue": ("ukraine",)}  # fmt: skip
    with pytest.raises(WargameError, match="no actor 'mars'; allowed: russia, ukraine"):
        parse_teams(["Red=mars"], allowed)
    with pytest.raises(WargameError, match="expected NAME=ACTOR"):
        parse_teams(["Red"], allowed)


def test_two_games_started_in_the_same_second_get_their_own_folders(tmp_path, monkeypatch):
    from sim.teaching.cli import _stamp

    monkeypatch.chdir(tmp_path)
    folders = {_stamp("classroom", "kursk_2024") for _ in range(3)}
    assert len(folders) == 3 and all(f.is_dir() for f in folders)


def test_a_team_sees_its_own_doctrine_and_reasons_only(room):
    from sim.teaching.classroom.team_page import team_page

    for team in room.teams:
        room.submit(team, {s: ("hold", None) for s in team.seats})
    page = team_page(room, _team(room, "Washington"), 0.0, False)
    assert (
        "United States: hold toward Russia -&gt; Arms and ammunition supply. Why: the player"
        in page
    )
    assert "Why: pressure" not in page  # the rule-driven actors' reasoning stays hidden
    assert "North Korean troops are in combat, so the Pentagon" in page  # own doctrine
    assert "Western weapons may now strike Russia" not in page  # Russia's doctrine
    assert page.count("(ceiling ") == 1  # only its own ceiling


@pytest.mark.parametrize(("args", "message"), [
    (["--turn-minutes", "0"], "--turn-minutes 0.0: allowed: more than 0, at most 120"),
    (["--team", "Red=mars"], "no actor 'mars'; allowed: russia"),
    (["--team", "Red=russia", "--team", "Blue=russia"], "an actor is in two teams"),
    (["--port", "99999"], "--port 99999: allowed: 1-65535"),
])  # fmt: skip
def test_bad_classroom_options_are_refused_before_any_folder_exists(tmp_path, args, message):
    from sim.teaching.cli import classroom_main

    out = tmp_path / "class"
    with pytest.raises(WargameError, match=re.escape(message)):
        classroom_main(["--exercise", "kursk_2024", "--out", str(out), *args])
    assert not out.exists()
