"""The short summary a run prints: milestone probabilities and median peak rung per actor."""

from __future__ import annotations

import math

import pandas as pd

from sim.domain.ladder import standard_ladder


def milestone_probabilities(outcomes: pd.DataFrame) -> pd.DataFrame:
    """Per milestone: the share of replicates that reached it, with a 95% Wilson interval."""
    rows = []
    n = len(outcomes)
    for col in [c for c in outcomes.columns if c.endswith("_step")]:
        k = int(outcomes[col].notna().sum())
        lo, hi = wilson_interval(k, n)
        reached = outcomes[col].dropna()
        rows.append(
            {
                "milestone": col.removesuffix("_step"),
                "probability": k / n if n else float("nan"),
                "ci_low": lo,
                "ci_high": hi,
                "median_step": float(reached.median()) if len(reached) else float("nan"),
            }
        )
    return pd.DataFrame(rows)


def peak_rungs(outcomes: pd.DataFrame) -> pd.DataFrame:
    """Per actor: the median and 90th percentile of the highest rung reached."""
    labels = standard_ladder().labels
    rows = []
    for col in [c for c in outcomes.columns if c.startswith("peak_rung_")]:
        median = float(outcomes[col].median())
        rows.append(
            {
                "actor": col.removeprefix("peak_rung_"),
                "median_peak_rung": median,
                "median_peak_label": labels[int(round(median))],
                "p90_peak_rung": float(outcomes[col].quantile(0.9)),
            }
        )
    return pd.DataFrame(rows)


def wilson_interval(k: int, n: int, z: float = 1.96) -> tuple[float, float]:
    """Wilson score interval for k successes in n trials."""
    if n == 0:
        return float("nan"), float("nan")
    p = k / n
    denom = 1 + z * z / n
    centre = (p + z * z / (2 * n)) / denom
    half = z * math.sqrt(p * (1 - p) / n + z * z / (4 * n * n)) / denom
    return max(0.0, centre - half), min(1.0, centre + half)


def format_summary(outcomes: pd.DataFrame, title: str) -> str:
    """The text printed at the end of a run."""
    ms = milestone_probabilities(outcomes)
    pk = peak_rungs(outcomes)
    lines = [
        f"{title}: {len(outcomes)} replicates",
        "",
        "Milestone              P(reached)  95% CI        median turn",
    ]
    for r in ms.itertuples():
        turn = "-" if math.isnan(r.median_step) else f"{r.median_step:.0f}"
        ci = f"[{r.ci_low:.2f}, {r.ci_high:.2f}]"
        lines.append(f"  {r.milestone:<20} {r.probability:>9.2f}   {ci}  {turn:>6}")
    lines += ["", "Actor            median peak rung"]
    for r in pk.itertuples():
        lines.append(f"  {r.actor:<14} {r.median_peak_rung:>4.1f}  {r.median_peak_label}")
    return "\n".join(lines)
