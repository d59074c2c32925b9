"""Reading a results table whole, or in pieces of whole replicates so that a figure's memory does
not grow with the number of replicates.

A piece is every row of a range of replicates. The ranges follow the file's row groups (the run
writer appends one per chunk of replicates), read from the Parquet footer's statistics of the
``replicate`` column: row groups that share a replicate are joined, and neighbours are joined
until a piece holds about ``PIECE_ROWS`` rows. Pieces come in the order of their replicates,
each read like the whole table (the same reader, so the same column types) but only with the
columns asked for. Summing a piece's rows per replicate is then the same as summing the whole
table's, row for row.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from pathlib import Path

import pandas as pd

from sim.files import read_parquet

Frames = pd.DataFrame | Iterable[pd.DataFrame]  # a table, or its pieces
PIECE_ROWS = 100_000  # a few MB of lean columns per piece; fewer rows would cost more reads


def read_table(
    path: Path, columns: list[str] | None = None, filters: list[tuple] | None = None
) -> pd.DataFrame:
    """A results table (``columns`` and the rows ``filters`` keep, in pyarrow's filter syntax),
    with ``date`` as a datetime column."""
    df = read_parquet(path, columns=columns, filters=filters)
    if "date" in df.columns:
        df["date"] = pd.to_datetime(df["date"])
    return df


def replicate_ranges(path: Path, rows: int = PIECE_ROWS) -> list[tuple[int, int] | None]:
    """Inclusive (first, last) replicate of each piece; ``[None]`` (one piece: the whole table)
    when the file has no statistics for ``replicate``, or no rows."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    try:
        meta = pq.ParquetFile(path).metadata
    except (OSError, pa.ArrowException):  # the reader names the file and the fault
        return [None]
    names = [meta.schema.column(i).name for i in range(meta.num_columns)]
    if "replicate" not in names or meta.num_row_groups == 0:
        return [None]
    spans = []
    for i in range(meta.num_row_groups):
        group = meta.row_group(i)
        stats = group.column(names.index("replicate")).statistics
        if stats is None or not stats.has_min_max:
            return [None]
        spans.append((int(stats.min), int(stats.max), group.num_rows))
    merged: list[list[int]] = []
    for first, last, n in sorted(spans):
        if merged and (first <= merged[-1][1] or merged[-1][2] < rows):
            merged[-1][1], merged[-1][2] = max(last, merged[-1][1]), merged[-1][2] + n
        else:
            merged.append([first, last, n])
    return [(first, last) for first, last, _ in merged]


def pieces(
    path: Path, columns: list[str], filters: list[tuple] | None = None, rows: int = PIECE_ROWS
) -> Iterator[pd.DataFrame]:
    """The table in pieces of whole replicates (``columns``, the rows ``filters`` keep), each
    of about ``rows`` rows or one row group, whichever is larger."""
    for span in replicate_ranges(path, rows):
        where = [] if span is None else [("replicate", ">=", span[0]), ("replicate", "<=", span[1])]
        yield read_table(path, columns, where + list(filters or []) or None)


def as_pieces(table: Frames) -> Iterable[pd.DataFrame]:
    """A table as its pieces: a DataFrame is one piece; pieces are passed through."""
    return [table] if isinstance(table, pd.DataFrame) else table


def concat(parts: Iterable[pd.DataFrame]) -> pd.DataFrame:
    """Frames of the same columns one under the other; a categorical column stays categorical,
    its categories those of each part in order of first appearance (as reading the whole table
    unifies the row groups' dictionaries)."""
    parts = list(parts)
    if not parts:
        return pd.DataFrame()
    for col in parts[0].columns:
        if isinstance(parts[0][col].dtype, pd.CategoricalDtype):
            union = list(dict.fromkeys(c for p in parts for c in p[col].cat.categories))
            categories = pd.Index(union, dtype=parts[0][col].cat.categories.dtype)
            parts = [p.assign(**{col: p[col].cat.set_categories(categories)}) for p in parts]
    return pd.concat(parts, ignore_index=True)
