"""Helpers shared by the classroom's server tests and benchmark: a server in a thread and a
browser-like HTTP client with its own cookies."""

from __future__ import annotations

import http.cookiejar
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
    log = (workdir / f"classroom-{port}.log").open("w")
    proc = subprocess.Popen(cmd, cwd=workdir, env=env, stdout=log, stderr=subprocess.STDOUT)
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 90
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise RuntimeError(f"wargame classroom exited: {Path(log.name).read_text()}")
        try:
            with urllib.request.urlopen(url + "/", timeout=2):  # noqa: S310 - local server
                return proc, url
        except OSError:
            time.sleep(0.3)
    proc.kill()
    raise RuntimeError(f"wargame classroom did not answer: {Path(log.name).read_text()}")


def stop(proc: subprocess.Popen, timeout: float = 15) -> int:
    """Stop a server started by ``start_classroom`` as Ctrl-C would (SIGINT), killing it if it
    has not exited within ``timeout`` s; its exit code (-9 when it had to be killed)."""
    proc.send_signal(signal.SIGINT)
    try:
        return proc.wait(timeout=timeout)
    except subprocess.TimeoutExpired:
        proc.kill()
        return proc.wait()
