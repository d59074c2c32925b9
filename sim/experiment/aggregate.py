"""A sweep's results in one place: ``sweep.parquet`` and ``manifest.json`` in the sweep folder.

``sweep.parquet`` has one row per job x replicate: the job number, the swept parameters (one
column each, named by their override key, typed as given), then the columns of that job's
``outcomes.parquet``. Jobs are read one at a time and streamed to the file, so a large sweep
never sits in memory. ``manifest.json`` lists every planned job: its overrides, status
(done, failed or missing), error, wall time and output folder.
"""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.parquet as pq

from sim.experiment.plan import SweepPlan, override_values
from sim.experiment.results import write_json_atomic
from sim.experiment.sweep_job import DONE, JOB_FILE, read_json
from sim.files import atomic_path

SWEEP_TABLE = "sweep.parquet"
MANIFEST = "manifest.json"
MISSING = "missing"


def job_records(sweep_dir: Path, plan: SweepPlan | None) -> list[dict[str, Any]]:
    """One record per planned job (by number); jobs with no record of this plan are missing.

    Without a plan (another sweeper), every ``job.json`` found under the sweep folder counts.
    """
    found: dict[int, dict[str, Any]] = {}
    for path in sorted(Path(sweep_dir).glob(f"**/{JOB_FILE}")):
        record = read_json(path)
        if record is not None:
            found.setdefault(int(record["num"]), record)
    if plan is None:
        return [found[n] for n in sorted(found)]
    records = []
    for num, overrides in enumerate(plan.jobs):
        record = found.get(num)
        if record is None or record.get("overrides") != overrides:
            record = {"num": num, "overrides": overrides, "status": MISSING, "error": None,
                      "wall_time_s": None, "output_dir": None}  # fmt: skip
        records.append(record)
    return records


def _job_table(record: dict[str, Any], swept: list[str]) -> pa.Table | None:
    """A done job's outcomes with its number and swept parameters in front."""
    if record["status"] != DONE or not record.get("output_dir"):
        return None
    path = Path(record["output_dir"]) / "outcomes.parquet"
    if not path.is_file():
        return None
    outcomes = pq.read_table(path)
    values = override_values(record["overrides"], swept)
    front = {"job": pa.array([record["num"]] * outcomes.num_rows, pa.int32())}
    for key, value in values.items():
        front[key] = _constant(value, outcomes.num_rows)
    table = pa.table(front)
    for name in outcomes.column_names:
        table = table.append_column(name, outcomes[name])
    return table


def _constant(value: Any, n: int) -> pa.Array:
    try:
        return pa.array([value] * n)
    except (pa.ArrowInvalid, pa.ArrowTypeError):
        return pa.array([str(value)] * n)


def write_sweep_table(records: list[dict[str, Any]], swept: list[str], sweep_dir: Path) -> int:
    """Stream every done job's rows into ``sweep.parquet``; returns the number of rows."""
    schemas = []
    for record in records:
        table = _job_table(record, swept)
        if table is not None:
            schemas.append(table.schema)
    path = Path(sweep_dir) / SWEEP_TABLE
    if not schemas:
        path.unlink(missing_ok=True)
        return 0
    schema = pa.unify_schemas(schemas, promote_options="permissive")
    rows = 0
    with atomic_path(path) as partial, pq.ParquetWriter(partial, schema) as writer:
        for record in records:
            table = _job_table(record, swept)
            if table is None:
                continue
            columns = [
                table[f.name].cast(f.type) if f.name in table.column_names
                else pa.nulls(table.num_rows, f.type)
                for f in schema
            ]  # fmt: skip
            writer.write_table(pa.Table.from_arrays(columns, schema=schema))
            rows += table.num_rows
    return rows


def aggregate(sweep_dir: Path, plan: SweepPlan | None) -> dict[str, Any]:
    """Write ``sweep.parquet`` and ``manifest.json`` for the sweep in ``sweep_dir``."""
    records = job_records(sweep_dir, plan)
    swept = plan.swept if plan else []
    rows = write_sweep_table(records, swept, sweep_dir)
    counts = {s: sum(r["status"] == s for r in records) for s in (DONE, "failed", MISSING)}
    keep = ("num", "overrides", "status", "error", "wall_time_s", "output_dir", "resumed")
    manifest = {
        "sweep_dir": str(sweep_dir),
        "finished": datetime.now(UTC).isoformat(),
        "swept": swept,
        "counts": {**counts, "jobs": len(records)},
        "rows": rows,
        "jobs": [{k: r.get(k) for k in keep} for r in records],
    }
    write_json_atomic(manifest, Path(sweep_dir) / MANIFEST)
    return manifest
