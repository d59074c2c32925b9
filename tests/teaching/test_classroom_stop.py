"""Ctrl-C stops the classroom server at once, even while browsers hold long polls, and the class
is saved: the instructor at the end of a lesson is not kept waiting for the polls to time out."""

from __future__ import annotations

import json
import re
import threading
import time

import pytest

from sim.teaching.classroom.server import WAIT_SECONDS
from tests.teaching.classroom_helpers import Browser, start_classroom, stop

pytestmark = pytest.mark.slow
PROMPT = 8.0  # seconds: guards against a hang (it took 15-20 s before), not a speed target


def test_ctrl_c_with_an_open_long_poll_stops_promptly_and_saves_the_class(tmp_path):
    folder = tmp_path / "class"
    proc, url = start_classroom(tmp_path, folder, "--exercise", "kursk_2024", "--steps", "3")
    try:
        codes = json.loads((folder / "classroom.json").read_text())
        moscow = Browser(url)
        moscow.post("/join", code=codes["teams"][1]["code"])
        moscow.post("/team/move", action_russia="warn", target_russia="ukraine")
        key = re.search(r'data-key="([^"]+)"', moscow.get("/team")[1]).group(1)
        answers: list[tuple[int, str]] = []
        poll = threading.Thread(
            target=lambda: answers.append(moscow.get(f"/api/wait?view=team&key={key}"))
        )
        poll.start()
        time.sleep(1.0)  # the poll is waiting on the server (nothing changes for 20 s)
        assert poll.is_alive()
        t0 = time.monotonic()
        code = stop(proc, timeout=WAIT_SECONDS + 10)
        took = time.monotonic() - t0
    finally:
        if proc.poll() is None:
            proc.kill()
    poll.join(5)
    assert code == 0 and took < PROMPT, f"exit code {code} after {took:.1f} s"
    assert answers and answers[0][0] == 200  # the poll was answered, not cut off
    assert json.loads(answers[0][1])["key"] == key  # nothing changed: the page asks again
    log = next(tmp_path.glob("classroom-*.log")).read_text()
    assert "Traceback" not in log and "Cancel" not in log
    assert f"wargame classroom --resume {folder}" in log.split("Class saved.")[-1]
    saved = json.loads((folder / "classroom.json").read_text())
    assert saved["pending"] == {"russia": ["warn", "ukraine"]}
