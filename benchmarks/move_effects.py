"""Does a human seat's move change the world? Every ladder action played every turn, against hold.

    python benchmarks/move_effects.py [--seat united_states] [--replicates 100]

The seat (default: the United States) is played by a "human" who makes the same move every
turn; the baseline is the same seat holding every turn. Both use the same replicate seeds
(common random numbers), so any difference is the move's doing. For each move the table gives:
the share of replicates whose world differs from holding (the rungs, postures or events of
the other actors, any unit's strength or status, any theatre's control) and which tables
differ; the mean |difference| in Russia's peak rung; the mean difference in Kursk control at
the end; and the differences in P(nuclear_signal), P(kursk_salient_lost) and P(ceasefire)
(paired, with SEs).

On a model with directed postures (a ``postures`` table) a move names its target: the supply
moves (arms, ammunition, instructors, lifting restrictions) go to the seat's supplied partner
(``--recipient``, default Ukraine) and the rest to the seat's main adversary, unless
``--target`` is given. On the old model a move always targets the seat's first adversary.
"""

from __future__ import annotations

import argparse
import time

from bench_common import (
    describe_tree,
    fmt,
    has_table,
    mean_se,
    milestones_of,
    play,
    print_table,
    reached,
    replicate_seeds,
    rows,
    scenario,
)

from sim.domain.errors import WargameError
from sim.domain.ladder import standard_ladder

HOLD = "hold"
TO_RECIPIENT = {"supply_arms", "supply_ammunition", "send_instructors", "lift_weapons_restrictions"}
WORLD_TABLES = ("timeseries", "postures", "events", "forces", "theatres")
WATCHED = ("nuclear_signal", "kursk_salient_lost", "ceasefire")


def moves_of(world, seat: str) -> list[tuple[str, int]]:
    """Every ladder action the seat may take (at or below its highest rung), with its rung."""
    ladder = standard_ladder()
    ceiling = ladder.index(world.actors[seat].max_rung)
    return [(a, r) for a, r in sorted(ladder.actions.items(), key=lambda x: (x[1], x[0]))
            if r <= ceiling]  # fmt: skip


def move_of(action: str, seat: str, world, args):
    """What the seat plays: the bare action (old model) or (action, target) (new model)."""
    if action == HOLD or not has_table("postures"):
        return action
    if args.target:
        return (action, args.target)
    if action in TO_RECIPIENT:
        return (action, args.recipient)
    return (action, world.actors[seat].adversaries[0])


def world_view(model, seat: str) -> dict[str, list]:
    """What the seat's move could change in others' world: other actors' rungs, postures and
    events, forces and theatres (the seat's own rung, postures and events are left out: a move
    changes those by definition)."""
    view = {}
    for table in WORLD_TABLES:
        rs = rows(model, table)
        if table in ("timeseries", "postures"):
            rs = [r for r in rs if r.get("actor") != seat]
        elif table == "events":
            rs = [r for r in rs if r.get("source") != seat]
        view[table] = [tuple(r.values()) for r in rs]
    return view


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--seat", default="united_states")
    parser.add_argument("--replicates", type=int, default=100)
    parser.add_argument("--recipient", default="ukraine", help="target of supply moves")
    parser.add_argument("--target", default=None, help="one target for every move")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--scenario", default=None)
    args = parser.parse_args(argv)
    t0 = time.perf_counter()
    world = scenario(args.scenario)
    seeds = replicate_seeds(args.replicates, args.seed)

    def games(action):
        """The replicates with the seat playing ``action``, and the move actually played: a
        target the model refuses (no posture toward it) falls back to the bare action."""
        move = move_of(action, args.seat, world, args)
        try:
            play(world, seeds[0], steps=1, human={args.seat: move})
        except WargameError as e:
            if not isinstance(move, tuple):
                raise
            print(f"# {action} toward {move[1]} refused ({e}); played without a target")
            move = action
        models = [play(world, s, replicate=i, human={args.seat: move}) for i, s in enumerate(seeds)]
        return models, move

    held = [(world_view(m, args.seat), m.outcome()) for m in games(HOLD)[0]]
    body, changing = [], 0
    moves = moves_of(world, args.seat)
    for action, rung in moves:
        models, target = games(action)
        played = [(world_view(m, args.seat), m.outcome()) for m in models]
        differs, tables = 0, set()
        for (v0, _), (v1, _) in zip(held, played, strict=True):
            changed = [t for t in WORLD_TABLES if v0[t] != v1[t]]
            differs += bool(changed)
            tables.update(changed)
        changing += differs > 0
        pairs = [(o0, o1) for (_, o0), (_, o1) in zip(held, played, strict=True)]
        peak = mean_se(abs(o1["peak_rung_russia"] - o0["peak_rung_russia"]) for o0, o1 in pairs)
        ctrl = mean_se(o1.get("final_control_kursk", 0) - o0.get("final_control_kursk", 0)
                       for o0, o1 in pairs)  # fmt: skip
        dps = [mean_se(reached(o1, m) - reached(o0, m) for o0, o1 in pairs) for m in WATCHED]
        moved = [m for m in milestones_of(pairs[0][0])
                 if any(reached(o0, m) != reached(o1, m) for o0, o1 in pairs)]  # fmt: skip
        body.append([
            action, standard_ladder().rung_ids[rung],
            target[1] if isinstance(target, tuple) else "(main adversary)",
            f"{differs}/{len(seeds)}", ",".join(sorted(tables)) or "-",
            fmt(*peak, digits=2), fmt(*ctrl), *[fmt(*d) for d in dps], len(moved),
        ])  # fmt: skip
    print(f"# Move effects for the {args.seat} seat, {describe_tree()}")
    print(f"# {args.replicates} replicates per move, same seeds as the seat holding every turn")
    header = ["move", "rung", "target", "world differs", "tables that differ",
              "|Δ peak rung russia|", "Δ final kursk control",
              *[f"ΔP({m})" for m in WATCHED], "milestones moved"]  # fmt: skip
    print_table(header, body, "Each move every turn vs holding (paired differences ± SE)")
    print(f"\n{changing} of {len(moves)} moves change the world "
          f"(others' rungs/postures, forces or control) in at least one replicate; "
          f"wall time {time.perf_counter() - t0:.0f} s")  # fmt: skip


if __name__ == "__main__":
    main()
