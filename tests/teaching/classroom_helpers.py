"""Helpers shared by the classroom's server tests and benchmark: a server in a thread and a
browser-like HTTP client with its own cookies."""

from __future__ import annotations

import http.cookiejar
import json
import os
import re
import signal
import socket
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

from sim.teaching.classroom.server import class_server


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class ServerThread:
    """A classroom app's server on 127.0.0.1 in a thread (``with ServerThread(app) as url``),
    the server ``wargame classroom`` runs (it stops at once, long polls or not)."""

    def __init__(self, app):
        self.port = free_port()
        self.server = class_server(app, "127.0.0.1", self.port)
        self.thread = threading.Thread(target=self.server.run, daemon=True)

    def __enter__(self) -> str:
        self.thread.start()
        deadline = time.monotonic() + 20
        while not self.server.started and time.monotonic() < deadline:
            time.sleep(0.05)
        return f"http://127.0.0.1:{self.port}"

    def __exit__(self, *exc) -> None:
        self.server.should_exit = True
        self.thread.join(10)


class Browser:
    """An HTTP client that keeps its cookies, like one browser on one student's laptop."""

    def __init__(self, base: str):
        self.base = base
        jar = http.cookiejar.CookieJar()
        self.opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar))

    def get(self, path: str) -> tuple[int, str]:
        return self._open(urllib.request.Request(self.base + path))

    def post(self, path: str, **fields: str) -> tuple[int, str]:
        data = urllib.parse.urlencode(fields).encode()
        return self._open(urllib.request.Request(self.base + path, data=data))

    def _open(self, request) -> tuple[int, str]:
        try:
            with self.opener.open(request, timeout=30) as r:
                return r.status, r.read().decode()
        except urllib.error.HTTPError as err:
            return err.code, err.read().decode()


CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run"]  # fmt: skip
LOCAL = re.compile(r"^(https?|wss?)://(127\.0\.0\.1|localhost)[:/]")


class LocalOnly:
    """A Playwright route handler that lets only local requests through and counts the rest."""

    def __init__(self) -> None:
        self.refused: list[str] = []

    def __call__(self, route) -> None:
        url = route.request.url
        if LOCAL.match(url) or url.startswith(("data:", "blob:")):
            route.continue_()
        else:
            self.refused.append(url)
            route.abort()


def start_classroom(workdir: Path, folder: Path, *options: str) -> tuple[subprocess.Popen, str]:
    """``wargame classroom`` as a real process on a free local port; returns it and its URL."""
    port = free_port()
    project = Path(__file__).resolve().parents[2]
    env = {**os.environ, "WARGAME_SCENARIOS": str(project / "scenarios"),
           "PYTHONPATH": str(project)}  # fmt: skip
    cmd = [sys.executable, "-m", "sim.cli", "classroom", "--host", "127.0.0.1", "--port",
           str(port), "--out", str(folder), *options]  # fmt: skip
    return start_server(cmd, workdir, port, workdir / f"classroom-{port}.log", env)


def wargame_command() -> list[str]:
    """``wargame`` as a shell finds it: the installed script beside this Python (else
    ``python -m sim.cli``, the same entry point)."""
    script = Path(sys.executable).with_name("wargame")
    return [str(script)] if script.is_file() else [sys.executable, "-m", "sim.cli"]


def start_server(cmd: list[str], cwd: Path, port: int, log: Path, env: dict[str, str],
                 timeout: float = 90) -> tuple[subprocess.Popen, str]:  # fmt: skip
    """A server command as a real process in ``cwd`` (output to ``log``), once
    ``http://127.0.0.1:PORT/`` answers; the process and that URL."""
    with log.open("w") as out:
        proc = subprocess.Popen(cmd, cwd=cwd, env=env, stdout=out, stderr=subprocess.STDOUT)
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise RuntimeError(f"{' '.join(cmd)} exited ({proc.returncode}): {log.read_text()}")
        try:
            with urllib.request.urlopen(url + "/", timeout=2):  # noqa: S310 - local server
                return proc, url
        except OSError:
            time.sleep(0.3)
    proc.kill()
    proc.wait()
    raise RuntimeError(f"{' '.join(cmd)} did not answer in {timeout} s: {log.read_text()}")


def play_to_the_end(url: str, folder: Path, max_turns: int = 12,
                    review_timeout: float = 300) -> Browser:  # fmt: skip
    """Play a class's game to its end as a class would, and wait for its after-action review.

    Every team joins with its code from ``classroom.json``; on turn 1 each submits the move its
    form proposes (hold, toward its main adversary), so the turn is played when the last team
    submits; every later turn the instructor writes an inject and plays the turn now
    (``/instructor/advance``), until the end screen. Then the review is waited for (``GET
    /report`` answers 200). Returns the instructor's browser (logged in).
    """
    saved = json.loads((folder / "classroom.json").read_text(encoding="utf-8"))
    teams = [(Browser(url), t) for t in saved["teams"]]
    for browser, team in teams:
        assert browser.post("/join", code=team["code"])[0] == 200
    white = Browser(url)
    assert white.post("/instructor", code=saved["instructor_code"])[0] == 200
    for turn in range(1, max_turns + 2):
        if "Game over" in teams[0][0].get("/team")[1]:
            break
        if turn == 1:
            for browser, team in teams:
                moves = {f"{k}_{seat}": v for seat in team["seats"]
                         for k, v in (("action", "hold"), ("target", ""))}  # fmt: skip
                assert browser.post("/team/move", **moves)[0] == 200
            page = teams[0][0].get("/team")[1]  # the last submission played the turn
            assert "Turn 2 of" in page or "Game over" in page, page[-2000:]
        else:
            white.post("/instructor/write", text=f"Turn {turn}: a ferry sinks in the Baltic.")
            assert white.post("/instructor/advance")[0] == 200
    else:
        raise AssertionError(f"the class in {folder} did not end within {max_turns} turns")
    deadline = time.monotonic() + review_timeout
    while teams[0][0].get("/report")[0] != 200:
        assert time.monotonic() < deadline, f"no after-action review after {review_timeout} s"
        time.sleep(0.5)
    return white


def stop(proc: subprocess.Popen, timeout: float = 15) -> int:
    """Stop a server started by ``start_classroom`` as Ctrl-C would (SIGINT), killing it if it
    has not exited within ``timeout`` s; its exit code (-9 when it had to be killed)."""
    proc.send_signal(signal.SIGINT)
    try:
        return proc.wait(timeout=timeout)
    except subprocess.TimeoutExpired:
        proc.kill()
        return proc.wait()
