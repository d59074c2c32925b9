"""Starting the web page: solara's server on 127.0.0.1, offline, with the session's settings.

No request leaves the machine: solara's version check is off (``--no-check-version``),
telemetry is off, and the front end is served from the installed ``solara-assets``.

The front end comes from the ``solara-assets`` package (no CDN) and telemetry is switched off;
the scenario, deck and seat reach ``sim.teaching.app`` through environment variables.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from pathlib import Path

from sim.domain.errors import WargameError
from sim.teaching.app_model import ENV
from sim.teaching.world import check_seats, load_world

OFFLINE_ENV = {
    "SOLARA_TELEMETRY_MIXPANEL_ENABLE": "False",
    "MPLBACKEND": "Agg",
}  # and sim.teaching.offline: assets only from the installed cache, never downloaded


def app_env(scenario: str, seats: list[str], deck: str | None, seed: int | None = None) -> dict:
    """The environment of the server process (checked: scenario, deck and seat must exist)."""
    if len(seats) > 1:
        raise WargameError("the web page has one human seat; use `wargame play` for hot seat")
    world, path = load_world(scenario, deck)
    check_seats(world, seats)
    env = {**os.environ, **OFFLINE_ENV, ENV["scenario"]: str(path), ENV["seat"]: "".join(seats),
           ENV["deck"]: str(Path(deck).resolve()) if deck else ""}  # fmt: skip
    if seed is not None:
        env[ENV["seed"]] = str(seed)
    return env


def server_command(port: int) -> list[str]:
    """``solara run`` of the page module on 127.0.0.1 only."""
    return [sys.executable, "-m", "solara", "run", "sim.teaching.app", "--host", "127.0.0.1",
            "--port", str(port), "--no-open", "--production", "--no-check-version"]  # fmt: skip


def serve(scenario: str, seats: list[str], deck: str | None, port: int) -> int:
    """Run the page's server until Ctrl-C (or SIGTERM), then stop it and return 0."""
    from sim.teaching.classroom.run import check_listen

    env = app_env(scenario, seats, deck)
    check_listen("127.0.0.1", port)
    _check_page_imports()
    print(f"wargame app: open http://127.0.0.1:{port} (works offline; Ctrl-C stops it)", flush=True)
    # its own session: Ctrl-C reaches this process only, which stops the server in order (the
    # server's own Ctrl-C handling ends with "Aborted!" and exit status 1)
    server = subprocess.Popen(server_command(port), env=env, start_new_session=True)
    return until_stopped(server)


def until_stopped(server: subprocess.Popen) -> int:
    """Wait for ``server``; on Ctrl-C or SIGTERM stop it (SIGTERM, then SIGKILL after 10 s),
    say so and return 0. If the server ends by itself, its exit status. Ctrl-C is caught here
    even when this process was started with it ignored (a parent's SIG_IGN is inherited, and
    Python then raises no KeyboardInterrupt: the page server was left running)."""

    def stop(signum, frame) -> None:
        raise KeyboardInterrupt

    previous = signal.signal(signal.SIGTERM, stop)
    previous_int = signal.signal(signal.SIGINT, stop)
    try:
        return server.wait()
    except KeyboardInterrupt:
        server.terminate()
        try:
            server.wait(timeout=10)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait()
        print("wargame app: stopped", flush=True)
        return 0
    finally:
        signal.signal(signal.SIGTERM, previous)
        signal.signal(signal.SIGINT, previous_int)


def _check_page_imports() -> None:
    """Fail early, in words, when the web page's packages are missing."""
    try:
        import sim.teaching.app  # noqa: F401
    except ImportError as exc:
        raise WargameError(
            f"the web page needs the app extra ({exc}): pip install -e '.[app]' "
            "(solara==1.58.2, solara-assets==1.58.2, ipyvue<2, ipyvuetify<2, altair)"
        ) from None
