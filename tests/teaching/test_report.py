"""The after-action review: a played game against its rule-driven ensemble, and any run folder."""

from __future__ import annotations

import re

import pytest

from sim.domain.errors import WargameError
from sim.teaching.cli import play_main, report_main


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


def test_report_refuses_a_folder_that_is_not_a_run(tmp_path):
    with pytest.raises(WargameError, match="not a results folder"):
        report_main([str(tmp_path)])
