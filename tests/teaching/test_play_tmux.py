"""The terminal game in a real 80x24 terminal (tmux): the first screen of a turn shows its
dates, what is new and last turn together with the marked moves and the prompt, and Ctrl-C
saves and prints the resume command."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
import uuid

import pytest

pytestmark = pytest.mark.slow


def _tmux(*args: str) -> str:
    return subprocess.run(["tmux", *args], capture_output=True, text=True, check=True).stdout


def _screen_until(session: str, text: str, timeout: float = 90) -> list[str]:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        screen = _tmux("capture-pane", "-p", "-t", session).splitlines()
        if any(text in line for line in screen):
            return screen
        time.sleep(0.3)
    pytest.fail(f"{text!r} never showed; the screen was:\n" + "\n".join(screen))


def test_the_first_screen_fits_80x24_and_ctrl_c_exits_cleanly(tmp_path, project_root):
    if shutil.which("tmux") is None:
        pytest.skip("needs tmux")
    session = f"wargame-{uuid.uuid4().hex[:8]}"
    env = f"WARGAME_SCENARIOS={project_root / 'scenarios'} PYTHONPATH={project_root}"
    cmd = (f"cd {tmp_path} && env {env} {sys.executable} -m sim.cli play --exercise kursk_2024 "
           f"--as united_states --out {tmp_path / 'game'}; echo EXIT=$?; sleep 60")  # fmt: skip
    _tmux("new-session", "-d", "-x", "80", "-y", "24", "-s", session, cmd)
    try:
        first = "\n".join(_screen_until(session, "United States >"))
        assert "== Turn 1 of 12: 28 Oct - 4 Nov 2024 ==" in first  # the whole screen, top line
        assert "16✗commit to combat" in first and "not possible now (a hold)" in first
        _tmux("send-keys", "-t", session, "1", "Enter")
        screen = _screen_until(session, "Turn 2 of 12")
        screen = _screen_until(session, "United States >")
        text = "\n".join(screen)
        assert "NEW THIS TURN:" in text and "INJECT: Ukrainian units report" in text
        assert "LAST TURN:" in text and "LADDER:" in text and "== Turn 2 of 12" in text
        _tmux("send-keys", "-t", session, "C-c")
        screen = _screen_until(session, "EXIT=")
        text = "\n".join(screen)
        assert "Traceback" not in text and "wargame play --resume" in text
        assert "EXIT=130" in text
    finally:
        subprocess.run(["tmux", "kill-session", "-t", session], capture_output=True)
    assert os.path.isfile(tmp_path / "game" / "game.json")
