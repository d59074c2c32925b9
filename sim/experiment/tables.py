"""The results contract: table names, columns and Arrow types (see docs/architecture.md).

Other tools and users script against these names; change them only with a version bump.
"""

from __future__ import annotations

import pyarrow as pa

_CAT = pa.dictionary(pa.int32(), pa.string())

SCHEMAS: dict[str, pa.Schema] = {
    "timeseries": pa.schema(
        [
            ("replicate", pa.int32()),
            ("step", pa.int16()),
            ("date", pa.date32()),
            ("actor", _CAT),
            ("rung", pa.int8()),
            ("rung_label", _CAT),
        ]
    ),
    "decisions": pa.schema(
        [
            ("replicate", pa.int32()),
            ("step", pa.int16()),
            ("date", pa.date32()),
            ("actor", _CAT),
            ("target", _CAT),
            ("action", _CAT),
            ("rung", pa.int8()),
            ("rule", _CAT),
            ("reason", pa.string()),
        ]
    ),
    "forces": pa.schema(
        [
            ("replicate", pa.int32()),
            ("step", pa.int16()),
            ("date", pa.date32()),
            ("unit", _CAT),
            ("actor", _CAT),
            ("theatre", _CAT),
            ("strength", pa.float64()),
            ("in_combat", pa.bool_()),
        ]
    ),
    "theatres": pa.schema(
        [
            ("replicate", pa.int32()),
            ("step", pa.int16()),
            ("date", pa.date32()),
            ("theatre", _CAT),
            ("owner", _CAT),
            ("holder", _CAT),
            ("control", pa.float64()),
        ]
    ),
}

REQUIRED_FILES = ("timeseries.parquet", "decisions.parquet", "forces.parquet",
                  "theatres.parquet", "outcomes.parquet", "run.json")  # fmt: skip
