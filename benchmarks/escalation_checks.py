"""Checks of the escalation dynamics: the levers, the doctrine dice, the way down, tit for tat.

    python benchmarks/escalation_checks.py [--replicates 200]

Prints, each with its Monte Carlo standard error:
1. P(nuclear_signal) as the United States' and Russia's ``risk_tolerance`` go from 0 to 1, one at
   a time (the other actors at their scenario values);
2. P(North Korean troops in combat) against the closed form 1-(1-p)^26 of Russia's doctrine
   entry that commits them (p per week; a per-week rate r is converted as 1-exp(-r)): equal
   when the entry's conditions hold from the first week, so the dice alone decide; and
   P(kursk_salient_lost) with and without that entry;
3. per rule set: P(ceasefire), ceasefire offers (count of ``offer_ceasefire`` decisions, per run
   and in total), Ukraine's rung changes per run, P(nuclear_signal);
4. how often North Korea reaches ``strikes_on_territory``, and how often its first turn there
   comes one turn after South Korea's first turn at ``arms_supply``.
"""

from __future__ import annotations

import argparse
import math
import time

from bench_common import (
    CALENDAR_WEEKS,
    describe_tree,
    fmt,
    has_table,
    mean_se,
    play,
    print_table,
    proportion,
    reached,
    replaced,
    replicate_seeds,
    rows,
    scenario,
    with_actor,
)

from sim.domain.ladder import standard_ladder
from sim.domain.params import RuleParams, RuleSetName

COMMIT = "commit_partner_forces"
OFFER = "offer_ceasefire"


def p_of(world, seeds, milestone: str, **play_args) -> tuple[float, float]:
    outcomes = [play(world, s, replicate=i, **play_args).outcome() for i, s in enumerate(seeds)]
    return proportion(reached(o, milestone) for o in outcomes)


def risk_tolerance(world, seeds) -> None:
    values = [0.0, 0.25, 0.5, 0.75, 1.0]
    body = []
    for v in values:
        row = [f"{v:g}"]
        for actor in ("united_states", "russia"):
            row.append(fmt(*p_of(with_actor(world, actor, risk_tolerance=v), seeds,
                                 "nuclear_signal")))  # fmt: skip
        body.append(row)
    header = ["risk_tolerance", "P(nuclear_signal), US varied", "P(nuclear_signal), Russia varied"]
    print_table(header, body, "Risk tolerance, one actor at a time")


def commit_entry(world) -> tuple[str, str, object] | None:
    """(actor, entry id, entry) of the doctrine entry that commits partner forces."""
    for aid, actor in world.actors.items():
        for eid, e in actor.doctrine.items():
            if e.then == COMMIT:
                return aid, eid, e
    return None


def per_week(entry) -> float | None:
    """The entry's chance per week while its conditions hold: a per-week rate r is converted as
    1-exp(-r); a probability is per week (the old model's per-turn probability, with its weekly
    turns, is the same)."""
    rate = getattr(entry, "rate", None)
    if isinstance(rate, int | float):
        return 1.0 - math.exp(-rate)
    p = getattr(entry, "probability", None)
    return float(p) if isinstance(p, int | float) else None


def doctrine_dice(world, seeds) -> None:
    found = commit_entry(world)
    if found is None:
        print("\nno doctrine entry commits partner forces; check 2 skipped")
        return
    aid, eid, entry = found
    weeks = CALENDAR_WEEKS
    p = per_week(entry)
    closed = 1 - (1 - p) ** weeks if p is not None else math.nan
    doctrine = {k: v for k, v in world.actors[aid].doctrine.items() if k != eid}
    without = with_actor(world, aid, doctrine=doctrine)
    print_table(
        ["measure", "value"],
        [
            ["P(prk_combat)", fmt(*p_of(world, seeds, "prk_combat"))],
            [f"closed form 1-(1-{p:.3g})^{weeks}" if p is not None else "closed form",
             fmt(closed)],
            ["P(kursk_salient_lost), with the entry",
             fmt(*p_of(world, seeds, "kursk_salient_lost"))],
            [f"P(kursk_salient_lost), without {aid}.{eid}",
             fmt(*p_of(without, seeds, "kursk_salient_lost"))],
            [f"P(prk_combat), without {aid}.{eid}", fmt(*p_of(without, seeds, "prk_combat"))],
        ],
        f"North Korean troops in combat: {aid}.doctrine.{eid}",
    )  # fmt: skip


def rule_sets(world, seeds) -> None:
    body = []
    events = has_table("events")
    for name in RuleSetName:
        rules = replaced(RuleParams(), name=name)
        models = [play(world, s, rules=rules, replicate=i) for i, s in enumerate(seeds)]
        offers = [sum(r["action"] == OFFER for r in rows(m, "decisions")) for m in models]
        flips = [_changes(m, "ukraine") for m in models]
        row = [name.value,
               fmt(*proportion(reached(m.outcome(), "ceasefire") for m in models)),
               fmt(*mean_se(offers), digits=2), sum(offers)]  # fmt: skip
        if events:
            ev = [sum(r.get("event") == OFFER for r in rows(m, "events")) for m in models]
            row.append(sum(ev))
        row += [
            fmt(*mean_se(flips), digits=2),
            fmt(*proportion(reached(m.outcome(), "nuclear_signal") for m in models)),
        ]
        body.append(row)
    header = ["rule set", "P(ceasefire)", "offers/run", f"offers in {len(seeds)} runs"]
    header += ["offer events"] if events else []
    header += ["ukraine rung changes/run", "P(nuclear_signal)"]
    print_table(header, body, "Rule sets: the way down")


def _changes(model, actor: str) -> int:
    rungs = [r["rung"] for r in rows(model, "timeseries") if r["actor"] == actor]
    return sum(a != b for a, b in zip(rungs, rungs[1:], strict=False))


def first_step(model, actor: str, rung: int) -> int | None:
    for r in rows(model, "timeseries"):
        if r["actor"] == actor and r["rung"] >= rung and r["step"] > 0:
            return r["step"]
    return None


def north_korea_strikes(world, seeds) -> None:
    ladder = standard_ladder()
    strikes, arms = ladder.index("strikes_on_territory"), ladder.index("arms_supply")
    reached_n, after_sk = 0, 0
    for i, s in enumerate(seeds):
        m = play(world, s, replicate=i)
        t = first_step(m, "north_korea", strikes)
        if t is None:
            continue
        reached_n += 1
        u = first_step(m, "south_korea", arms)
        after_sk += u is not None and t == u + 1
    n = len(seeds)
    share = fmt(*proportion([True] * reached_n + [False] * (n - reached_n)))
    print_table(
        ["measure", "value"],
        [["P(north_korea reaches strikes_on_territory)", share],
         ["of which one turn after south_korea's first arms_supply turn",
          f"{after_sk} of {reached_n}"]],
        "North Korea's climb and South Korea's arms supply",
    )  # fmt: skip


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--replicates", type=int, default=200)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--scenario", default=None)
    args = parser.parse_args(argv)
    t0 = time.perf_counter()
    world = scenario(args.scenario)
    seeds = replicate_seeds(args.replicates, args.seed)
    print(f"# Escalation checks, {describe_tree()}")
    print(f"# {args.replicates} replicates of 26 weeks per line; same seeds everywhere")
    risk_tolerance(world, seeds)
    doctrine_dice(world, seeds)
    rule_sets(world, seeds)
    north_korea_strikes(world, seeds)
    print(f"\nwall time {time.perf_counter() - t0:.0f} s")


if __name__ == "__main__":
    main()
