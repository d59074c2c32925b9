"""The web page's model and controls (no browser): defaults come from the parameter dataclasses."""

from __future__ import annotations

from dataclasses import asdict, fields

import pytest

from sim.domain.errors import WargameError
from sim.domain.params import CombatParams, RuleParams
from sim.teaching.app_model import NOBODY, ClassroomModel, controls, params_from
from sim.teaching.game import Game, Setup
from sim.teaching.serve import app_env, server_command


def test_every_rule_and_combat_parameter_is_a_control_at_its_default():
    specs = controls()
    for group, cls in (("rules", RuleParams), ("combat", CombatParams)):
        for f in fields(cls):
            spec = specs[f"{group}__{f.name}"]
            default = getattr(cls(), f.name)
            assert spec["value"] == getattr(default, "value", default)
            if spec["type"] == "SliderFloat":
                assert spec["min"] <= spec["value"] <= spec["max"]


def test_the_controls_defaults_rebuild_the_default_parameters():
    rules, combat = params_from({k: v["value"] for k, v in controls().items()})
    assert asdict(rules) == asdict(RuleParams()) and asdict(combat) == asdict(CombatParams())


def test_the_page_model_plays_the_same_game_as_the_terminal():
    page = ClassroomModel(seat="united_states", seed=11)
    game = Game(Setup("kursk_2024", ("united_states",), seed=11))
    for action in ("hold", "lift_weapons_restrictions", "hold"):
        page.choices["united_states"] = action
        page.step()
        game.play_turn({"united_states": action})
    assert page.recorder.decisions == game.model.recorder.decisions
    assert page.last_choice == "hold"


def test_nobody_at_the_seat_means_all_rule_driven():
    assert ClassroomModel(seat=NOBODY).human_actors == frozenset()


def test_the_server_is_local_offline_and_checked():
    cmd = server_command(8123)
    assert cmd[cmd.index("--host") + 1] == "127.0.0.1" and "--no-check-version" in cmd
    env = app_env("kursk_2024", ["russia"], None)
    assert env["SOLARA_TELEMETRY_MIXPANEL_ENABLE"] == "False"
    with pytest.raises(WargameError, match="one human seat"):
        app_env("kursk_2024", ["russia", "ukraine"], None)
    with pytest.raises(WargameError, match="allowed: russia"):
        app_env("kursk_2024", ["mordor"], None)
