"""Every point of a sweep is checked before the sweep folder is made: comma lists, range(),
glob(), an experiment's values and a design CSV."""

import re

import pytest

from sim.config import register_configs
from sim.domain.errors import ConfigError
from sim.overrides import prepare
from tests import preloaded

register_configs()


@pytest.mark.parametrize(
    ("argv", "expected"),
    [
        (["scenario.actors.russia.risk_tolerance=0.5,1.7"],
         "override scenario.actors.russia.risk_tolerance=1.7: Input should be less than or equal "
         "to 1"),
        (["scenario.forces.russian_kursk_grouping.reserve=null,5"],
         "override scenario.forces.russian_kursk_grouping.reserve=null: Input should be a valid "
         "number"),
        (["scenario.actors.russia.risk_tolerance=range(0.5,2.0,0.5)", "rules.noise=0.1,0.2"],
         "override scenario.actors.russia.risk_tolerance=1.5: Input should be less than or equal"),
        (["rules=glob(*)", "rules.noise=-1,0.2"], "rules.noise = -1.0 is outside the allowed range"),
        (["experiment=risk_vs_propensity", "human_actors=[atlantis]"],
         "human_actors: unknown actor(s) ['atlantis']"),
    ],
    ids=["probability 1.7", "reserve null", "range", "glob x list", "experiment"],
)  # fmt: skip
def test_a_value_no_point_can_use_stops_the_sweep_before_it_starts(argv, expected):
    with pytest.raises(ConfigError) as err:
        prepare(["-m", *argv])
    assert str(err.value).startswith("sweep of ")
    assert expected in str(err.value)
    assert "\n" not in str(err.value)


def test_a_design_file_is_checked_row_by_row(tmp_path):
    design = tmp_path / "design.csv"
    design.write_text("rules.noise,scenario.actors.russia.risk_tolerance\n0.2,0.5\n0.3,1.25\n")
    argv = ["-m", "hydra/sweeper=design", f"hydra.sweeper.design={design}"]
    with pytest.raises(ConfigError, match=re.escape("risk_tolerance=1.25: Input should be less")):
        prepare(argv)
    design.write_text("rules.noise,scenario.actors.russia.risk_tolerance\n0.2,0.5\n0.3,0.75\n")
    assert prepare(argv) == argv


def test_good_sweeps_and_the_shipped_experiments_pass():
    for argv in (["-m", "rules.noise=0.1,0.2", "rules=glob(*)"], ["experiment=rule_sets"],
                 ["experiment=risk_vs_propensity"], ["experiment=kursk_2024_calibrated"]):  # fmt: skip
        prepare(argv)


def test_the_command_says_one_line_and_makes_no_folder(tmp_path):
    sweep_dir = tmp_path / "sweep"
    done = preloaded.shared().run(
        ["-m", "scenario.actors.russia.risk_tolerance=0.5,1.7", f"hydra.sweep.dir={sweep_dir}"],
        tmp_path,
        timeout=120,
    )
    assert done.returncode == 2
    assert done.stderr.count("\n") == 1 and "risk_tolerance=1.7" in done.stderr
    assert not sweep_dir.exists() and not (tmp_path / "outputs").exists()
