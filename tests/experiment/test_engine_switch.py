"""The engine switch: ``engine=agents|batched``, its seeds, its run.json and its refusals."""

from __future__ import annotations

import json
from dataclasses import replace

import numpy as np
import pandas as pd
import pytest

from sim.domain.errors import ConfigError
from sim.experiment.job import BLOCK_TAG, Job
from sim.experiment.run import run_job
from sim.experiment.sweep_job import same_results
from sim.experiment.tables import SCHEMAS
from sim.limits import knob_problem
from tests.experiment.conftest import small_job


def batched(job: Job, replicates: int | None = None) -> Job:
    return replace(job, engine="batched", replicates=replicates or job.replicates)


def read_all(out) -> dict[str, pd.DataFrame]:
    return {n: pd.read_parquet(out / f"{n}.parquet") for n in [*SCHEMAS, "outcomes"]}


def test_the_engine_is_a_choice_named_with_its_values():
    assert Job.__dataclass_fields__["engine"].default == "agents"
    assert knob_problem("engine", "batched") is None
    assert knob_problem("engine", "vectorised") == (
        "engine = 'vectorised' is not allowed; allowed: agents, batched"
    )
    with pytest.raises(ConfigError, match="engine = 'fast' is not allowed; allowed: agents"):
        replace(small_job(), engine="fast")


def test_human_seats_need_the_agent_engine():
    with pytest.raises(ConfigError, match=r"engine = 'batched' cannot seat human players"):
        replace(small_job(), human_actors=("russia",), engine="batched")


def test_the_agent_engine_keeps_its_digest_and_seeds():
    """``engine`` does not enter the parameters digest, and the agent engine's replicate seeds
    are those of earlier versions (SeedSequence([base seed, index]))."""
    job = small_job()
    assert batched(job).params_digest == job.params_digest
    for i in range(3):
        expected = np.random.SeedSequence([11, i]).generate_state(1, dtype=np.uint64)[0] >> 1
        assert job.replicate_seed(i) == int(expected)


def test_block_seeds_are_tagged_and_distinct():
    job = batched(small_job())
    seq = np.random.SeedSequence([11, BLOCK_TAG, 2])
    assert job.block_seed(2) == int(seq.generate_state(1, dtype=np.uint64)[0] >> 1)
    assert len({job.block_seed(b) for b in range(5)} | {job.replicate_seed(0)}) == 6
    per_point = replace(job, seeding="per_point")
    assert per_point.block_seed(0) != job.block_seed(0)
    assert per_point.block_seed(0) != replace(per_point, steps=7).block_seed(0)


def test_resume_tells_the_engines_apart(tmp_path):
    job = small_job()
    run = {"status": "complete", "replicates": job.replicates, "steps": job.steps,
           "seeds": {"params_digest": job.params_digest, "base_seed": job.base_seed,
                     "seeding": job.seeding}}  # fmt: skip
    (tmp_path / "run.json").write_text(json.dumps(run))
    assert same_results(tmp_path, job)  # a run.json without engine was made by the agents
    assert not same_results(tmp_path, batched(job))
    (tmp_path / "run.json").write_text(json.dumps({**run, "engine": "batched"}))
    assert same_results(tmp_path, batched(job)) and not same_results(tmp_path, job)


def test_a_batched_run_records_its_engine_blocks_and_seeds(tmp_path):
    from sim.batch.run import BLOCK

    job = batched(small_job(replicates=30))
    manifest = run_job(job, tmp_path, {}, None, progress=False, workers=1)
    run = json.loads((tmp_path / "run.json").read_text())
    assert run == manifest | {"tables": run["tables"]}
    assert run["engine"] == "batched"
    assert run["seeds"]["block"] == BLOCK
    assert run["seeds"]["block_seeds"] == [job.block_seed(0)]
    assert "replicate_seeds" not in run["seeds"]
    assert run["execution"]["chunk_size"] == BLOCK
    outcomes = pd.read_parquet(tmp_path / "outcomes.parquet")
    assert list(outcomes["replicate"]) == list(range(30))
    assert list(outcomes["lane"]) == list(range(30))
    assert set(outcomes["seed"]) == {job.block_seed(0)}
    agents = run_job(small_job(replicates=2), tmp_path / "agents", {}, None, progress=False)
    assert agents["engine"] == "agents" and "block_seeds" not in agents["seeds"]
    assert "lane" not in pd.read_parquet(tmp_path / "agents" / "outcomes.parquet")


def test_batched_tables_are_the_same_run_to_run_and_keep_the_first_lanes(tmp_path):
    """Same config and seed, identical tables; a smaller run keeps the same first replicates."""
    job = batched(small_job(replicates=25))
    for name in ("a", "b"):
        run_job(job, tmp_path / name, {}, None, progress=False, workers=1)
    run_job(replace(job, replicates=7), tmp_path / "small", {}, None, progress=False)
    a, b, small = (read_all(tmp_path / n) for n in ("a", "b", "small"))
    for name in a:
        pd.testing.assert_frame_equal(a[name], b[name], obj=name)
        head = a[name][a[name]["replicate"] < 7].reset_index(drop=True)
        pd.testing.assert_frame_equal(head, small[name], obj=f"{name}, 7 replicates",
                                      check_categorical=False)  # fmt: skip
    assert a["decisions"]["replicate"].nunique() == 25


@pytest.mark.slow
def test_batched_tables_do_not_depend_on_workers_or_chunk_size(tmp_path):
    """Two blocks and a part of a third, in one process or two, with any chunk size: the same
    tables (a task is a block whatever ``chunk_size`` says)."""
    from sim.batch.run import BLOCK

    job = batched(small_job(replicates=2 * BLOCK + 5, steps=4))
    results = []
    for workers, size in ((1, 0), (2, 0), (2, 7)):
        out = tmp_path / f"w{workers}_c{size}"
        run = run_job(job, out, {}, None, chunk_size=size, progress=False, workers=workers)
        assert run["execution"]["workers"] == workers
        results.append(read_all(out))
    for other in results[1:]:
        for name, table in results[0].items():
            pd.testing.assert_frame_equal(table, other[name], obj=name)
    outcomes = results[0]["outcomes"]
    assert list(outcomes["replicate"]) == list(range(job.replicates))
    assert list(outcomes["seed"][[0, BLOCK, 2 * BLOCK]]) == [job.block_seed(b) for b in range(3)]
    assert list(outcomes["lane"][[BLOCK - 1, BLOCK, 2 * BLOCK + 4]]) == [BLOCK - 1, 0, 4]


def test_fork_rebuilds_a_batched_replicate_as_an_agent_model():
    from sim.abm.model import EscalationModel
    from sim.experiment.fork import rebuild

    model = rebuild(batched(small_job()), 0, 1)
    assert isinstance(model, EscalationModel) and model.steps == 1


def test_a_sweep_identity_holds_the_engine_only_when_batched():
    from omegaconf import OmegaConf

    from sim.experiment.sweep_identity import difference, sweep_identity

    def identity(**knobs):
        return sweep_identity(OmegaConf.create({"replicates": 3, **knobs}), [["seed=1"]], [])

    older = identity()  # saved before the engine knob existed: it ran the agent engine
    assert difference(older, identity(engine="agents")) is None
    assert difference(older, identity(engine="batched")) == (
        "engine = agents then, batched now (add engine=agents to resume it)"
    )
    assert difference(identity(engine="batched"), identity(engine="agents")) == (
        "engine = batched then, agents now"
    )


def test_runs_and_sweeps_default_to_the_batched_engine_and_teaching_jobs_to_agents():
    from sim.config import RunConfig

    assert RunConfig.__dataclass_fields__["engine"].default == "batched"
    assert Job.__dataclass_fields__["engine"].default == "agents"  # play, classroom, app


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (["engine=vectorised"], "engine = 'vectorised' is not allowed; allowed: agents, batched"),
        (["engine=batched", "human_actors=[russia]"], "cannot seat human players"),
        (["human_actors=[russia]"], "allowed with human_actors: engine=agents"),
    ],
)
def test_the_command_refuses_what_the_engines_cannot_do(tmp_path, args, expected):
    from tests.experiment.conftest import wargame

    run = tmp_path / "run"
    res = wargame(["replicates=2", "steps=2", *args, f"hydra.run.dir={run}"], tmp_path)
    assert res.returncode == 2 and expected in res.stderr
    assert "Traceback" not in res.stderr and not run.exists()


def test_the_command_runs_the_batched_engine(tmp_path):
    from tests.experiment.conftest import wargame

    run = tmp_path / "run"
    res = wargame(["replicates=3", "steps=2", "engine=batched", "plots=false",
                   f"hydra.run.dir={run}"], tmp_path)  # fmt: skip
    assert res.returncode == 0, res.stderr
    assert "Milestone" in res.stdout
    manifest = json.loads((run / "run.json").read_text())
    assert manifest["engine"] == "batched" and manifest["config"]["engine"] == "batched"
    assert len(pd.read_parquet(run / "outcomes.parquet")) == 3


def test_any_replicates_of_a_block_are_those_of_the_whole_block():
    from sim.experiment.simulate import simulate_chunk

    job = batched(small_job(replicates=8, steps=3))
    some = simulate_chunk(job, [5, 2])
    every = simulate_chunk(job, list(range(8)))
    assert [r["replicate"] for r in some.outcomes] == [2, 5]
    assert some.outcomes == [every.outcomes[2], every.outcomes[5]]
    for name, table in some.tables.items():
        rows = every.tables[name].to_pandas()
        expected = rows[rows["replicate"].isin([2, 5])].reset_index(drop=True)
        pd.testing.assert_frame_equal(table.to_pandas(), expected, check_categorical=False)
