"""History files: the shipped Kursk file loads; each kind of mistake is named."""

from __future__ import annotations

from pathlib import Path

import pytest

from sim.analysis.history import HistoryError, load_history
from tests.analysis.toolkit_fixtures import HISTORY, write_history

KURSK = Path(__file__).parents[2] / "scenarios" / "kursk_2024.history.yaml"


def test_shipped_kursk_history_is_valid_and_held_out():
    h = load_history(KURSK)
    assert str(h.as_of) == "2024-11-30"
    assert all(o.date <= h.as_of and o.source for o in h.observations)
    kinds = {o.kind for o in h.observations}
    assert kinds == {"milestone", "event", "theatre"}
    assert {o.happened for o in h.observations} == {True, False}


def test_the_held_out_months_begin_where_the_calibration_history_ends():
    """The held-out file (Dec 2024 - Apr 2025) observes only what came after the calibration
    history's as_of, and only what a 26-week run of the scenario can show."""
    import datetime as dt

    from sim.domain.scenario_io import load_scenario

    later = load_history(KURSK.with_name("kursk_2024.held_out.history.yaml"))
    earlier = load_history(KURSK)
    assert all(earlier.as_of < o.date <= later.as_of for o in later.observations)
    world = load_scenario(KURSK.with_name("kursk_2024.yaml"))
    assert later.as_of < world.start_date + dt.timedelta(weeks=26)
    assert {o.happened for o in later.observations} == {True, False}


def test_fixture_parses(tmp_path):
    h = load_history(write_history(tmp_path / "h.yaml"))
    obs = {o.id: o for o in h.observations}
    assert obs["signal_at_ukraine"].events == ("nuclear_signal", "strike_territory")
    assert obs["kursk_held"].above == 0.5 and obs["kursk_held"].below is None


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (("    source: Reuters, 13 Nov 2024\n", ""), r"prk_fights\.source is required"),
        (("date: 2024-11-13", "date: 2024-12-13"), r"is after as_of = 2024-11-30"),
        (("date: 2024-11-13", "date: 13/11/2024"), r"must be a date YYYY-MM-DD"),
        (("happened: false", "happened: maybe"), r"happened must be true or false"),
        (("above: 0.5", "above: 5"), r"above = 5 must be a number in \[0, 1\]"),
        (
            ("    milestone: nuclear_use\n", "    milestone: nuclear_use\n    theatre: kursk\n"),
            r"exactly one observable",
        ),
        (
            (
                "    actor: russia\n    happened: true\n    date: 2024-11-11",
                "    actor: russia\n    happend: true\n    date: 2024-11-11",
            ),
            r"unknown field\(s\) \['happend'\]; allowed for a event observation: actor, date",
        ),
    ],
)
def test_mistakes_are_named(tmp_path, change, message):
    old, new = change
    assert old in HISTORY
    path = write_history(tmp_path / "h.yaml", HISTORY.replace(old, new, 1))
    with pytest.raises(HistoryError, match=message) as err:
        load_history(path)
    assert str(path) in str(err.value) and "\n" not in str(err.value)


def test_unreadable_files(tmp_path):
    with pytest.raises(HistoryError, match="cannot read"):
        load_history(tmp_path / "missing.yaml")
    with pytest.raises(HistoryError, match="not valid YAML"):
        load_history(write_history(tmp_path / "bad.yaml", "as_of: [\n"))
