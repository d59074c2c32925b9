"""``wargame score RUN_OR_SWEEP --history FILE``: an ensemble against what happened."""

from __future__ import annotations

import argparse
import json
from pathlib import Path

import pandas as pd

from sim.analysis.history import load_history
from sim.files import output_folder


def score_parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(
        prog="wargame score",
        description="Score a run (or each job of a sweep) against a history file: per "
        "observation the ensemble's probability by its date and the time to event, Brier and "
        "log scores overall, and a figure of each observed date against the cumulative "
        "probability (docs/analysis.md).",
    )
    p.add_argument("folder", type=Path, help="a run folder or a sweep folder")
    p.add_argument(
        "--history",
        type=Path,
        required=True,
        help="a history file, e.g. scenarios/kursk_2024.history.yaml",
    )
    p.add_argument("--out", type=Path, help="where to write (default: FOLDER/score)")
    return p


def score_main(argv: list[str]) -> int:
    """Entry of ``wargame score``."""
    from sim.analysis.score_plots import plot_scores
    from sim.analysis.scoring import score_folder

    args = score_parser().parse_args(argv)
    history = load_history(args.history)
    per_run, per_obs, curves = score_folder(args.folder, history)
    _warn_scenario(args.folder, history.scenario)
    out = args.out or args.folder / "score"
    output_folder(out, "--out")
    per_obs.to_csv(out / "observations.csv", index=False)
    per_run.to_csv(out / "scores.csv", index=False)
    first = per_obs[per_obs["job"] == per_obs["job"].iloc[0]] if "job" in per_obs else per_obs
    title = f"{history.path.name} against {args.folder.name}"
    written = plot_scores(first, curves, title, out, observations=history.observations,
                          names=_first_run(args.folder).names)  # fmt: skip
    print(format_observations(first))
    left_out = [o.id for o in history.observations if o.id not in set(first["observation"])]
    if left_out:
        print(f"not scored (dated after the run's last turn): {', '.join(left_out)}")
    print()
    with pd.option_context("display.width", 120, "display.max_columns", 20):
        print(per_run.round(4).to_string(index=False))
    if "job" in per_obs:
        from sim.analysis.calibration import pooled

        together = pooled(per_obs, per_obs["job"].unique())
        (out / "pooled.json").write_text(json.dumps(together, indent=1), encoding="utf-8")
        print(
            f"\nall {together['points']} jobs as one ensemble: Brier {together['brier']:.4f}, "
            f"log score {together['log_score']:.4f}"
        )
    print(f"\n{len(written) + 2} files written to {out}")
    return 0


def format_observations(table: pd.DataFrame) -> str:
    """The per-observation table as printed: what, when, happened, probability, scores."""
    cols = [
        "observation",
        "date",
        "happened",
        "probability",
        "brier",
        "log_score",
        "first_p50",
        "p_never",
    ]
    shown = table[cols].copy()
    shown["date"] = shown["date"].dt.date
    shown["first_p50"] = shown["first_p50"].dt.date
    with pd.option_context("display.width", 140, "display.max_colwidth", 40):
        return shown.round(3).to_string(index=False)


def _first_run(folder: Path):
    """The run (or a sweep's first job) whose names and scenario the output uses."""
    from sim.analysis.results import folder_kind, load_run
    from sim.analysis.sweep import load_sweep

    runs = [folder] if folder_kind(folder) == "run" else load_sweep(folder).job_dirs[:1]
    return load_run(runs[0])


def _warn_scenario(folder: Path, scenario: str) -> None:
    """Say so when the history was written for another scenario than the run's (allowed: a
    variant of a scenario may be scored against its parent's history)."""
    name = _first_run(folder).name
    if scenario and name and name != scenario:
        print(f"note: the history describes scenario {scenario!r}, the run is {name!r}")
