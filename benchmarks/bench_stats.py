"""Statistics and tables for the measurements: shares and means with their standard errors.

Kept apart from ``bench_common`` (which imports the model) so that a script timing other source
trees (``replicates_10k.py``) can print tables without importing any tree's ``sim``.
"""

from __future__ import annotations

import math
import statistics
from collections.abc import Iterable, Sequence


def proportion(hits: Iterable[bool]) -> tuple[float, float]:
    """Share and its Monte Carlo standard error sqrt(p(1-p)/n)."""
    xs = [bool(h) for h in hits]
    n = len(xs)
    if n == 0:
        return math.nan, math.nan
    p = sum(xs) / n
    return p, math.sqrt(p * (1 - p) / n)


def mean_se(values: Iterable[float]) -> tuple[float, float]:
    """Mean and its standard error (sample sd / sqrt(n))."""
    xs = [float(v) for v in values if v is not None and not math.isnan(float(v))]
    if not xs:
        return math.nan, math.nan
    if len(xs) == 1:
        return xs[0], math.nan
    return statistics.fmean(xs), statistics.stdev(xs) / math.sqrt(len(xs))


def fmt(value: float, se: float | None = None, digits: int = 3) -> str:
    """``value ± se`` with ``digits`` decimals."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return "-"
    if se is None:
        return f"{value:.{digits}f}"
    if math.isnan(se):
        return f"{value:.{digits}f}"
    return f"{value:.{digits}f} ± {se:.{digits}f}"


def print_table(header: Sequence[str], body: Sequence[Sequence[object]], title: str = "") -> None:
    """A plain-text table, columns padded to their widest cell."""
    cells = [[str(c) for c in header]] + [[str(c) for c in r] for r in body]
    widths = [max(len(r[i]) for r in cells) for i in range(len(header))]
    if title:
        print(f"\n## {title}")
    line = "  ".join(h.ljust(w) for h, w in zip(cells[0], widths, strict=True))
    print(line)
    print("-" * len(line))
    for r in cells[1:]:
        print("  ".join(c.ljust(w) for c, w in zip(r, widths, strict=True)))
