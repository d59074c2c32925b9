"""Small hand-written run folders with known answers, for the analyst's toolkit tests.

Written the way a run writes them (tables with replicate, step, date; run.json with the resolved
scenario's start date and turn length), but with a handful of rows whose probabilities are
obvious by eye.
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pandas as pd

START = dt.date(2024, 10, 28)
STEPS = 4
REPLICATES = 4


def _date(step: int) -> dt.date:
    return START + dt.timedelta(days=7 * step)


def write_fake_run(out: Path) -> Path:
    """Four replicates, four weekly turns from 2024-10-28.

    - milestone prk_combat first reached on turns 1, 2, never, 3;
    - russia's nuclear_signal: replicate 0 at turn 2 towards ukraine, replicate 1 at turn 1
      towards the united_states; replicates 2 and 3 only hold;
    - kursk control (Ukraine's share) falls by 0.2 a turn in replicates 0 and 1, stays 1 else.
    """
    out.mkdir(parents=True, exist_ok=True)
    outcomes = pd.DataFrame(
        {
            "replicate": range(REPLICATES),
            "seed": range(REPLICATES),
            "prk_combat_step": [1, 2, None, 3],
            "nuclear_use_step": [None] * 4,
            "peak_rung_russia": [8, 8, 7, 7],
            "final_control_kursk": 0.2,
        }
    )
    decisions = [
        (0, 2, "russia", "ukraine", "nuclear_signal"),
        (1, 1, "russia", "united_states", "nuclear_signal"),
        (2, 3, "russia", "ukraine", "hold"),
        (3, 1, "ukraine", "russia", "hold"),
    ]
    dec = pd.DataFrame(decisions, columns=["replicate", "step", "actor", "target", "action"])
    dec["date"] = dec["step"].map(_date)
    dec[["rung", "rule", "reason"]] = [8, "rule", "why"]
    theatres = pd.DataFrame(
        [
            (r, s, _date(s), "kursk", "russia", "ukraine", max(0.0, 1 - 0.2 * s) if r < 2 else 1.0)
            for r in range(REPLICATES)
            for s in range(STEPS + 1)
        ],
        columns=["replicate", "step", "date", "theatre", "owner", "holder", "control"],
    )
    ts = pd.DataFrame(
        [
            (r, s, _date(s), a, 1, "x")
            for r in range(REPLICATES)
            for s in range(STEPS + 1)
            for a in ("russia", "ukraine")
        ],
        columns=["replicate", "step", "date", "actor", "rung", "rung_label"],
    )
    postures = ts.assign(target="ukraine")[
        ["replicate", "step", "date", "actor", "target", "rung", "rung_label"]
    ]
    # the events: the decisions other than holds, coded as actions.yaml codes nuclear_signal
    ev = dec[dec["action"] != "hold"].rename(columns={"actor": "source", "action": "event"})
    ev = ev.assign(cameo="1385", goldstein=-7.0, mid_level=3, quad_class="verbal_conflict")
    ev = ev[
        [
            "replicate",
            "step",
            "date",
            "source",
            "target",
            "event",
            "cameo",
            "goldstein",
            "mid_level",
            "quad_class",
        ]
    ]
    tables = {
        "outcomes": outcomes,
        "decisions": dec,
        "events": ev,
        "theatres": theatres,
        "timeseries": ts,
        "postures": postures,
        "forces": ts.head(0),
    }
    for name, df in tables.items():
        df.to_parquet(out / f"{name}.parquet")
    scenario = {
        "name": "fake",
        "start_date": START.isoformat(),
        "step_days": 7,
        "actors": {"russia": {}, "ukraine": {}, "united_states": {}},
    }
    manifest = {
        "status": "complete",
        "replicates": REPLICATES,
        "steps": STEPS,
        "config": {"scenario": scenario},
        "scenario": {"name": "fake"},
    }
    (out / "run.json").write_text(json.dumps(manifest), encoding="utf-8")
    return out


HISTORY = """\
scenario: fake
as_of: 2024-11-30
observations:
  prk_fights:
    milestone: prk_combat
    happened: true
    date: 2024-11-13
    source: Reuters, 13 Nov 2024
  signal_any:
    event: nuclear_signal
    actor: russia
    happened: true
    date: 2024-11-11
    source: Reuters, 21 Nov 2024
  signal_at_ukraine:
    event: [nuclear_signal, strike_territory]
    actor: russia
    target: ukraine
    happened: true
    date: 2024-11-11
    source: Reuters, 21 Nov 2024
  no_nuclear_use:
    milestone: nuclear_use
    happened: false
    date: 2024-11-25
    source: AP, 30 Nov 2024
  kursk_held:
    theatre: kursk
    above: 0.5
    happened: true
    date: 2024-11-13
    source: ISW, 30 Nov 2024
"""


def write_history(path: Path, text: str = HISTORY) -> Path:
    path.write_text(text, encoding="utf-8")
    return path
