"""Starting the web page: solara's server on 127.0.0.1, offline, with the session's settings.

No request leaves the machine: solara's version check is off (``--no-check-version``),
telemetry is off, and the front end is served from the installed ``solara-assets``.

The front end comes from the ``solara-assets`` package (no CDN) and telemetry is switched off;
the scenario, deck and seat reach ``sim.teaching.app`` through environment variables.
"""

from __future__ import annotations

import os
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
    """Become the page's server until Ctrl-C (exec: stopping this process stops the server)."""
    from sim.teaching.classroom.run import check_listen

    env = app_env(scenario, seats, deck)
    check_listen("127.0.0.1", port)
    _check_page_imports()
    print(f"wargame app: open http://127.0.0.1:{port} (works offline; Ctrl-C stops it)", flush=True)
    cmd = server_command(port)
    os.execve(cmd[0], cmd, env)
    return 0  # not reached


def _check_page_imports() -> None:
    """Fail early, in words, when the web page's packages are missing."""
    try:
        import sim.teaching.app  # noqa: F401
    except ImportError as exc:
        raise WargameError(
            f"the web page needs the app extra ({exc}): pip install -e '.[app]' "
            "(solara==1.58.2, solara-assets==1.58.2, ipyvue<2, ipyvuetify<2, altair)"
        ) from None
