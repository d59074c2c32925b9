"""Forks: the rebuild is exact, the branches differ only where they should; a batched run's
replicate is rebuilt from its block and played on by the agent model."""

from __future__ import annotations

import pandas as pd
import pytest

from sim.analysis.errors import ResultsError
from sim.analysis.fork_cli import fork_main, job_of
from sim.analysis.results import load_run
from sim.domain.errors import ConfigError
from sim.experiment.fork import Change, branches, rebuild
from tests import preloaded


@pytest.fixture(scope="module")
def run(tmp_path_factory):
    """A Kursk run of the agent engine made by the wargame command itself (8 replicates x 10
    turns)."""
    return _made(tmp_path_factory, "engine=agents")


@pytest.fixture(scope="module")
def batched_run(tmp_path_factory):
    """The same run made with the batched engine (the default)."""
    return _made(tmp_path_factory, "engine=batched")


def _made(tmp_path_factory, engine: str):
    out = tmp_path_factory.mktemp("fork") / "run"
    args = ["replicates=8", "steps=10", "plots=false", "progress=false", engine,
            f"hydra.run.dir={out}"]  # fmt: skip
    done = preloaded.shared().run(args, out.parent)  # a process of its own (tests/preloaded.py)
    assert done.returncode == 0, done.stderr[-3000:]
    return load_run(out)


def _steps(outcome: dict) -> dict:
    return {k: v for k, v in outcome.items() if k.endswith("_step") or k.startswith("peak_")}


def test_rebuild_then_play_on_unchanged_is_the_original(run):
    job = job_of(run)
    played = branches(job, 2, 4, Change(), k=2)
    original = run.outcomes[run.outcomes["replicate"] == 2].iloc[0].to_dict()
    same = _steps(played["same_stream"].outcome())
    assert all((pd.isna(original[k]) and v is None) or original[k] == v for k, v in same.items())
    # with no change, each fresh-stream pair is identical
    for i in (1, 2):
        assert _steps(played[f"changed_{i}"].outcome()) == _steps(played[f"control_{i}"].outcome())


def test_a_move_at_the_fork_is_played_next_turn(run):
    job = job_of(run)
    played = branches(job, 0, 3, Change(moves=(("russia", "nuclear_signal"),)), k=1)
    for name in ("same_stream", "changed_1"):
        assert played[name].outcome()["nuclear_signal_step"] == 4
        decisions = [d for d in played[name].recorder.decisions if d[1] == 4 and d[3] == "russia"]
        assert decisions[0][5] == "nuclear_signal" and decisions[0][7] == "human"
    # the move is for one turn only: russia's rule decides again at turn 5
    later = [d for d in played["same_stream"].recorder.decisions if d[1] == 5 and d[3] == "russia"]
    assert later[0][7] != "human"


def test_fresh_streams_are_reproducible_and_differ_from_the_original(run):
    job = job_of(run)
    first = branches(job, 1, 2, Change(), k=4)
    again = branches(job, 1, 2, Change(), k=4)
    rows = [r for m in first.values() for r in m.recorder.timeseries]
    assert rows == [r for m in again.values() for r in m.recorder.timeseries]
    same = first["same_stream"].recorder.timeseries
    assert any(first[f"control_{i}"].recorder.timeseries != same for i in range(1, 5))


def test_overrides_are_validated(run):
    model = rebuild(job_of(run), 0, 1)
    Change(("rules.noise=0.9", "scenario.actors.russia.grievance=0.2")).apply(model)
    assert model.rules.noise == 0.9 and model.actor_agents["russia"].grievance == 0.2
    with pytest.raises(ConfigError, match="outside the allowed range"):
        Change(("rules.noise=-1",)).apply(model)
    with pytest.raises(ConfigError, match="allowed keys are rules.NAME"):
        Change(("steps=3",)).apply(model)
    with pytest.raises(ConfigError, match="unknown actor 'narnia'"):
        Change(("scenario.actors.narnia.grievance=0.2",)).apply(model)


def test_fork_command(run, tmp_path, capsys):
    out = tmp_path / "fork"
    argv = [
        str(run.path),
        "--replicate",
        "1",
        "--turn",
        "3",
        "--k",
        "2",
        "rules.noise=1.2",
        "--move",
        "north_korea=reinforce_troops",
        "--out",
        str(out),
    ]
    assert fork_main(argv) == 0
    table = pd.read_csv(out / "branches.csv")
    assert table["branch"].tolist() == [
        "original",
        "same_stream",
        "changed_1",
        "control_1",
        "changed_2",
        "control_2",
    ]
    assert (out / "fork_rungs.png").exists() and (out / "milestones.csv").exists()
    assert "rebuilt replicate 1 exactly up to turn 3" in capsys.readouterr().out
    with pytest.raises(ResultsError, match="--replicate 99: the run has replicates 0 to 7"):
        fork_main([str(run.path), "--replicate", "99", "--turn", "3"])


@pytest.mark.parametrize(("which", "replicate", "step"), [("run", 0, 2), ("batched_run", 2, 1)])
def test_a_run_the_model_no_longer_rebuilds_is_refused(which, replicate, step, tmp_path, request):
    """A saved rung changed by hand: the rebuild (agents or batched) no longer matches it."""
    import shutil

    copy = tmp_path / "run"
    shutil.copytree(request.getfixturevalue(which).path, copy)
    ts = pd.read_parquet(copy / "timeseries.parquet")
    ts.loc[(ts["replicate"] == replicate) & (ts["step"] == step), "rung"] += 1
    ts.to_parquet(copy / "timeseries.parquet")
    with pytest.raises(ResultsError, match="did not give the saved rungs up to turn 3"):
        fork_main([str(copy), "--replicate", str(replicate), "--turn", "3", "--k", "0"])


def test_fork_of_a_batched_run(batched_run, tmp_path, capsys):
    out = tmp_path / "fork"
    argv = [str(batched_run.path), "--replicate", "5", "--turn", "4", "--k", "2",
            "--move", "russia=nuclear_signal", "--out", str(out)]  # fmt: skip
    assert fork_main(argv) == 0
    printed = capsys.readouterr().out
    assert "rebuilt replicate 5 exactly up to turn 4" in printed
    assert "same_stream has a stream of its own" in printed
    table = pd.read_csv(out / "branches.csv").set_index("branch")
    assert (table.loc[["same_stream", "changed_1", "changed_2"], "nuclear_signal_step"] == 5).all()
    assert (out / "fork_rungs.png").exists()


def test_a_batched_fork_is_reproducible_and_keeps_the_rebuilt_turns(batched_run):
    job = job_of(batched_run)
    first = branches(job, 6, 3, Change(("rules.noise=1.2",)), k=2)
    again = branches(job, 6, 3, Change(("rules.noise=1.2",)), k=2)
    for name, model in first.items():
        assert model.recorder.timeseries == again[name].recorder.timeseries
        assert model.steps == job.steps
    saved = batched_run.timeseries
    saved = saved[(saved["replicate"] == 6) & (saved["step"] <= 3)]
    rows = sorted((r[1], r[3], r[4]) for r in first["control_1"].recorder.timeseries if r[1] <= 3)
    assert rows == sorted(
        zip(saved["step"], saved["actor"].astype(str), saved["rung"], strict=True)
    )
