"""The environment ``wargame`` starts with keeps libraries off the network (``sim/offline.py``).

The whole-process checks are in ``test_no_network.py`` (slow); these say, quickly, that the
local Ray launcher's cloud-metadata probe is routed to a closed loopback port while Ray's own
loopback traffic is left direct, and that nothing changes for the other launchers.
"""

from __future__ import annotations

import os

import pytest

from sim.offline import DEAD_PROXY, LOCAL_RAY_ENV, QUIET_ENV, quiet_network_env

PROXY_VARS = ("http_proxy", "HTTP_PROXY", "https_proxy", "HTTPS_PROXY", "no_proxy", "NO_PROXY",
              "all_proxy", "ALL_PROXY", "RAY_ENABLE_WINDOWS_OR_OSX_CLUSTER", *QUIET_ENV)  # fmt: skip
METADATA = ("http://169.254.169.254/metadata/instance?api-version=2021-12-13",
            "http://metadata.google.internal/computeMetadata/v1",
            "http://169.254.169.254/latest/meta-data/")  # fmt: skip


@pytest.fixture
def clean_env(monkeypatch):
    """No proxy or Ray setting to start with; the whole environment restored afterwards
    (``quiet_network_env`` sets variables that monkeypatch does not know about)."""
    saved = dict(os.environ)
    for name in PROXY_VARS:
        monkeypatch.delenv(name, raising=False)
    yield monkeypatch
    os.environ.clear()
    os.environ.update(saved)


def test_the_local_ray_launcher_sends_the_metadata_probe_to_the_loopback(clean_env):
    requests = pytest.importorskip("requests")
    quiet_network_env(["-m", "hydra/launcher=ray", "rules=cautious,tit_for_tat"])
    for url in METADATA:
        assert requests.utils.get_environ_proxies(url)["http"] == DEAD_PROXY
    for url in ("http://127.0.0.1:8265/api/grafana_health", "http://localhost:52365/x"):
        assert requests.utils.get_environ_proxies(url) == {}, url
    assert os.environ["RAY_ENABLE_WINDOWS_OR_OSX_CLUSTER"] == "0"


def test_other_commands_keep_the_users_proxy_and_ray_settings(clean_env):
    clean_env.setenv("https_proxy", "http://proxy.example:3128")
    clean_env.setenv("RAY_USAGE_STATS_ENABLED", "1")
    quiet_network_env(["-m", "hydra/launcher=ray_cluster", "rules=cautious,tit_for_tat"])
    assert os.environ["https_proxy"] == "http://proxy.example:3128"
    assert "http_proxy" not in os.environ
    assert os.environ["RAY_USAGE_STATS_ENABLED"] == "1"  # the user's choice wins
    assert os.environ["SOLARA_TELEMETRY_MIXPANEL_ENABLE"] == "False"


def test_the_dead_proxy_is_on_the_loopback():
    assert DEAD_PROXY.startswith("http://127.")
    assert all(LOCAL_RAY_ENV[k] == "localhost,127.0.0.1,::1" for k in ("no_proxy", "NO_PROXY"))
