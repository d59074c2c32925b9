"""Sweep figures from tiny real sweeps: a line with CIs for one swept parameter, a heatmap for
two, small multiples for three; the numbers behind them match the sweep table."""

from __future__ import annotations

import matplotlib.image as mpimg
import matplotlib.pyplot as plt
import pandas as pd
import pytest

from sim.analysis.errors import ResultsError
from sim.analysis.sweep import load_sweep, milestone_by, peak_by
from sim.analysis.sweep_plots import milestone_figure, peak_figure, plot_sweep

from .conftest import KPA


def test_parameters_come_from_the_manifest_or_the_columns_before_the_outcomes(sweep_dir):
    sweep = load_sweep(sweep_dir)
    assert sweep.parameters == [KPA]
    sweep.manifest = {}
    del sweep.__dict__["parameters"]
    assert sweep.parameters == [KPA]  # inferred: "job" is bookkeeping, "replicate" starts outcomes
    assert len(sweep.job_dirs) == 3 and sweep.first_run is not None


def test_milestone_by_counts_replicates_per_point(sweep_dir):
    sweep = load_sweep(sweep_dir)
    stats = milestone_by(sweep.table, sweep.parameters, "prk_combat", sweep.max_step)
    assert list(stats[KPA]) == [5000, 20000, 40000]
    assert (stats["replicates"] == 6).all()
    expected = sweep.table.groupby(KPA)["prk_combat_step"].apply(lambda s: s.notna().mean())
    assert list(stats["probability"]) == pytest.approx(list(expected))
    assert (
        (stats["ci_low"] <= stats["probability"]) & (stats["probability"] <= stats["ci_high"])
    ).all()


def test_one_parameter_gives_a_line_with_error_bars(sweep_dir):
    sweep = load_sweep(sweep_dir)
    fig, stats = milestone_figure(sweep, "prk_combat", 5)
    ax = fig.axes[0]
    assert ax.get_xlabel() == "kpa_expeditionary_corps.strength"
    assert ax.get_ylabel().startswith("P(prk_combat by turn 5")
    assert len(ax.containers) == 1  # one series: the error-bar container
    assert len(ax.containers[0].lines[0].get_xdata()) == 3
    assert "3 points x 6 replicates" in " ".join(fig.get_supxlabel().split())
    plt.close(fig)


def test_peak_with_one_parameter_has_a_line_per_actor(sweep_dir):
    sweep = load_sweep(sweep_dir)
    fig, stats = peak_figure(sweep)
    ax = fig.axes[0]
    labels = [t.get_text() for t in ax.get_legend().get_texts()]
    assert labels == [a.replace("_", " ") for a in sweep.actors]
    assert set(stats["actor"]) == set(sweep.actors)
    plt.close(fig)


def test_two_parameters_give_a_heatmap_with_every_cell_labelled(sweep2_dir):
    sweep = load_sweep(sweep2_dir)
    assert sweep.parameters == [KPA, "rules.restraint"]
    fig, stats = milestone_figure(sweep, "prk_combat", sweep.max_step)
    ax = fig.axes[0]
    assert ax.images[0].get_array().shape == (2, 2)
    assert len(ax.texts) == 4
    assert ax.get_xlabel() == "kpa_expeditionary_corps.strength"
    assert ax.get_ylabel() == "rules.restraint"
    assert fig.axes[1].get_ylabel() == "probability"  # the colour bar
    plt.close(fig)


def test_three_parameters_give_small_multiples(sweep3_dir):
    sweep = load_sweep(sweep3_dir)
    fig, stats = peak_figure(sweep)
    panels = [ax for ax in fig.axes if ax.images]
    assert [ax.get_title() for ax in panels] == ["rules.noise=0.1", "rules.noise=0.6"]
    assert len(stats) == 8
    plt.close(fig)


def test_plot_sweep_writes_every_figure(sweep2_dir, tmp_path):
    written = plot_sweep(sweep2_dir, milestones=["prk_combat"], out_dir=tmp_path)
    names = sorted(p.name for p in written)
    assert names == sorted(
        f"{n}.{e}"
        for n in ("sweep_milestone_prk_combat", "sweep_peak_rung")
        for e in ("png", "svg", "csv")
    )
    assert mpimg.imread(tmp_path / "sweep_peak_rung.png").std() > 0.01
    assert len(pd.read_csv(tmp_path / "sweep_milestone_prk_combat.csv")) == 4


def test_unknown_milestone_and_actor_are_refused(sweep_dir):
    sweep = load_sweep(sweep_dir)
    with pytest.raises(ResultsError, match="no milestone 'moon_landing'"):
        milestone_by(sweep.table, sweep.parameters, "moon_landing", 3)
    with pytest.raises(ResultsError, match="no actor 'atlantis'"):
        peak_by(sweep.table, sweep.parameters, "atlantis")
