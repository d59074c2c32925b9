"""What the terminal game shows: one rule for a turn's dates, moves that are not possible now
marked before the choice and explained after it, every actor's move by name and unabridged, and
milestones reached by their definitions said in words."""

from __future__ import annotations

import datetime as dt

import pandas as pd
import pytest

from sim.analysis.names import turn_start
from sim.teaching.cli import play_main
from sim.teaching.explain import blocked, milestone_why
from sim.teaching.game import Game, Setup
from sim.teaching.play import transcript
from sim.teaching.screen import MARK, details, menu, turn_screen
from sim.teaching.turns import moves_of_turn, options_for, turn_dates, turn_header

US = "united_states"


def _game(*seats: str, seed: int = 20241028, steps: int = 12, deck=None) -> Game:
    return Game(Setup("kursk_2024", seats or (US,), seed=seed, steps=steps,
                      deck=str(deck) if deck else None))  # fmt: skip


def _screen(game: Game, seat: str = US) -> list[str]:
    return turn_screen(game, seat, options_for(game.model.actor_agents[seat]))


# --- 1. one rule for a turn's dates ------------------------------------------------------
@pytest.mark.parametrize(
    ("turn", "week"),
    [(1, "28 Oct - 4 Nov 2024"), (2, "4 Nov - 11 Nov 2024"), (10, "30 Dec 2024 - 6 Jan 2025")],
)
def test_turn_t_covers_the_week_from_the_start_date_plus_t_minus_one_weeks(turn, week):
    world = _game().world
    assert world.start_date == dt.date(2024, 10, 28)
    assert turn_dates(world, turn) == week


def test_every_screen_dates_a_turn_by_the_same_rule_as_the_tables():
    game = _game()
    assert turn_header(game.model, 12) == "Turn 1 of 12: 28 Oct - 4 Nov 2024"
    assert _screen(game)[0] == "== Turn 1 of 12: 28 Oct - 4 Nov 2024 =="
    game.play_turn({US: "hold"})
    assert turn_header(game.model, 12) == "Turn 2 of 12: 4 Nov - 11 Nov 2024"
    # the tables date turn 1's events at its end: the day turn 2 starts
    dates = {r[2] for r in game.model.recorder.decisions if r[1] == 1}
    assert dates == {turn_start(game.world.start_date, game.world.step_days, 2)}
    assert "## Turn 1 (28 Oct - 4 Nov 2024)" in transcript(game)


def test_the_classroom_pages_date_a_turn_as_the_terminal_does(tmp_path, deck_file):
    from sim.teaching.classroom.run import new_classroom
    from sim.teaching.classroom.team_page import team_page
    from sim.teaching.classroom.white_page import console

    setup = Setup("kursk_2024", (), seed=11, steps=4, deck=str(deck_file))
    room = new_classroom(setup, {"Washington": (US,)}, tmp_path / "class", turn_minutes=5)
    team = room.teams[0]
    assert "Turn 1 of 4: 28 Oct - 4 Nov 2024" in team_page(room, team, 0.0, False)
    assert "Turn 1 of 4: 28 Oct - 4 Nov 2024" in console(room, 0.0, False)


# --- 2. a move that is not possible now ------------------------------------------------
def test_the_menu_marks_moves_that_would_be_holds_and_says_why_before_the_choice():
    game = _game()
    text = " ".join(" ".join(menu(game, US, options_for(game.model.actor_agents[US]))).split())
    assert f"16{MARK}commit to combat" in text and f"14{MARK}deploy troops" in text
    assert "13 lift weapons restrictions" in text and "10 supply arms" in text  # possible
    assert "not possible now (a hold): 14 15 no own units" in text
    assert "16 17 18 not a belligerent vs Russia" in text
    assert "16 no units facing Russia" in text


@pytest.mark.parametrize(
    ("reason", "words"),
    [("cannot commit to combat toward russia: lacks belligerent, units_facing",
      "commit to combat toward Russia was not possible, so it was a hold: not a belligerent "
      "against Russia (no war with it, no units fighting its side, no co-belligerent "
      "declaration against it by self or an ally); no own units facing Russia's side on a "
      "front"),
     ("cannot supply arms toward north_korea: aid is aimed at an adversary and reaches whoever "
      "fights it",
      "supply arms toward North Korea was not possible, so it was a hold: aid is aimed at an "
      "adversary and reaches whoever fights it"),
     ("no pressure carried it over a threshold this turn", None)],
)  # fmt: skip
def test_a_hold_the_model_logged_is_said_in_words(reason, words):
    from sim.teaching.explain import held_because

    assert held_because(_game().world, reason) == words


def test_every_requirement_of_the_actions_table_has_words():
    from sim.domain.actions import action_table
    from sim.teaching.explain import LACKS

    needed = {r for spec in action_table().values() for r in spec.requires}
    assert needed and needed <= set(LACKS), needed - set(LACKS)


def test_the_menu_says_where_a_marked_move_would_be_possible():
    game = _game()
    for _ in range(3):
        game.play_turn({US: "hold"})
    assert ("nato", "north_korea") in game.model.state.declarations  # an ally declared it
    text = " ".join(" ".join(menu(game, US, options_for(game.model.actor_agents[US]))).split())
    assert "18 possible toward North Korea" in text
    stop = blocked(game.model, US, "strike_territory")
    assert stop.target == "russia" and stop.open_toward == ("north_korea",)
    assert blocked(game.model, US, "strike_territory", "north_korea") is None


@pytest.mark.parametrize(
    ("action", "becomes_hold"),
    [("commit_to_combat", True), ("deploy_troops", True), ("strike_territory", True),
     ("supply_arms", False), ("warn", False), ("lift_weapons_restrictions", False)],
)  # fmt: skip
def test_the_menu_predicts_what_the_model_does_with_the_move(action, becomes_hold):
    game = _game()
    assert (blocked(game.model, US, action, "russia") is not None) == becomes_hold
    game.play_turn({US: (action, "russia")})
    row = next(r for r in game.model.recorder.decisions if r[3] == US)
    assert (row[5] == "hold" and "lacks" in row[8]) == becomes_hold


def test_a_move_chosen_anyway_is_confirmed_and_the_next_turn_says_why_it_was_a_hold(
    tmp_path, scripted
):
    lines: list[str] = []
    answers = ["16 russia", "no", "16 Russia", "yes", "q"]
    play_main(["--exercise", "kursk_2024", "--as", US, "--out", str(tmp_path)],
              ask=scripted(answers), write=lines.append)  # fmt: skip
    text = "\n".join(lines)
    assert text.count("commit to combat toward Russia is not possible now: not a") == 2
    assert "Chosen anyway, it is played as a hold." in text
    assert "Kahn's threshold" not in text  # a hold crosses nothing
    decisions = pd.read_parquet(tmp_path / "decisions.parquet")
    mine = decisions[decisions.actor == US].iloc[0]
    assert mine.action == "hold" and "lacks belligerent, units_facing" in mine.reason
    assert (
        "LAST TURN: United States (you): commit to combat toward Russia was not\n"
        "  possible, so it was a hold: not a belligerent vs Russia; no units facing\n"
        "  Russia"
    ) in text


@pytest.mark.parametrize(
    ("answer", "move"),
    [("13", ("lift_weapons_restrictions", None)), ("16 russia", ("commit_to_combat", "russia")),
     ("warn North Korea", ("warn", "north_korea")), ("warn north_korea", ("warn", "north_korea")),
     ("commit to combat russia", ("commit_to_combat", "russia")),
     ("lift weapons restrictions", ("lift_weapons_restrictions", None)),
     ("warn atlantis", None), ("99", None)],
)  # fmt: skip
def test_a_move_is_typed_by_number_or_words_and_its_target_by_id_or_name(answer, move):
    from sim.teaching.play import _pick

    game = _game()
    options = options_for(game.model.actor_agents[US])
    assert _pick(game, US, answer.lower(), options) == move


# --- 3. last turn: every actor, by name, whole ----------------------------------------
def test_last_turn_shows_every_actor_with_targets_and_names():
    game = _game()
    game.play_turn({US: ("warn", "north_korea")})
    lines = moves_of_turn(game.model, frozenset({US}))
    assert lines[0] == "United States (you): warn toward North Korea"
    assert "Russia: commit partner forces toward Ukraine" in lines
    assert "North Korea: commit to combat toward Ukraine (made by Russia's move)" in lines
    held = next(line for line in lines if line.startswith("Held: "))
    named = "\n".join(lines)
    for spec in game.world.actors.values():
        assert spec.name in named, spec.name
    assert "NATO" in held and "Ukraine" in held
    assert any(line.startswith("MILESTONE: North Korean troops in combat") for line in lines)


def test_no_screen_cuts_text_or_shows_raw_ids(deck_file):
    game = _game(US, "russia", seed=7, steps=4, deck=deck_file)
    game.play_turn({US: "supply_arms", "russia": "strike_territory"})
    game.write_inject("A long live inject " + "that goes on and on " * 12 + "to its end.")
    screens = [_screen(game), menu(game, "russia", options_for(game.model.actor_agents["russia"]))]
    screens += [details(game, US, key) for key in "dlfb"]
    text = "\n".join(line for screen in screens for line in screen)
    assert "…" not in text and "to its end." in text  # d shows the whole inject
    for raw in ("north_korea", "united_states", "kpa_expeditionary_corps", "Theatre kursk"):
        assert raw not in text, raw
    assert "North Korean troops sent to Russia" in text and "Kursk region" in text
    assert max(len(line) for screen in screens for line in screen) <= 80


def test_a_turn_with_more_than_fits_keeps_whole_items_and_says_how_many_wait(deck_file):
    game = _game(US, seed=7, steps=4, deck=deck_file)
    game.play_turn({US: "hold"})
    game.write_inject("A long live inject " + "that goes on and on " * 12 + "to its end.")
    screen = _screen(game)
    assert len(screen) <= 23 and max(map(len, screen)) <= 78
    text = "\n".join(screen)
    assert "INJECT: Ukrainian units report" in text  # before choosing
    assert "more (type d)" in text and "to its end." not in text


# --- 4. milestones by their definitions -------------------------------------------------
def test_a_nuclear_strike_says_which_milestones_it_reaches_and_that_no_one_fought(
    tmp_path, scripted
):
    lines: list[str] = []
    play_main(["--as", US, "--steps", "3", "--out", str(tmp_path)],
              ask=scripted(["nuclear_strike russia", "yes"]), write=lines.append)  # fmt: skip
    end = "\n".join(lines[next(i for i, x in enumerate(lines) if "Game over" in x) :])
    assert "United States (you): nuclear strike toward Russia" in end
    flat = " ".join(end.split())
    assert (
        "NATO or the US at combat or above toward Russia (NATO or United States at 6 Combat or "
        "higher toward Russia): United States stood at 9 Nuclear use toward Russia, above 6 Combat: "
        "the milestone counts any posture at or above its rung, not fighting: no United States "
        "unit was in combat"
    ) in flat
    assert "Nuclear use by anyone (anyone at 9 Nuclear use or higher toward anyone): United " \
           "States stood at 9 Nuclear use toward Russia" in flat  # fmt: skip


def test_a_rung_milestone_reached_by_fighting_says_so():
    from sim.domain.milestones import RungReached

    game = _game("russia")
    fights = RungReached(kind="rung_reached", rung="combat", actors=["ukraine"],
                         description="Ukraine at war", source="assumption: a test")  # fmt: skip
    world = game.model.world
    game.model.world = world.model_copy(update={"milestones": {"fights": fights}})
    game.model.milestone_steps = {"fights": 0}  # Ukraine stands at 7 with units in combat
    assert milestone_why(game.model, "fights") == (
        "Ukraine at war (Ukraine at 6 Combat or higher toward anyone): Ukraine stood at 7 "
        "Strikes on adversary territory toward Russia, above 6 Combat: the milestone counts any "
        "posture at or above its rung; Ukraine's units were in combat"
    )
