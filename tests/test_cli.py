"""The `wargame` command end to end: the results contract, and clear errors on bad input."""

import json
import subprocess
from pathlib import Path

import pandas as pd
import pytest
import yaml

from tests import preloaded

ROOT = Path(__file__).resolve().parents[1]

CONTRACT = {
    "timeseries.parquet": {"replicate", "step", "date", "actor", "rung", "rung_label"},
    "decisions.parquet": {
        "replicate",
        "step",
        "date",
        "actor",
        "target",
        "action",
        "rung",
        "rule",
        "reason",
    },
    "forces.parquet": {
        "replicate",
        "step",
        "date",
        "unit",
        "actor",
        "theatre",
        "strength",
        "in_combat",
    },
}


def wargame(*args: str, cwd: Path) -> subprocess.CompletedProcess:
    """``wargame ARGS`` in a process of its own (forked from a preloaded one: tests/preloaded.py)."""
    return preloaded.shared().run(list(args), cwd, timeout=300)


@pytest.mark.slow
def test_run_writes_every_file_of_the_contract(tmp_path):
    run = tmp_path / "run"
    res = wargame("replicates=6", "steps=8", f"hydra.run.dir={run}", cwd=tmp_path)
    assert res.returncode == 0, res.stderr
    assert "Milestone" in res.stdout and str(run) in res.stdout
    for name, columns in CONTRACT.items():
        df = pd.read_parquet(run / name)
        assert columns <= set(df.columns), name
        assert len(df) > 0 and set(df["replicate"]) == set(range(6))
    ts = pd.read_parquet(run / "timeseries.parquet")
    assert len(ts) == 6 * 9 * 11  # replicates x (steps + start) x actors
    outcomes = pd.read_parquet(run / "outcomes.parquet")
    assert len(outcomes) == 6
    for m in ("prk_combat", "co_belligerent", "restrictions_lifted", "nuclear_signal", "nuclear_use",
              "nato_russia_combat", "kursk_salient_lost"):  # fmt: skip
        assert f"{m}_step" in outcomes.columns
    manifest = json.loads((run / "run.json").read_text())
    assert manifest["status"] == "complete" and manifest["replicates"] == 6
    assert manifest["config"]["scenario"]["name"] == "kursk_2024"
    assert manifest["engine"] == "batched"  # the default; engine=agents: replicate_seeds
    assert manifest["seeds"]["block"] == 1000 and len(manifest["seeds"]["block_seeds"]) == 1
    assert len(manifest["scenario"]["file_sha256"]) == 64 and manifest["wargame_version"]
    assert manifest["wall_time_s"] > 0
    pngs, svgs = list((run / "plots").glob("*.png")), list((run / "plots").glob("*.svg"))
    assert pngs and not svgs  # SVG on request: plot_formats=[png,svg]
    assert not list(run.glob("*.partial"))


@pytest.mark.slow
def test_same_seed_same_tables_through_the_command(tmp_path):
    a, b = tmp_path / "a", tmp_path / "b"
    for out in (a, b):
        res = wargame(
            "replicates=3", "steps=5", "plots=false", f"hydra.run.dir={out}", cwd=tmp_path
        )
        assert res.returncode == 0, res.stderr
    for name in ("timeseries.parquet", "decisions.parquet", "forces.parquet", "outcomes.parquet"):
        assert pd.read_parquet(a / name).equals(pd.read_parquet(b / name)), name


def _bad_scenario(tmp_path: Path) -> Path:
    data = yaml.safe_load((ROOT / "scenarios" / "kursk_2024.yaml").read_text())
    data["relations"]["russia_ukraine_war"]["parties"] = ["russia", "atlantis"]
    path = tmp_path / "broken.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True))
    return path


@pytest.mark.slow
@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (
            ["scenario.forces.kpa_expeditionary_corps.strenght=5"],
            "Did you mean 'scenario.forces.kpa_expeditionary_corps.strength'",
        ),
        (
            ["scenario.actors.russia.doctrine.commit_north_korean_troops.probability=1.7"],
            "override scenario.actors.russia.doctrine.commit_north_korean_troops.probability=1.7: Input should be less than or equal to 1",
        ),
        (["rules.noise=-1"], "rules.noise = -1.0 is outside the allowed range"),
        (["replicates=0"], "replicates = 0 must be at least 1"),
        (["rules=titfortat"], "unknown rules 'titfortat'; available options in 'rules': cautious"),
        (
            ["scenario=atlantis"],
            "unknown scenario 'atlantis'; available options in 'scenario': kursk_2024",
        ),
        (["human_actors=[atlantis]"], "human_actors: unknown actor(s) ['atlantis']"),
        ("BROKEN", "relations.russia_ukraine_war.parties.1: unknown actor 'atlantis'"),
    ],
    ids=[
        "typo in key",
        "probability 1.7",
        "negative noise",
        "zero replicates",
        "unknown rule set",
        "unknown scenario",
        "unknown human actor",
        "broken scenario file",
    ],  # fmt: skip
)
def test_bad_input_fails_clearly_and_leaves_no_results(tmp_path, args, expected):
    if args == "BROKEN":
        args = [f"scenario={_bad_scenario(tmp_path)}"]
    run = tmp_path / "run"
    res = wargame("replicates=2", "steps=2", *args, f"hydra.run.dir={run}", cwd=tmp_path)
    assert res.returncode != 0
    assert expected in res.stderr + res.stdout
    assert "Traceback" not in res.stderr
    leftovers = [p.name for p in run.glob("*") if p.suffix in (".parquet", ".json", ".partial")]
    assert leftovers == []
