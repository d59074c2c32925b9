"""The results contract: every table a run writes, its columns and their Arrow types.

This module is the one place that names them; the recorder writes rows in these column orders,
the results writer uses these schemas, and analysis reads these names. Other tools and users
script against them; change them only with a version bump (docs/architecture.md).
"""

from __future__ import annotations

import pyarrow as pa

_CAT = pa.dictionary(pa.int32(), pa.string())
_KEYS = [("replicate", pa.int32()), ("step", pa.int16()), ("date", pa.date32())]

SCHEMAS: dict[str, pa.Schema] = {
    # each actor's overall rung (its highest posture) per replicate and turn
    "timeseries": pa.schema([*_KEYS, ("actor", _CAT), ("rung", pa.int8()), ("rung_label", _CAT)]),
    # each actor's posture toward each actor it deals with
    "postures": pa.schema(
        [*_KEYS, ("actor", _CAT), ("target", _CAT), ("rung", pa.int8()), ("rung_label", _CAT)]
    ),  # fmt: skip
    # every decision (holds included) with its rule and a reason in words
    "decisions": pa.schema(
        [
            *_KEYS,
            ("actor", _CAT),
            ("target", _CAT),
            ("action", _CAT),
            ("rung", pa.int8()),
            ("rule", _CAT),
            ("reason", pa.string()),
        ]
    ),  # fmt: skip
    # every event, coded like event data (CAMEO, Goldstein, MID level, quad class)
    "events": pa.schema(
        [
            *_KEYS,
            ("source", _CAT),
            ("target", _CAT),
            ("event", _CAT),
            ("cameo", _CAT),
            ("goldstein", pa.float32()),
            ("mid_level", pa.int8()),
            ("quad_class", _CAT),
        ]
    ),  # fmt: skip
    # every unit's strength, status and losses in the turn
    "forces": pa.schema(
        [
            *_KEYS,
            ("unit", _CAT),
            ("actor", _CAT),
            ("theatre", _CAT),
            ("strength", pa.float64()),
            ("in_combat", pa.bool_()),
            ("losses", pa.float64()),
        ]
    ),  # fmt: skip
    # control of each contested theatre by its holder
    "theatres": pa.schema(
        [*_KEYS, ("theatre", _CAT), ("owner", _CAT), ("holder", _CAT), ("control", pa.float64())]
    ),  # fmt: skip
}

TIME_TABLES = tuple(SCHEMAS)  # the tables with one row per replicate x step x entity
COLUMNS: dict[str, tuple[str, ...]] = {name: tuple(s.names) for name, s in SCHEMAS.items()}
REQUIRED_FILES = (*(f"{t}.parquet" for t in TIME_TABLES), "outcomes.parquet", "run.json")
# What every results folder has had since version 0.1; readers require these and use
# ``postures`` and ``events`` when a run has them (older runs, hand-made test folders do not).
CORE_TABLES = ("timeseries", "decisions", "forces", "theatres")
CORE_FILES = (*(f"{t}.parquet" for t in CORE_TABLES), "outcomes.parquet", "run.json")
