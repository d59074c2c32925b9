"""Drawing a run's figures against simulating it: peak memory and time, for N replicates.

    python benchmarks/plot_memory.py                          # 100 and 10,000 replicates
    python benchmarks/plot_memory.py --replicates 100 --repeats 3
    python benchmarks/plot_memory.py --run RUN --trees OLD NEW  # one run drawn by two trees
    python benchmarks/plot_memory.py --formats png svg         # SVG as well (on request)

For each N and each source tree (``--trees``, interleaved so that a change in the machine's
load falls on all of them): ``wargame replicates=N plots=false`` into a temporary folder (unless
``--run`` names a run), then ``plot_run`` on it (what ``wargame`` does at the end of a run and
``wargame plot`` does again), each in a fresh process; with ``--in-run``, also ``wargame
replicates=N`` with its figures (the difference to the first is what the figures add to a run).

Memory is that of the whole process tree (the command and the processes it forks), sampled
every 50 ms from /proc: the sum of the processes' RSS (pages shared after a fork counted once
per process, so an upper bound), the sum of their PSS (shared pages divided between the
processes that map them) and the largest single process's RSS. Time is wall and CPU (user +
system of the command and its children). Issue 15's targets: plotting a 10,000-replicate run
under 500 MB; drawing a run's figures in less time than simulating it.

Prints one row per command and, last, the rows as JSON. Linux only (reads /proc).
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

from bench_stats import print_table

ROOT = Path(__file__).resolve().parents[1]
PAGE_KB = os.sysconf("SC_PAGE_SIZE") // 1024


def descendants(root: int) -> list[int]:
    """``root`` and every process below it, from the parent ids in /proc/*/stat."""
    parent: dict[int, int] = {}
    for entry in os.scandir("/proc"):
        if entry.name.isdigit():
            try:
                stat = Path(entry.path, "stat").read_text()
            except OSError:
                continue
            parent[int(entry.name)] = int(stat.rsplit(")", 1)[1].split()[1])
    tree, frontier = [root], [root]
    while frontier:
        frontier = [p for p, pp in parent.items() if pp in frontier]
        tree += frontier
    return tree


def memory_kb(pid: int) -> tuple[int, int]:
    """RSS and PSS of one process in kB (0, 0 once it is gone)."""
    try:
        rollup = Path(f"/proc/{pid}/smaps_rollup").read_text()
    except OSError:
        return 0, 0
    fields = dict(line.split(":", 1) for line in rollup.splitlines()[1:] if ":" in line)
    kb = {k: int(v.split()[0]) for k, v in fields.items() if k in ("Rss", "Pss")}
    return kb.get("Rss", 0), kb.get("Pss", 0)


class TreeSampler(threading.Thread):
    """Samples a process tree's summed RSS and PSS and its largest process's RSS until told to
    stop; keeps the peaks."""

    def __init__(self, pid: int, every: float = 0.05):
        super().__init__(daemon=True)
        self.pid, self.every = pid, every
        self.peak_rss = self.peak_pss = self.peak_one = 0
        self.done = threading.Event()

    def run(self) -> None:
        while not self.done.is_set():
            rss = pss = 0
            for p in descendants(self.pid):
                r, s = memory_kb(p)
                rss, pss, self.peak_one = rss + r, pss + s, max(self.peak_one, r)
            self.peak_rss, self.peak_pss = max(self.peak_rss, rss), max(self.peak_pss, pss)
            self.done.wait(self.every)


DRAW = """
import sys
from sim.analysis.run_plots import plot_run
plot_run(sys.argv[1], out_dir=sys.argv[2], formats=tuple(sys.argv[3:]))
"""


def measured(tree: Path, cmd: list[str], label: str) -> dict:
    """Run ``cmd`` in ``tree``; its wall and CPU seconds and peak memory (MB)."""
    env = dict(os.environ, PYTHONPATH=str(tree), MPLBACKEND="Agg")
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    t0 = time.perf_counter()
    proc = subprocess.Popen(cmd, cwd=tree, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    sampler = TreeSampler(proc.pid)
    sampler.start()
    _, err = proc.communicate()
    wall = time.perf_counter() - t0
    sampler.done.set()
    sampler.join()
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if proc.returncode != 0:
        sys.exit(f"plot_memory: {' '.join(cmd)} failed in {tree}:\n{err.decode()[-2000:]}")
    return {
        "tree": str(tree),
        "command": label,
        "wall_s": round(wall, 2),
        "cpu_s": round(after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime, 2),
        "tree_rss_mb": round(sampler.peak_rss / 1024),
        "tree_pss_mb": round(sampler.peak_pss / 1024),
        "largest_mb": round(sampler.peak_one / 1024),
    }


def simulate(tree: Path, n: int, run: Path) -> dict:
    """``wargame replicates=N plots=false`` into ``run``."""
    shutil.rmtree(run, ignore_errors=True)
    cmd = [sys.executable, "-m", "sim.cli", f"replicates={n}", "plots=false",
           f"hydra.run.dir={run}"]  # fmt: skip
    return measured(tree, cmd, f"simulate {n}")


def run_with_figures(tree: Path, n: int, run: Path) -> dict:
    """``wargame replicates=N``: the run and its figures, drawn by the run's own process."""
    shutil.rmtree(run, ignore_errors=True)
    cmd = [sys.executable, "-m", "sim.cli", f"replicates={n}", f"hydra.run.dir={run}"]
    return measured(tree, cmd, f"simulate {n} + figures")


def draw(tree: Path, run: Path, out: Path, formats: list[str]) -> dict:
    """Every figure of ``run`` into ``out``, as ``wargame`` draws them at the end of a run."""
    shutil.rmtree(out, ignore_errors=True)
    n = json.loads((run / "run.json").read_text()).get("replicates", "?")
    cmd = [sys.executable, "-c", DRAW, str(run), str(out), *formats]
    return measured(tree, cmd, f"draw {n} ({'+'.join(formats)})")


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--replicates", type=int, nargs="+", default=[100, 10_000])
    parser.add_argument("--run", type=Path, help="draw this run folder instead of simulating")
    parser.add_argument("--trees", type=Path, nargs="+", default=[ROOT],
                        help="source trees, interleaved (default: this one)")  # fmt: skip
    parser.add_argument("--formats", nargs="+", default=["png"], help="png, svg, pdf")
    parser.add_argument("--repeats", type=int, default=1)
    parser.add_argument("--in-run", action="store_true",
                        help="also time wargame replicates=N with its figures")  # fmt: skip
    args = parser.parse_args(argv)
    print(f"# load average before: {os.getloadavg()[0]:.2f}")
    rows: list[dict] = []
    tmp = Path(tempfile.mkdtemp(prefix="plot_memory_"))
    try:
        for n in [None] if args.run else args.replicates:
            for _ in range(args.repeats):
                for i, tree in enumerate(args.trees):
                    run = args.run or tmp / f"run{i}"
                    if not args.run:
                        rows.append(simulate(tree, n, run))
                    rows.append(draw(tree, run, tmp / "plots", args.formats))
                    if args.in_run and not args.run:
                        rows.append(run_with_figures(tree, n, tmp / f"run{i}_figures"))
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    print_table(list(rows[0]), [list(r.values()) for r in rows])
    print(f"# load average after: {os.getloadavg()[0]:.2f}")
    print(json.dumps(rows))


if __name__ == "__main__":
    main()
