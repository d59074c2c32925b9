"""Paired comparisons: when two runs share replicate seeds, compare them seed by seed.

With common random numbers (``seeding=common``, the default) replicate i of two runs with the
same base seed starts from the same random stream, whatever their parameters; a 100-replicate
run and a 500-replicate run of the same base seed share their first 100 replicates. Treating
those as independent samples double-counts them and inflates the intervals' width or, worse,
their confidence. Here the difference is taken over the shared seeds only, pair by pair, and its
95% interval comes from a seeded bootstrap of the pairs (so luck common to both sides cancels).
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
