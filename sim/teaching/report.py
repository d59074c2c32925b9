"""The after-action review of a played game or any run folder, as offline HTML and Markdown.

It tells one game (replicate 0: the played game, or the first replicate of a run) in words:
the briefing in short, the timeline of moves with their reasons, the milestones reached, the
figures, where the game sits in the rule-driven ensemble of the same scenario, and the
exercise's debrief questions.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pandas as pd

from sim.analysis.names import turn_start
from sim.analysis.results import read_manifest
from sim.domain.errors import WargameError
from sim.domain.ladder import standard_ladder
from sim.domain.scenario import Scenario
from sim.domain.tables import CORE_TABLES
from sim.files import read_parquet
from sim.teaching.brief import situation_section
from sim.teaching.debrief import class_rollup, opening
from sim.teaching.doc import Doc
from sim.teaching.ensemble import ensemble_outcomes, peak_of_all, standing, world_of
from sim.teaching.figures import escalation_figure, front_figure, png_bytes
from sim.teaching.turns import actor_name, words
from sim.teaching.world import Exercise, exercise_for, read_exercise

log = logging.getLogger(__name__)
TABLES = (*CORE_TABLES, "outcomes")


@dataclass
class RunFolder:
    """A results folder read back: its manifest, its tables and the world it played."""

    path: Path
    manifest: dict[str, Any]
    tables: dict[str, pd.DataFrame]
    world: Scenario

    @property
    def seats(self) -> list[str]:
        return list((self.manifest.get("config") or {}).get("human_actors") or [])

    @property
    def play(self) -> dict[str, Any]:
        return (self.manifest.get("config") or {}).get("play") or {}


def read_run(path: Path) -> RunFolder:
    """Read a results folder; a folder without run.json is not (or not yet) a complete run."""
    path = Path(path)
    if not (path / "run.json").is_file():
        raise WargameError(f"{path} is not a results folder: no run.json (a run still going, "
                           "or a wrong path?)")  # fmt: skip
    manifest = read_manifest(path / "run.json")
    missing = [t for t in TABLES if not (path / f"{t}.parquet").is_file()]
    if missing:
        raise WargameError(f"{path}: missing tables {', '.join(missing)}")
    tables = {t: read_parquet(path / f"{t}.parquet") for t in TABLES}
    return RunFolder(path, manifest, tables, world_of(manifest, path))


def write_report(run_dir: Path, out: Path | None = None, ensemble: Path | None = None,
                 replicates: int = 60, exercise: Exercise | None = None) -> Path:  # fmt: skip
    """Write ``report.html`` and ``report.md`` (default: into the run folder); returns the HTML."""
    run = read_run(run_dir)
    ens, where = ensemble_outcomes(run.path, run.manifest, run.world, ensemble, replicates)
    exercise = exercise or _exercise_of(run)
    doc = Doc(f"After-action review: {run.world.title}")
    opening(doc, run.world, run.seats, run.tables["timeseries"],
            _ensemble_timeseries(run, ensemble), run.path)  # fmt: skip
    _overview(doc, run)
    situation_section(doc, run.world)
    _actors_table(doc, run)
    _timeline(doc, run)
    _milestones(doc, run, ens)
    _figures(doc, run)
    _standing(doc, run, ens, where)
    if exercise and exercise.debrief_questions:
        doc.heading("Debrief questions").bullets(list(exercise.debrief_questions), ordered=True)
    out = Path(out) if out else run.path / "report.html"
    html_path, _ = doc.write(out.parent, out.stem)
    return html_path


def _ensemble_timeseries(run: RunFolder, given: Path | None) -> pd.DataFrame | None:
    """The computer-played games' timeseries beside their outcomes (None if not there)."""
    humans = (run.manifest.get("config") or {}).get("human_actors") or []
    folder = Path(given) if given else (run.path / "ensemble" if humans else run.path)
    path = folder / "timeseries.parquet"
    return pd.read_parquet(path) if path.is_file() else None


def write_class_rollup(run_dirs: list[Path], out: Path) -> Path:
    """The class roll-up of several games of one exercise (HTML and Markdown); returns the HTML."""
    runs = []
    for d in run_dirs:
        run = read_run(d)
        runs.append((run.path, run.world, run.seats, run.tables["outcomes"]))
    html_path, _ = class_rollup(runs).write(out.parent, out.stem)
    return html_path


def _exercise_of(run: RunFolder) -> Exercise | None:
    folder = run.play.get("exercise")
    if folder and (Path(folder) / "exercise.yaml").is_file():
        return read_exercise(Path(folder))
    return exercise_for(run.world.name)


def _overview(doc: Doc, run: RunFolder) -> None:
    m, play = run.manifest, run.play
    seats = ", ".join(actor_name(run.world, s) for s in run.seats) or "nobody (all rule-driven)"
    turns = play.get("turns_played", m.get("steps"))
    doc.heading("The game")
    doc.bullets([
        f"Human seats: {seats}",
        f"Turns played: {turns} of {m.get('steps')} ({run.world.step_days} days each)",
        f"Base seed: {m['seeds']['base_seed']}; decision rules: {m['config']['rules']['name']}",
        f"Inject deck: {play.get('deck') or m['config'].get('deck') or 'none'}",
        f"Replicates in this folder: {m.get('replicates')}; this review tells replicate 0.",
    ])  # fmt: skip


def _actors_table(doc: Doc, run: RunFolder) -> None:
    labels = standard_ladder().labels
    ts = run.tables["timeseries"]
    ts = ts[ts.replicate == 0]
    rows = []
    for actor, g in ts.groupby("actor", observed=True, sort=False):
        g = g.sort_values("step")
        start, peak, end = int(g.rung.iloc[0]), int(g.rung.max()), int(g.rung.iloc[-1])
        who = actor_name(run.world, actor) + (" (human)" if actor in run.seats else "")
        rows.append([who, labels[start], labels[peak], labels[end]])
    doc.heading("Where everyone started and ended")
    doc.table(["Actor", "Start", "Peak", "End"], rows)


def _timeline(doc: Doc, run: RunFolder) -> None:
    d = run.tables["decisions"]
    d = d[d.replicate == 0]
    keep = (d.action != "hold") | (d.rule == "human")
    keep &= ~((d.action == "inject") & d.duplicated(["step", "rule"]))  # one line per inject
    labels = standard_ladder().labels
    rows = []
    for r in d[keep].itertuples(index=False):
        who = actor_name(run.world, r.actor) + (" (you)" if r.rule == "human" else "")
        if r.action == "inject":
            who, move = "INJECT", str(r.rule).removeprefix("inject:")
        else:
            target = f" toward {actor_name(run.world, r.target)}" if pd.notna(r.target) else ""
            move = f"{words(str(r.action))}{target} -> {labels[int(r.rung)]}"
        week = turn_start(run.world.start_date, run.world.step_days, int(r.step))
        rows.append([int(r.step), str(week), who, move, r.reason])
    doc.heading("Timeline: every move that changed something, with its reason")
    doc.para("Holds by rule-driven actors are left out; every move of a human seat is shown.")
    doc.table(["Turn", "Week from", "Who", "Move", "Why"], rows)


def _milestones(doc: Doc, run: RunFolder, ens: pd.DataFrame) -> None:
    mine = run.tables["outcomes"]
    mine = mine[mine.replicate == 0].iloc[0]
    rows = []
    for name, m in run.world.milestones.items():
        col = f"{name}_step"
        yours = "not reached" if pd.isna(mine.get(col)) else f"turn {int(mine[col])}"
        share = ens[col].notna().mean() if col in ens else float("nan")
        rows.append([m.description, yours, f"{share:.0%}"])
    doc.heading("Milestones")
    doc.table(["Milestone", "In this game", "Share of simulated games reaching it"], rows)


def _figures(doc: Doc, run: RunFolder) -> None:
    t = run.tables
    doc.heading("Figures")
    doc.image(
        png_bytes(escalation_figure(t["timeseries"], run.world, tuple(run.seats))),
        "A single game (this one): each actor's rung by turn (human seats drawn thick)",
    )
    doc.image(png_bytes(front_figure(t["forces"], t["theatres"], run.world)),
              "A single game (this one): forces and the share of the salient held")  # fmt: skip
    for png in _run_plots(run.path):
        doc.image(png.read_bytes(), f"{png.stem.replace('_', ' ')} (plots/{png.name})")


def _run_plots(run_dir: Path) -> list[Path]:
    """The analysis package's run figures (``plots/*.png``): reused when newer than the run's
    ``run.json``, else drawn by ``sim.analysis.run_plots.plot_run`` if that is installed."""
    existing = sorted((run_dir / "plots").glob("*.png"))
    manifest_time = (run_dir / "run.json").stat().st_mtime
    if existing and min(p.stat().st_mtime for p in existing) >= manifest_time:
        return existing
    try:
        from sim.analysis.run_plots import plot_run
    except ImportError:
        return existing
    try:
        written = plot_run(run_dir)
    except Exception as exc:  # noqa: BLE001 - a figure that fails must not lose the review
        log.warning("run figures could not be drawn: %s", exc)
        return existing
    return sorted(p for p in map(Path, written or []) if p.suffix == ".png")


def _standing(doc: Doc, run: RunFolder, ens: pd.DataFrame, where: str) -> None:
    labels = standard_ladder().labels
    mine = run.tables["outcomes"]
    mine = mine[mine.replicate == 0].iloc[0]
    doc.heading("Your game among the simulated games")
    doc.para(f"Compared with {where}.")
    played, steps = run.play.get("turns_played"), run.manifest.get("steps")
    if played is not None and played < steps:
        doc.note(
            f"This game stopped after {played} of {steps} turns; the simulated games ran "
            f"all {steps}, so they had more time to escalate."
        )
    lines = []
    for actor in run.seats or []:
        col = f"peak_rung_{actor}"
        if col in ens:
            lines.append(_sentence(f"The peak escalation of {actor_name(run.world, actor)}",
                                   int(mine[col]), ens[col], labels))  # fmt: skip
    peak = int(max(mine[c] for c in mine.index if str(c).startswith("peak_rung_")))
    lines.append(_sentence("The highest rung anyone reached", peak, peak_of_all(ens), labels))
    doc.bullets(lines)


def _sentence(what: str, value: int, others: pd.Series, labels: tuple[str, ...]) -> str:
    below, equal, above = standing(value, others)
    return (f"{what} (rung {value}: {labels[value]}) was above {below:.0%} of simulated games, "
            f"equal to {equal:.0%} and below {above:.0%}.")  # fmt: skip
