"""A tiny sweep through each launcher: joblib (local processes), SLURM's submitit on this
machine (submitit_local) and a local Ray. Each must write the same sweep table. Ray and
submitit are optional extras: their tests are skipped, saying so, when the extra is missing."""

from __future__ import annotations

import importlib.util
import json

import pandas as pd
import pytest
from hydra import compose, initialize_config_dir

from sim.config import register_configs
from sim.experiment.catalog import CONF_DIR
from tests.experiment.conftest import wargame

pytestmark = pytest.mark.slow
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
    done = wargame(args, tmp_path, timeout=300)
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
