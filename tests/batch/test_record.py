"""The batched recorder against the agent's: the same tables, row for row, and the same outcomes.

Agent models of Kursk and of a small war are played turn by turn; after every turn their
worlds are packed into the lanes of a block (``sim.batch.bridge``) and recorded, and their
decision and event rows are fed to the block's ``Log`` the way the batched mechanisms write
them (one call for many lanes, lanes interleaved, actions as indices, other events as names).
The batched tables must equal the agent's rows exactly (values compared, dictionaries decoded)
and each lane's outcome row the model's ``outcome()``.
"""

from __future__ import annotations

import time

import numpy as np
import pyarrow as pa
import pytest

from sim.abm.model import EscalationModel
from sim.batch.bridge import state_from_models
from sim.batch.layout import ACTION, NONE, compile_layout
from sim.batch.record import Recorder
from sim.batch.state import initial_state
from sim.domain.params import CombatParams, RuleParams
from sim.domain.tables import SCHEMAS, TIME_TABLES
from sim.experiment.simulate import rows_to_table
from tests.batch.test_perception import SMALL, SMALL_RULES, WORLD

FIRST = 40  # the block's first replicate


def index(lay, who: str | None) -> int:
    return NONE if who is None or who == "world" else lay.actor_index[who]


def feed_decisions(log, lay, step: int, rows_per_lane: list[list[tuple]]) -> None:
    """The k-th decision of every lane that has one, in one call (as the mechanisms log an
    actor's decisions of all lanes); rules and reasons as arrays or, when one, as a string."""
    for k in range(max((len(r) for r in rows_per_lane), default=0)):
        lanes = [ln for ln, rows in enumerate(rows_per_lane) if len(rows) > k]
        rows = [rows_per_lane[ln][k] for ln in lanes]
        rule = np.array([r[7] for r in rows], dtype=object)
        reason = np.array([r[8] for r in rows], dtype=object)
        if len(set(rule)) == 1:
            rule = str(rule[0])
        log.decision(step, lanes, [index(lay, r[3]) for r in rows],
                     [index(lay, r[4]) for r in rows], [ACTION[r[5]] for r in rows],
                     [r[6] for r in rows], rule, reason)  # fmt: skip


def feed_events(log, lay, step: int, rows_per_lane: list[list[tuple]]) -> None:
    """Every event row in its own call, lanes taking turns: actions as indices, others by name."""
    for k in range(max((len(r) for r in rows_per_lane), default=0)):
        for ln, rows in enumerate(rows_per_lane):
            if len(rows) > k:
                r = rows[k]
                event = np.array([ACTION[r[5]]]) if r[5] in ACTION else r[5]
                log.event(step, [ln], index(lay, r[3]), index(lay, r[4]), event)


def recorded(world, rules: RuleParams, seeds: list[int], steps: int):
    """Models played ``steps`` turns and the recorder of their bridged lanes, turn by turn."""
    models = [EscalationModel(world, rules=rules, rng=s, replicate=FIRST + i)
              for i, s in enumerate(seeds)]  # fmt: skip
    lay = compile_layout(world)
    st = state_from_models(models, lay)
    rec = Recorder(st, FIRST)
    rec.record_state()
    for step in range(1, steps + 1):
        for m in models:
            m.step()
        fresh = state_from_models(models, lay)
        fresh.log = st.log
        rec.st = st = fresh
        for name, feed in (("decisions", feed_decisions), ("events", feed_events)):
            rows = [[r for r in getattr(m.recorder, name) if r[1] == step] for m in models]
            feed(st.log, lay, step, rows)
        rec.record_state()
    return models, rec


@pytest.fixture(scope="module")
def kursk():
    return recorded(WORLD, RuleParams(), [3, 11, 12, 29], 9)


@pytest.fixture(scope="module")
def small():
    return recorded(SMALL, SMALL_RULES, [1, 2, 5, 8, 13], 8)


def agent_table(models, name: str) -> pa.Table:
    return rows_to_table(name, [r for m in models for r in getattr(m.recorder, name)])


@pytest.mark.parametrize("case", ["kursk", "small"])
def test_tables_equal_the_agents_rows(case, request):
    models, rec = request.getfixturevalue(case)
    tables = rec.tables()
    assert set(tables) == set(TIME_TABLES)
    for name in TIME_TABLES:
        assert tables[name].schema == SCHEMAS[name], name
        assert tables[name].to_pylist() == agent_table(models, name).to_pylist(), name


def test_the_cases_log_world_events_and_several_kinds(kursk, small):
    """The comparison above covers injects and milestones (from "world", uncoded) and moves."""
    events = kursk[1].tables()["events"].to_pandas()
    assert (events["source"] == "world").any()
    assert events["cameo"].isna().any() and events["cameo"].notna().any()
    assert events["event"].astype(str).str.startswith("inject:").any()
    assert events["event"].nunique() > 3
    decisions = kursk[1].tables()["decisions"].to_pandas()
    assert decisions["target"].isna().any() and decisions["target"].notna().any()
    assert small[1].tables()["decisions"]["action"].to_pandas().nunique() > 2


def test_keep_gives_the_first_lanes(kursk):
    models, rec = kursk
    tables = rec.tables(keep=2)
    for name in TIME_TABLES:
        assert tables[name].to_pylist() == agent_table(models[:2], name).to_pylist(), name


@pytest.mark.parametrize("case", ["kursk", "small"])
def test_outcomes_equal_the_agents(case, request):
    models, rec = request.getfixturevalue(case)
    rows = rec.outcomes(seed=123)
    assert len(rows) == len(models)
    for lane, (row, m) in enumerate(zip(rows, models, strict=True)):
        expected = {"replicate": FIRST + lane, "seed": 123, "lane": lane, **m.outcome()}
        assert list(row) == list(expected)
        assert row == expected
    assert [r["replicate"] for r in rec.outcomes(seed=1, keep=3)] == [FIRST, FIRST + 1, FIRST + 2]


def test_a_block_with_nothing_logged_gives_empty_log_tables():
    lay = compile_layout(WORLD)
    st = initial_state(lay, RuleParams(), CombatParams(), np.random.default_rng(0), 3)
    rec = Recorder(st, 0)
    rec.record_state()
    tables = rec.tables()
    assert tables["decisions"].num_rows == tables["events"].num_rows == 0
    assert tables["timeseries"].num_rows == 3 * lay.A
    assert tables["forces"].num_rows == 3 * lay.U


def test_a_thousand_lanes_of_27_steps_become_tables_fast():
    """1,000 Kursk lanes x 27 recorded steps, with one decision per actor per turn and an event
    per move logged as the mechanisms do, become the six tables in well under a second."""
    lay = compile_layout(WORLD)
    R, A = 1000, lay.A  # noqa: N806
    st = initial_state(lay, RuleParams(), CombatParams(), np.random.default_rng(0), R)
    rec = Recorder(st, 0)
    rec.record_state()
    lanes, actors = np.repeat(np.arange(R), A), np.tile(np.arange(A), R)
    rng = np.random.default_rng(1)
    for step in range(1, 27):
        st.step = step
        reason = np.array([f"reason {k}" for k in range(R * A)], dtype=object)
        action = rng.integers(0, 5, R * A)
        st.log.decision(step, lanes, actors, NONE, action, 1, "richardson", reason)
        st.log.event(step, lanes, actors, NONE, action)
        rec.record_state()
    t0 = time.process_time()
    tables = rec.tables()
    cpu = time.process_time() - t0
    assert tables["decisions"].num_rows == 26 * R * A
    assert cpu < 1.0, f"{cpu:.2f} s of CPU"
