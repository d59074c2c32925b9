"""The sweep plan: the same jobs, in the same order, as Hydra's basic sweeper launches."""

from __future__ import annotations

from omegaconf import OmegaConf

from sim.experiment.plan import SweepPlan, override_values, plan_of


def config(params: dict[str, str], task: list[str]):
    return OmegaConf.create({"hydra": {"sweeper": {"params": params}, "overrides": {"task": task}}})


def test_product_of_experiment_params_and_command_line_sweeps():
    plan = plan_of(config({"rules.noise": "0.1,0.2"}, ["rules=cautious,tit_for_tat", "steps=5"]))
    assert plan.jobs == [
        ["rules.noise=0.1", "rules=cautious", "steps=5"],
        ["rules.noise=0.1", "rules=tit_for_tat", "steps=5"],
        ["rules.noise=0.2", "rules=cautious", "steps=5"],
        ["rules.noise=0.2", "rules=tit_for_tat", "steps=5"],
    ]
    assert plan.swept == ["rules.noise", "rules"]


def test_range_and_glob_sweeps_expand():
    plan = plan_of(config({}, ["seed=range(1,4)", "rules=glob(*,exclude=cautious)"]))
    assert [job[0] for job in plan.jobs[::3]] == ["seed=1", "seed=2", "seed=3"]
    assert [job[1] for job in plan.jobs[:3]] == [
        "rules=doctrine_only",
        "rules=doctrine_richardson",
        "rules=tit_for_tat",
    ]


def test_override_values_are_typed():
    values = override_values(
        ["scenario.forces.kpa_expeditionary_corps.strength=5000", "rules.noise=0.2", "rules=x"],
        ["scenario.forces.kpa_expeditionary_corps.strength", "rules.noise", "rules", "absent"],
    )
    assert values == {
        "scenario.forces.kpa_expeditionary_corps.strength": 5000,
        "rules.noise": 0.2,
        "rules": "x",
        "absent": None,
    }


def test_plan_round_trips_through_its_file(tmp_path):
    plan = SweepPlan(jobs=[["a=1"], ["a=2"]], swept=["a"])
    plan.write(tmp_path)
    assert SweepPlan.read(tmp_path) == plan
    assert SweepPlan.read(tmp_path / "nowhere") is None
