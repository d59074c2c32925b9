"""The classroom's web server over HTTP: joining, seats that survive a reload, the move form's
confirmation, the white cell's code, long polls, escaped scenario text, local assets only."""

from __future__ import annotations

import json
import re
import time
from pathlib import Path

import pytest

from sim.teaching.classroom.run import new_classroom
from sim.teaching.classroom.server import make_app
from sim.teaching.game import Setup
from tests.teaching.classroom_helpers import Browser, ServerThread

EVIL = '<img src=x onerror="document.title=1">'


@pytest.fixture
def served(tmp_path, project_root):
    """A class of two teams on a scenario whose author named Russia with markup."""
    text = (project_root / "scenarios" / "kursk_2024.yaml").read_text(encoding="utf-8")
    scenario = tmp_path / "kursk_markup.yaml"
    scenario.write_text(text.replace("    name: Russia\n", f"    name: '{EVIL}'\n", 1), "utf-8")
    room = new_classroom(Setup(str(scenario), (), seed=3, steps=3),
                         {"Blue": ("united_states",), "Red": ("russia",)}, tmp_path / "c", 5)  # fmt: skip
    with ServerThread(make_app(room, lambda folder: None)) as url:
        yield room, url


def _join(url: str, code: str) -> Browser:
    b = Browser(url)
    status, body = b.post("/join", code=code)
    assert status == 200 and "you play" in body
    return b


def test_wrong_codes_are_refused(served):
    room, url = served
    assert Browser(url).post("/join", code="WRONG1")[0] == 403
    assert Browser(url).post("/instructor", code=room.teams[0].code)[0] == 403
    assert "Join code" in Browser(url).get("/team")[1]  # no cookie: back to the join form


def test_scenario_text_is_escaped_on_every_page(served):
    room, url = served
    red = _join(url, room.teams[1].code)
    white = Browser(url)
    white.post("/instructor", code=room.instructor_code)
    for body in (red.get("/team")[1], white.get("/instructor")[1], red.get("/brief")[1]):
        assert EVIL not in body and "&lt;img src=x onerror=" in body


def test_a_reload_returns_to_the_same_seat_and_a_move_is_saved(served):
    room, url = served
    blue = _join(url, room.teams[0].code)
    status, body = blue.post("/team/move", action_united_states="warn",
                             target_united_states="russia")  # fmt: skip
    assert status == 200 and "Submitted." in body
    assert "Submitted." in blue.get("/team")[1]  # the reload
    saved = json.loads((room.folder / "classroom.json").read_text())
    assert saved["pending"] == {"united_states": ["warn", "russia"]}


def test_a_move_over_a_kahn_threshold_is_asked_again(served):
    room, url = served
    red = _join(url, room.teams[1].code)
    _, body = red.post("/team/move", action_russia="nuclear_strike", target_russia="ukraine")
    assert "No nuclear use" in body and 'name="confirm_russia"' in body
    assert room.pending == {}
    _, body = red.post("/team/move", action_russia="nuclear_strike", target_russia="ukraine",
                       confirm_russia="yes")  # fmt: skip
    assert "Submitted." in body and room.pending["russia"] == ("nuclear_strike", "ukraine")


def test_the_long_poll_returns_when_the_turn_is_played(served):
    room, url = served
    blue, red = _join(url, room.teams[0].code), _join(url, room.teams[1].code)
    key = re.search(r'data-key="([^"]+)"', blue.get("/team")[1]).group(1)
    blue.post("/team/move", action_united_states="hold", target_united_states="russia")
    key = re.search(r'data-key="([^"]+)"', blue.get("/team")[1]).group(1)
    t0 = time.monotonic()
    red.post("/team/move", action_russia="hold", target_russia="ukraine")
    status, body = blue.get(f"/api/wait?view=team&key={key}")
    assert status == 200 and json.loads(body)["key"] != key
    assert time.monotonic() - t0 < 2
    assert "Turn 2 of 3" in blue.get("/team")[1]


def test_the_white_cell_writes_an_inject_and_overrides(served):
    room, url = served
    white = Browser(url)
    assert "Instructor code" in white.get("/instructor")[1]
    white.post("/instructor", code=room.instructor_code)
    white.post("/instructor/write", text="A ferry sinks in the Baltic.")
    _, body = white.post("/instructor/override", actor="russia", toward="ukraine", rung="2",
                         reason="umpire")  # fmt: skip
    assert "WHITE CELL OVERRIDE" in body and "toward Ukraine moved from" in body
    assert room.game.model.state.posture("russia", "ukraine") == 2
    _, body = white.post("/instructor/override", actor="russia", rung="2", reason="")
    assert "an override needs a reason" in body
    blue = _join(url, room.teams[0].code)
    assert "A ferry sinks in the Baltic." in blue.get("/team")[1]
    white.post("/instructor/end")
    assert "Game over after 0 turns" in blue.get("/team")[1]


def test_every_asset_is_served_by_the_classroom(served):
    room, url = served
    body = Browser(url).get("/")[1]
    refs = re.findall(r'(?:src|href)="([^"]+)"', body)
    assert refs and all(r.startswith("/") and not r.startswith("//") for r in refs)
    for ref in refs:
        assert Browser(url).get(ref)[0] == 200
    static = Path(__file__).parents[2] / "sim" / "teaching" / "classroom" / "static"
    assert not re.search(r"https?://", "".join(p.read_text() for p in static.iterdir()))


@pytest.mark.slow
def test_a_restarted_server_resumes_and_a_page_finds_its_seat(tmp_path):
    from tests.teaching.classroom_helpers import start_classroom, stop

    folder = tmp_path / "class"
    proc, url = start_classroom(tmp_path, folder, "--exercise", "kursk_2024", "--steps", "3")
    codes = json.loads((folder / "classroom.json").read_text())
    moscow = _join(url, codes["teams"][1]["code"])
    moscow.post("/team/move", action_russia="warn", target_russia="ukraine")
    stop(proc)  # Ctrl-C, as the instructor would
    log = next(tmp_path.glob("classroom-*.log")).read_text()
    assert f"wargame classroom --resume {folder}" in log and "Traceback" not in log
    proc, url2 = start_classroom(tmp_path, tmp_path / "unused", "--resume", str(folder))
    try:
        moscow.base = url2  # the same browser (same cookie) on the restarted server
        status, body = moscow.get("/team")
        assert status == 200 and "Submitted." in body and "warn toward Ukraine" in body
    finally:
        stop(proc)
