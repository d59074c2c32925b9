"""The classroom commands' shared options, and a game's setup: the options given, else the
exercise pack's, else the defaults."""

import argparse

import pytest

from sim.domain.errors import WargameError
from sim.teaching.game import DEFAULT_SEED, DEFAULT_STEPS
from sim.teaching.options import add_seats, parse, parser, require_seats, setup_from


def args_of(*argv: str) -> argparse.Namespace:
    p = parser("play", "a test")
    add_seats(p, "a seat")
    for opt, kind in (("--seed", int), ("--steps", int), ("--deck", str)):
        p.add_argument(opt, type=kind)
    return parse(p, list(argv))


def test_scenario_may_be_given_hydra_style():
    args = args_of("scenario=my_world", "--as", "russia", "--as", "ukraine")
    assert (args.scenario, args.seats) == ("my_world", ["russia", "ukraine"])


@pytest.mark.parametrize("token", ["stray", "steps=3", "scenario=", "--nope"])
def test_any_other_argument_is_refused_with_the_usage(token):
    with pytest.raises(WargameError, match=f"unexpected argument '{token}'\nusage: wargame play"):
        args_of(token)


def test_a_bad_option_value_is_a_wargame_error_not_an_exit():
    with pytest.raises(WargameError, match="argument --seed: invalid int value"):
        args_of("--seed", "many")


@pytest.mark.parametrize(
    ("argv", "scenario", "seats", "seed", "steps"),
    [
        ((), "kursk_2024", (), DEFAULT_SEED, DEFAULT_STEPS),  # the defaults
        (("--exercise", "kursk_2024"), "kursk_2024", ("united_states",), 20241028, 12),  # pack's
        (("--exercise", "kursk_2024", "--as", "russia", "--seed", "5", "--steps", "3"),
         "kursk_2024", ("russia",), 5, 3),  # the options given
    ],
)  # fmt: skip
def test_a_setup_takes_the_options_else_the_pack_else_the_defaults(
    argv, scenario, seats, seed, steps
):
    setup = setup_from(args_of(*argv))
    assert (setup.scenario, setup.seats, setup.seed, setup.steps) == (scenario, seats, seed, steps)


def test_a_game_needs_a_seat():
    with pytest.raises(WargameError, match="choose the actor you play with --as ACTOR; allowed: "):
        require_seats(setup_from(args_of()))
