"""`wargame app` stops cleanly on Ctrl-C: exit status 0, a closing line, no "Aborted!"."""

from __future__ import annotations

import os
import signal
import subprocess
import sys

import pytest

from tests.teaching.test_app_browser import _free_port, _wait_for


@pytest.mark.slow
def test_ctrl_c_stops_the_page_server_with_status_0(tmp_path, project_root):
    pytest.importorskip("solara")
    port = _free_port()
    log = tmp_path / "server.log"
    env = {**os.environ, "WARGAME_SCENARIOS": str(project_root / "scenarios")}
    cmd = [sys.executable, "-m", "sim.cli", "app", "--exercise", "kursk_2024",
           "--as", "united_states", "--port", str(port)]  # fmt: skip
    with log.open("w") as out:
        proc = subprocess.Popen(cmd, cwd=tmp_path, env=env, stdout=out, stderr=subprocess.STDOUT)
    try:
        _wait_for(f"http://127.0.0.1:{port}/", proc, log)
        proc.send_signal(signal.SIGINT)
        assert proc.wait(timeout=20) == 0, log.read_text()
    finally:
        if proc.poll() is None:
            proc.kill()
    text = log.read_text()
    assert "wargame app: stopped" in text
    assert "Aborted" not in text and "Traceback" not in text
