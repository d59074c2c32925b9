"""`wargame app` stops cleanly on Ctrl-C: exit status 0, a closing line, no "Aborted!"."""

from __future__ import annotations

import signal

import pytest

from tests.teaching.test_app_browser import start_app


@pytest.mark.slow
def test_ctrl_c_stops_the_page_server_with_status_0(tmp_path, project_root):
    """Also when started with Ctrl-C ignored (inherited from a parent, as under a test runner's
    worker): the page server was then left running, orphaned."""
    pytest.importorskip("solara")
    before = signal.signal(signal.SIGINT, signal.SIG_IGN)  # the child inherits SIG_IGN
    try:
        proc, _, log = start_app(tmp_path, project_root)
    finally:
        signal.signal(signal.SIGINT, before)
    try:
        proc.send_signal(signal.SIGINT)
        assert proc.wait(timeout=20) == 0, log.read_text()
    finally:
        if proc.poll() is None:
            proc.kill()
    text = log.read_text()
    assert "wargame app: stopped" in text
    assert "Aborted" not in text and "Traceback" not in text
