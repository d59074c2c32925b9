"""Overrides checked before Hydra runs: group options, value types, clean ranges, and who is
blamed for a bad value (the override, not the scenario file)."""

import re

import pytest

from sim.config import register_configs
from sim.domain.errors import ConfigError
from sim.experiment.plan import plan_of
from sim.overrides import available_options, prepare

register_configs()


def test_rule_and_combat_groups_list_only_selectable_options():
    assert available_options("rules") == [
        "cautious", "doctrine_only", "doctrine_richardson", "tit_for_tat"
    ]  # fmt: skip
    assert available_options("combat") == ["linear", "square"]


def test_a_float_range_becomes_clean_values():
    argv = prepare(["-m", "scenario.actors.united_states.risk_tolerance=range(0.2,1.0,0.2)"])
    assert argv[1] == "scenario.actors.united_states.risk_tolerance=0.2,0.4,0.6,0.8"
    argv = prepare(["-m", "rules.noise=range(0.05,0.2,0.05)"])
    assert argv[1] == "rules.noise=0.05,0.1,0.15"


def test_an_integer_range_is_left_to_hydra():
    argv = ["-m", "scenario.forces.kpa_expeditionary_corps.strength=range(1000,3000,1000)"]
    assert prepare(argv) == argv


@pytest.mark.parametrize(
    ("arg", "expected"),
    [
        (
            "rules.noise=abc",
            "override rules.noise=abc: rules.noise takes a number \\(default 0.4\\)",
        ),
        ("replicates=x", "replicates takes a whole number"),
        ("plots=maybe", "plots takes true or false"),
        ("combat.law=cube", "combat.law takes one of square, linear"),
    ],
)
def test_a_value_of_the_wrong_type_names_the_key_and_what_it_takes(arg, expected):
    with pytest.raises(ConfigError, match=expected):
        prepare([arg])


def test_a_wrong_value_in_a_sweep_list_is_caught_too():
    with pytest.raises(ConfigError, match="rules.noise=abc"):
        prepare(["-m", "rules.noise=0.1,abc"])


def test_out_of_range_scenario_value_is_blamed_on_the_override():
    with pytest.raises(ConfigError) as err:
        prepare(["scenario.actors.united_states.risk_tolerance=1.5"])
    assert str(err.value).startswith("override scenario.actors.united_states.risk_tolerance=1.5:")
    assert "less than or equal to 1" in str(err.value)


def test_a_mistyped_command_gets_did_you_mean():
    with pytest.raises(
        ConfigError, match=r"'breif' is neither a command .*did you mean 'wargame brief'"
    ):
        prepare(["breif"])


def test_the_glob_of_every_rule_set_plans_four_jobs():
    from omegaconf import OmegaConf

    cfg = OmegaConf.create(
        {"hydra": {"sweeper": {"params": None}, "overrides": {"task": ["rules=glob(*)"]}}}
    )
    plan = plan_of(cfg)
    assert [job[0] for job in plan.jobs] == [
        "rules=cautious", "rules=doctrine_only", "rules=doctrine_richardson", "rules=tit_for_tat"
    ]  # fmt: skip


def test_a_misspelt_key_is_not_told_to_add_a_plus():
    with pytest.raises(ConfigError) as err:
        prepare(["replicats=20"])
    assert "Did you mean 'replicates'?" in str(err.value) and "'+'" not in str(err.value)


@pytest.mark.parametrize(
    ("arg", "expected"),
    [
        ("+replicats=20", "override +replicats=20: unknown config key 'replicats'"),
        ("++replicats=20", "unknown config key 'replicats'"),
        ("+rules.nosie=0.2", "Did you mean 'rules.noise'? Only scenario keys can be added"),
        ("+replicates=20", "replicates is already in the config; set it without the '+'"),
    ],
)
def test_a_plus_for_a_key_the_config_lacks_is_refused_like_a_typo(arg, expected):
    with pytest.raises(ConfigError, match=re.escape(expected)):
        prepare([arg])


def test_a_plus_adds_a_new_doctrine_entry_to_the_scenario():
    entry = "+scenario.actors.ukraine.doctrine.strike_back"
    argv = [f"{entry}.when={{own_territory_occupied:{{}}}}", f"{entry}.then=strike_territory",
            f"{entry}.target=russia", f"{entry}.probability=0.2", f"{entry}.reason=a test",
            f"{entry}.source=assumption: a test"]  # fmt: skip
    assert prepare(argv) == argv
    with pytest.raises(ConfigError, match="then=strikes: unknown action 'strikes'"):
        prepare([*argv[:1], f"{entry}.then=strikes", *argv[2:]])
    with pytest.raises(ConfigError, match=r"To add a new entry to the scenario, prefix .* '\+'"):
        prepare([a.lstrip("+") for a in argv])


def test_a_path_to_a_shipped_scenario_is_that_scenario():
    from sim.experiment.catalog import scenario_files

    path = scenario_files()["kursk_2024"]
    assert prepare([f"scenario={path}", "replicates=2"]) == ["scenario=kursk_2024", "replicates=2"]
    relative = path.relative_to(path.parents[1])  # scenarios/kursk_2024.yaml, from the project
    import os

    here = os.getcwd()
    try:
        os.chdir(path.parents[1])
        assert prepare([f"scenario={relative}"]) == ["scenario=kursk_2024"]
    finally:
        os.chdir(here)


def test_an_unknown_scenario_file_lists_the_scenarios():
    with pytest.raises(ConfigError) as err:
        prepare(["scenario=kursk_2024.yml"])
    message = str(err.value)
    assert "kursk_2024.yml does not exist. Did you mean scenario=kursk_2024?" in message
    assert "Available in " in message and ": kursk_2024" in message
