"""Milestone probabilities over the same 26 calendar weeks with 1-, 7- and 14-day turns.

    python benchmarks/turn_length.py [--replicates 300] [--days 1 7 14]

The scenario's ``step_days`` is set to each turn length and the model plays 26*7/step_days
turns. Each milestone's probability is printed with its Monte Carlo standard error; a turn
length passes for a milestone when it agrees with the 7-day (reference) turn within
``--tolerance`` (3) combined standard errors, sqrt(se_a^2 + se_ref^2). A milestone that is never
reached under any turn length is listed but cannot fail.
"""

from __future__ import annotations

import argparse
import math
import time

from bench_common import (
    CALENDAR_WEEKS,
    describe_tree,
    fmt,
    milestones_of,
    play,
    print_table,
    proportion,
    reached,
    replicate_seeds,
    scenario,
    steps_for,
    with_turns,
)


def probabilities(world, seeds) -> dict[str, tuple[float, float]]:
    """P(milestone) and its standard error over the replicates ``seeds``."""
    steps = steps_for(world, CALENDAR_WEEKS)
    outcomes = [play(world, s, steps=steps, replicate=i).outcome() for i, s in enumerate(seeds)]
    return {m: proportion(reached(o, m) for o in outcomes) for m in milestones_of(outcomes[0])}


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--replicates", type=int, default=300)
    parser.add_argument("--days", type=int, nargs="+", default=[1, 7, 14])
    parser.add_argument("--reference", type=int, default=7, help="the turn length compared to")
    parser.add_argument("--tolerance", type=float, default=3.0, help="combined SEs allowed")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--scenario", default=None)
    args = parser.parse_args(argv)
    t0 = time.perf_counter()
    base = scenario(args.scenario)
    seeds = replicate_seeds(args.replicates, args.seed)
    days = sorted(set(args.days) | {args.reference})
    probs = {d: probabilities(with_turns(base, d), seeds) for d in days}
    ref = probs[args.reference]
    print(f"# Turn length over {CALENDAR_WEEKS} calendar weeks, {describe_tree()}")
    print(f"# {args.replicates} replicates per turn length; pass = within "
          f"{args.tolerance:g} combined SE of the {args.reference}-day turn")  # fmt: skip
    header = ["milestone"] + [f"{d}-day ({steps_for(with_turns(base, d))} turns)" for d in days]
    header += [f"{d}d vs {args.reference}d" for d in days if d != args.reference]
    body, failures = [], 0
    for m in ref:
        row = [m] + [fmt(*probs[d][m]) for d in days]
        for d in days:
            if d == args.reference:
                continue
            (pa, sa), (pr, sr) = probs[d][m], ref[m]
            z = abs(pa - pr) / math.hypot(sa, sr) if math.hypot(sa, sr) > 0 else 0.0
            ok = abs(pa - pr) <= args.tolerance * math.hypot(sa, sr)
            failures += not ok
            row.append(f"{'pass' if ok else 'FAIL'} (z={z:.1f})")
        body.append(row)
    print_table(header, body, "P(milestone) ± SE")
    checks = len(ref) * (len(days) - 1)
    print(f"\n{checks - failures} of {checks} comparisons pass; "
          f"wall time {time.perf_counter() - t0:.0f} s")  # fmt: skip


if __name__ == "__main__":
    main()
