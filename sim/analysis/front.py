"""The front: force strength per actor in the contested theatres, and the holder's control of
each salient, both as median and bands over replicates."""

from __future__ import annotations

import pandas as pd
from matplotlib.axes import Axes
from matplotlib.figure import Figure

from sim.analysis import style
from sim.analysis.metrics import control_bands, strength_bands
from sim.analysis.names import Names


def _band(ax: Axes, b: pd.DataFrame, colour: str, label: str, ls: str = "-") -> None:
    """A median line with 50% and 90% bands."""
    ax.fill_between(b["date"], b["q05"], b["q95"], color=colour, alpha=0.12, lw=0)
    ax.fill_between(b["date"], b["q25"], b["q75"], color=colour, alpha=0.3, lw=0)
    ax.plot(b["date"], b["median"], color=colour, lw=1.6, ls=ls, label=label)


def strength_chart(
    forces: pd.DataFrame | None,
    colours: dict[str, str],
    ax: Axes | None = None,
    theatres: list[str] | None = None,
    names: Names | None = None,
    bands: pd.DataFrame | None = None,
) -> Figure:
    """Each actor's total personnel in ``theatres`` (all theatres if None) over time, labelled
    with the actors' and theatres' display names (``names``, from the scenario); ``bands``
    (``strength_bands``) if already computed, and then ``forces`` is not read."""
    names = names or Names()
    fig, ax = style.new_axes(ax)
    b = strength_bands(forces, theatres) if bands is None else bands
    for actor in [a for a in colours if a in set(b["actor"])]:
        _band(ax, b[b["actor"] == actor], colours[actor], names.actor(actor))
    if len(b):
        style.date_axis(ax, b["date"].min(), b["date"].max())
    where = ", ".join(map(names.theatre, theatres)) if theatres else "all theatres"
    ax.set_title(f"Force strength in {where} (median, 50% and 90% bands)")
    ax.set_ylabel("personnel")
    ax.set_xlabel("date")
    ax.legend(loc="upper left", bbox_to_anchor=(1.01, 1.0), frameon=False)
    return fig


def control_chart(
    theatres: pd.DataFrame | None,
    holder_colours: dict[str, str],
    ax: Axes | None = None,
    names: Names | None = None,
    bands: pd.DataFrame | None = None,
    holders: dict[str, str] | None = None,
) -> Figure:
    """Each contested theatre's control by its holder (1 = all of the salient) over time;
    ``bands`` (``control_bands``) and ``holders`` (``holders_of``) if already computed, and
    then ``theatres`` is not read."""
    names = names or Names()
    fig, ax = style.new_axes(ax)
    b = control_bands(theatres) if bands is None else bands
    if b.empty:
        ax.text(0.5, 0.5, "no contested theatre", transform=ax.transAxes, ha="center")
    else:
        style.date_axis(ax, b["date"].min(), b["date"].max())
    for theatre, holder in (holders_of(theatres) if holders is None else holders).items():
        colour = holder_colours.get(holder, style.PALETTE[0])
        label = f"{names.theatre(theatre)} (held by {names.actor(holder)})"
        _band(ax, b[b["theatre"] == theatre], colour, label)
    ax.set_ylim(-0.02, 1.02)
    if not b.empty:
        ax.legend(loc="upper left", bbox_to_anchor=(1.01, 1.0), frameon=False)
    ax.set_title("Salient control by its holder (median, 50% and 90% bands)")
    ax.set_ylabel("share controlled")
    ax.set_xlabel("date")
    return fig


def holders_of(theatres: pd.DataFrame, known: dict[str, str] | None = None) -> dict[str, str]:
    """Each theatre's holder, as the table first names it; ``known`` holders (of earlier
    pieces of the table) are kept."""
    found = theatres.groupby("theatre", observed=True)["holder"].first()
    return {**found.to_dict(), **(known or {})}


def front_figure(
    forces: pd.DataFrame | None,
    theatres: pd.DataFrame | None,
    colours: dict[str, str],
    title: str = "",
    caption: str = "",
    names: Names | None = None,
    strength: pd.DataFrame | None = None,
    control: pd.DataFrame | None = None,
    holders: dict[str, str] | None = None,
) -> Figure:
    """Strength in the contested theatres above, salient control below, sharing the date axis;
    ``strength``, ``control`` and ``holders`` if already computed (then the tables are not
    read: pass None)."""
    import matplotlib.pyplot as plt

    fig, (top, bottom) = plt.subplots(2, 1, figsize=(9.5, 6.4), sharex=True, layout="constrained")
    control = control_bands(theatres) if control is None else control
    strength_chart(forces, colours, top, contested_theatres(control), names, strength)
    top.set_xlabel("")
    control_chart(theatres, colours, bottom, names, control, holders)
    bottom.tick_params(axis="x", rotation=30)
    fig.suptitle(title)
    style.caption(fig, caption)
    return fig


def contested_theatres(theatres: pd.DataFrame) -> list[str] | None:
    """The theatres the theatres table (or its ``control_bands``) follows; None when it follows
    none: then the strength panel counts every theatre."""
    return sorted(theatres["theatre"].astype(str).unique()) or None
