"""``wargame compare`` and ``wargame plot`` on tiny real runs and sweeps: a real difference
shows, incomparable or incomplete folders are refused with a message naming what is wrong."""

from __future__ import annotations

import json
import shutil

import matplotlib.image as mpimg
import pandas as pd
import pytest

from sim.analysis.cli import compare_main, plot_main
from sim.analysis.compare import entries, labels
from sim.analysis.compare_plots import compare
from sim.analysis.errors import ResultsError
from sim.analysis.results import load_run


def test_labels_name_the_parameter_that_differs(run_a, run_b):
    got = labels([load_run(run_a), load_run(run_b)])
    assert got[0].endswith("kpa_expeditionary_corps.strength=10000")
    assert got[1].endswith("kpa_expeditionary_corps.strength=30000")


def test_compare_two_runs_with_different_parameters_shows_a_difference(run_a, run_b, tmp_path):
    written, table = compare([run_a, run_b], tmp_path)
    assert not list(tmp_path.glob("*.svg"))  # SVG only on request
    for name in ("fan_overlay", "milestones"):
        for ext in ("png", "csv"):
            assert tmp_path / f"{name}.{ext}" in written
        assert mpimg.imread(tmp_path / f"{name}.png").std() > 0.01
    diff = pd.read_csv(tmp_path / "differences.csv")
    assert (diff["difference"].abs() > 0).any()
    assert (diff["ci_low"] <= diff["difference"]).all() and (
        diff["difference"] <= diff["ci_high"]
    ).all()
    assert "P(Ukraine loses the Kursk salient)" in table and "minus" in table
    assert "peak above" in table and "mean" not in table  # rungs compared as shares


def test_fan_overlay_draws_each_run_on_each_actor_panel(run_a, run_b, sweep_dir, tmp_path):
    from sim.analysis.compare_plots import fan_overlay
    from sim.analysis.style import run_colour

    items = entries([run_a, run_b])
    actors = items[0].run.actors
    fig, bands = fan_overlay(items, actors, items[0].run.names)
    panels = [ax for ax in fig.axes if ax.get_visible() and ax.get_title()]
    assert [ax.get_title() for ax in panels] == [items[0].run.names.actor(a) for a in actors]
    medians = [ln for ln in panels[0].lines if ln.get_label().endswith("median")]
    assert [ln.get_linestyle() for ln in medians] == ["-", "--"]
    assert [ln.get_color() for ln in medians] == [run_colour(0), run_colour(1)]
    assert set(bands["run"]) == {e.label for e in items}
    legend = [t.get_text() for lg in fig.legends for t in lg.get_texts()]
    assert len(legend) == 2  # one entry per run
    many = entries([run_a, sweep_dir])  # four runs: one legend entry each, all colours distinct
    fig, _ = fan_overlay(many, actors, many[0].run.names)
    legend = [t for lg in fig.legends for t in lg.get_texts()]
    assert len(legend) == 4 and len({run_colour(k) for k in range(4)}) == 4


def test_compare_a_run_with_a_sweep_expands_the_sweep_jobs(run_a, sweep_dir, tmp_path):
    items = entries([run_a, sweep_dir])
    assert len(items) == 4
    assert compare_main([str(run_a), str(sweep_dir), "--out", str(tmp_path)]) == 0
    diff = pd.read_csv(tmp_path / "differences.csv")
    assert diff["run"].nunique() == 3


def test_compare_main_prints_the_table(run_a, run_b, tmp_path, capsys):
    assert compare_main([str(run_a), str(run_b), "--out", str(tmp_path / "cmp")]) == 0
    out = capsys.readouterr().out
    assert "P(North Korean troops in combat)" in out and "files written to" in out


def test_compare_refuses_a_folder_that_is_not_results(run_a, tmp_path, capsys):
    assert compare_main([str(run_a), str(tmp_path)]) == 2
    err = capsys.readouterr().err
    assert "is not a results folder" in err and str(tmp_path) in err


def test_compare_refuses_runs_without_common_actors(run_a, tmp_path, capsys):
    other = tmp_path / "elsewhere"
    shutil.copytree(run_a, other, ignore=shutil.ignore_patterns("plots"))
    manifest = json.loads((other / "run.json").read_text())
    manifest["config"]["scenario"]["actors"] = {"atlantis": {}, "lemuria": {}}
    (other / "run.json").write_text(json.dumps(manifest))
    assert compare_main([str(run_a), str(other), "--out", str(tmp_path / "cmp")]) == 2
    err = capsys.readouterr().err
    assert "no actors in common" in err and "atlantis" in err
    with pytest.raises(ResultsError, match="no actors in common"):
        entries([run_a, other])


def test_compare_needs_two_runs(run_a, capsys):
    assert compare_main([str(run_a)]) == 2
    assert "two or more" in capsys.readouterr().err


def test_plot_redraws_a_run_with_chosen_replicate_turn_and_milestone(run_a, tmp_path, capsys):
    argv = [
        str(run_a),
        "--replicate",
        "2",
        "--turn",
        "4",
        "--milestone",
        "prk_combat",
        "--out",
        str(tmp_path),
    ]
    assert plot_main(argv) == 0
    timeline = pd.read_csv(tmp_path / "decision_timeline.csv")
    assert set(timeline["replicate"]) == {2}
    assert set(pd.read_csv(tmp_path / "network.csv")["turn"]) == {4}
    assert set(pd.read_csv(tmp_path / "milestones.csv")["milestone"]) == {"prk_combat"}
    assert "10 files written" in capsys.readouterr().out  # PNG and CSV: SVG on request
    assert not list(tmp_path.glob("*.svg"))


def test_plot_writes_svg_on_request(run_a, tmp_path, capsys):
    argv = [str(run_a), "--format", "png", "--format", "svg", "--out", str(tmp_path)]
    assert plot_main(argv) == 0
    assert "15 files written" in capsys.readouterr().out
    assert (tmp_path / "fan_chart.svg").exists() and (tmp_path / "network.svg").exists()


def test_plot_redraws_a_sweep(sweep_dir, tmp_path):
    assert plot_main([str(sweep_dir), "--milestone", "prk_combat", "--out", str(tmp_path)]) == 0
    assert (tmp_path / "sweep_milestone_prk_combat.png").exists()
    assert (tmp_path / "sweep_peak_rung.png").exists()


def test_plot_sweep_jobs_redraws_each_job(sweep_dir, tmp_path, capsys):
    argv = [str(sweep_dir), "--milestone", "prk_combat", "--jobs", "--out", str(tmp_path)]
    assert plot_main(argv) == 0
    for num in range(3):
        assert (sweep_dir / str(num) / "plots" / "fan_chart.png").exists()


@pytest.mark.parametrize("missing", ["theatres.parquet", "run.json"])
def test_plot_on_a_folder_missing_a_table_names_the_file(run_a, tmp_path, capsys, missing):
    broken = tmp_path / "broken"
    shutil.copytree(run_a, broken, ignore=shutil.ignore_patterns("plots"))
    (broken / missing).unlink()
    assert plot_main([str(broken)]) == 2
    err = capsys.readouterr().err
    assert f"missing {missing}" in err and str(broken) in err
    assert not (broken / "plots").exists()


def test_plot_refuses_bad_replicate_and_turn(run_a, tmp_path, capsys):
    assert plot_main([str(run_a), "--replicate", "99", "--out", str(tmp_path)]) == 2
    assert "no replicate 99" in capsys.readouterr().err
    assert plot_main([str(run_a), "--turn", "500", "--out", str(tmp_path)]) == 2
    assert "turn 500 is outside" in capsys.readouterr().err


def test_plot_on_a_sweep_without_its_table_names_it(sweep_dir, tmp_path, capsys):
    broken = tmp_path / "sweep"
    broken.mkdir()
    shutil.copy(sweep_dir / "manifest.json", broken / "manifest.json")
    assert plot_main([str(broken)]) == 2
    assert "missing sweep.parquet" in capsys.readouterr().err


def test_compare_refuses_runs_without_common_milestones(run_a, tmp_path, capsys):
    other = tmp_path / "no_milestones"
    shutil.copytree(run_a, other, ignore=shutil.ignore_patterns("plots"))
    outcomes = pd.read_parquet(other / "outcomes.parquet")
    outcomes = outcomes[[c for c in outcomes.columns if not c.endswith("_step")]]
    outcomes.to_parquet(other / "outcomes.parquet", index=False)
    assert compare_main([str(run_a), str(other), "--out", str(tmp_path / "cmp")]) == 2
    err = capsys.readouterr().err
    assert "no milestones in common" in err and str(other) in err


def test_figures_never_need_a_display():
    import matplotlib

    import sim.analysis.style  # noqa: F401

    assert matplotlib.get_backend().lower() == "agg"


def test_compare_legends_name_runs_in_words_beside_the_panels(run_a, run_b, tmp_path):
    """Legend entries were raw folder names broken mid-word ('...st\\nrength=30000') and cut
    at the edge: now the folder, then what differs in words, words never broken."""
    import matplotlib.pyplot as plt

    from sim.analysis.compare import entries
    from sim.analysis.compare_plots import fan_overlay, run_legends

    items = entries([run_a, run_b])
    names = items[0].run.names
    legends = run_legends(items, names)
    assert legends[1].endswith("strength = 30000")
    assert "North Korean troops" in legends[1] and "kpa_expeditionary" not in legends[1]
    for text in legends:
        assert "_" not in text.split("\n", 1)[1]  # words, not ids
        assert not any(line.endswith("-") for line in text.split("\n"))
    fig, _ = fan_overlay(items, ["russia", "ukraine"], names)
    (legend,) = fig.legends  # one legend, the figure's, outside the panels
    assert [t.get_text() for t in legend.get_texts()] == legends
    plt.close(fig)
