"""The measurement scripts of issue 9 (benchmarks/) run end to end at a tiny size and print
their tables; the knob-range adaptor reads the registry's metadata when it is there."""

from __future__ import annotations

import importlib
import sys
from dataclasses import dataclass, field
from pathlib import Path

import pytest

BENCHMARKS = Path(__file__).resolve().parents[1] / "benchmarks"


@pytest.fixture(scope="module")
def bench():
    """Import a script of benchmarks/ by name."""
    sys.path.insert(0, str(BENCHMARKS))
    try:
        yield importlib.import_module
    finally:
        sys.path.remove(str(BENCHMARKS))


@pytest.mark.parametrize(
    ("script", "args", "expected"),
    [
        ("sensitivity", ["--trajectories", "1", "--replicates", "2", "--bootstrap", "2"],
         ["P(nuclear_signal)", "dummy.reseed", "Knobs below the noise floor"]),
        ("turn_length", ["--replicates", "2"], ["7-day (26 turns)", "14-day (13 turns)"]),
        ("move_effects", ["--replicates", "2"], ["supply_arms", "world differs"]),
        ("front", ["--replicates", "3"], ["Losses against replenishment", "Collapse of a side"]),
        ("escalation_checks", ["--replicates", "3"],
         ["Risk tolerance", "closed form", "cautious", "strikes_on_territory"]),
    ],
)  # fmt: skip
def test_script_prints_its_table(bench, capsys, script, args, expected):
    bench(script).main(args)
    out = capsys.readouterr().out
    for text in expected:
        assert text in out


@pytest.mark.slow
def test_replicates_10k_times_a_tree(bench, capsys):
    tree = str(BENCHMARKS.parent)
    bench("replicates_10k").main(
        ["--trees", tree, tree, "--replicates", "4", "--repeats", "1", "--mode", "chunk"]
    )
    assert "cpu / " in capsys.readouterr().out


def test_knob_ranges_prefer_the_registry(bench):
    @dataclass
    class Knobs:
        name: str = "x"
        declared: float = 2.0
        fallback: float = 0.4
        described: float = field(default=1.0, metadata={"plausible": (0.5, 3.0), "doc": "d"})

    ranges = {n: (lo, hi) for n, _, lo, hi, _ in bench("bench_common").knob_ranges(Knobs)}
    assert ranges["described"] == (0.5, 3.0)  # from the metadata
    assert ranges["fallback"] == pytest.approx((0.2, 0.6))  # half to one and a half times
    assert "name" not in ranges  # a string is a choice, not a knob


def test_common_random_numbers(bench):
    common = bench("bench_common")
    assert common.replicate_seeds(3) == common.replicate_seeds(3)
    assert len(set(common.replicate_seeds(50))) == 50
