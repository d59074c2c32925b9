"""The one look of every figure: backend, palette, actor colours, captions, how figures are saved.

Colours are colour-blind safe (Okabe-Ito, then Paul Tol's muted scheme). An actor's colour
depends only on its position in the scenario's actor list, so it is the same in every figure of
a run and across runs of the same scenario. Figures are saved as PNG (150 dpi) and SVG with the
numbers behind them as a CSV of the same name.
"""

from __future__ import annotations

import textwrap
from collections.abc import Iterator
from contextlib import contextmanager
from functools import partial
from pathlib import Path

import matplotlib

matplotlib.use("Agg")  # never require a display: figures are drawn on servers and in CI

import matplotlib.dates as mdates  # noqa: E402
import matplotlib.pyplot as plt  # noqa: E402
import pandas as pd  # noqa: E402
from matplotlib.axes import Axes  # noqa: E402
from matplotlib.figure import Figure  # noqa: E402
from matplotlib.ticker import FixedFormatter, FixedLocator  # noqa: E402

from sim.files import output_folder, write_with  # noqa: E402

OKABE_ITO = ["#E69F00", "#56B4E9", "#009E73", "#F0E442", "#0072B2", "#D55E00", "#CC79A7", "#000000"]
TOL_MUTED = [
    "#CC6677",
    "#332288",
    "#DDCC77",
    "#117733",
    "#88CCEE",
    "#882255",
    "#44AA99",
    "#999933",
    "#AA4499",
]
PALETTE = OKABE_ITO + TOL_MUTED  # actors and milestones, by their position in the scenario
# Runs in a comparison (never actors): Paul Tol's bright scheme, then the same darker
RUN_COLOURS = ["#4477AA", "#EE6677", "#228833", "#CCBB44", "#66CCEE", "#AA3377", "#BBBBBB",
               "#223B55", "#77333B", "#11441A", "#665D22", "#33666E", "#551A3B"]  # fmt: skip
LINESTYLES = ["-", "--", ":", "-."]
HATCHES = [None, "//", "\\\\", "xx"]
DPI = 150
FORMATS = ("png", "svg")  # what save_figure writes unless told otherwise (see ``formats``)
PNG_COMPRESSION = 1  # zlib level: encodes several times faster than 6, files ~20% larger
_formats = FORMATS
RUNG_CMAP = "cividis"  # sequential and colour-blind safe: hostility in the network picture

plt.rcParams.update(
    {
        "font.size": 8,
        "axes.titlesize": 9,
        "axes.labelsize": 8,
        "legend.fontsize": 7,
        "xtick.labelsize": 7,
        "ytick.labelsize": 7,
        "axes.spines.top": False,
        "axes.spines.right": False,
        "svg.fonttype": "none",
        "svg.hashsalt": "wargame",  # stable SVG ids: re-drawing gives the same file
        "text.parse_math": False,  # names are data: "$x$" in an actor name is drawn as typed
        "text.usetex": False,
    }
)


def actor_colours(actors: list[str]) -> dict[str, str]:
    """A colour per actor, by its position in the scenario's actor list (stable across figures)."""
    return {a: PALETTE[i % len(PALETTE)] for i, a in enumerate(actors)}


def series_colours(names: list[str]) -> dict[str, str]:
    """Colours for non-actor series (milestones, swept values), from the same safe palette."""
    return {n: PALETTE[i % len(PALETTE)] for i, n in enumerate(names)}


def run_colour(i: int) -> str:
    """The i-th run's colour in a comparison (the baseline is run 0)."""
    return RUN_COLOURS[i % len(RUN_COLOURS)]


def linestyle(i: int) -> str:
    """The i-th line style: distinguishes runs in overlays and series beyond the palette."""
    return LINESTYLES[i % len(LINESTYLES)]


def new_axes(ax: Axes | None = None, size: tuple[float, float] = (7.0, 4.0)) -> tuple[Figure, Axes]:
    """The given Axes and its figure, or a new figure with one Axes."""
    if ax is not None:
        return ax.figure, ax
    fig, ax = plt.subplots(figsize=size, layout="constrained")
    return fig, ax


def date_axis(ax: Axes, start: pd.Timestamp, end: pd.Timestamp) -> None:
    """Month ticks labelled like 'Nov 24', about six per axis, placed and labelled once: a
    date locator and formatter would redo it at every layout pass (figures are drawn after
    every run, and a grid of panels is laid out several times)."""
    months = max(1, round((end - start).days / 30.4 / 6))
    first = pd.Timestamp(start).normalize() - pd.offsets.MonthBegin(1)
    ticks = pd.date_range(first, pd.Timestamp(end) + pd.offsets.MonthBegin(1), freq=f"{months}MS")
    ax.xaxis.set_major_locator(FixedLocator(mdates.date2num(ticks.to_pydatetime())))
    ax.xaxis.set_major_formatter(FixedFormatter([t.strftime("%b %y") for t in ticks]))


def caption(fig: Figure, text: str) -> None:
    """A small caption at the bottom of a figure (scenario, parameters, replicate count),
    wrapped to the figure's width."""
    width = int(fig.get_figwidth() * 17)
    fig.supxlabel(textwrap.fill(text, width), fontsize=6.5, color="#444444")


@contextmanager
def formats(chosen: tuple[str, ...] | list[str]) -> Iterator[None]:
    """Within this block, ``save_figure`` writes ``chosen`` formats (png, svg, pdf)."""
    global _formats
    before, _formats = _formats, tuple(chosen)
    try:
        yield
    finally:
        _formats = before


def chosen_formats() -> tuple[str, ...]:
    """What ``save_figure`` writes here (``FORMATS``, or those of the enclosing ``formats``)."""
    return _formats


def _save(fig: Figure, fmt: str, path: Path) -> None:
    """``fig`` as ``fmt`` into ``path``; PNG at ``DPI`` with fast compression."""
    if fmt == "png":
        fig.savefig(path, dpi=DPI, format="png", pil_kwargs={"compress_level": PNG_COMPRESSION})
    else:
        fig.savefig(path, format=fmt)


def save_figure(
    fig: Figure, out_dir: Path, name: str, data: pd.DataFrame | None = None, close: bool = True
) -> list[Path]:
    """Write ``name``.png (150 dpi) and ``name``.svg (or the formats chosen with ``formats``)
    and the numbers behind it as ``name``.csv."""
    out_dir = Path(out_dir)
    output_folder(out_dir)
    paths = [out_dir / f"{name}.{fmt}" for fmt in _formats]
    for fmt, path in zip(_formats, paths, strict=True):
        write_with(path, partial(_save, fig, fmt))
        fig.set_layout_engine("none")  # keep the layout just computed: no second pass
    if data is not None:
        paths.append(out_dir / f"{name}.csv")
        write_with(paths[-1], lambda tmp: data.to_csv(tmp, index=False))
    if close:
        plt.close(fig)
    return paths
