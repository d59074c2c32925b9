"""The classroom end to end in a real browser: an instructor and five teams, each in its own
browser context (its own cookies, as on separate laptops), with every non-local request blocked.

Join, submit, a live inject, an override, a reload mid-turn, the clock running out (the team
that did not submit holds), a nuclear move confirmed, the end screen on every page, and the
after-action review. Needs Debian's chromium and the ``playwright`` package.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.teaching.classroom_helpers import (
    CHROMIUM,
    CHROMIUM_ARGS,
    LocalOnly,
    start_classroom,
    stop,
)  # fmt: skip

pytestmark = pytest.mark.slow
WAIT = 20_000  # ms a page may take to show a change


@pytest.fixture
def classroom(tmp_path):
    if not Path(CHROMIUM).exists():
        pytest.skip("needs Debian chromium at /usr/bin/chromium: apt-get install -y chromium")
    pytest.importorskip("playwright.sync_api")
    folder = tmp_path / "class"
    proc, url = start_classroom(tmp_path, folder, "--exercise", "kursk_2024", "--steps", "4",
                                "--review-replicates", "8")  # fmt: skip
    try:
        yield url, folder, json.loads((folder / "classroom.json").read_text())
    finally:
        stop(proc)


def _submit(page, seat: str, action: str = "hold", then: str = "Submitted.") -> None:
    """Choose and submit; ``then`` is what the page shows next (the last team sees the turn)."""
    page.select_option(f"#action_{seat}", action)
    page.get_by_role("button", name="Submit moves").click()
    page.get_by_text(then).first.wait_for(timeout=WAIT)


def test_a_class_plays_to_the_end_offline(classroom, tmp_path):
    from playwright.sync_api import sync_playwright

    url, folder, saved = classroom
    local = LocalOnly()
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        teams, seats = {}, {}
        for team in saved["teams"]:
            ctx = browser.new_context(viewport={"width": 1366, "height": 768})
            ctx.route("**/*", local)
            page = ctx.new_page()
            page.goto(url)
            page.fill("#code", team["code"].lower())
            page.get_by_role("button", name="Join").click()
            page.get_by_text("you play").wait_for(timeout=WAIT)
            teams[team["name"]], seats[team["name"]] = page, team["seats"][0]
        white_ctx = browser.new_context(viewport={"width": 1366, "height": 768})
        white_ctx.route("**/*", local)
        white = white_ctx.new_page()
        white.goto(url + "/instructor")
        white.fill("#code", saved["instructor_code"])
        white.get_by_role("button", name="Open").click()
        white.get_by_text("0 of 5 teams have submitted").wait_for(timeout=WAIT)

        # Turn 1: everyone submits; every page moves to turn 2 by itself.
        for i, (name, page) in enumerate(teams.items()):
            assert page.locator("#action_" + seats[name]).is_visible()  # not covered at 1366x768
            then = "Turn 2 of 4" if i == len(teams) - 1 else "Submitted."
            _submit(page, seats[name], "warn" if name == "Washington" else "hold", then)
        for page in [*teams.values(), white]:
            page.get_by_text("Turn 2 of 4").wait_for(timeout=WAIT)
        assert "North Korean soldiers" in teams["Washington"].inner_text("section.news")

        # Turn 2: a live inject and an override reach every team before it chooses.
        white.fill("#text", "Live: a ferry sinks in the Baltic.")
        white.get_by_role("button", name="Send the inject").click()
        white.select_option("#actor", "north_korea")
        white.select_option("#rung", "4")
        white.fill("#reason", "the umpire rules the corps stays in reserve")
        white.get_by_role("button", name="Override").click()
        for page in teams.values():
            page.get_by_text("a ferry sinks in the Baltic").wait_for(timeout=WAIT)
            page.get_by_text("the umpire rules the corps stays in reserve").wait_for(timeout=WAIT)
        # A reload mid-turn returns to the same seat; Kyiv never submits and the clock runs out.
        _submit(teams["Washington"], "united_states")
        teams["Washington"].reload()
        teams["Washington"].get_by_text("Submitted.").wait_for(timeout=WAIT)
        for name in ("Moscow", "Pyongyang", "Brussels"):
            _submit(teams[name], seats[name])
        white.fill("#minutes", "0.05")
        white.get_by_role("button", name="Start the clock").click()
        for page in [*teams.values(), white]:
            page.get_by_text("Turn 3 of 4").wait_for(timeout=WAIT)
        white.get_by_text("Ukraine held (no move submitted before the clock ran out)").wait_for(
            timeout=WAIT)  # fmt: skip
        white.get_by_role("button", name="Pause the clock").click()

        # Turn 3: Moscow's nuclear move must be confirmed; the game ends at nuclear use.
        moscow = teams["Moscow"]
        moscow.select_option("#action_russia", "nuclear_strike")
        moscow.get_by_role("button", name="Submit moves").click()
        moscow.get_by_text("I confirm this move").click()
        moscow.get_by_role("button", name="Submit moves").click()
        moscow.get_by_text("Submitted.").wait_for(timeout=WAIT)
        for name in ("Washington", "Kyiv", "Pyongyang", "Brussels"):
            last = name == "Brussels"
            _submit(teams[name], seats[name], then="used nuclear" if last else "Submitted.")
        for page in [*teams.values(), white]:
            page.get_by_text("used nuclear weapons in turn 3").first.wait_for(timeout=WAIT)

        # The after-action review, from a team's end screen.
        kyiv = teams["Kyiv"]
        kyiv.get_by_role("link", name="Open the after-action review").wait_for(timeout=120_000)
        kyiv.get_by_role("link", name="Open the after-action review").click()
        kyiv.get_by_text("After-action review").first.wait_for(timeout=WAIT)
        kyiv.screenshot(path=str(tmp_path / "review.png"))
        browser.close()
    assert local.refused == [], f"a page tried to leave the room: {local.refused}"
    log = json.loads((folder / "classroom.json").read_text())["log"]
    assert any("white cell override of north_korea" in line for line in log)
    assert (folder / "report.html").is_file() and (folder / "run.json").is_file()
    choices = json.loads((folder / "game.json").read_text())["choices"]
    assert {"turn": 2, "actor": "ukraine", "action": "hold", "target": None,
            "held": True} in choices  # fmt: skip


def test_an_actor_named_with_markup_renders_inert(tmp_path, project_root):
    """A scenario whose author wrote ``<img src=x onerror=...>`` as an actor's name: the page
    shows the text and runs nothing."""
    from playwright.sync_api import sync_playwright

    from sim.teaching.classroom.run import new_classroom
    from sim.teaching.classroom.server import make_app
    from sim.teaching.game import Setup
    from tests.teaching.classroom_helpers import ServerThread

    if not Path(CHROMIUM).exists():
        pytest.skip("needs Debian chromium at /usr/bin/chromium: apt-get install -y chromium")
    evil = '<img src=x onerror="window.pwned=1">'
    text = (project_root / "scenarios" / "kursk_2024.yaml").read_text(encoding="utf-8")
    scenario = tmp_path / "markup.yaml"
    scenario.write_text(text.replace("    name: Russia\n", f"    name: '{evil}'\n", 1), "utf-8")
    room = new_classroom(Setup(str(scenario), (), seed=1, steps=2), {"Red": ("russia",)},
                         tmp_path / "c", 5)  # fmt: skip
    local = LocalOnly()
    with ServerThread(make_app(room, lambda folder: None)) as url, sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        page = browser.new_page()
        page.route("**/*", local)
        page.goto(url)
        page.fill("#code", room.teams[0].code)
        page.get_by_role("button", name="Join").click()
        page.get_by_text("you play").wait_for(timeout=WAIT)
        assert evil in page.inner_text("h1")  # shown as text
        assert page.evaluate("window.pwned") is None and page.locator("main img").count() == 0
        browser.close()
    assert local.refused == []
