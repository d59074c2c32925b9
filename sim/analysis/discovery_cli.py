"""``wargame discover SWEEP --outcome MILESTONE``: PRIM boxes and a CART tree."""

from __future__ import annotations

import argparse
from pathlib import Path

import pandas as pd


def discover_parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(
        prog="wargame discover",
        description="Scenario discovery on a sweep: the parameter boxes where a milestone is "
        "likely (PRIM, with its coverage/density trade-off) and a CART tree as a second view "
        "(docs/analysis.md).",
    )
    p.add_argument(
        "sweep", type=Path, help="a sweep folder (sweep.parquet) with numeric parameters"
    )
    p.add_argument("--outcome", default="nuclear_signal", help="milestone (default nuclear_signal)")
    p.add_argument("--by-step", type=int, help="reached by this turn (default: by the run's end)")
    p.add_argument(
        "--min-coverage",
        type=float,
        default=0.5,
        help="report the densest box covering at least this share (default 0.5)",
    )
    p.add_argument("--alpha", type=float, default=0.05, help="PRIM's peel share (default 0.05)")
    p.add_argument("--depth", type=int, default=3, help="CART tree depth (default 3)")
    p.add_argument("--out", type=Path, help="where to write (default SWEEP/discover)")
    return p


def discover_main(argv: list[str]) -> int:
    """Entry of ``wargame discover``."""
    from sim.analysis.discovery import cart, cart_leaves, cases
    from sim.analysis.discovery_plots import plot_box, plot_tradeoff, plot_tree
    from sim.analysis.errors import ResultsError
    from sim.analysis.prim import prim
    from sim.analysis.sweep import load_sweep

    args = discover_parser().parse_args(argv)
    if not 0 < args.alpha < 0.5 or not 0 <= args.min_coverage <= 1:
        raise ResultsError("--alpha must be in (0, 0.5) and --min-coverage in [0, 1]")
    sweep = load_sweep(args.sweep)
    x, y = cases(sweep.table, sweep.parameters, args.outcome, args.by_step)
    out = args.out or args.sweep / "discover"
    result = prim(x, y, alpha=args.alpha)
    box = result.choose(args.min_coverage)
    limits = result.restricted(box)
    ranges = pd.DataFrame({"low": x.min(), "high": x.max()}).loc[limits["parameter"]].reset_index()
    title = f"{_milestone_name(sweep, args.outcome)}: {y.mean():.0%} of {len(y)} cases"
    plot_tradeoff(result, box, title, out)
    if len(limits):
        plot_box(limits, ranges, f"PRIM box {box} for {args.outcome}", out)
    tree = cart(x, y, args.depth)
    leaves = cart_leaves(tree, list(x.columns))
    plot_tree(tree, list(x.columns), args.outcome, out)
    result.trajectory.to_csv(out / "prim_trajectory.csv", index=False)
    limits.assign(box=box).to_csv(out / "prim_box.csv", index=False)
    leaves.to_csv(out / "cart_leaves.csv", index=False)
    row = result.trajectory.loc[box]
    print(
        f"{title}\nPRIM box {box}: coverage {row['coverage']:.2f}, density {row['density']:.2f}, "
        f"mass {row['mass']:.2f}"
    )
    print(limits.to_string(index=False) if len(limits) else "  (no restriction raises the density)")
    print("\nCART leaves, densest first:")
    with pd.option_context("display.max_colwidth", 90, "display.width", 140):
        print(leaves.round(3).to_string(index=False))
    print(f"\nResults in {out}")
    return 0


def _milestone_name(sweep, milestone: str) -> str:
    """The scenario's description of the milestone, as every figure names it."""
    from sim.analysis.names import names_of

    first = sweep.first_run
    return names_of(first.scenario).milestone(milestone) if first else milestone
