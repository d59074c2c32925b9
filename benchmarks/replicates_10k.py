"""Wall and CPU time of 10,000 replicates x 26 weeks of the default scenario, trees and engines
compared.

    python benchmarks/replicates_10k.py --trees /work/wt/baseline /work/main [--repeats 3]
    python benchmarks/replicates_10k.py --trees OLD NEW --mode chunk     # the model only
    python benchmarks/replicates_10k.py --trees . --engines agents batched --workers 0

Each tree is run in its own process with ``PYTHONPATH`` and the working directory set to it,
the trees interleaved (old, new, old, new, ...) so that a change in the machine's load falls on
both. ``--mode cli`` (default) times the user's command, ``wargame replicates=N plots=false
workers=W`` into a temporary folder (tables written, no figures); ``--mode chunk`` times only
``simulate_chunk`` over the replicates in chunks of 250 (the model and its tables, nothing
written; blocks of 1,000 with the batched engine). ``--workers 1`` (default) keeps the
comparison serial: the machine is shared. ``--engines agents batched`` runs every tree with
each engine (``engine=batched``; a tree without the switch runs only ``agents``).

Prints each run, then per tree and engine the median wall and CPU time (user + system of the
process and its children), the peak memory of the largest process, and the ratio of each to the
first (issue 9's target for two trees: <= 1.25).
"""

from __future__ import annotations

import argparse
import os
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
engine = sys.argv[2]
switch = {"engine": engine} if engine != "agents" else {}  # older trees have no switch
job = Job(world, RuleParams(), CombatParams(), 26, n, 0, **switch)
size = 1000 if engine == "batched" else 250
for start in range(0, n, size):
    simulate_chunk(job, list(range(start, min(n, start + size))))
"""


def command(tree: Path, mode: str, replicates: int, workers: int, out: Path,
            engine: str = "agents") -> list[str]:  # fmt: skip
    """The measured command (``engine=`` whenever the tree has the switch: older trees lack it,
    and a tree's default may be either engine)."""
    python = sys.executable
    if mode == "chunk":
        return [python, "-c", CHUNK, str(replicates), engine]
    knob = [f"engine={engine}"] if has_engines(tree) else []
    return [python, "-m", "sim.cli", f"replicates={replicates}", "steps=26", "plots=false",
            f"workers={workers}", *knob, f"hydra.run.dir={out}"]  # fmt: skip


def timed(tree: Path, cmd: list[str]) -> tuple[float, float, float]:
    """Wall and CPU seconds of ``cmd`` run in ``tree`` (CPU: the child and its own children),
    and the peak resident memory in MB of the largest process it ran (``wait4``'s usage is
    this run's alone; ``RUSAGE_CHILDREN``'s peak would carry over from earlier runs)."""
    env = dict(os.environ, PYTHONPATH=str(tree), MPLBACKEND="Agg")
    with tempfile.TemporaryFile("w+") as err:
        t0 = time.perf_counter()
        child = subprocess.Popen(cmd, cwd=tree, env=env, stdout=subprocess.DEVNULL, stderr=err)
        _, status, usage = os.wait4(child.pid, 0)
        wall = time.perf_counter() - t0
        child.returncode = os.waitstatus_to_exitcode(status)
        if child.returncode != 0:
            err.seek(0)
            sys.exit(f"replicates_10k: the run in {tree} failed:\n{err.read()[-2000:]}")
    cpu = usage.ru_utime + usage.ru_stime
    return wall, cpu, usage.ru_maxrss / 1024


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--trees", nargs="+", type=Path, required=True, help="source trees")
    parser.add_argument("--engines", nargs="+", choices=("agents", "batched"),
                        default=["agents"], help="engines to run each tree with")  # fmt: skip
    parser.add_argument("--replicates", type=int, default=10_000)
    parser.add_argument("--repeats", type=int, default=3)
    parser.add_argument("--mode", choices=("cli", "chunk"), default="cli")
    parser.add_argument("--workers", type=int, default=1, help="wargame workers= (cli mode)")
    args = parser.parse_args(argv)
    for tree in args.trees:
        if not (tree / "sim" / "__init__.py").is_file():
            sys.exit(f"replicates_10k: --trees {tree} is not a wargame source tree (no sim/)")
    variants = [(tree, engine) for tree in args.trees for engine in args.engines
                if engine == "agents" or has_engines(tree)]  # fmt: skip
    print(f"# {args.replicates} replicates x 26 weeks, mode {args.mode}"
          + (f", workers={args.workers}" if args.mode == "cli" else "")
          + f", {args.repeats} interleaved repeats")  # fmt: skip
    times: list[list[tuple[float, float, float]]] = [[] for _ in variants]
    body = []
    for r in range(args.repeats):
        for k, (tree, engine) in enumerate(variants):
            out = Path(tempfile.mkdtemp(prefix="replicates_10k_"))
            try:
                cmd = command(tree, args.mode, args.replicates, args.workers, out, engine)
                wall, cpu, peak = timed(tree, cmd)
            finally:
                shutil.rmtree(out, ignore_errors=True)
            times[k].append((wall, cpu, peak))
            body.append([r + 1, str(tree), engine, f"{wall:.1f}", f"{cpu:.1f}", f"{peak:.0f}"])
            print(f"run {r + 1} {tree} {engine}: wall {wall:.1f} s, cpu {cpu:.1f} s, "
                  f"peak {peak:.0f} MB", flush=True)  # fmt: skip
    print_table(["repeat", "tree", "engine", "wall s", "cpu s", "peak MB"], body, "Runs")
    summary = []
    first = f"{args.trees[0].name or args.trees[0]} {variants[0][1]}"
    base_wall = statistics.median(w for w, _, _ in times[0])
    base_cpu = statistics.median(c for _, c, _ in times[0])
    for (tree, engine), runs in zip(variants, times, strict=True):
        wall = statistics.median(w for w, _, _ in runs)
        cpu = statistics.median(c for _, c, _ in runs)
        spread = max(c for _, c, _ in runs) - min(c for _, c, _ in runs)
        peak = max(p for _, _, p in runs)
        summary.append([str(tree), engine, f"{wall:.1f}", f"{cpu:.1f}", f"{spread:.1f}",
                        f"{peak:.0f}", f"{wall / base_wall:.2f}",
                        f"{cpu / base_cpu:.2f}"])  # fmt: skip
    print_table(["tree", "engine", "median wall s", "median cpu s", "cpu range s", "peak MB",
                 f"wall / {first}", f"cpu / {first}"], summary,
                "Medians and ratios (target for two trees: last / first <= 1.25)")  # fmt: skip


def has_engines(tree: Path) -> bool:
    """Whether the tree has the engine switch (``sim/batch/run.py``)."""
    return (tree / "sim" / "batch" / "run.py").is_file()


if __name__ == "__main__":
    main()
