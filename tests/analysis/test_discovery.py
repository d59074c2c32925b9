"""``wargame discover`` on a sweep table with a planted box; the CART view agrees."""

from __future__ import annotations

import json

import numpy as np
import pandas as pd
import pytest

from sim.analysis.discovery import cart, cart_leaves, cases
from sim.analysis.discovery_cli import discover_main
from sim.analysis.errors import ResultsError


def planted_sweep(root, n_jobs=400, replicates=3):
    """Jobs with parameters a, b in [0, 1]; nuclear_signal is reached (turn 4) exactly when
    a > 0.6 and b < 0.3, as a sweep folder writes it."""
    rng = np.random.default_rng(2)
    a, b = rng.uniform(0, 1, n_jobs), rng.uniform(0, 1, n_jobs)
    rows = [
        {
            "job": j,
            "a": a[j],
            "b": b[j],
            "rules": "doctrine_richardson",
            "replicate": r,
            "seed": r,
            "nuclear_signal_step": 4 if a[j] > 0.6 and b[j] < 0.3 else None,
            "prk_combat_step": 1,
        }
        for j in range(n_jobs)
        for r in range(replicates)
    ]
    root.mkdir(parents=True, exist_ok=True)
    pd.DataFrame(rows).to_parquet(root / "sweep.parquet")
    (root / "manifest.json").write_text(json.dumps({"swept": ["a", "b", "rules"], "jobs": []}))
    return root


def test_cases_and_cart(tmp_path):
    table = pd.read_parquet(planted_sweep(tmp_path / "s") / "sweep.parquet")
    x, y = cases(table, ["a", "b", "rules"], "nuclear_signal")
    assert list(x.columns) == ["a", "b"]  # a text parameter is not a coordinate
    assert y.sum() == ((table["a"] > 0.6) & (table["b"] < 0.3)).sum()
    _, early = cases(table, ["a", "b"], "nuclear_signal", by_step=3)
    assert not early.any()
    leaves = cart_leaves(cart(x, y), list(x.columns))
    top = leaves.iloc[0]
    assert top["density"] == 1.0
    cuts = dict(c.split(" ", 1) for c in top["rule"].split(" and "))
    assert cuts["a"].startswith(">") and float(cuts["a"][2:]) == pytest.approx(0.6, abs=0.01)
    assert cuts["b"].startswith("<=") and float(cuts["b"][3:]) == pytest.approx(0.3, abs=0.01)
    with pytest.raises(ResultsError, match="allowed: nuclear_signal, prk_combat"):
        cases(table, ["a", "b"], "nuclear")


def test_discover_command_finds_the_box(tmp_path, capsys):
    sweep = planted_sweep(tmp_path / "s")
    assert discover_main([str(sweep), "--outcome", "nuclear_signal", "--min-coverage", "0.8"]) == 0
    box = pd.read_csv(sweep / "discover" / "prim_box.csv").set_index("parameter")
    assert list(box.index) == ["a", "b"]
    assert box.loc["a", "low"] == pytest.approx(0.6, abs=0.05)
    assert box.loc["b", "high"] == pytest.approx(0.3, abs=0.05)
    for name in ("prim_tradeoff.png", "prim_box.png", "cart_tree.png", "cart_leaves.csv"):
        assert (sweep / "discover" / name).exists()
    assert "PRIM box" in capsys.readouterr().out
