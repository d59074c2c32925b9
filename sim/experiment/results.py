"""Writing a run's results atomically: tables stream to ``*.partial`` files and are renamed into
place only when the run succeeds; ``run.json`` is written last, so a folder with ``run.json``
is complete and a crashed run leaves nothing that looks complete.
"""

from __future__ import annotations

import contextlib
import json
import os
from pathlib import Path
from typing import Any

import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq

from sim.experiment.tables import SCHEMAS
from sim.files import OutputError, describe_os_error, write_json, write_with

PARTIAL = ".partial"


class ResultsWriter:
    """Streams the time-indexed tables of one job into ``out_dir`` and finishes them atomically."""

    def __init__(self, out_dir: Path):
        self.out_dir = Path(out_dir)
        self.out_dir.mkdir(parents=True, exist_ok=True)
        self._writers: dict[str, pq.ParquetWriter] = {}
        self.rows: dict[str, int] = dict.fromkeys(SCHEMAS, 0)
        self.outcomes: list[dict] = []

    def _path(self, name: str) -> Path:
        return self.out_dir / f"{name}.parquet"

    def add(self, tables: dict[str, pa.Table], outcomes: list[dict]) -> None:
        """Append one chunk of replicates (a failed write is an OutputError naming the table)."""
        try:
            self._add(tables)
        except OSError as exc:
            raise OutputError(f"cannot write {self.out_dir}: {describe_os_error(exc)}") from None
        self.outcomes.extend(outcomes)

    def _add(self, tables: dict[str, pa.Table]) -> None:
        for name, table in tables.items():
            writer = self._writers.get(name)
            if writer is None:
                partial = self._path(name).with_suffix(".parquet" + PARTIAL)
                writer = self._writers[name] = pq.ParquetWriter(partial, SCHEMAS[name])
            writer.write_table(table)
            self.rows[name] += table.num_rows

    def finish(self, manifest: dict[str, Any]) -> Path:
        """Close the tables, write outcomes.parquet, rename everything, then write run.json."""
        for name in SCHEMAS:
            if name not in self._writers:  # no chunk at all: still write an empty table
                self.add({name: SCHEMAS[name].empty_table()}, [])
        try:
            for w in self._writers.values():
                w.close()
            for name in self._writers:
                _fsync(self._path(name).with_suffix(".parquet" + PARTIAL))
        except OSError as exc:
            self.abort()
            raise OutputError(f"cannot write {self.out_dir}: {describe_os_error(exc)}") from None
        outcomes = pd.DataFrame(self.outcomes).sort_values("replicate").reset_index(drop=True)
        try:
            write_parquet_atomic(outcomes, self.out_dir / "outcomes.parquet")
        except OutputError:
            self.abort()
            raise
        for name in self._writers:
            os.replace(self._path(name).with_suffix(".parquet" + PARTIAL), self._path(name))
        manifest = {**manifest, "tables": {**self.rows, "outcomes": len(outcomes)}}
        return write_json_atomic(manifest, self.out_dir / "run.json")

    def abort(self) -> None:
        """Remove every partial file of a run that failed."""
        for w in self._writers.values():
            with contextlib.suppress(Exception):  # best effort while cleaning up after a failure
                w.close()
        for partial in self.out_dir.glob("*" + PARTIAL):
            partial.unlink(missing_ok=True)


def write_parquet_atomic(df: pd.DataFrame, path: Path) -> Path:
    """Write a DataFrame to Parquet through a temporary file and a rename (``sim.files``)."""
    return write_with(path, lambda tmp: df.to_parquet(tmp, index=False))


def write_json_atomic(data: dict, path: Path) -> Path:
    """Write JSON through a temporary file, fsync and a rename (``sim.files``)."""
    return write_json(path, data)


def mark_incomplete(out_dir: Path, reason: str) -> None:
    """Record in ``run.json`` that a step after the tables (the figures) failed; if even that
    cannot be written, remove ``run.json`` so the folder does not look complete."""
    path = Path(out_dir) / "run.json"
    try:
        manifest = json.loads(path.read_text(encoding="utf-8"))
        manifest["status"] = "incomplete"
        manifest["error"] = reason
        write_json(path, manifest)
    except (OSError, ValueError, OutputError):
        path.unlink(missing_ok=True)


def _fsync(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)
