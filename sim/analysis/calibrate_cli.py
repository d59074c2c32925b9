"""``wargame calibrate --history FILE``: ABC rejection over parameter ranges against history."""

from __future__ import annotations

import argparse
import json
from datetime import datetime
from pathlib import Path

import pandas as pd

from sim.domain.errors import ConfigError


def calibrate_parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(
        prog="wargame calibrate",
        description="Sample parameter ranges (Latin hypercube), run each point as a sweep job, "
        "score it against a history file and keep the best (ABC rejection); writes the table, "
        "a named experiment that runs the calibrated ensemble, and the prior-vs-accepted "
        "figure. Extra KEY=VALUE arguments are Hydra overrides for every point "
        "(e.g. replicates=20 hydra/launcher=joblib). See docs/analysis.md.",
    )
    p.add_argument("--history", type=Path, required=True, help="a history file")
    p.add_argument(
        "--param",
        action="append",
        metavar="KEY[=LO:HI]",
        help="a parameter and its prior range (repeatable); default: every knob",
    )
    p.add_argument(
        "--only",
        action="append",
        metavar="PREFIX",
        help="without --param: only the knobs under PREFIX (rules, combat)",
    )
    p.add_argument("--samples", type=int, default=64, help="prior samples (default 64)")
    p.add_argument(
        "--accept",
        type=float,
        default=0.1,
        help="share of samples accepted, best first (default 0.1)",
    )
    p.add_argument("--tolerance", type=float, help="instead: accept every score at or under this")
    p.add_argument("--score", default="log_score", help="log_score (default) or brier")
    p.add_argument("--seed", type=int, default=1, help="seed of the design (default 1)")
    p.add_argument("--name", default="", help="experiment name (default: SCENARIO_calibrated)")
    p.add_argument("--out", type=Path, help="folder (default outputs/calibrate/DATE/TIME)")
    p.add_argument(
        "--experiment-dir",
        type=Path,
        help="where to write NAME.yaml and NAME.csv (default conf/experiment)",
    )
    p.add_argument("--resume", action="store_true", help="finish an interrupted calibration")
    return p


def calibrate_main(argv: list[str]) -> int:
    """Entry of ``wargame calibrate``."""
    from sim.analysis.calibration import accept, pooled, prior_design
    from sim.analysis.calibration_plots import plot_prior_vs_accepted
    from sim.analysis.history import load_history
    from sim.analysis.launch import config_values, run_design
    from sim.analysis.ranges import parse_ranges
    from sim.analysis.scoring import score_folder
    from sim.analysis.sensitivity_cli import split_overrides
    from sim.experiment.design import DESIGN_FILE, read_design, write_design
    from sim.overrides import check_knob_overrides

    args, overrides = split_overrides(calibrate_parser(), argv)
    check_knob_overrides(overrides)  # before the design is written
    if args.samples < 2 or not 0 < args.accept <= 1:
        raise ConfigError("--samples must be at least 2 and --accept in (0, 1]")
    history = load_history(args.history)
    out = args.out or Path("outputs/calibrate") / datetime.now().strftime("%Y-%m-%d/%H-%M-%S")
    ranges = parse_ranges(args.param, args.only)
    design_path = out / DESIGN_FILE
    if args.resume and design_path.exists():
        design = read_design(design_path)
    else:
        defaults = config_values([r.key for r in ranges], overrides)
        design = prior_design(ranges, args.samples, args.seed, defaults)
        write_design(design, design_path)
    print(
        f"calibration: defaults + {len(design) - 1} samples of {len(ranges)} parameters into {out}"
    )
    run_design(design_path, out, overrides, resume=args.resume)
    per_job, per_obs, _ = score_folder(out, history)
    per_job = per_job.sort_values("job", ignore_index=True)
    per_job[list(design.columns)] = design.loc[per_job["job"]].to_numpy()
    per_job["accepted"] = accept(per_job, args.score, args.accept, args.tolerance)
    per_job.to_csv(out / "calibration.csv", index=False)
    accepted = per_job[per_job["accepted"]]
    name = args.name or f"{history.scenario or 'scenario'}_calibrated"
    command = " ".join(["wargame calibrate", *argv])
    experiment = write_experiment(
        name, accepted[list(design.columns)], overrides, args, out, command
    )
    plot_prior_vs_accepted(
        per_job, ranges, f"Calibration against {history.path.name}", out / "plots"
    )
    summary = {
        "default": pooled(per_obs, [0]),
        "prior": pooled(per_obs, per_job["job"][1:]),
        "accepted": pooled(per_obs, accepted["job"]),
        "score": args.score,
        "accepted_points": int(len(accepted)),
        "samples": int(len(design) - 1),
    }
    (out / "calibration.json").write_text(json.dumps(summary, indent=1), encoding="utf-8")
    print(format_summary(summary))
    print(f"\nAccepted parameter sets: {experiment.with_suffix('.csv')}")
    print(how_to_run(experiment, overrides))
    print(f"Results in {out}")
    return 0


def how_to_run(experiment: Path, overrides: list[str]) -> str:
    """The closing lines: how to run the experiment just written, by name when it is in
    ``conf/experiment``; else how to run its design from where it is (``experiment=NAME`` would
    not find it, or would find a shipped experiment of that name), or to copy it there."""
    from sim.experiment.catalog import CONF_DIR

    name = experiment.stem
    if experiment.parent.resolve() == (CONF_DIR / "experiment").resolve():
        return f"Run the calibrated ensemble: wargame experiment={name}"
    fixed = [o for o in overrides if not o.startswith(("hydra", "resume=", "progress="))]
    design = experiment.with_suffix(".csv")
    return (
        f"The experiment {experiment} is outside conf/experiment/, so experiment={name} does not "
        f"name it. Run the calibrated ensemble from there:\n"
        f"  wargame -m hydra/sweeper=design hydra.sweeper.design={design} "
        f"hydra.sweep.dir=outputs/sweeps/{name} plots=false {' '.join(fixed)}".rstrip()
        + f"\nor copy {experiment.name} and {design.name} into conf/experiment/ and run: "
        f"wargame experiment={name}"
    )


def format_summary(summary: dict) -> str:
    """Before (defaults; prior) and after (accepted) scores, one line each."""
    lines = ["ensemble                 points  Brier  log score"]
    for key, label in (
        ("default", "defaults (uncalibrated)"),
        ("prior", "prior (all samples)"),
        ("accepted", "accepted (calibrated)"),
    ):
        s = summary[key]
        lines.append(f"{label:<24} {s['points']:>6}  {s['brier']:.3f}  {s['log_score']:.3f}")
    return "\n".join(lines)


def write_experiment(
    name: str, accepted: pd.DataFrame, overrides: list[str], args, out: Path, command: str = ""
) -> Path:
    """``conf/experiment/NAME.yaml`` (a design sweep over the accepted sets) and NAME.csv."""
    from sim.experiment.catalog import CONF_DIR
    from sim.experiment.design import write_design

    folder = args.experiment_dir or CONF_DIR / "experiment"
    write_design(accepted, folder / f"{name}.csv")
    groups, settings = experiment_settings(overrides)
    text = f"""# @package _global_
# The calibrated ensemble: the {len(accepted)} parameter sets accepted (score {args.score},
# {args.samples} samples, seed {args.seed}) against observations up to the history's as_of date by
#   {command or "wargame calibrate --history " + str(args.history)}
# Table and figure: {out}
# Each row of {name}.csv (beside this file) is one job of the sweep.
# Run:    wargame experiment={name}
# Score:  wargame score outputs/sweeps/{name} --history {args.history}
defaults:
  - override /hydra/sweeper: design{groups}
plots: false
{settings}hydra:
  mode: MULTIRUN
  sweep:
    dir: outputs/sweeps/{name}
  sweeper:
    design: experiment/{name}.csv
"""
    path = folder / f"{name}.yaml"
    path.write_text(text, encoding="utf-8")
    return path


GROUPS = ("rules", "combat", "scenario")


def experiment_settings(overrides: list[str]) -> tuple[str, str]:
    """The calibration's fixed overrides as an experiment's defaults-list lines (config group
    choices, e.g. ``rules=cautious``) and YAML settings (values, e.g. ``combat.noise=0.3``);
    run length (steps, replicates) is left to the command line."""
    from omegaconf import OmegaConf

    skip = (
        "hydra",
        "resume=",
        "plots=",
        "progress=",
        "+",
        "~",
        "steps=",
        "replicates=",
        "workers=",
        "chunk_size=",
    )
    fixed = [o for o in overrides if not o.startswith(skip)]
    choices = [o for o in fixed if o.split("=", 1)[0] in GROUPS or "/" in o.split("=", 1)[0]]
    groups = "".join(f"\n  - override /{k}: {v}" for k, v in (o.split("=", 1) for o in choices))
    values = OmegaConf.from_dotlist([o for o in fixed if o not in choices])
    settings = OmegaConf.to_yaml(values) if len(values) else ""
    return groups, settings
