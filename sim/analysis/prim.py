"""PRIM, the Patient Rule Induction Method (Friedman and Fisher 1999), as used in scenario
discovery (Bryant and Lempert 2010; EMA Workbench): find a box of parameter values inside which
an outcome of interest is much more likely than overall.

Peeling: start from the box of all points; at each step, try cutting off ``alpha`` of the
points in the box from the low or the high end of each parameter, and keep the cut that leaves
the highest share of cases of interest (density). Stop when fewer than ``min_mass`` of all
points remain. Each step's box is a point on the trade-off between

- coverage: the share of all cases of interest that fall inside the box, and
- density: the share of points inside the box that are cases of interest,

and the analyst picks the box to report on that trajectory (here by default: the densest box
that still covers at least half the cases of interest).
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd


@dataclass(frozen=True)
class PrimResult:
    """The peeling trajectory (one row per box) and each box's limits."""

    trajectory: pd.DataFrame  # box, coverage, density, mass, restricted
    limits: list[pd.DataFrame]  # per box: parameter, low, high (the full range if unrestricted)

    def choose(self, min_coverage: float = 0.5) -> int:
        """The densest box with at least ``min_coverage`` coverage (ties: the earlier box)."""
        ok = self.trajectory[self.trajectory["coverage"] >= min_coverage]
        if ok.empty:
            return 0
        return int(ok.sort_values(["density", "box"], ascending=[False, True])["box"].iloc[0])

    def restricted(self, box: int) -> pd.DataFrame:
        """The limits of ``box`` on the parameters it restricts."""
        lim = self.limits[box]
        return lim[lim["restricted"]].drop(columns="restricted").reset_index(drop=True)


def prim(x: pd.DataFrame, y: np.ndarray, alpha: float = 0.05, min_mass: float = 0.05) -> PrimResult:
    """Peel boxes over the numeric columns of ``x`` for the boolean outcome ``y``."""
    values = x.to_numpy(dtype=float)
    y = np.asarray(y, dtype=bool)
    total = max(1, int(y.sum()))
    full = np.column_stack([values.min(axis=0), values.max(axis=0)])
    box = full.copy()
    inside = np.ones(len(y), dtype=bool)
    boxes = [box.copy()]
    while inside.mean() > min_mass:
        best = _best_peel(values, y, inside, box, alpha)
        if best is None:
            break
        box, inside = best
        boxes.append(box.copy())
    rows, limits = [], []
    for i, b in enumerate(boxes):
        mask = np.all((values >= b[:, 0]) & (values <= b[:, 1]), axis=1)
        restricted = (b[:, 0] > full[:, 0]) | (b[:, 1] < full[:, 1])
        rows.append(
            {
                "box": i,
                "coverage": (y & mask).sum() / total,
                "density": y[mask].mean() if mask.any() else 0.0,
                "mass": mask.mean(),
                "restricted": int(restricted.sum()),
            }
        )
        limits.append(
            pd.DataFrame(
                {"parameter": x.columns, "low": b[:, 0], "high": b[:, 1], "restricted": restricted}
            )
        )
    return PrimResult(pd.DataFrame(rows), limits)


def _best_peel(values, y, inside, box, alpha):
    """The peel that leaves the densest box, or None when no peel improves the density."""
    best, best_density = None, y[inside].mean()
    for j in range(values.shape[1]):
        col = values[inside, j]
        for side, cut in ((0, np.quantile(col, alpha)), (1, np.quantile(col, 1 - alpha))):
            keep = inside & (values[:, j] > cut if side == 0 else values[:, j] < cut)
            if keep.sum() == 0 or keep.sum() == inside.sum():
                continue
            density = y[keep].mean()
            if density > best_density:
                new = box.copy()
                new[j, side] = values[keep, j].min() if side == 0 else values[keep, j].max()
                best, best_density = (new, keep), density
    return best
