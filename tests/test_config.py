"""Every config in conf/ composes, and composes into the typed objects the model takes."""

from pathlib import Path

import pytest
from hydra import compose, initialize_config_dir
from hydra.core.override_parser.overrides_parser import OverridesParser
from omegaconf import OmegaConf

from sim.cli import job_from_config
from sim.config import register_configs
from sim.domain.errors import ConfigError
from sim.domain.params import AttritionLaw, RuleSetName
from sim.experiment.catalog import CONF_DIR, find_scenario, scenario_files
from sim.overrides import check_keys, unknown_key

register_configs()


def composed(*overrides: str):
    with initialize_config_dir(config_dir=str(CONF_DIR), version_base="1.3"):
        return compose(config_name="config", overrides=list(overrides))


def options(group: str) -> list[str]:
    return sorted(p.stem for p in (CONF_DIR / group).glob("*.yaml"))


def test_default_config_is_the_kursk_scenario_for_100_replicates_of_26_weeks():
    cfg = composed()
    job, source = job_from_config(cfg)
    assert job.world.name == "kursk_2024" and Path(source).name == "kursk_2024.yaml"
    assert (job.replicates, job.steps) == (100, 26)
    assert job.rules.name is RuleSetName.doctrine_richardson
    assert job.combat.law is AttritionLaw.square


@pytest.mark.parametrize("option", options("rules"))
def test_every_rule_set_composes(option):
    job, _ = job_from_config(composed(f"rules={option}"))
    assert job.rules.name.value == option


@pytest.mark.parametrize("option", options("combat"))
def test_every_combat_law_composes(option):
    job, _ = job_from_config(composed(f"combat={option}"))
    assert job.combat.law.value == option


@pytest.mark.parametrize("option", options("experiment"))
def test_every_experiment_composes(option):
    cfg = composed(f"experiment={option}")
    job_from_config(cfg)


@pytest.mark.parametrize("name", sorted(scenario_files()))
def test_every_scenario_composes(name):
    job, _ = job_from_config(composed(f"scenario={name}"))
    assert job.world.name


def test_scenario_values_and_rule_parameters_are_overridable():
    cfg = composed("scenario.forces.kpa_expeditionary_corps.strength=20000",
                   "scenario.actors.united_states.risk_tolerance=0.9", "rules.noise=0.1")  # fmt: skip
    job, _ = job_from_config(cfg)
    assert job.world.forces["kpa_expeditionary_corps"].strength == 20000
    assert job.world.actors["united_states"].risk_tolerance == 0.9
    assert job.rules.noise == 0.1


def test_out_of_range_rule_parameter_names_the_field():
    with pytest.raises(
        ConfigError, match=r"rules.forgiveness = 1.5 is outside the allowed range \[0.0, 1.0\]"
    ):
        job_from_config(composed("rules.forgiveness=1.5"))


def test_unknown_key_suggests_the_closest():
    parsed = OverridesParser.create().parse_overrides(
        ["scenario.forces.kpa_expeditionary_corps.strenght=1"]
    )
    with pytest.raises(ConfigError) as err:
        check_keys(parsed)
    msg = str(err.value)
    assert "Did you mean 'scenario.forces.kpa_expeditionary_corps.strength'" in msg
    assert "allowed:" in msg and "quality" in msg
    assert unknown_key(composed(), "rules.noise") is None
    assert unknown_key(OmegaConf.create({"a": [1]}), "a.0") is None


def test_find_scenario_by_name_or_path():
    assert find_scenario("kursk_2024").name == "kursk_2024.yaml"
    with pytest.raises(ConfigError, match="unknown scenario .atlantis.. Available in"):
        find_scenario("atlantis")
