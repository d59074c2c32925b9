"""Morris screening of every documented knob on the milestone probabilities and peak rungs.

    python benchmarks/sensitivity.py [--trajectories 8] [--replicates 64] [--jobs 1]
    python benchmarks/sensitivity.py --trajectories 12 --replicates 200   # the issue's size

Parameters: every numeric rule and combat knob (sampled over its plausible range, see
``bench_common.knob_ranges``) and every actor's ``risk_tolerance``, ``escalation_propensity``
and ``grievance`` (over [0, 1]), plus ``dummy.reseed``, a parameter that changes nothing but
the replicate seeds. Outputs: P(nuclear_signal), P(kursk_salient_lost), P(ceasefire) and each
actor's median peak rung, each over ``--replicates`` replicates of 26 weeks per design point.

Common random numbers: replicate i of every design point uses the same seed, except that each
level of ``dummy.reseed`` has its own seed set; a step of the dummy therefore measures the
Monte Carlo noise of an output (its mu* under re-seeding). The noise floor printed per output
is that re-seeding noise estimated from every design point (split-half: even against odd
replicates); a knob whose mu* is below it is flagged ``below noise``. ``mc_se`` is the Monte
Carlo standard error of mu* (bootstrap over replicates, the same draw at every point).

mu* and sigma are in output units per Morris step (SALib's convention: the step is
levels/(2(levels-1)) of the range, 2/3 with 4 levels).
"""

from __future__ import annotations

import argparse
import math
import sys
import time
from concurrent.futures import ProcessPoolExecutor

import numpy as np
from bench_common import (
    ACTOR_KNOBS,
    describe_tree,
    knob_ranges,
    play,
    print_table,
    reached,
    replaced,
    replicate_seeds,
    scenario,
    with_actors,
)
from SALib.analyze import morris as morris_analyze
from SALib.sample import morris as morris_sample

from sim.domain.params import CombatParams, RuleParams

MILESTONES = ("nuclear_signal", "kursk_salient_lost", "ceasefire")
DUMMY = "dummy.reseed"


def problem_of(world) -> tuple[dict, list[tuple[str, float, float, float]]]:
    """SALib's problem (names, bounds) and the table of knobs (name, default, lo, hi)."""
    knobs = [(f"rules.{n}", d, lo, hi) for n, d, lo, hi, _ in knob_ranges(RuleParams)]
    knobs += [(f"combat.{n}", d, lo, hi) for n, d, lo, hi, _ in knob_ranges(CombatParams)]
    for aid, actor in world.actors.items():
        knobs += [(f"actors.{aid}.{k}", getattr(actor, k), 0.0, 1.0) for k in ACTOR_KNOBS]
    knobs.append((DUMMY, 0.0, 0.0, 1.0))
    problem = {
        "num_vars": len(knobs),
        "names": [k[0] for k in knobs],
        "bounds": [[k[2], k[3]] for k in knobs],
    }
    return problem, knobs


def output_names(world) -> list[str]:
    return [f"P({m})" for m in MILESTONES] + [f"median peak {a}" for a in world.actors]


def evaluate_point(args) -> np.ndarray:
    """Raw outputs of one design point: an array (replicates, outputs) of 0/1 and rungs."""
    names, values, seeds, scenario_path = args
    world = scenario(scenario_path)
    rules, combat, actors = {}, {}, {}
    for name, v in zip(names, values, strict=True):
        group, _, rest = name.partition(".")
        if group == "rules":
            rules[rest] = float(v)
        elif group == "combat":
            combat[rest] = float(v)
        elif group == "actors":
            aid, _, knob = rest.partition(".")
            actors[(aid, knob)] = float(v)
    world = with_actors(world, actors)
    rp, cp = replaced(RuleParams(), **rules), replaced(CombatParams(), **combat)
    out = np.empty((len(seeds), len(MILESTONES) + len(world.actors)))
    for i, seed in enumerate(seeds):
        o = play(world, seed, rp, cp, replicate=i).outcome()
        out[i, : len(MILESTONES)] = [reached(o, m) for m in MILESTONES]
        out[i, len(MILESTONES) :] = [o.get(f"peak_rung_{a}", math.nan) for a in world.actors]
    return out


def aggregate(raw: np.ndarray) -> np.ndarray:
    """Per design point: the share for milestone columns, the median for peak rungs.

    ``raw`` has shape (points, replicates, outputs)."""
    probs = raw[:, :, : len(MILESTONES)].mean(axis=1)
    medians = np.median(raw[:, :, len(MILESTONES) :], axis=1)
    return np.concatenate([probs, medians], axis=1)


def mu_star(problem, X, y, levels, resamples=2) -> dict:
    return morris_analyze.analyze(
        problem, X, y, num_levels=levels, num_resamples=resamples, print_to_console=False, seed=1
    )


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--trajectories", type=int, default=8, help="Morris trajectories r")
    parser.add_argument("--replicates", type=int, default=64, help="replicates per point")
    parser.add_argument("--levels", type=int, default=4, help="Morris grid levels")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--bootstrap", type=int, default=30, help="resamples for mc_se")
    parser.add_argument("--jobs", type=int, default=1, help="worker processes")
    parser.add_argument("--scenario", default=None, help="scenario file (default: kursk_2024)")
    args = parser.parse_args(argv)
    t0 = time.perf_counter()
    world = scenario(args.scenario)
    problem, knobs = problem_of(world)
    X = morris_sample.sample(problem, N=args.trajectories, num_levels=args.levels, seed=args.seed)
    names = problem["names"]
    d = names.index(DUMMY)
    seed_sets = [
        replicate_seeds(args.replicates, base_seed=args.seed * 1000 + level + 1)
        for level in range(args.levels)
    ]
    tasks = [
        (names, x, seed_sets[round(x[d] * (args.levels - 1))], args.scenario) for x in X
    ]  # fmt: skip
    print(f"# Morris screening, {describe_tree()}")
    print(
        f"# {len(names)} parameters, {args.trajectories} trajectories, {len(X)} points x "
        f"{args.replicates} replicates = {len(X) * args.replicates} runs of 26 weeks"
    )
    print_table(
        ["parameter", "default", "low", "high"],
        [(n, f"{dft:g}", f"{lo:g}", f"{hi:g}") for n, dft, lo, hi in knobs],
        "Sampled ranges",
    )
    sys.stdout.flush()
    if args.jobs > 1:
        with ProcessPoolExecutor(args.jobs) as pool:
            raw = np.stack(list(pool.map(evaluate_point, tasks, chunksize=4)))
    else:
        raw = np.stack([evaluate_point(t) for t in tasks])
    report(problem, X, raw, output_names(world), args)
    print(f"\nwall time {time.perf_counter() - t0:.0f} s")


def report(problem, X, raw, outputs, args) -> None:
    """Print one table per output and the list of knobs below the noise floor everywhere."""
    Y = aggregate(raw)
    delta = args.levels / (2 * (args.levels - 1))
    half = aggregate(raw[:, 0::2]) - aggregate(raw[:, 1::2])
    floors = np.nanmean(np.abs(half), axis=0) / math.sqrt(2) / delta
    rng = np.random.default_rng(args.seed)
    R = raw.shape[1]
    boots = []
    for _ in range(args.bootstrap):
        Yb = aggregate(raw[:, rng.integers(0, R, R)])
        boots.append(
            [mu_star(problem, X, Yb[:, j], args.levels)["mu_star"] for j in range(Y.shape[1])]
        )
    mc_se = np.std(np.array(boots), axis=0, ddof=1) if args.bootstrap > 1 else None
    below: dict[str, int] = dict.fromkeys(problem["names"], 0)
    for j, out in enumerate(outputs):
        if np.all(Y[:, j] == Y[0, j]):
            print(f"\n## {out}: constant {Y[0, j]:g} at every design point (no knob moves it)")
            for n in below:
                below[n] += 1
            continue
        res = mu_star(problem, X, Y[:, j], args.levels, resamples=1000)
        order = np.argsort(-np.asarray(res["mu_star"]))
        rows = []
        for i in order:
            name = problem["names"][i]
            ms = float(res["mu_star"][i])
            flag = "below noise" if ms <= floors[j] else ""
            below[name] += bool(flag)
            se = f"{mc_se[j][i]:.3f}" if mc_se is not None else "-"
            rows.append((name, f"{ms:.3f}", f"{float(res['sigma'][i]):.3f}",
                         f"{float(res['mu_star_conf'][i]):.3f}", se, flag))  # fmt: skip
        dummy = problem["names"].index(DUMMY)
        print_table(
            ["parameter", "mu*", "sigma", "mu*_conf", "mc_se", ""],
            rows,
            f"{out}: mean {np.mean(Y[:, j]):.3f} over the design; noise floor "
            f"{floors[j]:.3f} (split-half re-seeding), dummy mu* {res['mu_star'][dummy]:.3f}",
        )
    n_out = len(outputs)
    inert = [n for n, c in below.items() if c == n_out and n != DUMMY]
    print(f"\n## Knobs below the noise floor on all {n_out} outputs ({len(inert)})")
    print("\n".join(inert) if inert else "(none)")


if __name__ == "__main__":
    main()
