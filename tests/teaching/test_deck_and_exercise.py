"""Inject decks: shown to players in play, merged into ordinary runs; the shipped exercise pack."""

from __future__ import annotations

import pandas as pd
import pytest

from sim.domain.errors import ScenarioError
from sim.teaching.cli import play_main, report_main
from sim.teaching.world import find_exercise, load_world
from tests import preloaded


def test_deck_injects_are_shown_to_the_player_when_they_fire(tmp_path, scripted, deck_file):
    lines: list[str] = []
    argv = [
        "--as",
        "united_states",
        "--steps",
        "3",
        "--deck",
        str(deck_file),
        "--out",
        str(tmp_path),
    ]
    play_main(argv,
              ask=scripted(["1", "1", "1"]), write=lines.append)  # fmt: skip
    text = "\n".join(lines)
    assert "INJECT: Ukrainian units report the first clashes with North Korean soldiers" in text
    decisions = pd.read_parquet(tmp_path / "decisions.parquet")
    assert "inject:first_clashes_with_kpa" in set(decisions.rule)


def test_a_deck_with_a_clashing_id_is_refused(tmp_path):
    bad = tmp_path / "deck.yaml"
    bad.write_text("injects:\n  nato_restrictions_review:\n    step: 1\n    text: again\n"
                   "    source: 'assumption: test'\n")  # fmt: skip
    with pytest.raises(ScenarioError, match="already in the scenario"):
        load_world("kursk_2024", bad)


def test_the_kursk_exercise_pack_is_complete_and_valid():
    ex = find_exercise("kursk_2024")
    world, _ = load_world(ex.scenario, ex.deck)
    deck_ids = {"first_clashes_with_kpa", "lavrov_instructors_claim",
                "kyiv_asks_to_lift_restrictions", "moscow_nuclear_doctrine"}  # fmt: skip
    assert deck_ids <= set(world.injects) and 3 <= len(deck_ids) <= 5
    assert set(ex.seats) <= set(world.actors)
    assert ex.objectives and ex.briefing_notes and ex.debrief_questions
    assert "play" in ex.commands and (ex.folder / "README.md").is_file()


@pytest.mark.slow
def test_an_ordinary_run_takes_a_deck_and_gets_a_review(tmp_path, deck_file, project_root):
    """`wargame deck=FILE ...` (sim/cli.py) merges the deck into a normal run; `wargame report`
    reviews any run folder against its own replicates."""
    out = tmp_path / "run"
    env = {"WARGAME_SCENARIOS": str(project_root / "scenarios")}
    args = [f"deck={deck_file}", "replicates=2", "steps=4", "plots=false", f"hydra.run.dir={out}"]
    proc = preloaded.shared().run(args, tmp_path, env=env, timeout=120)  # a process of its own
    assert proc.returncode == 0, proc.stderr
    decisions = pd.read_parquet(out / "decisions.parquet")
    assert "inject:first_clashes_with_kpa" in set(decisions.rule)
    assert set(decisions.replicate) == {0, 1}
    review = tmp_path / "aar" / "report.html"
    assert report_main([str(out), "--out", str(review.parent)]) == 0
    html = review.read_text()
    assert "this run&#x27;s own replicates" in html and "nobody (all rule-driven)" in html
    assert "Ukrainian units report the first clashes" in html
    assert (tmp_path / "aar" / "report.md").is_file() and not (out / "ensemble").exists()
