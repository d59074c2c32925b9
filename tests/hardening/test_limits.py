"""The documented limits and the one-way readers and writers they rely on (sim.files,
sim.paths, sim.limits, sim.domain.safe_yaml, seeding's document limit and its linear cost)."""

from __future__ import annotations

import errno
import time

import pytest

from sim.domain.errors import ConfigError
from sim.domain.safe_yaml import MAX_DEPTH, YamlProblem, parse_text
from sim.files import OutputError, read_json, read_parquet, write_atomic, write_with
from sim.limits import (
    MAX_STEPS,
    check_run_knobs,
    knob_problem,
    run_knob_problems,
    run_size_problems,
)
from sim.paths import referenced_file

from .conftest import SEED_DOC


def test_a_failed_write_leaves_the_old_file_and_no_temporary(tmp_path):
    target = tmp_path / "report.html"
    target.write_text("the good one")

    def full_disk(tmp):
        tmp.write_text("half")
        raise OSError(errno.ENOSPC, "No space left on device")

    with pytest.raises(OutputError, match="report.html: no space left on device"):
        write_with(target, full_disk)
    assert target.read_text() == "the good one"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["report.html"]


def test_write_atomic_replaces_whole_files(tmp_path):
    path = write_atomic(tmp_path / "a" / "b.txt", "x" * 10)
    assert path.read_text() == "x" * 10 and oct(path.stat().st_mode)[-3:] != "600"


@pytest.mark.parametrize("content", [b"", b"{", b"[1]", b"\xff"])
def test_damaged_manifests_are_named(tmp_path, content):
    (tmp_path / "run.json").write_bytes(content)
    with pytest.raises(OutputError, match="run.json"):
        read_json(tmp_path / "run.json")


def test_a_truncated_table_is_named(tmp_path):
    import pandas as pd

    pd.DataFrame({"a": range(1000)}).to_parquet(tmp_path / "t.parquet")
    data = (tmp_path / "t.parquet").read_bytes()
    (tmp_path / "t.parquet").write_bytes(data[: len(data) // 2])
    with pytest.raises(OutputError, match="t.parquet is not a readable Parquet table"):
        read_parquet(tmp_path / "t.parquet")


@pytest.mark.parametrize("name", ["/etc/passwd", "../secrets.txt", "seeds/../../x.txt"])
def test_references_must_stay_inside(tmp_path, name):
    with pytest.raises(ConfigError, match="outside the allowed folders"):
        referenced_file(name, tmp_path / "s.yaml", "seed_document", [tmp_path])


def test_a_symlink_out_of_the_folder_is_refused(tmp_path):
    (tmp_path / "notes.txt").symlink_to("/etc/hostname")
    with pytest.raises(ConfigError, match="symbolic links"):
        referenced_file("notes.txt", tmp_path / "s.yaml", "seed_document", [tmp_path])


def test_a_file_beside_the_scenario_is_found(tmp_path):
    (tmp_path / "doc.txt").write_text("x")
    assert referenced_file("doc.txt", tmp_path / "s.yaml", "f", [tmp_path]) == tmp_path / "doc.txt"


def test_run_sizes():
    import datetime as dt

    start = dt.date(2024, 10, 28)
    assert run_size_problems(26, 100, 7, start, 7) == []
    assert run_size_problems(MAX_STEPS + 1, 1, 7, start, 7)
    assert "year 9999" in run_size_problems(MAX_STEPS, 1, 7, dt.date(9999, 1, 1), 7)[0]
    assert run_size_problems(True, 1, 7, start, 7)  # a boolean is not a number of steps


@pytest.mark.parametrize(
    ("key", "value", "says"),
    [("workers", -1, "must be at least 0"), ("chunk_size", -3, "0 (automatic)"),
     ("memory_mb", 0, "1 or more"), ("replicates", 10**7, "must be at most 1,000,000"),
     ("steps", "many", "is not a whole number"), ("seed", True, "is not a whole number"),
     ("seeding", "paired", "allowed: common, per_point"),
     ("plot_formats", ["png", "gif"], "allowed: png, svg, pdf")],
)  # fmt: skip
def test_every_run_knob_is_checked_in_one_place(key, value, says):
    problem = knob_problem(key, value)
    assert problem is not None and problem.startswith(f"{key} = ") and says in problem
    assert "allowed: " in problem


def test_good_run_knobs_pass():
    good = {"workers": 0, "chunk_size": 10, "memory_mb": 1000, "replicates": 100, "steps": 26,
            "seed": 0, "seeding": "per_point", "plot_formats": ["png", "svg"], "other": -1}  # fmt: skip
    assert run_knob_problems(good) == []
    check_run_knobs(good)


def test_a_sweep_is_checked_for_every_value_an_experiment_gives_a_knob():
    """An experiment file's ``hydra.sweeper.params`` are checked too, unless the command line
    sweeps the same key."""
    from omegaconf import OmegaConf

    from sim.overrides import check_sweep_knobs, parse

    cfg = OmegaConf.create({"workers": 0, "steps": 26, "rules": {"noise": 0.1},
                            "hydra": {"sweeper": {"params": {"steps": "5,20000"}}}})  # fmt: skip
    with pytest.raises(ConfigError, match="steps = 20000 must be at most 10,000"):
        check_sweep_knobs(parse(["rules.noise=0.1,0.2"]), cfg)
    check_sweep_knobs(parse(["steps=5,6"]), cfg)  # the command line's values replace them
    with pytest.raises(ConfigError, match="workers = -1"):
        check_sweep_knobs(parse(["workers=-1", "steps=5,6"]), cfg)


def test_yaml_limits_are_where_the_docs_say():
    parse_text("a: " + "[" * MAX_DEPTH + "]" * MAX_DEPTH)
    with pytest.raises(YamlProblem):
        parse_text("a: " + "[" * (MAX_DEPTH + 2) + "]" * (MAX_DEPTH + 2))
    assert parse_text("a: &x {b: 1}\nc: *x") == {"a": {"b": 1}, "c": {"b": 1}}


def test_seeding_cost_grows_linearly_with_the_document():
    """Doubling a long document at most about doubles extraction time (it was quadratic to
    cubic: 20 s for 0.25 MB, 144 s for 0.5 MB)."""
    from sim.seeding.extract import extract
    from sim.seeding.text import parse_document

    base = SEED_DOC.read_text(encoding="utf-8")

    def cost(copies: int) -> float:
        doc = parse_document("\n\n".join([base] * copies).encode())
        t0 = time.process_time()
        extract(doc)
        return time.process_time() - t0

    cost(4)  # warm caches
    small, large = cost(40), cost(80)
    assert large < 3.0 * small + 0.2, (small, large)
