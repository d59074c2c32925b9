"""Scenario discovery on a sweep: where in parameter space does an outcome happen?

The cases are the sweep's replicates (``sweep.parquet``: one row per job x replicate), their
inputs the swept numeric parameters, the case of interest a milestone reached (by the run's
end, or by ``by_step``). Two views: PRIM boxes with their coverage/density trade-off
(``sim.analysis.prim``), and a shallow CART tree (scikit-learn) whose leaves say the same in
if/else form.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from sim.analysis.errors import ResultsError


def cases(
    table: pd.DataFrame, parameters: list[str], outcome: str, by_step: int | None = None
) -> tuple[pd.DataFrame, np.ndarray]:
    """The inputs (numeric swept parameters) and the boolean outcome of every case."""
    column = f"{outcome}_step"
    if column not in table:
        allowed = ", ".join(c.removesuffix("_step") for c in table if c.endswith("_step"))
        raise ResultsError(
            f"--outcome {outcome!r} is not a milestone of the sweep; allowed: {allowed}"
        )
    numeric = [p for p in parameters if pd.api.types.is_numeric_dtype(table[p])]
    varied = [p for p in numeric if table[p].nunique() > 1]
    if not varied:
        raise ResultsError(
            f"the sweep has no numeric parameter that varies (swept: "
            f"{', '.join(parameters) or 'none'}); discovery needs one or more"
        )
    steps = pd.to_numeric(table[column], errors="coerce")
    y = steps.notna() if by_step is None else steps.le(by_step)
    return table[varied].astype(float), y.to_numpy(dtype=bool)


def cart(x: pd.DataFrame, y: np.ndarray, depth: int = 3, seed: int = 0):
    """A classification tree (depth ``depth``, leaves of at least 2% of the cases)."""
    from sklearn.tree import DecisionTreeClassifier

    leaf = max(5, int(0.02 * len(y)))
    tree = DecisionTreeClassifier(max_depth=depth, min_samples_leaf=leaf, random_state=seed)
    return tree.fit(x.to_numpy(), y)


def cart_leaves(tree, names: list[str]) -> pd.DataFrame:
    """Each leaf as a rule: its conditions, cases, and share of cases of interest."""
    t = tree.tree_
    rows = []

    def walk(node: int, rule: list[str]) -> None:
        if t.children_left[node] == -1:
            counts = t.value[node][0]
            share = counts[-1] / counts.sum() if len(counts) > 1 else float(tree.classes_[0])
            share = float(share)
            rows.append(
                {
                    "rule": " and ".join(rule) or "(all)",
                    "cases": int(t.n_node_samples[node]),
                    "density": float(share),
                }
            )
            return
        name, cut = names[t.feature[node]], t.threshold[node]
        walk(t.children_left[node], [*rule, f"{name} <= {cut:.4g}"])
        walk(t.children_right[node], [*rule, f"{name} > {cut:.4g}"])

    walk(0, [])
    return pd.DataFrame(rows).sort_values("density", ascending=False, ignore_index=True)
