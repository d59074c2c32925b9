"""Every figure of one run, drawn from its saved tables into ``<run>/plots/``.

``plot_run`` is called at the end of every ``wargame`` run and by ``wargame plot``; it reads
files only, so re-drawing never re-runs the model. The figures are drawn in parallel, one
process per figure on the free cores (forked: each reads only the tables its figure needs), so
drawing a run takes less time than simulating it.
"""

from __future__ import annotations

import contextlib
import gc
import logging
import multiprocessing as mp
import sys
import warnings
from collections.abc import Callable, Iterator
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

import pandas as pd

from sim.analysis import style
from sim.analysis.errors import ResultsError
from sim.analysis.fan import fan_grid
from sim.analysis.front import contested_theatres, front_figure, holders_of
from sim.analysis.metrics import (
    control_bands,
    milestone_curves,
    most_typical_replicate,
    rung_bands,
    strength_bands,
)
from sim.analysis.milestone_plots import milestone_chart, turn_dates
from sim.analysis.network import network_chart, network_table
from sim.analysis.postures import postures_at, postures_table
from sim.analysis.results import Run, load_run
from sim.analysis.timeline import decision_timeline, timeline_events
from sim.experiment.machine import cores

log = logging.getLogger(__name__)


def plot_run(
    run_dir: Path,
    replicate: int | None = None,
    turn: int | None = None,
    out_dir: Path | None = None,
    milestones: list[str] | None = None,
    formats: tuple[str, ...] | None = None,
    workers: int = 0,
) -> list[Path]:
    """Draw all run figures; ``replicate`` for the timeline (default: the most typical one),
    ``turn`` for the network (default: the last), ``milestones`` for the milestone curves
    (default: all), as ``formats`` (png, svg, pdf; default: those ``style.formats`` chose), in
    ``workers`` processes (0: automatic). Returns the files written."""
    run = load_run(Path(run_dir))
    check_choices(run, replicate, turn, milestones)
    out = Path(out_dir) if out_dir else run.path / "plots"
    colours = style.actor_colours(run.actors)
    groups = [  # figures that read the same tables are drawn by the same process
        [(plot_fans, (run, out, colours))],
        [(plot_network, (run, out, colours, turn))],
        [(plot_timeline, (run, out, colours, replicate)),
         (plot_milestones, (run, out, milestones))],
        [(plot_front, (run, out, colours))],
    ]  # fmt: skip
    with style.formats(formats or style.chosen_formats()):
        written = [p for paths in draw_all(groups, workers) for p in paths]
    log.info("wrote %d figure files to %s", len(written), out)
    return written


Figure = tuple[Callable[..., list[Path]], tuple]  # a figure function and its arguments


def draw_all(groups: list[list[Figure]], workers: int = 0) -> list[list[Path]]:
    """Draw each group of figures in one of ``workers`` forked processes (0: one per core, at
    most one per group; 1: all in this process); the files written, figure by figure, in order.
    A process reads only the tables of its group, so memory stays that of the largest group."""
    workers = min(len(groups), workers or cores())
    if workers <= 1 or not sys.platform.startswith("linux"):
        return [paths for group in groups for paths in draw_group(group)]
    release_free_memory()  # a run's process draws its figures after simulating: heap to spare
    gc.freeze()  # the collector leaves the parent's objects alone: their pages stay shared
    try:
        with warnings.catch_warnings():  # forking after Arrow started its threads: see pool.py
            warnings.filterwarnings("ignore", "This process .* is multi-threaded",
                                    DeprecationWarning)  # fmt: skip
            with ProcessPoolExecutor(workers, mp.get_context("fork")) as pool:
                futures = [pool.submit(draw_group, group) for group in groups]
                return [paths for f in futures for paths in f.result()]
    finally:
        gc.unfreeze()


def release_free_memory() -> None:
    """Give the heap this process no longer uses back to the system (C's and Arrow's
    allocators keep freed memory for reuse), so the figure processes do not start from it."""
    import ctypes

    import pyarrow as pa

    gc.collect()
    pa.default_memory_pool().release_unused()
    with contextlib.suppress(OSError, AttributeError):  # not glibc: nothing to trim
        ctypes.CDLL("libc.so.6").malloc_trim(0)


def draw_group(group: list[Figure]) -> list[list[Path]]:
    """Draw figures one after another; the files each wrote."""
    return [fn(*args) for fn, args in group]


def check_choices(
    run: Run, replicate: int | None, turn: int | None, milestones: list[str] | None
) -> None:
    """Refuse a replicate, turn or milestone the run does not have, before drawing anything."""
    if replicate is not None and replicate not in set(run.outcomes["replicate"]):
        raise ResultsError(
            f"{run.path}: no replicate {replicate}; replicates are 0..{len(run.outcomes) - 1}"
        )
    if turn is not None and not 0 <= turn <= run.steps:
        raise ResultsError(f"{run.path}: turn {turn} is outside 0..{run.steps}")
    unknown = sorted(set(milestones or []) - set(run.milestones))
    if unknown:
        raise ResultsError(
            f"{run.path}: no milestone {', '.join(unknown)}; "
            f"milestones are {', '.join(run.milestones)}"
        )


def plot_fans(run: Run, out: Path, colours: dict[str, str]) -> list[Path]:
    """fan_chart.*: every actor's escalation fan (rungs counted piece by piece)."""
    bands = rung_bands(run.pieces("timeseries", ["actor", "step", "date", "rung"]))
    fig = fan_grid(None, run.actors, colours, f"Escalation by actor: {run.title}", run.caption,
                   names=run.names, bands=bands)  # fmt: skip
    return style.save_figure(fig, out, "fan_chart", bands)


def plot_timeline(
    run: Run, out: Path, colours: dict[str, str], replicate: int | None
) -> list[Path]:
    """decision_timeline.*: one replicate's decisions (default: the most typical replicate)."""
    typical = most_typical_replicate(run.outcomes, run.steps)
    rep = typical if replicate is None else int(replicate)
    decisions = run.table("decisions", filters=[("replicate", "==", rep)])  # not all of them
    fig = decision_timeline(
        decisions,
        rep,
        run.actors,
        colours,
        span=(run.date_of(0), run.date_of(run.steps)),
        names=run.names,
    )
    why = "the most typical replicate" if rep == typical else "chosen replicate"
    fig.suptitle(f"Decisions in replicate {rep} ({why}): {run.title}")
    style.caption(fig, run.caption)
    return style.save_figure(fig, out, "decision_timeline", timeline_events(decisions, rep))


def plot_milestones(run: Run, out: Path, milestones: list[str] | None = None) -> list[Path]:
    """milestones.*: cumulative probability of each milestone with Wilson bands."""
    curves = milestone_curves(run.outcomes, run.steps)
    if milestones:
        curves = curves[curves["milestone"].isin(milestones)]
    dates = turn_dates(run.date_of(0), run.step_days, run.steps)
    fig = milestone_chart(run.outcomes, run.steps, dates, milestones=milestones, curves=curves,
                          names=run.names)  # fmt: skip
    fig.suptitle(f"Milestones reached by date: {run.title}")
    style.caption(fig, run.caption)
    curves["date"] = dates[curves["step"].to_numpy()]
    return style.save_figure(fig, out, "milestones", curves)


def plot_front(run: Run, out: Path, colours: dict[str, str]) -> list[Path]:
    """front.*: force strength in the contested theatres and salient control (both tables read
    piece by piece, only the columns drawn)."""
    holders: dict[str, str] = {}

    def noting_holders(pieces: Iterator[pd.DataFrame]) -> Iterator[pd.DataFrame]:
        for piece in pieces:
            holders.update(holders_of(piece, holders))
            yield piece

    columns = ["theatre", "holder", "step", "date", "control"]
    control = control_bands(noting_holders(run.pieces("theatres", columns)))
    columns = ["replicate", "actor", "theatre", "step", "date", "strength"]
    strength = strength_bands(run.pieces("forces", columns), contested_theatres(control))
    fig = front_figure(None, None, colours, f"The front: {run.title}", run.caption,
                       names=run.names, strength=strength, control=control,
                       holders=holders)  # fmt: skip
    data = pd.concat([strength.assign(series="strength"), control.assign(series="control")])
    return style.save_figure(fig, out, "front", data)


def plot_network(run: Run, out: Path, colours: dict[str, str], turn: int | None) -> list[Path]:
    """network.*: directed postures at ``turn`` (default: the last) over the relations."""
    t = run.steps if turn is None else int(turn)
    table = postures_table(run.path, t)  # the turn's rows only
    postures = postures_at(run.decisions if table is None else None, t, table)
    fig = network_chart(run.scenario, postures, t, colours, names=run.names)
    source = "" if postures.empty or postures["read_from"].iloc[0] == "postures" else (
        "postures read from the decision log (the run has no postures.parquet) | ")  # fmt: skip
    fig.suptitle(f"Who stands where towards whom at the end of {run.turn_label(t)}")
    style.caption(fig, source + run.caption)
    return style.save_figure(fig, out, "network", network_table(run.scenario, postures, t))
