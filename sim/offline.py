"""No network at run time: the environment every ``wargame`` command starts with.

The project needs no network to run, and connects nowhere on its own. Libraries that would
(Ray's usage statistics, which look up cloud metadata addresses; Ray's local-address probe,
which "connects" a UDP socket to a public DNS server; Solara's telemetry) are switched off here,
through their documented environment variables, before they are imported. A user's own setting
wins (``setdefault``), except that the local Ray launcher is always kept on the loopback.
The web page's asset downloads are refused in ``sim.teaching.offline``.
"""

from __future__ import annotations

import os

QUIET_ENV = {
    "RAY_USAGE_STATS_ENABLED": "0",  # no usage report, no cloud-metadata probe
    "RAY_USAGE_STATS_PROMPT_ENABLED": "0",
    "SOLARA_TELEMETRY_MIXPANEL_ENABLE": "False",
}
LOCAL_RAY_ENV = {"RAY_ENABLE_WINDOWS_OR_OSX_CLUSTER": "0"}  # local Ray: loopback address only


def quiet_network_env(argv: list[str]) -> None:
    """Set the environment that keeps libraries off the network for this command."""
    for key, value in QUIET_ENV.items():
        os.environ.setdefault(key, value)
    if "hydra/launcher=ray" in argv:
        os.environ.update(LOCAL_RAY_ENV)
