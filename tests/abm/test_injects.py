"""When an inject is due: by its date within the turn, by its turn number, or by its condition."""

import datetime as dt

import pytest

from sim.abm.injects import is_due
from sim.domain.scenario import Inject

A = "assumption: test"
START, END = dt.date(2024, 11, 1), dt.date(2024, 11, 8)  # turn 3 runs from START to END


def never(when, actor):
    raise AssertionError("a condition was tested for an inject with no `when`")


@pytest.mark.parametrize(
    ("trigger", "due"),
    [
        ({"date": START}, True),  # the turn's first day
        ({"date": dt.date(2024, 11, 7)}, True),
        ({"date": END}, False),  # the next turn's first day
        ({"date": dt.date(2024, 10, 31)}, False),  # before the turn
        ({"step": 3}, True),
        ({"step": 4}, False),
    ],
)
def test_a_date_or_a_turn_number(trigger, due):
    assert is_due(Inject(text="t", source=A, **trigger), START, END, 3, never) is due


@pytest.mark.parametrize("holds", [True, False])
def test_a_condition_is_tested_for_its_actor(holds):
    asked = []

    def test(when, actor):
        asked.append((when, actor))
        return holds

    inj = Inject(text="t", source=A, when={"at_war": None}, actor="russia")
    assert is_due(inj, START, END, 3, test) is holds
    assert asked == [({"at_war": None}, "russia")]
