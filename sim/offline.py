"""No network at run time: the environment every ``wargame`` command starts with.

The project needs no network to run, and connects nowhere on its own. Libraries that would
(Ray's usage statistics; Ray's local-address probe, which "connects" a UDP socket to a public
DNS server; Solara's telemetry) are switched off here, through their documented environment
variables, before they are imported. A user's own setting wins (``setdefault``), except that
the local Ray launcher is always kept on the loopback (``LOCAL_RAY_ENV``).

Ray 2.60's API server (the "dashboard" process, started by every local ``ray.init`` even with
``include_dashboard=False``, which then loads only this module) runs
``UsageStatsHead.run`` -> ``usage_lib.get_cluster_config_to_report`` at start, *before* it
looks at ``RAY_USAGE_STATS_ENABLED``. Outside a cluster made by ``ray up`` (no
``~/ray_bootstrap_config.yaml``) that calls ``get_cloud_from_metadata_requests``: HTTP GETs to
169.254.169.254 (Azure, AWS) and ``metadata.google.internal`` (GCP, a DNS lookup first). No Ray
setting turns that call off, so the local launcher gives Ray's processes an HTTP proxy on a
closed loopback port: ``requests`` sends those three GETs there, and they fail at once without a
DNS lookup or a packet leaving the machine. Ray's own traffic is gRPC, which ignores proxies
(Ray sets ``grpc.enable_http_proxy=0``), and its HTTP calls between its processes go to the
loopback, which ``no_proxy`` exempts. The web page's asset downloads are refused in
``sim.teaching.offline``.
"""

from __future__ import annotations

import os

QUIET_ENV = {
    "RAY_USAGE_STATS_ENABLED": "0",  # no usage report
    "RAY_USAGE_STATS_PROMPT_ENABLED": "0",
    "SOLARA_TELEMETRY_MIXPANEL_ENABLE": "False",
}
DEAD_PROXY = "http://127.0.0.1:9"  # the discard port on the loopback: nothing answers there
LOOPBACK = "localhost,127.0.0.1,::1"
LOCAL_RAY_ENV = {
    "RAY_ENABLE_WINDOWS_OR_OSX_CLUSTER": "0",  # Ray's node address: the loopback, no probe
    **{name: DEAD_PROXY for name in ("http_proxy", "HTTP_PROXY", "https_proxy", "HTTPS_PROXY")},
    "no_proxy": LOOPBACK,  # Ray's own HTTP between its processes stays direct
    "NO_PROXY": LOOPBACK,
}
LOCAL_RAY_LAUNCHER = "hydra/launcher=ray"


def quiet_network_env(argv: list[str]) -> None:
    """Set the environment that keeps libraries off the network for this command."""
    for key, value in QUIET_ENV.items():
        os.environ.setdefault(key, value)
    if LOCAL_RAY_LAUNCHER in argv:
        os.environ.update(LOCAL_RAY_ENV)
