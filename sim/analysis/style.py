"""The one look of every figure: backend, palette, actor colours, captions, how figures are saved.

Colours are colour-blind safe (Okabe-Ito, then Paul Tol's muted scheme). An actor's colour
depends only on its position in the scenario's actor list, so it is the same in every figure of
a run and across runs of the same scenario. Milestones have colours of their own
(``MILESTONE_COLOURS``, none an actor's) and a marker each, so a milestone's curve is never read
as an actor's. Figures are saved as PNG (150 dpi) with the numbers behind them as a CSV of the
same name; SVG or PDF only when asked (``formats``). Log axes are labelled in plain numbers
("0.1%", "1%"): names are drawn as typed (no mathtext), so matplotlib's default "10^{-1}"
labels would print as their source.
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
PALETTE = OKABE_ITO + TOL_MUTED  # actors, by their position in the scenario
# Milestones (never actors): Paul Tol's dark/high-contrast colours, none in PALETTE or
# RUN_COLOURS, each with its own marker, so no milestone curve looks like an actor's
MILESTONE_COLOURS = ["#004488", "#BB5566", "#997700", "#117799", "#663377", "#225522",
                     "#994455", "#6699CC", "#EE99AA", "#333333"]  # fmt: skip
MILESTONE_MARKERS = ["o", "s", "^", "v", "D", "P", "X", "*", "<", ">"]
# Runs in a comparison (never actors): Paul Tol's bright scheme, then the same darker
RUN_COLOURS = ["#4477AA", "#EE6677", "#228833", "#CCBB44", "#66CCEE", "#AA3377", "#BBBBBB",
               "#223B55", "#77333B", "#11441A", "#665D22", "#33666E", "#551A3B"]  # fmt: skip
LINESTYLES = ["-", "--", ":", "-."]
HATCHES = [None, "//", "\\\\", "xx"]
DPI = 150
FORMATS = ("png",)  # what save_figure writes unless told otherwise: SVG/PDF only on request
PNG_COMPRESSION = 1  # zlib level: encodes several times faster than 6, files ~20% larger
_formats = FORMATS
NO_VARIATION = "#DDDDDD"  # the cells of a heatmap whose every value is the same
PROBABILITY_CMAP = "cividis"  # heatmaps of a probability: sequential, colour-blind safe
RUNG_CMAP = "viridis"  # rungs: sequential, colour-blind safe, with more hue change than cividis

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
    """Colours for non-actor series (swept values), from the same safe palette."""
    return {n: PALETTE[i % len(PALETTE)] for i, n in enumerate(names)}


def run_colour(i: int) -> str:
    """The i-th run's colour in a comparison (the baseline is run 0)."""
    return RUN_COLOURS[i % len(RUN_COLOURS)]


def linestyle(i: int) -> str:
    """The i-th line style: distinguishes runs in overlays and series beyond the palette."""
    return LINESTYLES[i % len(LINESTYLES)]


def milestone_looks(milestones: list[str]) -> dict[str, tuple[str, str]]:
    """(colour, marker) per milestone, by its position among the scenario's milestones: colours
    of their own (no actor's), and a marker each."""
    colours, markers = MILESTONE_COLOURS, MILESTONE_MARKERS
    return {m: (colours[i % len(colours)], markers[i % len(markers)])
            for i, m in enumerate(milestones)}  # fmt: skip


def share_text(p: float, _pos: object = None) -> str:
    """A probability on a log axis as a plain percentage: '10%', '1%', '0.1%', '0.01%'."""
    return f"{100 * p:.10g}%" if p > 0 else "0"


def log_probability_axis(ax: Axes, low: float, high: float, zero: bool = False) -> None:
    """A log y axis for small probabilities from ``low`` to ``high`` (``zero``: linear from 0
    up to ``low``, so that points at 0 stay on the axis), ticked at the powers of ten between
    them and at ``high``, labelled in plain percentages (never mathtext)."""
    import math

    from matplotlib.ticker import FuncFormatter, NullFormatter

    if zero:
        ax.set_yscale("symlog", linthresh=low, linscale=0.5)
    else:
        ax.set_yscale("log")
    ticks = {10.0**k for k in range(math.ceil(math.log10(low)), 1) if 10.0**k <= high}
    ax.set_yticks(sorted(ticks | {high} | ({0.0} if zero else set())))
    ax.yaxis.set_major_formatter(FuncFormatter(share_text))
    ax.yaxis.set_minor_formatter(NullFormatter())
    ax.set_ylim(0.0 if zero else low, high)


def rung_colours(rungs: list[int]) -> dict[int, tuple]:
    """A colour per rung present, spread over the whole of ``RUNG_CMAP`` in rung order (low:
    dark, high: light), so that neighbouring rungs are told apart however few are present."""
    cmap = matplotlib.colormaps[RUNG_CMAP]
    ordered = sorted(set(rungs))
    step = 1.0 / max(1, len(ordered) - 1)
    return {r: cmap(i * step) for i, r in enumerate(ordered)}


def new_axes(ax: Axes | None = None, size: tuple[float, float] = (7.0, 4.0)) -> tuple[Figure, Axes]:
    """The given Axes and its figure, or a new figure with one Axes."""
    if ax is not None:
        return ax.figure, ax
    fig, ax = plt.subplots(figsize=size, layout="constrained")
    return fig, ax


def date_axis(ax: Axes, start: pd.Timestamp, end: pd.Timestamp, most: int = 6) -> None:
    """Month ticks labelled like 'Nov 24', about ``most`` per axis (fewer for narrow panels, so
    labels never touch), placed and labelled once: a date locator and formatter would redo it
    at every layout pass (figures are drawn after every run, and a grid of panels is laid out
    several times)."""
    import math

    months = max(1, math.ceil((end - start).days / 30.4 / most))
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
