"""``wargame fork RUN --replicate N --turn T [KEY=VALUE ...] [--move ACTOR=ACTION]``."""

from __future__ import annotations

import argparse
from pathlib import Path

import pandas as pd

from sim.analysis.errors import ResultsError
from sim.files import output_folder


def fork_parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(
        prog="wargame fork",
        description="Rebuild one replicate of a run exactly up to turn T (replaying its config "
        "and seed), then play on with a change: KEY=VALUE overrides (rules.X, combat.X, "
        "scenario.actors.ID.FIELD) and/or --move ACTOR=ACTION at turn T+1; K continuations "
        "with fresh random streams, each paired with an unchanged control (docs/analysis.md).",
    )
    p.add_argument("run", type=Path, help="a run folder")
    p.add_argument("--replicate", type=int, required=True, help="the replicate to fork")
    p.add_argument("--turn", type=int, required=True, help="fork after this turn (0 = start)")
    p.add_argument(
        "--move",
        action="append",
        default=[],
        metavar="ACTOR=ACTION",
        help="the move ACTOR plays at turn T+1 instead of its rule's (repeatable)",
    )
    p.add_argument("--k", type=int, default=20, help="fresh-stream continuations (default 20)")
    p.add_argument("--out", type=Path, help="where to write (default RUN/forks/rNtT)")
    return p


def fork_main(argv: list[str]) -> int:
    """Entry of ``wargame fork``."""
    from sim.analysis.results import load_run
    from sim.experiment.fork import Change, branches

    parser = fork_parser()
    args, overrides = parser.parse_known_args(argv)
    bad = [a for a in overrides if "=" not in a or a.startswith("-")]
    if bad:
        parser.error(f"unrecognised arguments: {' '.join(bad)} (overrides are KEY=VALUE)")
    run = load_run(args.run)
    job = job_of(run)
    if not 0 <= args.replicate < job.replicates:
        raise ResultsError(
            f"--replicate {args.replicate}: the run has replicates 0 to {job.replicates - 1}"
        )
    if not 0 <= args.turn < job.steps:
        raise ResultsError(f"--turn {args.turn}: allowed: 0 to {job.steps - 1}")
    if args.k < 0:
        raise ResultsError(f"--k {args.k}: allowed: 0 or more fresh-stream continuations")
    moves = tuple(tuple(m.split("=", 1)) for m in args.move)
    if any(len(m) != 2 for m in moves):
        raise ResultsError("--move must be ACTOR=ACTION, e.g. --move russia=nuclear_signal")
    choices = human_choices(run, args.replicate)
    change = Change(tuple(overrides), moves)  # type: ignore[arg-type]
    played = branches(job, args.replicate, args.turn, change, args.k, choices)
    check_rebuild(run, args.replicate, args.turn, played["same_stream"], job.engine)
    write_fork(run, args, change, played)
    return 0


def job_of(run):
    """The run's job rebuilt from its run.json, checked against the saved seeds and digest."""
    from sim.domain.params import CombatParams, RuleParams
    from sim.domain.scenario_io import parse_scenario, with_deck
    from sim.experiment.job import Job

    cfg = run.manifest.get("config") or {}
    if not cfg.get("scenario") or "rules" not in cfg:
        raise ResultsError(f"{run.path / 'run.json'} has no resolved config to rebuild from")
    data = dict(cfg["scenario"])
    if cfg.get("deck"):
        data = with_deck(data, Path(cfg["deck"]))
    seeds = run.manifest.get("seeds", {})
    job = Job(
        parse_scenario(data, source=str(run.path / "run.json")),
        RuleParams(**cfg["rules"]),
        CombatParams(**cfg["combat"]),
        int(run.manifest["steps"]),
        int(run.manifest["replicates"]),
        int(seeds.get("base_seed", cfg.get("seed", 0))),
        tuple(cfg.get("human_actors") or ()),
        seeds.get("seeding", "per_point"),
        run.manifest.get("engine", "agents"),
    )
    if seeds.get("params_digest") not in (None, job.params_digest):
        raise ResultsError(
            f"{run.path}: the config in run.json no longer gives the run's "
            "parameters digest (another package version?); cannot rebuild exactly"
        )
    return job


def human_choices(run, replicate: int):
    """The recorded human moves of the replicate, turn by turn (play-mode runs), or None."""
    dec = run.decisions
    dec = dec[(dec["replicate"] == replicate) & (dec["rule"].astype(str) == "human")]
    if dec.empty:
        return None
    by_turn = {
        int(s): dict(zip(g["actor"].astype(str), g["action"].astype(str), strict=True))
        for s, g in dec.groupby("step")
    }
    return lambda turn: by_turn.get(turn, {})


def check_rebuild(run, replicate: int, turn: int, model, engine: str = "agents") -> None:
    """Refuse unless the replayed rungs of turns 0..T equal the saved ones (for a batched run:
    the replayed block's rungs before T and the rungs of the lane turned into an agent model at
    T)."""
    saved = run.timeseries
    saved = saved[(saved["replicate"] == replicate) & (saved["step"] <= turn)]
    mine = pd.DataFrame(
        [(r[1], r[3], r[4]) for r in model.recorder.timeseries if r[1] <= turn],
        columns=["step", "actor", "rung"],
    )
    a = saved[["step", "actor", "rung"]].astype({"actor": str, "step": int, "rung": int})
    same = (
        a.sort_values(["step", "actor"]).to_numpy().tolist()
        == mine.sort_values(["step", "actor"]).to_numpy().tolist()
    )
    if not same:
        raise ResultsError(
            f"replaying {run.path} replicate {replicate} did not give the saved "
            f"rungs up to turn {turn}: the model changed since the run was made"
        )
    how = "its config and seed" if engine == "agents" else "its config and its block's seed"
    print(
        f"rebuilt replicate {replicate} exactly up to turn {turn} (replayed from {how}; every "
        f"actor's rung at turns 0..{turn} equals the saved run)"
    )
    if engine == "batched":
        print(
            "batched run: the branches are played by the agent model from the replicate's lane; "
            "same_stream has a stream of its own (seeded by block seed, lane and turn), since "
            "the block's stream cannot be continued by one replicate"
        )


def write_fork(run, args, change, played) -> None:
    """The branch table, the milestone summary and the figure."""
    from sim.analysis.fork_report import (
        actors_to_show,
        branch_table,
        milestone_summary,
        plot_branches,
    )

    out = args.out or run.path / "forks" / f"r{args.replicate}t{args.turn}"
    original = run.outcomes[run.outcomes["replicate"] == args.replicate].iloc[0].to_dict()
    table = branch_table(original, {n: m.outcome() for n, m in played.items()})
    summary = milestone_summary(table)
    output_folder(out, "--out")
    table.to_csv(out / "branches.csv", index=False)
    summary.to_csv(out / "milestones.csv", index=False)
    series = _series(run, args.replicate, table, played)
    what = " ".join([*change.overrides, *[f"{a} plays {m}" for a, m in change.moves]]) or "none"
    note = (
        f"fork of {run.path.name} replicate {args.replicate} after turn {args.turn}; change: "
        f"{what}; {args.k} fresh streams, each with a changed and a control branch"
    )
    from sim.analysis.names import names_of

    names = names_of(run.scenario)
    shown = actors_to_show(series, args.turn)
    plot_branches(series, args.turn, shown, run.title, note, out, names.actor)
    with pd.option_context("display.width", 140):
        print(summary.round(3).to_string(index=False))
    print(f"\nchange: {what}\nResults in {out}")


def _series(run, replicate, table, played) -> pd.DataFrame:
    saved = run.timeseries[run.timeseries["replicate"] == replicate]
    frames = [saved[["step", "actor", "rung"]].assign(branch="original", kind="original")]
    kinds = dict(zip(table["branch"], table["kind"], strict=True))
    for name, model in played.items():
        rows = [(r[1], r[3], r[4]) for r in model.recorder.timeseries]
        frames.append(
            pd.DataFrame(rows, columns=["step", "actor", "rung"]).assign(
                branch=name, kind=kinds[name]
            )
        )
    series = pd.concat(frames, ignore_index=True)
    series["actor"] = series["actor"].astype(str)
    return series
