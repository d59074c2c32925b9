"""A sweep folder with earlier results is refused, resumed, or (with --force) cleared."""

import json

import pytest

from sim.experiment.sweep import SweepRefused, guard_folder


def _earlier_sweep(folder):
    (folder / "0_rules=cautious").mkdir(parents=True)
    (folder / "0_rules=cautious" / "job.json").write_text(json.dumps({"num": 0}))
    (folder / "plots").mkdir()
    (folder / "plots" / "sweep_peak_rung.png").write_bytes(b"old")
    (folder / "manifest.json").write_text("{}")
    (folder / "notes.txt").write_text("mine")


def test_an_empty_or_new_folder_is_fine(tmp_path):
    guard_folder(tmp_path / "new", resume=False, force=False)
    guard_folder(tmp_path, resume=False, force=False)


def test_earlier_results_are_refused_with_the_ways_out(tmp_path, capsys):
    _earlier_sweep(tmp_path)
    with pytest.raises(SweepRefused) as refused:
        guard_folder(tmp_path, resume=False, force=False)
    assert refused.value.code == 2
    message = capsys.readouterr().err
    assert "resume=true" in message and "--force" in message and "hydra.sweep.dir" in message


def test_resume_keeps_and_force_clears_only_the_sweeps_files(tmp_path):
    _earlier_sweep(tmp_path)
    guard_folder(tmp_path, resume=True, force=False)
    assert (tmp_path / "manifest.json").exists()
    guard_folder(tmp_path, resume=False, force=True)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["notes.txt"]


def _planned(folder, identity):
    from sim.experiment.plan import SweepPlan

    SweepPlan(jobs=[["rules.noise=0.1"]], swept=["rules.noise"], identity=identity).write(folder)


SAME = {"settings": {"replicates": 100, "steps": 26}, "jobs": [["rules.noise=0.1"]], "files": {}}


def test_a_resume_with_another_config_is_refused_and_nothing_is_touched(tmp_path, capsys):
    _earlier_sweep(tmp_path)
    _planned(tmp_path, SAME)
    before = {p: p.stat().st_mtime_ns for p in tmp_path.rglob("*")}
    other = {**SAME, "settings": {"replicates": 200, "steps": 26}}
    with pytest.raises(SweepRefused) as refused:
        guard_folder(tmp_path, resume=True, force=False, identity=other)
    assert refused.value.code == 2
    message = capsys.readouterr().err
    assert "different config (replicates = 100 then, 200 now)" in message
    assert len(message.strip().splitlines()) == 1
    assert {p: p.stat().st_mtime_ns for p in tmp_path.rglob("*")} == before


def test_a_resume_with_other_sweep_values_is_refused(tmp_path, capsys):
    _earlier_sweep(tmp_path)
    _planned(tmp_path, SAME)
    other = {**SAME, "jobs": [["rules.noise=0.3"]]}
    with pytest.raises(SweepRefused):
        guard_folder(tmp_path, resume=True, force=False, identity=other)
    assert "job #0 was 'rules.noise=0.1', now 'rules.noise=0.3'" in capsys.readouterr().err


def test_a_resume_with_the_same_config_goes_on(tmp_path):
    _earlier_sweep(tmp_path)
    _planned(tmp_path, SAME)
    guard_folder(tmp_path, resume=True, force=False, identity=dict(SAME))
    assert (tmp_path / "manifest.json").exists()


def test_the_identity_leaves_out_how_a_sweep_runs():
    from omegaconf import OmegaConf

    from sim.experiment.sweep_identity import difference, sweep_identity

    def identity(**knobs):
        config = OmegaConf.create({"replicates": 4, "rules": {"noise": 0.1}, "hydra": {}, **knobs})
        return sweep_identity(config, [["rules.noise=0.1", "resume=true", "workers=2"]], [])

    assert difference(identity(workers=1, plots=False), identity(workers=2, plots=True)) is None
    assert difference(identity(), identity(replicates=5)) == "replicates = 4 then, 5 now"
