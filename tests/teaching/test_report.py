"""The after-action review: a played game against its rule-driven ensemble, and any run folder."""

from __future__ import annotations

import re
from dataclasses import asdict

import pytest

from sim.domain.errors import WargameError
from sim.domain.params import CombatParams, RuleParams
from sim.domain.scenario_io import read_yaml
from sim.experiment.job import Job
from sim.experiment.run import run_job
from sim.teaching.cli import play_main, report_main
from sim.teaching.world import load_world


def _no_external_loads(html: str) -> None:
    assert not re.search(r"(src|href)=\"(https?:)?//", html)


@pytest.mark.slow
def test_report_of_a_played_game(tmp_path, scripted, capsys):
    game = tmp_path / "game"
    answers = scripted(["1", "lift_weapons_restrictions", "1"])
    play_main(["--exercise", "kursk_2024", "--steps", "3", "--out", str(game)],
              ask=answers, write=lambda s: None)  # fmt: skip
    assert report_main([str(game), "--replicates", "12"]) == 0
    html = (game / "report.html").read_text()
    md = (game / "report.md").read_text()
    for text in (html, md):
        assert "Timeline" in text and "lift weapons restrictions" in text
        assert "Ukrainian units report the first clashes" in text  # the deck's inject, in words
        assert re.search(r"was above \d+% of simulated games", text)
        assert "Debrief questions" in text and "co-belligerent" in text
    assert html.count("data:image/png;base64,") >= 2
    _no_external_loads(html)
    assert (game / "ensemble" / "outcomes.parquet").is_file()
    assert "report.html" in capsys.readouterr().out


@pytest.mark.slow
def test_report_of_an_ordinary_run_uses_its_own_replicates(tmp_path):
    world, path = load_world("kursk_2024")
    job = Job(world, RuleParams(), CombatParams(), steps=3, replicates=4, base_seed=5)
    config = {"scenario": read_yaml(path), "rules": asdict(RuleParams()),
              "combat": asdict(CombatParams()), "deck": "", "human_actors": []}  # fmt: skip
    run_job(job, tmp_path, config=config, progress=False)
    out = tmp_path / "aar" / "review.html"
    report_main([str(tmp_path), "--out", str(out)])
    html = out.read_text()
    assert "this run&#x27;s own replicates" in html and "nobody (all rule-driven)" in html
    assert (tmp_path / "aar" / "review.md").is_file()
    assert not (tmp_path / "ensemble").exists()


def test_report_refuses_a_folder_that_is_not_a_run(tmp_path):
    with pytest.raises(WargameError, match="not a results folder"):
        report_main([str(tmp_path)])
