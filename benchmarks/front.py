"""The Kursk front: strength by week, losses against replenishment, North Korean losses, collapse.

    python benchmarks/front.py [--replicates 200] [--attrition 0.012]

Prints (each with its Monte Carlo standard error):
1. each side's mean strength in the Kursk theatre by week, with its weekly losses and
   replenishment (is the Russian line flat?);
2. mean weekly losses against replenishment per actor over the whole run;
3. North Korean losses in their first six weeks of combat, as a share of their strength when
   committed (replicates where they fought six full weeks);
4. at the default attrition rate and at ``--attrition``: the share of runs where a side is
   destroyed (under 1% of its initial strength), where the salient is held by nobody (the
   holder's units are destroyed or gone while its control stays above zero), P(kursk_salient_lost)
   and the mean final control.

Losses come from the ``losses`` column of ``forces`` where the model records it; on the old
model they are measured by watching each theatre's fight and each unit's replenishment.
Replenishment is then the change in strength plus the losses (it includes reinforcements).
"""

from __future__ import annotations

import argparse
import time
from collections import defaultdict

from bench_common import (
    describe_tree,
    fmt,
    mean_se,
    play,
    print_table,
    proportion,
    reached,
    replaced,
    replicate_seeds,
    rows,
    scenario,
)

from sim.domain.params import CombatParams
from sim.experiment.tables import SCHEMAS

THEATRE = "kursk"
DESTROYED = 0.01  # share of initial strength under which a side counts as destroyed
NK = "north_korea"
COMBAT_WEEKS = 6


class FightWatch:
    """Old-model instrument: per (step, unit) the strength lost in fights and gained back."""

    def __init__(self, model):
        self.model = model
        self.lost: dict[tuple[int, str], float] = defaultdict(float)
        self.gained: dict[tuple[int, str], float] = defaultdict(float)
        for t in getattr(model, "contested", []):
            t.fight = self._watch_fight(t, t.fight)
        for u in getattr(model, "unit_list", []):
            u.replenish = self._watch_replenish(u, u.replenish)

    def _watch_fight(self, theatre, fight):
        def watched(*args, **kwargs):
            before = {u.unit_id: u.strength for u in theatre.units}
            fight(*args, **kwargs)
            for u in theatre.units:
                self.lost[(self.model.steps, u.unit_id)] += before[u.unit_id] - u.strength

        return watched

    def _watch_replenish(self, unit, replenish):
        def watched(*args, **kwargs):
            before = unit.strength
            replenish(*args, **kwargs)
            self.gained[(self.model.steps, unit.unit_id)] += unit.strength - before

        return watched


def front_of(model, watch: FightWatch | None) -> dict:
    """Per actor in the theatre and step: strength, losses, replenishment; and unit flags."""
    forces = [r for r in rows(model, "forces") if r["theatre"] == THEATRE]
    strength, losses, gained, combat = (defaultdict(float) for _ in range(4))
    previous: dict[str, float] = {}
    for r in sorted(forces, key=lambda r: (r["step"], r["unit"])):
        key = (r["actor"], r["step"])
        strength[key] += r["strength"]
        combat[key] += r["strength"] if r["in_combat"] else 0.0
        if r["step"] > 0:
            if watch is not None:
                lost = watch.lost.get((r["step"], r["unit"]), 0.0)
                gain = watch.gained.get((r["step"], r["unit"]), 0.0)
            else:
                lost = float(r.get("losses") or 0.0)
                gain = r["strength"] - previous[r["unit"]] + lost
            losses[key] += lost
            gained[key] += gain
        previous[r["unit"]] = r["strength"]
    return {"strength": strength, "losses": losses, "gained": gained, "combat": combat}


def capacity(world, actor: str) -> str:
    """The most a week's replenishment can add to the actor's units in the theatre (the units'
    ``replenishment`` share of their initial strength), where the scenario states it."""
    total = 0.0
    for f in world.forces.values():
        if f.actor == actor and f.theatre == THEATRE:
            rate = getattr(f, "replenishment", None)
            if not isinstance(rate, int | float):
                return "-"
            total += rate * f.strength
    return f"{total:.0f}"


def run(world, seeds, combat: CombatParams) -> list[tuple[dict, dict, list[dict]]]:
    """(front, outcome, theatre rows) of each replicate."""
    records = "losses" in SCHEMAS["forces"].names
    out = []
    for i, s in enumerate(seeds):
        holder: dict = {}

        def attach(model, holder=holder):
            holder["watch"] = None if records else FightWatch(model)

        model = play(world, s, combat=combat, replicate=i, on_model=attach)
        theatres = [r for r in rows(model, "theatres") if r["theatre"] == THEATRE]
        out.append((front_of(model, holder["watch"]), model.outcome(), theatres))
    return out


def nk_first_weeks(front: dict, steps: int) -> float | None:
    """North Korean losses in their first six weeks of combat / strength when committed."""
    combat = front["combat"]
    fought = sorted(s for (a, s), v in combat.items() if a == NK and v > 0)
    if not fought or fought[0] + COMBAT_WEEKS - 1 > steps:
        return None
    t0 = fought[0]
    start = front["strength"][(NK, t0 - 1)] + front["gained"][(NK, t0)]  # before the first fight
    lost = sum(front["losses"][(NK, t)] for t in range(t0, t0 + COMBAT_WEEKS))
    return lost / start if start > 0 else None


def collapse(results, world) -> list[str]:
    """P(a side destroyed), P(held by nobody), P(salient lost), mean final control."""
    theatre = world.theatres[THEATRE]
    holder = theatre.held_by
    destroyed, nobody, controls = [], [], []
    for front, _, theatres in results:
        last = max(s for (_, s) in front["strength"])
        initial = defaultdict(float)
        for (a, s), v in front["strength"].items():
            initial[a] = max(initial[a], v) if s == 0 else initial[a]
        holder_left = front["strength"][(holder, last)]
        holder_dead = holder_left < DESTROYED * initial[holder]
        others = [a for a in initial if a != holder and initial[a] > 0]
        owner_combat = sum(front["combat"][(a, last)] for a in others)
        owner_peak = max((front["strength"][(a, s)] for a in others for s in range(last + 1)),
                         default=0.0)  # fmt: skip
        owner_dead = owner_combat < DESTROYED * owner_peak
        control = theatres[-1]["control"] if theatres else float("nan")
        destroyed.append(holder_dead or owner_dead)
        nobody.append(holder_dead and control > 0)
        controls.append(control)
    lost = proportion(reached(o, "kursk_salient_lost") for _, o, _ in results)
    return [fmt(*proportion(destroyed)), fmt(*proportion(nobody)), fmt(*lost),
            fmt(*mean_se(controls))]  # fmt: skip


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--replicates", type=int, default=200)
    parser.add_argument("--attrition", type=float, default=0.012, help="second attrition rate")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--scenario", default=None)
    args = parser.parse_args(argv)
    t0 = time.perf_counter()
    world = scenario(args.scenario)
    seeds = replicate_seeds(args.replicates, args.seed)
    base = run(world, seeds, CombatParams())
    print(f"# The Kursk front, {describe_tree()}")
    print(f"# {args.replicates} replicates of 26 weeks; mean ± SE over replicates")
    actors = sorted({a for f, _, _ in base for (a, _) in f["strength"]})
    steps = max(s for f, _, _ in base for (_, s) in f["strength"])
    header = ["week"]
    for a in actors:
        header += [f"{a} strength", f"{a} losses", f"{a} replenished"]
    body = []
    for s in range(steps + 1):
        row = [s]
        for a in actors:
            for k in ("strength", "losses", "gained"):
                row.append(fmt(*mean_se(f[k][(a, s)] for f, _, _ in base), digits=0))
        body.append(row)
    print_table(header, body, f"Strength in {THEATRE} by week, with that week's losses and "
                              "replenishment (personnel)")  # fmt: skip
    summary = []
    for a in actors:
        weekly = [(f["losses"][(a, s)], f["gained"][(a, s)]) for f, _, _ in base
                  for s in range(1, steps + 1)]  # fmt: skip
        first = mean_se(f["strength"][(a, 0)] for f, _, _ in base)
        last = mean_se(f["strength"][(a, steps)] for f, _, _ in base)
        summary.append([a, fmt(*mean_se(w[0] for w in weekly), digits=0),
                        fmt(*mean_se(w[1] for w in weekly), digits=0), capacity(world, a),
                        fmt(*first, digits=0), fmt(*last, digits=0)])  # fmt: skip
    print_table(["actor", "losses/week", "replenished/week", "capacity/week", "strength week 0",
                 f"strength week {steps}"], summary, "Losses against replenishment")  # fmt: skip
    shares = [nk_first_weeks(f, steps) for f, _, _ in base]
    shares = [x for x in shares if x is not None]
    print(
        f"\nNorth Korean losses in their first {COMBAT_WEEKS} weeks of combat: "
        f"{fmt(*mean_se(shares))} of their strength when committed "
        f"({len(shares)} of {len(base)} runs fought {COMBAT_WEEKS} full weeks)"
    )
    high = run(world, seeds, replaced(CombatParams(), attrition_rate=args.attrition))
    rate = CombatParams().attrition_rate
    print_table(
        ["combat.attrition_rate", "P(a side destroyed)", "P(held by nobody)",
         "P(kursk_salient_lost)", "mean final control"],
        [[f"{rate:g} (default)", *collapse(base, world)],
         [f"{args.attrition:g}", *collapse(high, world)]],
        "Collapse of a side",
    )  # fmt: skip
    print(f"\nwall time {time.perf_counter() - t0:.0f} s")


if __name__ == "__main__":
    main()
