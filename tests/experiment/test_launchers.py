"""A tiny sweep through each launcher: joblib (local processes), SLURM's submitit on this
machine (submitit_local) and a local Ray. Each must write the same sweep table. Ray and
submitit are optional extras: their tests are skipped, saying so, when the extra is missing."""

from __future__ import annotations

import importlib.util
import json
import os
import secrets
import shutil
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import pandas as pd
import pytest
from hydra import compose, initialize_config_dir

from sim.config import register_configs
from sim.experiment.catalog import CONF_DIR
from tests.experiment.conftest import wargame

pytestmark = pytest.mark.slow
ROOT = Path(__file__).resolve().parents[2]
SWEEP = ["-m", "rules=tit_for_tat,cautious", "replicates=3", "steps=3", "plots=false"]
LAUNCHERS = {
    "joblib": ("hydra_plugins.hydra_joblib_launcher", []),
    "submitit_local": ("hydra_plugins.hydra_submitit_launcher", []),
    "ray": ("hydra_plugins.hydra_ray_launcher", ["hydra.launcher.ray.init.address=local",
                                                 "+hydra.launcher.ray.init.include_dashboard=false",
                                                 "+hydra.launcher.ray.init.num_cpus=2"]),
}  # fmt: skip
EXTRA = {"submitit_local": "slurm", "ray": "ray", "joblib": "default dependencies"}


def installed(module: str) -> bool:
    return importlib.util.find_spec(module) is not None


@pytest.fixture(scope="module")
def reference(tmp_path_factory):
    """The same sweep through the default (basic, serial) launcher."""
    root = tmp_path_factory.mktemp("basic")
    done = wargame([*SWEEP, f"hydra.sweep.dir={root / 'sweep'}"], root)
    assert done.returncode == 0, done.stderr
    return pd.read_parquet(root / "sweep" / "sweep.parquet")


@pytest.mark.parametrize("launcher", list(LAUNCHERS))
def test_tiny_sweep_through_launcher(launcher, reference, tmp_path):
    module, extra_args = LAUNCHERS[launcher]
    if not installed(module):
        pytest.skip(f"{module} is not installed: pip install -e '.[{EXTRA[launcher]}]'")
    sweep_dir = tmp_path / "sweep"
    args = [*SWEEP, f"hydra/launcher={launcher}", *extra_args, f"hydra.sweep.dir={sweep_dir}"]
    done = wargame(args, tmp_path, timeout=600, fresh=True)  # Ray alone starts in minutes
    assert done.returncode == 0, done.stderr[-3000:]
    manifest = json.loads((sweep_dir / "manifest.json").read_text())
    assert manifest["counts"]["done"] == 2
    table = pd.read_parquet(sweep_dir / "sweep.parquet")
    pd.testing.assert_frame_equal(table, reference)


@pytest.mark.parametrize("launcher", ["slurm", "ray_cluster"])
def test_cluster_launchers_compose_with_one_override(launcher):
    module = LAUNCHERS["ray" if launcher == "ray_cluster" else "submitit_local"][0]
    if not installed(module):
        pytest.skip(f"{module} is not installed (optional extra)")
    register_configs()
    with initialize_config_dir(config_dir=str(CONF_DIR), version_base="1.3"):
        cfg = compose("config", [f"hydra/launcher={launcher}"], return_hydra_config=True)
    target = cfg.hydra.launcher._target_
    assert target.endswith("SlurmLauncher" if launcher == "slurm" else "RayLauncher")


@pytest.fixture
def ray_head():
    """A one-node Ray cluster on 127.0.0.1 as `ray start --head` makes it (token authentication
    on, Ray's default since 2.59; usage statistics off), stopped by process id afterwards."""
    if not installed("hydra_plugins.hydra_ray_launcher"):
        pytest.skip("hydra_plugins.hydra_ray_launcher is not installed: pip install -e '.[ray]'")
    ray = Path(sys.executable).with_name("ray")
    temp = Path(tempfile.mkdtemp(prefix="wgray", dir="/tmp"))  # short: Ray's socket paths
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    token = secrets.token_hex(32)  # given to head and client: ~/.ray/auth_token is left alone
    env = {**os.environ, "PYTHONPATH": str(ROOT), "RAY_USAGE_STATS_ENABLED": "0",
           "RAY_AUTH_TOKEN": token}  # fmt: skip
    env.pop("RAY_AUTH_MODE", None)
    log = (temp / "head.log").open("w")
    head = subprocess.Popen([str(ray), "start", "--head", "--node-ip-address=127.0.0.1",
                             f"--port={port}", "--num-cpus=2", "--disable-usage-stats",
                             "--include-dashboard=false", f"--temp-dir={temp}", "--block"],
                            env=env, stdout=log, stderr=subprocess.STDOUT)  # fmt: skip
    try:
        deadline = time.monotonic() + 180
        while "Ray runtime started" not in (temp / "head.log").read_text():
            assert head.poll() is None and time.monotonic() < deadline, (
                temp / "head.log"
            ).read_text()
            time.sleep(0.5)
        yield f"127.0.0.1:{port}", token, (temp / "head.log").read_text()
    finally:
        stop_tree(head)
        log.close()
        shutil.rmtree(temp, ignore_errors=True)


def stop_tree(proc: subprocess.Popen) -> None:
    """Stop ``proc`` and every process it started (by their ids), politely then firmly."""
    import psutil

    try:
        tree = [psutil.Process(proc.pid), *psutil.Process(proc.pid).children(recursive=True)]
    except psutil.NoSuchProcess:
        return
    proc.terminate()
    _, alive = psutil.wait_procs(tree, timeout=30)
    for p in alive:
        p.kill()


def test_a_sweep_on_a_ray_cluster_with_token_authentication(ray_head, reference, tmp_path):
    address, token, head_log = ray_head
    assert "Token authentication is enabled" in head_log  # what Ray 2.60 does by default
    sweep_dir = tmp_path / "sweep"
    args = [*SWEEP, "hydra/launcher=ray_cluster", f"hydra.launcher.ray.init.address={address}",
            f"hydra.sweep.dir={sweep_dir}"]  # fmt: skip
    env = {"RAY_AUTH_MODE": "token", "RAY_AUTH_TOKEN": token,  # as docs/sweeps.md says
           "RAY_USAGE_STATS_ENABLED": "0"}  # fmt: skip
    done = wargame(args, tmp_path, timeout=600, env=env, fresh=True)
    assert done.returncode == 0, done.stderr[-3000:]
    table = pd.read_parquet(sweep_dir / "sweep.parquet")
    pd.testing.assert_frame_equal(table, reference)
