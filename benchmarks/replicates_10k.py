"""Wall and CPU time of 10,000 replicates x 26 weeks of the default scenario, two trees compared.

    python benchmarks/replicates_10k.py --trees /work/wt/baseline /work/main [--repeats 3]
    python benchmarks/replicates_10k.py --trees OLD NEW --mode chunk     # the model only

Each tree is run in its own process with ``PYTHONPATH`` and the working directory set to it,
the trees interleaved (old, new, old, new, ...) so that a change in the machine's load falls on
both. ``--mode cli`` (default) times the user's command, ``wargame replicates=N plots=false
workers=W`` into a temporary folder (tables written, no figures); ``--mode chunk`` times only
``simulate_chunk`` over the replicates in chunks of 250 (the model and its tables, nothing
written). ``--workers 1`` (default) keeps the comparison serial: the machine is shared.

Prints each run, then per tree the median wall and CPU time (user + system of the process and
its children) and the ratio of the last tree to the first (issue 9's target: <= 1.25).
"""

from __future__ import annotations

import argparse
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from bench_stats import print_table

CHUNK = """
import sys
from sim.domain.params import CombatParams, RuleParams
from sim.domain.scenario_io import load_scenario
from sim.experiment.catalog import PROJECT_ROOT
from sim.experiment.job import Job
from sim.experiment.simulate import simulate_chunk
n = int(sys.argv[1])
world = load_scenario(PROJECT_ROOT / "scenarios" / "kursk_2024.yaml")
job = Job(world, RuleParams(), CombatParams(), 26, n, 0)
for start in range(0, n, 250):
    simulate_chunk(job, list(range(start, min(n, start + 250))))
"""


def command(tree: Path, mode: str, replicates: int, workers: int, out: Path) -> list[str]:
    python = sys.executable
    if mode == "chunk":
        return [python, "-c", CHUNK, str(replicates)]
    return [python, "-m", "sim.cli", f"replicates={replicates}", "steps=26", "plots=false",
            f"workers={workers}", f"hydra.run.dir={out}"]  # fmt: skip


def timed(tree: Path, cmd: list[str]) -> tuple[float, float]:
    """Wall and CPU seconds of ``cmd`` run in ``tree`` (CPU: the child and its own children)."""
    env = dict(os.environ, PYTHONPATH=str(tree), MPLBACKEND="Agg")
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    t0 = time.perf_counter()
    done = subprocess.run(cmd, cwd=tree, env=env, capture_output=True, text=True)
    wall = time.perf_counter() - t0
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if done.returncode != 0:
        sys.exit(f"replicates_10k: the run in {tree} failed:\n{done.stderr[-2000:]}")
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return wall, cpu


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--trees", nargs="+", type=Path, required=True, help="source trees")
    parser.add_argument("--replicates", type=int, default=10_000)
    parser.add_argument("--repeats", type=int, default=3)
    parser.add_argument("--mode", choices=("cli", "chunk"), default="cli")
    parser.add_argument("--workers", type=int, default=1, help="wargame workers= (cli mode)")
    args = parser.parse_args(argv)
    for tree in args.trees:
        if not (tree / "sim" / "__init__.py").is_file():
            sys.exit(f"replicates_10k: --trees {tree} is not a wargame source tree (no sim/)")
    print(f"# {args.replicates} replicates x 26 weeks, mode {args.mode}"
          + (f", workers={args.workers}" if args.mode == "cli" else "")
          + f", {args.repeats} interleaved repeats")  # fmt: skip
    times: list[list[tuple[float, float]]] = [[] for _ in args.trees]  # per position
    body = []
    for r in range(args.repeats):
        for k, tree in enumerate(args.trees):
            out = Path(tempfile.mkdtemp(prefix="replicates_10k_"))
            try:
                wall, cpu = timed(
                    tree, command(tree, args.mode, args.replicates, args.workers, out)
                )
            finally:
                shutil.rmtree(out, ignore_errors=True)
            times[k].append((wall, cpu))
            body.append([r + 1, str(tree), f"{wall:.1f}", f"{cpu:.1f}"])
            print(f"run {r + 1} {tree}: wall {wall:.1f} s, cpu {cpu:.1f} s", flush=True)
    print_table(["repeat", "tree", "wall s", "cpu s"], body, "Runs")
    summary = []
    first = args.trees[0]
    base_wall = statistics.median(w for w, _ in times[0])
    base_cpu = statistics.median(c for _, c in times[0])
    for tree, runs in zip(args.trees, times, strict=True):
        wall = statistics.median(w for w, _ in runs)
        cpu = statistics.median(c for _, c in runs)
        spread = max(c for _, c in runs) - min(c for _, c in runs)
        summary.append([str(tree), f"{wall:.1f}", f"{cpu:.1f}", f"{spread:.1f}",
                        f"{wall / base_wall:.2f}", f"{cpu / base_cpu:.2f}"])  # fmt: skip
    print_table(["tree", "median wall s", "median cpu s", "cpu range s",
                 f"wall / {first.name}", f"cpu / {first.name}"], summary,
                "Medians and ratios (target: last / first <= 1.25)")  # fmt: skip


if __name__ == "__main__":
    main()
