"""Who stands where towards whom at a chosen turn: each directed (actor, target) posture.

Read from ``postures.parquet`` (replicate, step, date, actor, target, rung, rung_label) when the
run has it; older runs, which record no postures, fall back to the decision log: an actor's
posture towards a target is the rung of its latest decision naming that target up to the turn.
Per pair: the median rung over the replicates that hold a posture (the lower middle value for
an even count: rungs are ordinal) and the share of replicates that hold one.
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from sim.analysis.pieces import concat, pieces
from sim.files import read_parquet

POSTURES = "postures.parquet"
COLUMNS = ["actor", "target", "rung", "share", "replicates", "read_from"]


def postures_table(run_dir: Path, turn: int | None = None) -> pd.DataFrame | None:
    """The run's ``postures.parquet``, or only its rows at ``turn``, read piece by piece (None
    when the run has no postures). Every replicate has a row per pair at every turn, so one
    turn's rows still count the replicates."""
    path = Path(run_dir) / POSTURES
    if not path.exists():
        return None
    if turn is None:
        return read_parquet(path)
    columns = ["replicate", "step", "actor", "target", "rung"]  # what ``postures_at`` reads
    return concat(pieces(path, columns, filters=[("step", "==", int(turn))]))


def postures_at(
    decisions: pd.DataFrame | None, turn: int, postures: pd.DataFrame | None = None
) -> pd.DataFrame:
    """Per directed pair at ``turn``: median rung, share of replicates, and the source table
    (``decisions`` is read only when there is no ``postures`` table)."""
    if postures is not None:
        rows, source = postures[postures["step"] == turn], "postures"
    else:
        d = decisions[(decisions["step"] <= turn) & decisions["target"].notna()]
        d = d[d["action"] != "inject"].sort_values("step", kind="stable")
        rows = d.groupby(["replicate", "actor", "target"], observed=True).tail(1)
        source = "decisions"
    n = max(1, (decisions if postures is None else postures)["replicate"].nunique())
    if rows.empty:
        return pd.DataFrame(columns=COLUMNS)
    grouped = rows.groupby([rows["actor"].astype(str), rows["target"].astype(str)])["rung"]
    out = pd.DataFrame(
        {
            "rung": grouped.quantile(0.5, interpolation="lower").astype(int),
            "replicates": grouped.size(),
        }
    ).reset_index()
    out["share"] = out["replicates"] / n
    out["read_from"] = source
    return out[COLUMNS].sort_values(["actor", "target"], ignore_index=True)
