"""``wargame sensitivity``: Morris screening or Sobol indices of an outcome over knob ranges."""

from __future__ import annotations

import argparse
import json
import time
from datetime import datetime
from pathlib import Path

import pandas as pd

from sim.domain.errors import ConfigError


def sensitivity_parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(
        prog="wargame sensitivity",
        description="Morris screening or Sobol indices (SALib) of outcomes over parameter "
        "ranges, run as a sweep with the configured Hydra launcher and common random numbers "
        "across points; extra KEY=VALUE arguments are Hydra overrides for every point "
        "(e.g. replicates=20 hydra/launcher=joblib). See docs/analysis.md.",
    )
    p.add_argument("--method", choices=("morris", "sobol"), default="morris")
    p.add_argument(
        "--n",
        type=int,
        default=10,
        help="Morris trajectories (points: n x (k+1)) or Sobol base sample (a power "
        "of two; points: n x (k+2)); default 10",
    )
    p.add_argument(
        "--param",
        action="append",
        metavar="KEY[=LO:HI]",
        help="a parameter and its range (repeatable); KEY alone takes the knob "
        "registry's plausible range; default: every rule and combat knob",
    )
    p.add_argument(
        "--only",
        action="append",
        metavar="PREFIX",
        help="without --param: only the knobs under PREFIX (rules, combat)",
    )
    p.add_argument(
        "--outcome",
        action="append",
        metavar="NAME",
        help="milestone (probability reached) or outcome column (mean), repeatable; "
        "default nuclear_signal",
    )
    p.add_argument("--seed", type=int, default=1, help="seed of the design (default 1)")
    p.add_argument("--out", type=Path, help="folder (default outputs/sensitivity/DATE/TIME)")
    p.add_argument(
        "--resume",
        action="store_true",
        help="finish an interrupted analysis in --out (same design, done jobs kept)",
    )
    return p


def sensitivity_main(argv: list[str]) -> int:
    """Entry of ``wargame sensitivity``."""
    from sim.analysis.launch import run_design
    from sim.analysis.ranges import parse_ranges
    from sim.analysis.sensitivity import problem_of, sample
    from sim.experiment.design import DESIGN_FILE, read_design, write_design
    from sim.overrides import check_knob_overrides

    args, overrides = split_overrides(sensitivity_parser(), argv)
    check_knob_overrides(overrides)  # before the design is written
    if args.n < 2:
        raise ConfigError(f"--n = {args.n} must be at least 2")
    out = args.out or Path("outputs/sensitivity") / datetime.now().strftime("%Y-%m-%d/%H-%M-%S")
    ranges = parse_ranges(args.param, args.only)
    problem = problem_of(ranges)
    design_path = out / DESIGN_FILE
    if args.resume and design_path.exists():
        design = read_design(design_path)
        if list(design.columns) != problem["names"]:
            raise ConfigError(
                f"--resume: {design_path} samples {list(design.columns)}, not "
                f"{problem['names']}; use the same --param/--only"
            )
    else:
        design = pd.DataFrame(
            sample(args.method, problem, args.n, args.seed), columns=problem["names"]
        )
        write_design(design, design_path)
    print(f"{args.method}: {len(design)} points x {len(ranges)} parameters into {out}")
    t0 = time.perf_counter()
    run_design(design_path, out, overrides, resume=args.resume)
    wall = time.perf_counter() - t0
    table = analyse(out, args.method, problem, args.outcome or ["nuclear_signal"], args.seed)
    record = {
        "method": args.method,
        "n": args.n,
        "points": len(design),
        "seed": args.seed,
        "problem": problem,
        "overrides": overrides,
        "wall_time_s": round(wall, 1),
    }
    (out / "sensitivity.json").write_text(json.dumps(record, indent=1), encoding="utf-8")
    with pd.option_context("display.width", 120):
        print(table.round(3).to_string(index=False))
    print(f"\n{len(design)} points in {wall:.0f}s; results in {out}")
    return 0


def analyse(out: Path, method: str, problem: dict, outcomes: list[str], seed: int) -> pd.DataFrame:
    """Indices of each outcome from the finished sweep in ``out``: table and figures."""
    from sim.analysis.sensitivity import indices, point_outcomes
    from sim.analysis.sensitivity_plots import plot_indices
    from sim.experiment.design import DESIGN_FILE, read_design

    design = read_design(out / DESIGN_FILE)
    sweep = pd.read_parquet(out / "sweep.parquet")
    replicates = int(sweep.groupby("job").size().min())
    tables = []
    for outcome in outcomes:
        y = point_outcomes(sweep, outcome, len(design))
        t = indices(method, problem, design.to_numpy(dtype=float), y, seed)
        t.insert(0, "outcome", outcome)
        t.insert(0, "method", method)
        note = (
            f"{len(design)} points x {replicates} replicates (common random numbers); "
            "bars: 95% intervals (bootstrap)"
        )
        plot_indices(t, method, outcome, note, out / "plots", f"{method}_{outcome}")
        tables.append(t)
    table = pd.concat(tables, ignore_index=True)
    table.to_csv(out / "sensitivity.csv", index=False)
    return table


def split_overrides(parser: argparse.ArgumentParser, argv: list[str]):
    """The parsed options, and the KEY=VALUE Hydra overrides given beside them."""
    args, rest = parser.parse_known_args(argv)
    bad = [a for a in rest if "=" not in a or a.startswith("-")]
    if bad:
        parser.error(f"unrecognised arguments: {' '.join(bad)} (overrides are KEY=VALUE)")
    return args, rest
