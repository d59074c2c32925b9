"""Start-up time of the ``wargame`` command, and how it grows with the scenario's size.

Times, each as a fresh process (the best of ``--repeat`` runs):
- ``import sim.cli`` (what every command pays before doing anything);
- ``wargame --help``;
- a tiny run of the default scenario (1 replicate x 1 step, no plots);
- the same tiny run of a generated large scenario (``--actors`` actors, ``--units`` units:
  the default's actors and forces cloned; 50 / 10,000 make a file of about 1.9 MB, under the
  YAML reader's limit of 2,000,000 bytes).

    python benchmarks/startup.py [--actors 50] [--units 10000] [--repeat 3]

Prints a table, then as the last line one JSON object for tools.
"""

from __future__ import annotations

import argparse
import copy
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]
TEMPLATE_ACTOR = "india"  # a bystander: cloned actors add work but change no front


def large_scenario(actors: int, units: int) -> dict:
    """The default scenario's mapping grown to ``actors`` actors and ``units`` force units.

    Extra actors are clones of a bystander state; units are the default's units cloned
    round-robin, each clone with its share of the original's strength (the fronts stay the
    same) and a one-line source, as a file listing an order of battle would have."""
    from sim.domain.scenario_io import read_yaml  # the tree on PYTHONPATH, with its scenario
    from sim.experiment.catalog import find_scenario

    data = read_yaml(find_scenario("kursk_2024"))
    data["name"] = f"large_{actors}_actors_{units}_units"
    template = data["actors"][TEMPLATE_ACTOR]
    for k in range(max(0, actors - len(data["actors"]))):
        clone = copy.deepcopy(template)
        clone["name"] = f"State {k + 1}"
        data["actors"][f"state_{k + 1}"] = clone
    originals = list(data["forces"].items())
    counts = [units // len(originals) + (i < units % len(originals)) for i in range(len(originals))]
    forces = {}
    for (uid, spec), count in zip(originals, counts, strict=True):
        for k in range(count):
            clone = copy.deepcopy(spec)
            for key in ("strength", "reserve"):  # split, so the totals stay the same
                if key in spec:
                    clone[key] = round(spec[key] / count, 3)
            if k:  # a clone: one line of source; defaults and description left out
                for key in ("sources", "description", "replenishment", "covert", "in_combat"):
                    if key in ("sources", "description") or not clone.get(key):
                        clone.pop(key, None)
                clone["source"] = "assumption: split evenly"
            forces[uid if k == 0 else f"{uid}_{k}"] = clone
    data["forces"] = forces
    return data


def write_large_scenario(path: Path, actors: int, units: int) -> Path:
    """Write ``large_scenario(actors, units)`` as YAML to ``path``."""
    text = yaml.safe_dump(large_scenario(actors, units), sort_keys=False, allow_unicode=True)
    path.write_text(text, encoding="utf-8")
    return path


def seconds(cmd: list[str], cwd: Path, repeat: int) -> float:
    """Best wall time of ``cmd`` over ``repeat`` runs; it must succeed."""
    path = os.environ.get("PYTHONPATH") or str(ROOT)  # another tree: a before/after comparison
    env = {**os.environ, "CI": "1", "MPLBACKEND": "Agg", "PYTHONPATH": path}
    best = float("inf")
    for _ in range(repeat):
        t0 = time.perf_counter()
        res = subprocess.run(cmd, cwd=cwd, env=env, capture_output=True, text=True, timeout=900)
        best = min(best, time.perf_counter() - t0)
        if res.returncode != 0:
            raise SystemExit(f"{' '.join(cmd)} failed:\n{res.stderr[-2000:]}")
    return best


def main(argv: list[str] | None = None) -> dict:
    """Time each command; print the table and the JSON line."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--actors", type=int, default=50)
    parser.add_argument("--units", type=int, default=10000)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args(argv)
    py = sys.executable
    tiny = ["replicates=1", "steps=1", "plots=false", "progress=false"]
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        big = write_large_scenario(tmp / "large.yaml", args.actors, args.units)
        runs = {
            "import sim.cli": [py, "-c", "import sim.cli"],
            "wargame --help": [py, "-m", "sim.cli", "--help"],
            "tiny run, kursk_2024": [py, "-m", "sim.cli", *tiny, f"hydra.run.dir={tmp}/a"],
            f"tiny run, {args.actors} actors / {args.units} units": [
                py, "-m", "sim.cli", f"scenario={big}", *tiny, f"hydra.run.dir={tmp}/b"],
        }  # fmt: skip
        times = {label: seconds(cmd, tmp, args.repeat) for label, cmd in runs.items()}
        size_mb = big.stat().st_size / 1e6
    print(f"large scenario: {args.actors} actors, {args.units} units, {size_mb:.1f} MB")
    for label, t in times.items():
        print(f"{label:40}{t:8.2f} s")
    result = {"scenario_mb": round(size_mb, 2), **{k: round(v, 2) for k, v in times.items()}}
    print(json.dumps(result))
    return result


if __name__ == "__main__":
    main()
