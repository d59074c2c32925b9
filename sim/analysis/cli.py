"""``wargame plot`` and ``wargame compare``: re-draw figures and compare results from the saved
tables of run and sweep folders, without re-running anything."""

from __future__ import annotations

import argparse
import sys
from datetime import datetime
from pathlib import Path

from sim.analysis.errors import ResultsError
from sim.domain.errors import WargameError


def plot_parser() -> argparse.ArgumentParser:
    from sim.limits import PLOT_FORMATS  # the formats a run's plot_formats takes

    p = argparse.ArgumentParser(
        prog="wargame plot",
        description="Re-draw every figure of a run or sweep folder from its saved tables.",
    )
    p.add_argument("folder", type=Path, help="a run folder (run.json + tables) or a sweep folder")
    p.add_argument(
        "--replicate",
        type=int,
        help="run: replicate of the decision timeline (default: the most typical one)",
    )
    p.add_argument("--turn", type=int, help="run: turn of the network picture (default: the last)")
    p.add_argument(
        "--milestone", action="append", help="milestone(s) to draw (repeatable; default: all)"
    )
    p.add_argument(
        "--date",
        help="sweep: probability of reaching milestones by this date "
        "(YYYY-MM-DD; default: the end)",
    )
    p.add_argument(
        "--actor",
        help="sweep: actor whose peak rung to draw (default: each actor "
        "for one swept parameter, anyone's highest for more)",
    )
    p.add_argument(
        "--jobs",
        action="store_true",
        help="sweep: also re-draw each job's run figures (into JOB/plots)",
    )
    p.add_argument("--out", type=Path, help="where to write (default: FOLDER/plots)")
    p.add_argument(
        "--format",
        action="append",
        choices=PLOT_FORMATS,
        help="file format (repeatable; default: png, as a run draws them; svg and pdf on "
        "request, e.g. --format png --format svg)",
    )
    return p


def plot_main(argv: list[str]) -> int:
    """Entry of ``wargame plot DIR [--replicate N] [--turn T] [--milestone M] ...``."""
    args = plot_parser().parse_args(argv)
    try:
        from sim.analysis import style

        with style.formats(args.format or ["png"]):
            written = plot_folder(args)
    except WargameError as exc:
        print(f"wargame plot: {exc}", file=sys.stderr)
        return 2
    out = written[0].parent if written else args.out
    print(f"{len(written)} files written to {out}")
    return 0


def plot_folder(args: argparse.Namespace) -> list[Path]:
    """Dispatch to the run or sweep figures by what the folder holds."""
    from sim.analysis.results import folder_kind

    if folder_kind(args.folder) == "sweep":
        from sim.analysis.sweep_plots import plot_sweep

        written = plot_sweep(args.folder, args.milestone, args.date, args.actor, args.out)
        return written + (plot_jobs(args.folder) if args.jobs else [])
    from sim.analysis.run_plots import plot_run

    return plot_run(args.folder, args.replicate, args.turn, args.out, args.milestone)


def plot_jobs(sweep_dir: Path) -> list[Path]:
    """Every job folder's run figures, each into its own ``plots/``."""
    from sim.analysis.run_plots import plot_run
    from sim.analysis.sweep import load_sweep

    return [p for job in load_sweep(sweep_dir).job_dirs for p in plot_run(job)]


def compare_parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(
        prog="wargame compare",
        description="Compare runs (or the jobs of sweeps) against the first one: overlaid fan "
        "charts, milestone probabilities and their differences with 95% intervals.",
    )
    p.add_argument(
        "folders", type=Path, nargs="+", help="run or sweep folders; the first is the baseline"
    )
    p.add_argument(
        "--out", type=Path, help="comparison folder (default: outputs/compare/DATE/TIME)"
    )
    return p


def compare_main(argv: list[str]) -> int:
    """Entry of ``wargame compare DIR DIR [...] [--out OUTDIR]``."""
    args = compare_parser().parse_args(argv)
    out = args.out or Path("outputs/compare") / datetime.now().strftime("%Y-%m-%d/%H-%M-%S")
    try:
        if len(args.folders) < 2 and not _is_sweep(args.folders[0]):
            raise ResultsError("compare needs two or more folders (or one sweep folder)")
        seen = [Path(f).resolve() for f in args.folders]
        twice = sorted({str(f) for f in args.folders if seen.count(Path(f).resolve()) > 1})
        if twice:
            raise ResultsError(f"{', '.join(twice)}: given twice; allowed: different folders")
        from sim.analysis.compare_plots import compare

        written, table = compare(args.folders, out)
    except WargameError as exc:
        print(f"wargame compare: {exc}", file=sys.stderr)
        return 2
    print(table)
    print(f"\n{len(written)} files written to {out}")
    return 0


def _is_sweep(path: Path) -> bool:
    from sim.analysis.results import folder_kind

    return folder_kind(path) == "sweep"
