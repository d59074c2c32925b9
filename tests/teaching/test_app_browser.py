"""The web page in a real browser: headless Chromium, every non-local request blocked.

Starts ``wargame app`` on a free port, loads the page, steps five turns, chooses a move for the
human seat, and checks the turn counter, the escalation chart and the decision log changed.
Needs Debian's chromium (``apt-get install -y chromium``) and the ``playwright`` package.
"""

from __future__ import annotations

import os
import re
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

pytestmark = pytest.mark.slow
CHROMIUM = Path("/usr/bin/chromium")
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--no-first-run"]  # fmt: skip


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _wait_for(url: str, proc: subprocess.Popen, log: Path, timeout: float = 90) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            pytest.fail(f"wargame app exited ({proc.returncode}):\n{log.read_text()}")
        try:
            with urllib.request.urlopen(url, timeout=2) as r:  # noqa: S310 - local server
                if r.status == 200:
                    return
        except OSError:
            time.sleep(0.5)
    pytest.fail(f"wargame app did not answer within {timeout} s:\n{log.read_text()}")


def start_app(tmp_path: Path, project_root: Path) -> tuple[subprocess.Popen, str, Path]:
    """``wargame app`` for the Kursk exercise as the United States on a free port, answering:
    its process, its address and its log."""
    port = _free_port()
    log = tmp_path / "server.log"
    env = {**os.environ, "WARGAME_SCENARIOS": str(project_root / "scenarios")}
    cmd = [sys.executable, "-m", "sim.cli", "app", "--exercise", "kursk_2024",
           "--as", "united_states", "--port", str(port)]  # fmt: skip
    with log.open("w") as out:
        proc = subprocess.Popen(cmd, cwd=tmp_path, env=env, stdout=out, stderr=subprocess.STDOUT)
    url = f"http://127.0.0.1:{port}"
    try:
        _wait_for(f"{url}/", proc, log)
    except BaseException:
        proc.kill()
        raise
    return proc, url, log


@pytest.fixture
def app_url(tmp_path, project_root):
    if not CHROMIUM.exists():
        pytest.skip("browser test needs Debian chromium at /usr/bin/chromium: "
                    "apt-get install -y chromium")  # fmt: skip
    pytest.importorskip("playwright.sync_api")
    pytest.importorskip("solara")
    proc, url, _ = start_app(tmp_path, project_root)
    try:
        yield url
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()


def _turn(page, n: int) -> None:
    page.get_by_text(re.compile(rf"^Turn {n} —")).wait_for(timeout=30_000)


def test_the_page_steps_and_takes_a_human_move_offline(app_url, tmp_path):
    from playwright.sync_api import sync_playwright

    refused: list[str] = []

    def only_local(route) -> None:
        url = route.request.url
        if re.match(r"^(https?|wss?)://(127\.0\.0\.1|localhost)[:/]", url) or url.startswith(
            ("data:", "blob:")):  # fmt: skip
            route.continue_()
        else:
            refused.append(url)
            route.abort()

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
        page = browser.new_page(viewport={"width": 1600, "height": 1400})
        page.route("**/*", only_local)
        page.goto(app_url)
        _turn(page, 0)
        log = page.locator(".v-card", has_text="Decision log")
        chart_before, log_before = page.locator("img").first.screenshot(), log.inner_text()
        for n in range(1, 6):
            page.get_by_role("button", name="Step").click()
            _turn(page, n)
        page.locator(".v-select", has=page.get_by_label("your move")).locator(
            ".v-select__slot"
        ).click()
        page.get_by_role("option", name=re.compile("lift weapons restrictions")).click()
        page.get_by_role("button", name="Choose this move").click()
        page.get_by_text("Next turn: lift_weapons_restrictions").wait_for(timeout=10_000)
        page.get_by_role("button", name="Step").click()
        _turn(page, 6)
        chart_after, log_after = page.locator("img").first.screenshot(), log.inner_text()
        page.screenshot(path=str(tmp_path / "page.png"), full_page=True)
        browser.close()
    assert chart_after != chart_before
    assert log_after != log_before
    assert "lift weapons restrictions" in log_after and "chosen by the player" in log_after
    assert (tmp_path / "page.png").stat().st_size > 10_000
    assert refused == [], f"the page tried to reach the internet: {refused}"
