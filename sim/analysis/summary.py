"""The short summary a run prints: milestone probabilities and median peak rung per actor."""

from __future__ import annotations

import math

import pandas as pd

from sim.analysis.names import Names, rung_name
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
    """Per actor: the median and 90th percentile of the highest rung reached, as whole rungs
    (the lower of the two middle values for an even count: a rung is a step on a ladder, not a
    quantity to average)."""
    labels = standard_ladder().labels
    rows = []
    for col in [c for c in outcomes.columns if c.startswith("peak_rung_")]:
        values = outcomes[col].dropna()
        median = int(values.quantile(0.5, interpolation="lower")) if len(values) else 0
        rows.append(
            {
                "actor": col.removeprefix("peak_rung_"),
                "median_peak_rung": median,
                "median_peak_label": labels[median],
                "p90_peak_rung": int(values.quantile(0.9, interpolation="higher"))
                if len(values)
                else 0,
            }
        )
    return pd.DataFrame(rows)


def wilson_interval(k: int, n: int, z: float = 1.96) -> tuple[float, float]:
    """Wilson score interval for k successes in n trials (exactly 0 below when k = 0 and exactly
    1 above when k = n, as the closed form gives, free of rounding)."""
    if n == 0:
        return float("nan"), float("nan")
    p = k / n
    denom = 1 + z * z / n
    centre = (p + z * z / (2 * n)) / denom
    half = z * math.sqrt(p * (1 - p) / n + z * z / (4 * n * n)) / denom
    low = 0.0 if k == 0 else max(0.0, centre - half)
    return low, (1.0 if k == n else min(1.0, centre + half))


def format_summary(
    outcomes: pd.DataFrame, title: str, names: Names | None = None, context: list[str] = ()
) -> str:
    """The text printed at the end of a run: what ran (``context`` lines: rules, overrides,
    deck), each milestone's probability and median turn, each actor's peak rung in words."""
    names = names or Names()
    ms = milestone_probabilities(outcomes)
    pk = peak_rungs(outcomes)
    order = {a: i for i, a in enumerate(names.actors)}  # the scenario's order, as in figures
    pk = pk.sort_values("actor", key=lambda s: s.map(order).fillna(len(order)), kind="stable")
    ms_names = [names.milestone(m) for m in ms["milestone"]]
    actor_names = [names.actor(a) for a in pk["actor"]]
    width = max([len("Milestone"), *map(len, ms_names)])
    lines = [f"{title}: {len(outcomes)} replicates", *[f"  {c}" for c in context], ""]
    lines.append(f"  {'Milestone':<{width}}  P(reached)  95% CI        median turn*")
    for name, r in zip(ms_names, ms.itertuples(), strict=True):
        turn = "-" if math.isnan(r.median_step) else f"{r.median_step:.0f}"
        ci = f"[{r.ci_low:.2f}, {r.ci_high:.2f}]"
        lines.append(f"  {name:<{width}}  {r.probability:>10.2f}  {ci}  {turn:>11}")
    lines.append("  * among the replicates that reached the milestone (turn 1 = the first week)")
    width = max([len("Actor"), *map(len, actor_names)])
    lines += [
        "",
        f"  {'Actor':<{width}}  median peak rung                  90% of replicates at or below",
    ]
    for name, r in zip(actor_names, pk.itertuples(), strict=True):
        lines.append(
            f"  {name:<{width}}  {rung_name(r.median_peak_rung):<33} {rung_name(r.p90_peak_rung)}"
        )
    return "\n".join(lines)
