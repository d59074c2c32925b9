"""The command line's help and messages: short overview first, no internal schemas listed, the
run summary in words, sweep folder names that say what differed."""

import subprocess
import sys

import pandas as pd
import pytest

from sim.analysis.cli import compare_parser
from sim.analysis.names import Names
from sim.analysis.summary import format_summary, peak_rungs
from sim.experiment.sweep_names import label


def test_help_is_short_and_starts_with_the_overview(tmp_path):
    done = subprocess.run([sys.executable, "-m", "sim.cli", "--help"], cwd=tmp_path,
                          capture_output=True, text=True, timeout=120)  # fmt: skip
    assert done.returncode == 0, done.stderr
    lines = done.stdout.splitlines()
    assert lines[0].startswith("wargame: a Mesa agent-based model")
    assert len(lines) < 40  # no config dump: that is `wargame --cfg job`
    assert "rules: cautious, doctrine_only, doctrine_richardson, tit_for_tat" in done.stdout
    assert "base_rules" not in done.stdout and "base_combat" not in done.stdout
    assert "wargame --cfg job" in done.stdout
    from dataclasses import fields

    from sim.domain.params import CombatParams

    assert all(f.name in done.stdout for f in fields(CombatParams))  # every combat knob
    assert "its values are in that file (scenarios/NAME.yaml)" in done.stdout


def test_compare_help_says_95_percent(capsys):
    with pytest.raises(SystemExit):
        compare_parser().parse_args(["--help"])
    out = capsys.readouterr().out
    assert "95% intervals" in out and "95%%" not in out


def test_app_port_and_report_out_have_help(capsys):
    from sim.teaching.cli import app_main, report_main

    for main in (app_main, report_main):
        with pytest.raises(SystemExit):
            main(["--help"])
    out = capsys.readouterr().out
    assert "port on 127.0.0.1" in out
    assert "folder to write report.html and report.md into" in out


def test_run_summary_names_milestones_and_actors_and_shows_rungs_as_names():
    outcomes = pd.DataFrame({"replicate": range(4), "prk_combat_step": [3, 5, None, 8],
                             "nuclear_use_step": [None] * 4,
                             "peak_rung_nato": [3, 4, 3, 4], "peak_rung_russia": [8, 8, 7, 8]})  # fmt: skip
    names = Names(actors={"nato": "NATO", "russia": "Russia"},
                  milestones={"prk_combat": "North Korean troops in combat"})  # fmt: skip
    text = format_summary(outcomes, "Kursk", names, ["overrides: rules.noise=0.2", "deck: none"])
    assert "overrides: rules.noise=0.2" in text and "deck: none" in text
    assert "North Korean troops in combat" in text and "prk_combat" not in text
    assert "among the replicates that reached the milestone" in text
    assert "3 Arms and ammunition supply" in text and "8.0" not in text
    rows = [line for line in text.splitlines() if "[0." in line]
    assert len({line.index("[") for line in rows}) == 1  # columns aligned whatever the name
    assert peak_rungs(outcomes).set_index("actor").loc["nato", "median_peak_rung"] == 3


def test_folder_labels_say_what_differed():
    assert label("rules.noise=0.2|scenario.actors.united_states.risk_tolerance=0.6") == (
        "_rules.noise=0.2,united_states.risk_tolerance=0.6"
    )
    assert label("") == ""
    assert label("scenario=path/to/x.yaml") == "_scenario=path-to-x.yaml"


def test_a_run_folder_does_not_repeat_the_scenario_its_name_starts_with():
    from sim.experiment.sweep_names import run_label

    assert run_label("scenario=kursk_2024|rules.noise=0.2") == "_rules.noise=0.2"
    assert run_label("scenario=kursk_2024") == ""
