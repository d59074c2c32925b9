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
