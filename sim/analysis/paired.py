"""Paired comparisons: when two runs share replicate seeds, compare them seed by seed.

With common random numbers (``seeding=common``, the default) replicate i of two runs with the
same base seed starts from the same random stream, whatever their parameters; a 100-replicate
run and a 500-replicate run of the same base seed share their first 100 replicates. Treating
those as independent samples double-counts them and inflates the intervals' width or, worse,
their confidence. Here the difference is taken over the shared seeds only, pair by pair. A
milestone reached or not is a pair of yes/no answers, so its 95% interval is Newcombe's score
interval for paired proportions (his method 10, 1998): the paired form of the hybrid score
interval used for unpaired runs, built from the same Wilson intervals, and narrower when the
pairs agree (luck common to both sides cancels). It is never of zero width: two runs that agree
on every one of 100 seeds still only show that the difference is small (about +-0.04), as the
unpaired interval of 0 of 100 against 0 of 100 does.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

MIN_PAIRS = 10  # fewer shared seeds than this: compare as independent samples


def shared_pairs(base: pd.DataFrame, other: pd.DataFrame) -> pd.DataFrame | None:
    """The two outcome tables joined on ``seed`` (suffixes _base, _other), or None when they
    share fewer than MIN_PAIRS seeds (or have no seed column)."""
    if "seed" not in base or "seed" not in other:
        return None
    pairs = base.merge(other, on="seed", suffixes=("_base", "_other"))
    return pairs if len(pairs) >= MIN_PAIRS else None


def paired_difference(
    x: np.ndarray, y: np.ndarray, n_boot: int = 2000, seed: int = 0
) -> tuple[float, float, float]:
    """Mean of ``y - x`` over pairs and its 95% bootstrap interval (pairs resampled)."""
    d = np.asarray(y, dtype=float) - np.asarray(x, dtype=float)
    rng = np.random.default_rng(seed)
    boot = rng.choice(d, (n_boot, len(d))).mean(axis=1)
    return float(d.mean()), float(np.quantile(boot, 0.025)), float(np.quantile(boot, 0.975))


def newcombe_paired_interval(x: np.ndarray, y: np.ndarray, z: float = 1.96) -> tuple[float, float]:
    """95% interval of P(y) - P(x) for paired yes/no answers ``x``, ``y`` (one pair per seed):
    Newcombe's method 10 (Newcombe 1998; Fagerland, Lydersen & Laake 2017, ch. 8: "square and
    add"), the hybrid score interval with the pairs' correlation phi (continuity-corrected,
    and 0 when a margin is empty)."""
    from sim.analysis.summary import wilson_interval

    x, y = np.asarray(x, dtype=bool), np.asarray(y, dtype=bool)
    n = len(x)
    a, b = int((x & y).sum()), int((x & ~y).sum())  # both; baseline only
    c, d = int((~x & y).sum()), int((~x & ~y).sum())  # other only; neither
    p1, p2 = (a + b) / n, (a + c) / n
    l1, u1 = wilson_interval(a + b, n, z)
    l2, u2 = wilson_interval(a + c, n, z)
    margins = (a + b) * (c + d) * (a + c) * (b + d)
    agreement = a * d - b * c  # continuity-corrected toward 0 by n/2 when positive, as Newcombe
    agreement = max(0.0, agreement - n / 2) if agreement >= 0 else agreement
    phi = agreement / np.sqrt(margins) if margins else 0.0
    below = np.sqrt(max(0.0, (p2 - l2) ** 2 - 2 * phi * (p2 - l2) * (u1 - p1) + (u1 - p1) ** 2))
    above = np.sqrt(max(0.0, (u2 - p2) ** 2 - 2 * phi * (u2 - p2) * (p1 - l1) + (p1 - l1) ** 2))
    return float(p2 - p1 - below), float(p2 - p1 + above)


def multiple_comparisons_note(intervals: int) -> str:
    """A reminder of how many 95% intervals would exclude zero by chance alone."""
    if intervals < 2:
        return ""
    import textwrap

    text = (
        f"  {intervals} intervals are shown: even with no real difference, about "
        f"{0.05 * intervals:.1f} of them would exclude zero by chance. For a family-wise "
        f"95% level, read only those whose difference stays clear of zero at "
        f"{1 - 0.05 / intervals:.2%} (Bonferroni)."
    )
    return textwrap.fill(text, width=98, subsequent_indent="  ")
