"""Per-step cost of the model against the number of force units: 10, 100, 1,000, 10,000.

The default scenario's forces are cloned round-robin (same actors, theatres and quality; each
clone carries its share of the original strength and reserves, so the fronts stay the same)
until the scenario has the wanted number of units. The first step is not timed (it builds each
actor's static view of the world); the other 25 steps of a replicate are timed, over as
many replicates as fit in about two seconds. The cost should grow at most linearly with the
number of units: a step's cost is a fixed part (the actors' decisions, Mesa's bookkeeping) plus
a part per unit, so the summary gives the marginal cost per unit between successive sizes (which
must not grow) and the fixed part, never the ratio to the smallest size's cost (which is mostly
the fixed part).

    python benchmarks/scaling.py [--units 10 100 1000 10000]

Prints a table, then as the last line: {"units": [...], "seconds_per_step": [...]}
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

from sim.abm.model import EscalationModel
from sim.domain.params import CombatParams, RuleParams
from sim.domain.scenario import Scenario
from sim.domain.scenario_io import parse_scenario

sys.path.insert(0, str(Path(__file__).parent))
from startup import large_scenario  # noqa: E402 - the benchmarks' one scenario generator

BUDGET_S = 2.0  # timed seconds per size, at most
MAX_STEPS = 26  # a replicate's length: the model is not meant to run longer


def scenario_with_units(units: int) -> Scenario:
    """The default scenario with its forces cloned round-robin to ``units`` units (the same
    cloning as ``startup.large_scenario``: strength and reserves split, fronts unchanged)."""
    return parse_scenario(large_scenario(0, units), source=f"kursk_2024 with {units} units")


def seconds_per_step(world: Scenario) -> float:
    """Mean wall time of a step: replicates of MAX_STEPS steps (the first step of each untimed)
    until BUDGET_S seconds of steps have been timed."""
    timed, steps, seed = 0.0, 0, 0
    while steps == 0 or timed < BUDGET_S:
        seed += 1
        model = EscalationModel(world, RuleParams(), CombatParams(), rng=seed)
        model.step()
        t0 = time.perf_counter()
        for _ in range(MAX_STEPS - 1):
            model.step()
        timed += time.perf_counter() - t0
        steps += MAX_STEPS - 1
    return timed / steps


def linearity(units: list[int], costs: list[float]) -> list[str]:
    """Lines describing the growth: marginal cost per added unit between successive sizes, and
    the fixed part of a step (the cost at zero units, extrapolated from the two smallest)."""
    if len(units) < 2:
        return []
    pairs = range(len(units) - 1)
    marginal = [(costs[i + 1] - costs[i]) / (units[i + 1] - units[i]) for i in pairs]
    fixed = costs[0] - marginal[0] * units[0]
    steps = ", ".join(f"{units[i]}->{units[i + 1]}: {marginal[i] * 1e6:.2f}" for i in pairs)
    worst = max(marginal) / max(min(marginal), 1e-12)
    return [
        f"marginal cost, us per added unit per step: {steps}",
        f"fixed part of a step: about {fixed * 1e3:.2f} ms",
        f"largest / smallest marginal cost = {worst:.2f} (about 1: linear; growing: superlinear)",
    ]


def main(argv: list[str] | None = None) -> dict:
    """Measure each size, print the table, then the JSON line."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--units", type=int, nargs="+", default=[10, 100, 1000, 10000])
    args = parser.parse_args(argv)
    costs = [seconds_per_step(scenario_with_units(n)) for n in args.units]
    print(f"{'units':>8}{'ms/step':>10}{'us/step/unit':>14}")
    for n, c in zip(args.units, costs, strict=True):
        print(f"{n:8d}{c * 1e3:10.2f}{c * 1e6 / n:14.2f}")
    for line in linearity(args.units, costs):
        print(line)
    result = {"units": args.units, "seconds_per_step": [round(c, 6) for c in costs]}
    print(json.dumps(result))
    return result


if __name__ == "__main__":
    main()
