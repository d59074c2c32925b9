"""Every per-run figure, drawn from a tiny real run: files written, not blank, and the right
labels, legend entries and number of series read back from the figure objects."""

from __future__ import annotations

import matplotlib.image as mpimg
import matplotlib.pyplot as plt
import pandas as pd
import pytest

from sim.analysis import style
from sim.analysis.fan import fan_chart, fan_grid
from sim.analysis.front import front_figure
from sim.analysis.metrics import milestone_curves, most_typical_replicate
from sim.analysis.milestone_plots import milestone_chart, turn_dates
from sim.analysis.names import names_of
from sim.analysis.network import network_chart, relation_graph
from sim.analysis.postures import postures_at
from sim.analysis.results import load_run
from sim.analysis.run_plots import plot_run
from sim.analysis.timeline import decision_timeline, timeline_events
from sim.domain.ladder import standard_ladder

FIGURES = ("fan_chart", "decision_timeline", "milestones", "front", "network")


@pytest.fixture(scope="module")
def run(run_a):
    return load_run(run_a)


@pytest.fixture(scope="module")
def colours(run):
    return style.actor_colours(run.actors)


def legend_texts(ax) -> list[str]:
    return [t.get_text() for t in ax.get_legend().get_texts()]


def test_plot_run_writes_png_and_csv_for_every_figure_and_svg_only_when_asked(run_a, tmp_path):
    written = plot_run(run_a, out_dir=tmp_path)
    assert not list(tmp_path.glob("*.svg"))
    for name in FIGURES:
        for ext in ("png", "csv"):
            assert (tmp_path / f"{name}.{ext}") in written
        image = mpimg.imread(tmp_path / f"{name}.png")
        assert image.std() > 0.01, f"{name}.png is blank"
        assert image.shape[1] > 600


def test_plot_run_defaults_to_plots_folder_of_the_run(run_a):
    plot_run(run_a)
    assert (run_a / "plots" / "fan_chart.png").stat().st_size > 10_000


def test_fan_chart_has_rung_labels_thresholds_median_and_two_bands(run):
    fig = fan_chart(run.timeseries, "russia", colour="#E69F00")
    ax = fig.axes[0]
    ladder = standard_ladder()
    assert [t.get_text() for t in ax.get_yticklabels()] == list(ladder.labels)
    assert ax.get_ylabel() == "escalation rung" and ax.get_xlabel() == "date"
    assert len(ax.lines) == 1 + len(ladder.thresholds)  # median + one dotted line per threshold
    assert len(ax.collections) == 2  # 50% and 90% bands
    assert not ax.texts  # no caption on the data: the threshold names are on the right axis
    (right,) = ax.child_axes
    assert [t.get_text() for t in right.get_yticklabels()] == [t.label for t in ladder.thresholds]
    handles, labels = ax.get_legend_handles_labels()
    assert labels == ["90% band", "50% band", "median"]
    plt.close(fig)


def test_fan_grid_has_one_panel_per_actor_in_its_own_colour(run, colours):
    fig = fan_grid(run.timeseries, run.actors, colours, "title", run.caption, names=run.names)
    panels = [ax for ax in fig.axes if ax.get_visible() and ax.get_title()]
    assert [ax.get_title() for ax in panels] == [
        run.scenario["actors"][a]["name"] for a in run.actors
    ]
    assert "NATO" in [ax.get_title() for ax in panels]  # the scenario's name, not "Nato"
    for ax, actor in zip(panels, run.actors, strict=True):
        median = [line for line in ax.lines if line.get_label() == "median"]
        assert len(median) == 1 and median[0].get_color() == colours[actor]
        assert len(ax.lines) == 1 + len(standard_ladder().thresholds)
    assert "8 replicates" in fig.get_supxlabel()
    fig.canvas.draw()
    for ax in panels[-4:]:  # each column's lowest panel (Australia: a spare slot below it)
        assert any(t.get_text() and t.get_visible() for t in ax.get_xticklabels()), ax.get_title()
        assert ax.get_xlabel() == "date"
    named = [ax for ax in panels if ax.child_axes]  # threshold names: the rightmost column
    assert [ax.get_title() for ax in named] == ["United States", "Australia"]
    plt.close(fig)


def test_decision_timeline_marks_the_replicates_non_hold_decisions(run, colours):
    events = timeline_events(run.decisions, 0)
    assert len(events) > 0 and "hold" not in set(events["action"])
    fig = decision_timeline(run.decisions, 0, run.actors, colours, names=run.names)
    ax = fig.axes[0]
    assert sum(len(c.get_offsets()) for c in ax.collections) == len(events)
    numbers = [t.get_text() for t in ax.texts if t.get_text().isdigit()]
    assert sorted(map(int, numbers)) == list(range(1, len(events) + 1))
    listing = "\n".join(t.get_text() for t in ax.texts if not t.get_text().isdigit())
    for e in events.itertuples():
        assert f"turn {e.step:<2} {run.names.actor(e.actor)}: " in listing
    assert "_" not in listing  # words, not ids: 'offer ceasefire', 'South Korea', 'doctrine'
    offers = events[events["action"] != "inject"].dropna(subset=["target"])
    e = offers.iloc[0]
    assert f"{e.action.replace('_', ' ')} -> {run.names.actor(e.target)}" in listing
    assert legend_texts(ax) == ["decision or effect (number: see the list)", "inject"]
    lanes = {t.get_text(): y for t, y in zip(ax.get_yticklabels(), ax.get_yticks(), strict=True)}
    assert lanes["Russia"] > lanes["Iran"]  # scenario order, top to bottom
    plt.close(fig)


def test_most_typical_replicate_is_a_replicate(run):
    rep = most_typical_replicate(run.outcomes, run.steps)
    assert rep in set(run.outcomes["replicate"])


def test_milestone_chart_draws_reached_milestones_with_counts_and_lists_the_rest(run):
    curves = milestone_curves(run.outcomes, run.steps)
    final = curves[curves["step"] == run.steps].set_index("milestone")
    reached = [m for m in final.index if final.loc[m, "reached"] > 0]
    dates = turn_dates(run.date_of(0), run.step_days, run.steps)
    fig = milestone_chart(run.outcomes, run.steps, dates, curves=curves, names=run.names)
    drawn = [t for ax in fig.axes for t in legend_texts(ax)]
    expected = [f"{run.names.milestone(m)} ({final.loc[m, 'reached']} of 8)" for m in reached]
    assert sorted(drawn) == sorted(expected)
    never = [m for m in final.index if final.loc[m, "reached"] == 0]
    listed = " ".join(t.get_text() for ax in fig.axes for t in ax.texts)
    assert all(run.names.milestone(m) in listed for m in never)
    ax = fig.axes[0]
    assert ax.get_ylabel().startswith("P(reached by date)")
    assert ax.get_legend().get_bbox_to_anchor().x0 >= ax.get_window_extent().x1  # outside
    assert (curves["ci_low"] <= curves["probability"]).all()
    assert (curves["probability"] <= curves["ci_high"]).all()
    plt.close(fig)


def test_milestone_curves_never_wear_an_actor_colour_and_log_ticks_are_plain(run):
    """Orange is Russia's, black Australia's: a milestone in them reads as the actor. The rare
    panel's log ticks print '1%', never '$\\mathdefault{10^{-2}}$'."""
    outcomes = run.outcomes.copy()
    outcomes["nato_russia_combat_step"] = float("nan")
    outcomes = pd.concat([outcomes] * 20, ignore_index=True)  # 160 replicates, 1 reaches it
    outcomes.loc[0, "nato_russia_combat_step"] = 3.0
    dates = turn_dates(run.date_of(0), run.step_days, run.steps)
    fig = milestone_chart(outcomes, run.steps, dates, names=run.names)
    top, rare = fig.axes
    lines = [line for ax in fig.axes for line in ax.get_lines() if line.get_label()[0] != "_"]
    actor_colours = {c.lower() for c in style.PALETTE}
    assert lines and not {line.get_color().lower() for line in lines} & actor_colours
    assert all(line.get_marker() not in ("None", "", None) for line in lines)
    assert rare.get_yscale() == "log"
    fig.canvas.draw()
    labels = [t.get_text() for t in rare.get_yticklabels() if t.get_text()]
    assert "1%" in labels and "10%" in labels
    assert not any("$" in t or "mathdefault" in t for t in labels)
    plt.close(fig)


def test_front_figure_shows_strength_per_actor_and_salient_control(run, colours):
    fig = front_figure(run.forces, run.theatres, colours, "front", run.caption, names=run.names)
    top, bottom = fig.axes
    assert set(legend_texts(top)) == {"Russia", "Ukraine", "North Korea"}
    assert top.get_ylabel() == "personnel"
    assert legend_texts(bottom) == ["Kursk region (held by Ukraine)"]
    assert bottom.get_ylabel() == "share controlled"
    assert bottom.lines[0].get_color() == colours["ukraine"]
    plt.close(fig)


def test_names_come_from_the_scenario(run):
    names = names_of(run.scenario)
    assert names.actor("nato") == "NATO" and names.actor("north_korea") == "North Korea"
    assert names.milestone("prk_combat") == "North Korean troops in combat"
    assert names.theatre("kursk") == "Kursk region"
    assert names.actor("atlantis_league") == "atlantis league"  # unnamed: visible, not guessed
    assert names.parameter("scenario.actors.united_states.risk_tolerance") == (
        "United States risk tolerance"
    )
    kpa = "scenario.forces.kpa_expeditionary_corps.strength"
    assert (
        names.parameter(kpa) == "North Korean troops sent to Russia, arriving near Kursk: strength"
    )
    assert names.parameter("rules.noise") == "decision noise"
    assert names.parameter("rules") == names.parameter("rules.name") == "rule set"
    assert names.value("rules", "tit_for_tat") == "doctrine, then tit for tat"
    assert names.value(kpa, 30000.0) == "30000" and names.value("rules.noise", 0.6) == "0.6"
    assert "doctrine_richardson" not in run.caption and "rule set: doctrine, then" in run.caption


def test_postures_change_between_turns_and_fall_back_to_decisions(run):
    early, late = postures_at(run.decisions, 1), postures_at(run.decisions, run.steps)
    assert set(early["read_from"]) == {"decisions"}
    assert (early["share"] <= 1).all() and (early["rung"] >= 0).all()
    assert not early.equals(late)
    table = run.decisions[["replicate", "step", "actor", "target", "rung"]].dropna()
    table = table.assign(rung_label="x")
    from_table = postures_at(run.decisions, 2, postures=table)
    assert set(from_table["read_from"]) == {"postures"}


def test_network_draws_postures_at_the_turn_over_every_relation(run, colours):
    g = relation_graph(run.scenario)
    assert set(g.nodes) == set(run.actors)
    assert g.number_of_edges() == len(run.scenario["relations"])
    postures = postures_at(run.decisions, 3)
    fig = network_chart(run.scenario, postures, 3, colours, names=run.names)
    ax = fig.axes[0]
    assert {t.get_text() for t in ax.texts} >= {"NATO", "North\nKorea"}
    rungs, relations = ([t.get_text() for t in lg.get_texts()] for lg in fig.legends)
    assert "war" in relations and "supply" in relations
    assert fig.legends[0].get_title().get_text().startswith("posture: median rung")
    shown = sorted({int(r) for r in postures["rung"] if r >= 2}, reverse=True)
    assert rungs == [f"{r} {standard_ladder().labels[r]}" for r in shown]
    plt.close(fig)


def test_network_nodes_sit_off_every_line_and_relation_kinds_differ_by_dash(run):
    """The US node sat on Russia's edges: on a circle, every line is a chord that comes near
    no node but its ends."""
    import itertools

    import numpy as np

    from sim.analysis.network import EDGE_STYLE, node_positions

    pos = {a: np.array(p) for a, p in node_positions(run.actors).items()}
    for a, b in itertools.combinations(run.actors, 2):
        for c in set(run.actors) - {a, b}:
            t = np.clip(np.dot(pos[c] - pos[a], pos[b] - pos[a]) / np.sum((pos[b] - pos[a]) ** 2),
                        0, 1)  # fmt: skip
            assert np.linalg.norm(pos[a] + t * (pos[b] - pos[a]) - pos[c]) > 0.15, (a, b, c)
    dashes = [ls for ls, _ in EDGE_STYLE.values()]
    assert len({str(d) for d in dashes}) == len(dashes)  # not told apart by width alone


def test_actor_colours_are_stable_and_distinct():
    actors = ["a", "b", "c", "d", "e", "f", "g", "h", "i", "j", "k"]
    first, again = style.actor_colours(actors), style.actor_colours(actors)
    assert first == again
    assert len(set(first.values())) == len(actors)


def test_a_long_decision_log_is_listed_up_to_the_room_and_points_to_the_csv(run, colours):
    busy = run.decisions.assign(action=run.decisions["action"].astype(str).replace("hold", "warn"))
    events = timeline_events(busy, 0)
    assert len(events) > 100
    fig = decision_timeline(busy, 0, run.actors, colours)
    listing = "\n".join(t.get_text() for t in fig.axes[0].texts if not t.get_text().isdigit())
    assert listing.rstrip().endswith("more in the CSV")
    plt.close(fig)


def test_figures_drawn_in_parallel_are_those_drawn_in_one_process(run_a, tmp_path):
    one = plot_run(run_a, out_dir=tmp_path / "one", workers=1, formats=("png",))
    many = plot_run(run_a, out_dir=tmp_path / "many", workers=3, formats=("png",))
    assert [p.name for p in one] == [p.name for p in many]
    assert not list((tmp_path / "many").glob("*.svg"))
    for a, b in zip(one, many, strict=True):
        assert a.read_bytes() == b.read_bytes(), a.name


def test_the_figures_read_no_whole_big_table(run_a, tmp_path, monkeypatch):
    """Every figure reads its big tables in pieces (or only the rows it draws): none touches a
    whole timeseries, forces, theatres or decision log, so memory does not grow with replicates."""
    from sim.analysis.results import Run

    def whole(name):
        return property(lambda self: pytest.fail(f"read the whole {name} table"))

    for name in ("timeseries", "forces", "theatres", "decisions", "postures"):
        monkeypatch.setattr(Run, name, whole(name))
    written = plot_run(run_a, out_dir=tmp_path, formats=("png",), workers=1)
    assert {p.stem for p in written} == set(FIGURES)


def test_timeline_lines_name_the_target_and_the_rule_in_words():
    """Two ceasefire offers in one turn to two actors were listed alike; ids were raw."""
    from types import SimpleNamespace

    from sim.analysis.names import Names
    from sim.analysis.timeline import event_words

    names = Names(actors={"russia": "Russia", "north_korea": "North Korea", "ukraine": "Ukraine"})

    def row(action, target, rule, reason=""):
        return SimpleNamespace(action=action, target=target, rule=rule, reason=reason)

    to_nk = event_words(row("offer_ceasefire", "north_korea", "bargaining"), names)
    to_ru = event_words(row("offer_ceasefire", "russia", "bargaining"), names)
    assert to_nk == "offer ceasefire -> North Korea (bargaining)" and to_nk != to_ru
    effect = event_words(row("commit_to_combat", "ukraine", "effect:russia"), names)
    assert effect == "commit to combat -> Ukraine (Russia's move)"
    text = "Ministers meet to discuss North Korea's deployment."
    assert event_words(row("inject", None, "inject:us_sk", text), names) == f"inject: {text}"
