"""Sweep figures from tiny real sweeps: a line with CIs for one swept parameter, a heatmap for
two, small multiples for three; the numbers behind them match the sweep table; peaks are
distributions over rungs (never means); rare milestones get a log axis; names are the
scenario's."""

from __future__ import annotations

import matplotlib.image as mpimg
import matplotlib.pyplot as plt
import pandas as pd
import pytest

from sim.analysis.errors import ResultsError
from sim.analysis.sweep import load_sweep, milestone_by
from sim.analysis.sweep_peaks import peak_shares, peaks_of, share_at_or_above
from sim.analysis.sweep_plots import heatmap, milestone_figure, peak_figure, plot_sweep

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
    assert ax.get_xlabel() == "North Korean troops sent to Russia, arriving near Kursk: strength"
    assert ax.get_ylabel().startswith("P(reached)")
    assert fig._suptitle.get_text().startswith("North Korean troops in combat: reached by the end")
    assert len(ax.containers) == 1  # one series: the error-bar container
    assert len(ax.containers[0].lines[0].get_xdata()) == 3
    counts = [t.get_text() for t in ax.texts]
    assert counts == [f"{k}/6" for k in stats["reached"]]  # every point prints its count
    assert "3 points x 6 replicates" in " ".join(fig.get_supxlabel().split())
    plt.close(fig)


def test_a_rare_milestone_gets_a_log_axis(sweep_dir):
    sweep = load_sweep(sweep_dir)
    table = pd.concat([sweep.table] * 4, ignore_index=True)  # 24 replicates per point
    table["nuclear_use_step"] = float("nan")
    table.loc[0, "nuclear_use_step"] = 3.0  # 1 in 24 at one point, 0 elsewhere
    sweep.table = table
    fig, stats = milestone_figure(sweep, "nuclear_use", sweep.max_step)
    assert stats["reached"].sum() == 1
    ax = fig.axes[0]
    assert ax.get_yscale() == "symlog"
    fig.canvas.draw()
    labels = [t.get_text() for t in ax.get_yticklabels()]
    assert "10%" in labels and "0" in labels  # plain numbers, never mathtext source
    assert not any("$" in t or "mathdefault" in t for t in labels)
    plt.close(fig)


def test_a_categorical_parameter_gets_points_without_a_joining_line(sweep_dir):
    """Rule sets have no order: no line may suggest a trend between them; their names are in
    words and the counts sit above the intervals, off the axis."""
    sweep = load_sweep(sweep_dir)
    table = sweep.table.copy()
    table[KPA] = table[KPA].map({5000: "tit_for_tat", 20000: "cautious", 40000: "doctrine_only"})
    sweep.table = table.rename(columns={KPA: "rules"})
    sweep.__dict__["parameters"] = ["rules"]
    fig, stats = milestone_figure(sweep, "prk_combat", 5)
    ax = fig.axes[0]
    line = ax.containers[0].lines[0]
    assert line.get_linestyle() == "None" and line.get_marker() == "o"
    ticks = [t.get_text() for t in ax.get_xticklabels()]
    assert ticks == ["doctrine, then cautious", "doctrine only", "doctrine, then tit for tat"]
    assert ax.get_xlabel() == "rule set"
    tops = dict(zip(stats["reached"].astype(str) + "/6", stats["ci_high"], strict=True))
    for t in ax.texts:
        assert t.xy[1] == pytest.approx(tops[t.get_text()])  # at the interval's top
        assert t.get_va() == "bottom"
    plt.close(fig)


def test_peak_with_one_parameter_shows_shares_of_rungs_per_actor(sweep_dir):
    sweep = load_sweep(sweep_dir)
    fig, shares = peak_figure(sweep)
    titles = [ax.get_title() for ax in fig.axes if ax.get_visible() and ax.get_title()]
    assert titles == [sweep.names.actor(a) for a in sweep.actors]
    assert "NATO" in titles and "North Korea" in titles
    totals = shares.groupby([KPA, "actor"])["share"].sum()
    assert totals.to_numpy() == pytest.approx(1.0)  # a distribution per point and actor
    assert "mean" not in " ".join(shares.columns)
    plt.close(fig)


def test_peak_shares_count_each_rung():
    table = pd.DataFrame({"p": [1, 1, 1, 2], "peak_rung_russia": [7, 7, 8, 3]})
    shares = peak_shares(table, "p", ["russia"])
    assert shares[["p", "rung", "count"]].values.tolist() == [[1, 7, 2], [1, 8, 1], [2, 3, 1]]
    assert list(peaks_of(table, "any")) == [7, 7, 8, 3]
    above = share_at_or_above(table, ["p"], "russia", 8)
    assert above[["reached", "replicates"]].values.tolist() == [[1, 3], [0, 1]]


def test_two_parameters_give_a_heatmap_with_every_cell_labelled(sweep2_dir):
    sweep = load_sweep(sweep2_dir)
    assert sweep.parameters == [KPA, "rules.restraint"]
    fig, stats = milestone_figure(sweep, "prk_combat", sweep.max_step)
    ax = fig.axes[0]
    assert ax.images[0].get_array().shape == (2, 2)
    assert len(ax.texts) == 4
    assert all(t.get_text().endswith("/4") for t in ax.texts)  # each cell prints its count
    assert ax.get_xlabel() == "North Korean troops sent to Russia, arriving near Kursk: strength"
    assert ax.get_ylabel() == "decision restraint"
    if stats["probability"].nunique() > 1:
        assert fig.axes[1].get_ylabel().startswith("P(reached)")  # the colour bar
    else:  # one value everywhere: its key instead of a colour bar
        assert fig.legends[0].get_title().get_text().startswith("P(reached)")
    plt.close(fig)


def test_heatmap_colours_span_the_values_observed():
    stats = pd.DataFrame({"x": [1, 2, 1, 2], "y": [1, 1, 2, 2],
                          "probability": [0.30, 0.35, 0.40, 0.45],
                          "ci_low": [0.2] * 4, "ci_high": [0.5] * 4})  # fmt: skip
    fig = heatmap(stats, "x", "y", "probability")
    assert fig.axes[0].images[0].get_clim() == pytest.approx((0.30, 0.45))
    plt.close(fig)


def test_a_heatmap_of_one_value_has_no_colour_scale_and_says_so():
    """Every cell 0.07: a colour bar spanning 0.02-0.12 would suggest variation none has."""
    from sim.analysis.names import Names
    from sim.analysis.sweep_plots import grid_figure

    stats = pd.DataFrame({"x": [1, 2, 1, 2], "y": [1, 1, 2, 2], "probability": [0.07] * 4,
                          "ci_low": [0.02] * 4, "ci_high": [0.2] * 4})  # fmt: skip
    fig = grid_figure(stats, ["x", "y"], "probability", fmt="{:.2f}", names=Names(), label="P")
    image = fig.axes[0].images[0]
    assert image.get_clim() == pytest.approx((0.07, 0.07))
    assert len(fig.axes) == 1  # no colour bar
    assert "every point: 0.07" in fig.legends[0].get_texts()[0].get_text()
    plt.close(fig)


def test_peak_rung_colours_are_told_apart():
    """Neighbouring rungs differ clearly in colour (rungs 2-5 were near-identical greys)."""
    import itertools

    from matplotlib.colors import to_rgb

    from sim.analysis import style

    colours = style.rung_colours([1, 2, 3, 4, 5, 6, 7, 8])
    for a, b in itertools.pairwise(sorted(colours)):
        gap = (
            sum((p - q) ** 2 for p, q in zip(to_rgb(colours[a]), to_rgb(colours[b]), strict=True))
            ** 0.5
        )
        assert gap > 0.12, (a, b, gap)


def test_three_parameters_give_small_multiples(sweep3_dir):
    sweep = load_sweep(sweep3_dir)
    fig, stats = peak_figure(sweep)
    panels = [ax for ax in fig.axes if ax.images]
    assert [ax.get_title() for ax in panels] == ["decision noise = 0.1", "decision noise = 0.6"]
    assert len(stats) == 8
    plt.close(fig)


def test_plot_sweep_writes_every_figure_as_png_and_csv_without_svg(sweep2_dir, tmp_path):
    written = plot_sweep(sweep2_dir, milestones=["prk_combat"], out_dir=tmp_path)
    names = sorted(p.name for p in written)
    assert names == sorted(
        f"{n}.{e}"
        for n in ("sweep_milestone_prk_combat", "sweep_peak_rung")
        for e in ("png", "csv")
    )
    assert mpimg.imread(tmp_path / "sweep_peak_rung.png").std() > 0.01
    assert len(pd.read_csv(tmp_path / "sweep_milestone_prk_combat.csv")) == 4


def test_unknown_milestone_and_actor_are_refused(sweep_dir):
    sweep = load_sweep(sweep_dir)
    with pytest.raises(ResultsError, match="no milestone 'moon_landing'"):
        milestone_by(sweep.table, sweep.parameters, "moon_landing", 3)
    with pytest.raises(ResultsError, match="no actor 'atlantis'"):
        peaks_of(sweep.table, "atlantis")
