"""The scenario stays out of the composed config: the config names a file and the command line's
changes; the file is read by the project's YAML reader and changed after composition.

So scenario text is never interpolated, an alias bomb is refused instead of hanging, start-up
does not grow with the scenario's size, and the user-facing syntax is unchanged."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pandas as pd
import pytest
from hydra import compose, initialize_config_dir
from omegaconf import OmegaConf

from sim.cli import job_from_config
from sim.config import register_configs
from sim.domain.errors import ConfigError, ScenarioError
from sim.experiment.catalog import CONF_DIR, SOURCE_FILE_KEY
from sim.overrides import _register_paths
from sim.scenario_config import apply_changes, raw_scenario
from tests.experiment.conftest import wargame

ROOT = Path(__file__).resolve().parents[1]
KURSK = ROOT / "scenarios" / "kursk_2024.yaml"
TINY = ["replicates=2", "steps=2", "plots=false"]
sys.path.insert(0, str(ROOT / "benchmarks"))
from startup import write_large_scenario  # noqa: E402 - the benchmark's own generator

register_configs()


def composed(*overrides: str):
    with initialize_config_dir(config_dir=str(CONF_DIR), version_base="1.3"):
        return compose(config_name="config", overrides=list(overrides))


def with_title(tmp_path: Path, title_line: str, name: str = "edited") -> Path:
    text = KURSK.read_text(encoding="utf-8")
    old = "title: North Korean troops on the Kursk front (late October 2024)"
    path = tmp_path / f"{name}.yaml"
    path.write_text(text.replace(old, title_line), encoding="utf-8")
    return path


def alias_bomb(levels: int = 9) -> str:
    """The 'billion laughs': each alias repeats the one before nine times."""
    lines = ['lol0: &lol0 ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]']
    for i in range(1, levels):
        lines.append(f"lol{i}: &lol{i} [" + ", ".join([f"*lol{i - 1}"] * 9) + "]")
    return "\n".join(lines) + "\n"


def test_the_config_holds_the_file_and_the_changes_not_the_world():
    cfg = composed("scenario.forces.kpa_expeditionary_corps.strength=30000")
    node = OmegaConf.to_container(cfg.scenario)
    assert node == {SOURCE_FILE_KEY: str(KURSK.resolve()),
                    "forces": {"kpa_expeditionary_corps": {"strength": 30000}}}  # fmt: skip
    job, source = job_from_config(cfg)
    assert Path(source) == KURSK.resolve()
    assert job.world.forces["kpa_expeditionary_corps"].strength == 30000
    assert job.world.forces["russian_kursk_grouping"].strength == 45000  # the file's value


def test_changes_reach_list_items_and_leave_the_file_data_alone():
    data = raw_scenario(KURSK)
    before = list(data["actors"]["russia"]["adversaries"])
    changed = apply_changes(data, {"actors": {"russia": {"adversaries": {"0": "nato"}}}})
    assert changed["actors"]["russia"]["adversaries"][0] == "nato"
    assert data["actors"]["russia"]["adversaries"] == before  # the shared copy is untouched
    assert changed["forces"] is data["forces"]  # what did not change is not copied
    with pytest.raises(ConfigError, match="is a list of 3 items, indexed 0 to 2"):
        apply_changes(data, {"actors": {"russia": {"adversaries": {"7": "nato"}}}})


def test_alias_bombs_and_self_referring_aliases_are_refused(tmp_path):
    bomb = tmp_path / "bomb.yaml"
    bomb.write_text(alias_bomb() + "name: bomb\ntitle: *lol8\n", encoding="utf-8")
    with pytest.raises(ScenarioError, match=r"more than [0-9,]+ values once aliases are expanded"):
        raw_scenario(bomb)
    loop = tmp_path / "loop.yaml"
    loop.write_text("name: loop\nactors: &a [*a]\n", encoding="utf-8")
    with pytest.raises(ScenarioError, match="alias that contains itself"):
        raw_scenario(loop)


@pytest.mark.slow
def test_scenario_text_is_data_never_interpolated(tmp_path, monkeypatch):
    monkeypatch.setenv("SECRET_TOKEN", "hunter2")
    secret = with_title(tmp_path, 'title: "Kursk ${oc.env:SECRET_TOKEN}"', "secret")
    unknown = with_title(tmp_path, 'title: "Kursk ${unknown}"', "unknown")
    for path in (secret, unknown):
        run = tmp_path / f"run_{path.stem}"
        done = wargame([f"scenario={path}", *TINY, f"hydra.run.dir={run}"], tmp_path)
        assert done.returncode == 0, done.stderr
        manifest = (run / "run.json").read_text(encoding="utf-8")
        assert "hunter2" not in manifest and "Traceback" not in done.stderr
        title = json.loads(manifest)["config"]["scenario"]["title"]
        assert (
            title
            == {"secret": "Kursk ${oc.env:SECRET_TOKEN}", "unknown": "Kursk ${unknown}"}[path.stem]
        )


@pytest.mark.slow
def test_an_alias_bomb_fails_fast_with_a_clear_message(tmp_path):
    bomb = with_title(tmp_path, "title: *lol8", "bomb")
    bomb.write_text(alias_bomb() + bomb.read_text(encoding="utf-8"), encoding="utf-8")
    done = wargame([f"scenario={bomb}", *TINY, f"hydra.run.dir={tmp_path}/run"], tmp_path, 120)
    assert done.returncode == 2 and "Traceback" not in done.stderr
    assert f"{bomb}" in done.stderr and "once aliases are expanded" in done.stderr
    assert not (tmp_path / "run").exists()


@pytest.mark.slow
def test_cfg_job_shows_the_scenario_file_and_its_changes(tmp_path):
    done = wargame(["scenario.actors.united_states.risk_tolerance=0.8", "--cfg", "job"], tmp_path)
    assert done.returncode == 0, done.stderr
    assert "kursk_2024.yaml" in done.stdout and "risk_tolerance: 0.8" in done.stdout


@pytest.mark.slow
def test_sweeps_over_scenario_files_and_values(tmp_path):
    other = with_title(tmp_path, "title: Another Kursk", "other")
    sweep = tmp_path / "sweep"
    args = ["-m", f"scenario=kursk_2024,{other}",
            "scenario.forces.kpa_expeditionary_corps.strength=5000,30000", *TINY,
            f"hydra.sweep.dir={sweep}"]  # fmt: skip
    done = wargame(args, tmp_path)
    assert done.returncode == 0, done.stderr
    table = pd.read_parquet(sweep / "sweep.parquet")
    assert len(table) == 4 * 2
    titles, strengths = set(), set()
    runs = sorted(sweep.glob("*/run.json"))  # job folders are named by what differed
    assert len(runs) == 4
    for run in runs:
        config = json.loads(run.read_text())["config"]["scenario"]
        titles.add(config["title"])
        strengths.add(config["forces"]["kpa_expeditionary_corps"]["strength"])
    assert titles == {"Another Kursk", "North Korean troops on the Kursk front (late October 2024)"}
    assert strengths == {5000, 30000}


@pytest.mark.slow
def test_a_2_mb_scenario_adds_nothing_to_the_config_and_runs(tmp_path):
    large = write_large_scenario(tmp_path / "large.yaml", actors=50, units=10000)
    assert large.stat().st_size > 1.8e6
    cfg = composed(f"scenario={_register_paths(str(large))}")
    assert len(OmegaConf.to_yaml(cfg.scenario)) < 200
    done = wargame([f"scenario={large}", "replicates=1", "steps=1", "plots=false",
                    f"hydra.run.dir={tmp_path}/run"], tmp_path, timeout=300)  # fmt: skip
    assert done.returncode == 0, done.stderr
    assert len(pd.read_parquet(tmp_path / "run" / "forces.parquet").query("step == 1")) == 10000
