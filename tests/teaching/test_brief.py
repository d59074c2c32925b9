"""The briefs: the instructor's (everything, each fact with its quote) and a team's role brief
(its own doctrine only, no deck)."""

from __future__ import annotations

import re

from sim.teaching.cli import brief_main


def test_brief_writes_a_self_contained_handout_with_quotes(tmp_path, capsys):
    assert brief_main(["scenario=kursk_2024", "--out", str(tmp_path)]) == 0
    html = (tmp_path / "briefing.html").read_text()
    md = (tmp_path / "briefing.md").read_text()
    for text in (html, md):
        assert "The situation" in text and "The escalation ladder" in text
        assert "Russia and Ukraine are at war" in text
        assert "North Korea has recently deployed around 10,000 troops to Russia" in text
        assert "Assumption:" in text
        assert "Nuclear use" in text and "Forces" in text
    assert not re.search(r"(src|href)=\"(https?:)?//", html), "the handout must not load anything"
    assert "Learning objectives" in md  # the exercise pack named after the scenario
    assert "briefing.html" in capsys.readouterr().out


def test_the_instructor_reads_the_deck_and_a_team_only_its_own_doctrine(tmp_path):
    brief_main(["--exercise", "kursk_2024", "--out", str(tmp_path)])
    md = (tmp_path / "briefing.md").read_text()
    assert "For the instructor only" in md and "first clashes with North Korean soldiers" in md
    assert "Pyongyang" in md  # the teams
    brief_main(["--exercise", "kursk_2024", "--as", "united_states", "--out", str(tmp_path)])
    role = (tmp_path / "brief_united_states.md").read_text()
    for part in (
        "Your objectives",
        "What you know",
        "What you do not know",
        "How to play",
        "The escalation ladder",
        "Your doctrine: North Korean troops are in combat",
    ):
        assert part in role
    assert "first clashes with North Korean soldiers" not in role
    assert "Western weapons may now strike Russia" not in role  # Russia's doctrine stays hidden
