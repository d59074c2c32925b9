"""Does a human seat's move change the world? Every ladder action played every turn, against hold.

    python benchmarks/move_effects.py [--seat united_states] [--replicates 100]

The seat (default: the United States) is played by a "human" who makes the same move every
turn; the baseline is the same seat holding every turn. Both use the same replicate seeds
(common random numbers), so any difference is the move's doing. For each move the table gives:
the share of the seat's turns on which the model took the move (else it held, and why);
the share of replicates whose world differs from holding (the rungs, postures or events of
the other actors, any unit's strength or status, any theatre's control) and which tables
differ; the mean |difference| in Russia's peak rung; the mean difference in Kursk control at
the end; and the differences in P(nuclear_signal), P(kursk_salient_lost) and P(ceasefire)
(paired, with SEs).

On a model with directed postures (a ``postures`` table) a move names its target, and every
move is played against each of the seat's adversaries (or ``--targets``): one row per move and
target; a move the model refuses toward a target is reported and skipped. Supply moves are
aimed at the adversary and help whoever fights it. On the old model a move always targets the
seat's first adversary.
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
WORLD_TABLES = ("timeseries", "postures", "events", "forces", "theatres")
WATCHED = ("nuclear_signal", "kursk_salient_lost", "ceasefire")


def moves_of(world, seat: str) -> list[tuple[str, int]]:
    """Every ladder action the seat may take (at or below its highest rung), with its rung."""
    ladder = standard_ladder()
    ceiling = ladder.index(world.actors[seat].max_rung)
    return [(a, r) for a, r in sorted(ladder.actions.items(), key=lambda x: (x[1], x[0]))
            if r <= ceiling]  # fmt: skip


def targets_of(world, seat: str, args) -> list[str | None]:
    """The targets each move is played against: ``--targets``, else every adversary of the seat
    on a model with directed postures; ``[None]`` (the model's default target) on the old one."""
    if not has_table("postures"):
        return [None]
    return args.targets or list(world.actors[seat].adversaries) or [None]


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


def taken(models, seat: str, action: str) -> str:
    """Share of the seat's turns on which the model took the move (it holds instead when the
    move is not possible, e.g. deploying troops without units), with the reason given most."""
    turns = [r for m in models for r in rows(m, "decisions")
             if r["actor"] == seat and r["rule"] == "human"]  # fmt: skip
    done = sum(r["action"] == action for r in turns)
    share = f"{done / len(turns):.2f}" if turns else "-"
    refusals = [r["reason"] for r in turns if r["action"] != action]
    if not refusals:
        return share
    reason = max(set(refusals), key=refusals.count)
    return f"{share} ({reason.split(': ')[-1]})"


def compare(held, played) -> tuple[list, int]:
    """The table cells of one move against holding, and how many replicates differ."""
    differs, tables = 0, set()
    for (v0, _), (v1, _) in zip(held, played, strict=True):
        changed = [t for t in WORLD_TABLES if v0[t] != v1[t]]
        differs += bool(changed)
        tables.update(changed)
    pairs = [(o0, o1) for (_, o0), (_, o1) in zip(held, played, strict=True)]
    peak = mean_se(abs(o1["peak_rung_russia"] - o0["peak_rung_russia"]) for o0, o1 in pairs)
    ctrl = mean_se(o1.get("final_control_kursk", 0) - o0.get("final_control_kursk", 0)
                   for o0, o1 in pairs)  # fmt: skip
    dps = [mean_se(reached(o1, m) - reached(o0, m) for o0, o1 in pairs) for m in WATCHED]
    moved = [m for m in milestones_of(pairs[0][0])
             if any(reached(o0, m) != reached(o1, m) for o0, o1 in pairs)]  # fmt: skip
    row = [f"{differs}/{len(pairs)}", ",".join(sorted(tables)) or "-", fmt(*peak, digits=2),
           fmt(*ctrl), *[fmt(*d) for d in dps], len(moved)]  # fmt: skip
    return row, differs


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--seat", default="united_states")
    parser.add_argument("--replicates", type=int, default=100)
    parser.add_argument("--targets", nargs="+", default=None, help="targets of every move")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--scenario", default=None)
    args = parser.parse_args(argv)
    t0 = time.perf_counter()
    world = scenario(args.scenario)
    seeds = replicate_seeds(args.replicates, args.seed)

    def games(move):
        return [play(world, s, replicate=i, human={args.seat: move}) for i, s in enumerate(seeds)]

    held = [(world_view(m, args.seat), m.outcome()) for m in games(HOLD)]
    body, changing, played_moves = [], 0, 0
    for action, rung in moves_of(world, args.seat):
        for target in targets_of(world, args.seat, args):
            move = action if target is None else (action, target)
            try:
                models = games(move)
            except WargameError as e:
                print(f"# {action} toward {target}: refused ({e})")
                continue
            played_moves += 1
            row, differs = compare(held, [(world_view(m, args.seat), m.outcome()) for m in models])
            changing += differs > 0
            body.append([action, standard_ladder().rung_ids[rung], target or "(first adversary)",
                         taken(models, args.seat, action), *row])  # fmt: skip
    print(f"# Move effects for the {args.seat} seat, {describe_tree()}")
    print(f"# {args.replicates} replicates per move, same seeds as the seat holding every turn")
    header = ["move", "rung", "target", "taken", "world differs", "tables that differ",
              "|Δ peak rung russia|", "Δ final kursk control",
              *[f"ΔP({m})" for m in WATCHED], "milestones moved"]  # fmt: skip
    print_table(header, body, "Each move every turn vs holding (paired differences ± SE)")
    print(f"\n{changing} of {played_moves} moves change the world "
          f"(others' rungs/postures, forces or control) in at least one replicate; "
          f"wall time {time.perf_counter() - t0:.0f} s")  # fmt: skip


if __name__ == "__main__":
    main()
