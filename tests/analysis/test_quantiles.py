"""Bands computed lean (rungs counted piece by piece, strengths summed per piece of whole
replicates) are the bands pandas computes from the whole table, to the last bit."""

from __future__ import annotations

from dataclasses import asdict
from pathlib import Path

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from sim.analysis.metrics import control_bands, rung_bands, strength_bands
from sim.analysis.pieces import concat, pieces, read_table, replicate_ranges
from sim.analysis.quantiles import QUANTILES, bands, ordinal_bands, value_counts
from sim.domain.params import CombatParams, RuleParams
from sim.domain.scenario_io import load_scenario
from sim.experiment.job import Job
from sim.experiment.run import run_job

SCENARIO = Path(__file__).parents[2] / "scenarios" / "kursk_2024.yaml"
KEYS = ["step", "date"]


@pytest.fixture(scope="module")
def chunked_run(tmp_path_factory) -> Path:
    """A real run of 11 replicates written in chunks of 3: four row groups per table."""
    out = tmp_path_factory.mktemp("chunked")
    world = load_scenario(SCENARIO)
    job = Job(world, RuleParams(), CombatParams(), 8, 11, base_seed=3)
    config = {"scenario": world.model_dump(mode="json"), "rules": asdict(RuleParams()),
              "combat": asdict(CombatParams()), "replicates": 11, "steps": 8}  # fmt: skip
    run_job(job, out, config, str(SCENARIO), chunk_size=3, progress=False)
    return out


def old_bands(df: pd.DataFrame, by: list[str], value: str) -> pd.DataFrame:
    """The way bands were computed before: pandas' group quantiles on the whole table."""
    grouped = df.groupby(by, observed=True)[value]
    out = pd.concat({k: grouped.quantile(q) for k, q in QUANTILES.items()}, axis=1)
    out["mean"] = grouped.mean()
    out["replicates"] = grouped.size()
    return out.reset_index()


def old_strength_bands(forces: pd.DataFrame, theatres: list[str]) -> pd.DataFrame:
    """The way strength bands were computed before: the whole table, summed and banded."""
    forces = forces[forces["theatre"].isin(theatres)]
    total = forces.groupby(["replicate", "actor", *KEYS], observed=True)["strength"].sum()
    return old_bands(total.reset_index(), ["actor", *KEYS], "strength")


def test_the_run_has_several_row_groups_read_as_pieces_of_whole_replicates(chunked_run):
    path = chunked_run / "timeseries.parquet"
    assert pq.ParquetFile(path).metadata.num_row_groups == 4
    assert replicate_ranges(path, rows=1) == [(0, 2), (3, 5), (6, 8), (9, 10)]
    assert replicate_ranges(path) == [(0, 10)]  # small row groups are joined
    parts = list(pieces(path, ["replicate", "actor", "rung"], rows=1))
    assert [sorted(p["replicate"].unique()) for p in parts] == [
        [0, 1, 2],
        [3, 4, 5],
        [6, 7, 8],
        [9, 10],
    ]
    whole = read_table(path, ["replicate", "actor", "rung"])
    pd.testing.assert_frame_equal(concat(parts), whole)


@pytest.mark.parametrize("rows", [1, 250_000])
def test_rung_strength_and_control_bands_equal_the_whole_table_ones_exactly(chunked_run, rows):
    ts, forces, theatres = (read_table(chunked_run / f"{t}.parquet")
                            for t in ("timeseries", "forces", "theatres"))  # fmt: skip
    old_rungs = old_bands(ts, ["actor", *KEYS], "rung")
    lean = pieces(chunked_run / "timeseries.parquet", ["actor", "step", "date", "rung"], rows=rows)
    pd.testing.assert_frame_equal(rung_bands(lean), old_rungs, check_exact=True)
    pd.testing.assert_frame_equal(rung_bands(ts), old_rungs, check_exact=True)
    contested = ["kursk"]
    columns = ["replicate", "actor", "theatre", "step", "date", "strength"]
    lean = pieces(chunked_run / "forces.parquet", columns, rows=rows)
    pd.testing.assert_frame_equal(
        strength_bands(lean, contested), old_strength_bands(forces, contested), check_exact=True
    )
    lean = read_table(chunked_run / "theatres.parquet", ["theatre", "holder", *KEYS, "control"])
    pd.testing.assert_frame_equal(
        control_bands(lean), old_bands(theatres, ["theatre", *KEYS], "control"), check_exact=True
    )


def test_ordinal_bands_equal_pandas_quantiles_on_ties_odd_sizes_and_single_replicates():
    rng = np.random.default_rng(5)
    sizes = [1, 2, 3, 4, 7, 20, 101, 1000]
    df = pd.DataFrame(
        {
            "actor": pd.Categorical(np.repeat([f"a{i}" for i in range(len(sizes))], sizes),
                                    categories=[f"a{i}" for i in reversed(range(len(sizes)))]),
            "step": np.int16(3),
            "rung": rng.integers(0, 11, sum(sizes)).astype(np.int8),
        }
    )  # fmt: skip
    df.loc[df["actor"] == "a6", "rung"] = 4  # one rung only
    old = old_bands(df, ["actor", "step"], "rung")
    cut = [df.iloc[i : i + 97] for i in range(0, len(df), 97)]  # pieces that split groups
    new = ordinal_bands(value_counts(cut, ["actor", "step"], "rung"), ["actor", "step"], "rung")
    pd.testing.assert_frame_equal(new, old, check_exact=True)


def test_real_valued_bands_equal_pandas_quantiles_with_missing_values_and_empty_groups():
    rng = np.random.default_rng(9)
    sizes = [1, 2, 5, 64, 999]
    df = pd.DataFrame(
        {
            "theatre": np.repeat([f"t{i}" for i in range(len(sizes))], sizes),
            "step": rng.integers(0, 3, sum(sizes)).astype(np.int16),
            "control": rng.random(sum(sizes)) * 1e4,
        }
    )
    df.loc[rng.random(len(df)) < 0.1, "control"] = np.nan
    df.loc[df["theatre"] == "t1", "control"] = np.nan  # a group with no value at all
    df.loc[df["theatre"] == "t2", "control"] = 0.25  # ties
    pd.testing.assert_frame_equal(
        bands(df, ["theatre", "step"], "control"),
        old_bands(df, ["theatre", "step"], "control"),
        check_exact=True,
    )


def test_a_replicate_split_over_two_row_groups_stays_in_one_piece(tmp_path):
    table = pa.table({"replicate": pa.array([0, 0, 1, 1, 1, 2, 2, 3], pa.int32()),
                      "value": pa.array(range(8), pa.int64())})  # fmt: skip
    path = tmp_path / "t.parquet"
    pq.write_table(table, path, row_group_size=3)  # row groups: 0 0 1 | 1 1 2 | 2 3
    assert replicate_ranges(path, rows=1) == [(0, 3)]
    pq.write_table(table, path, row_group_size=2)  # 0 0 | 1 1 | 1 2 | 2 3
    assert replicate_ranges(path, rows=1) == [(0, 0), (1, 3)]
    assert [list(p["value"]) for p in pieces(path, ["value"], rows=1)] == [
        [0, 1],
        [2, 3, 4, 5, 6, 7],
    ]


def test_a_table_without_replicate_statistics_is_one_piece(tmp_path):
    path = tmp_path / "t.parquet"
    pq.write_table(pa.table({"replicate": [0, 1], "v": [1, 2]}), path, write_statistics=False)
    assert replicate_ranges(path) == [None]
    assert len(list(pieces(path, ["v"]))) == 1
