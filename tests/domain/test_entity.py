"""Every value of a scenario entity names its source; unknown keys are refused; entities are frozen.

A small entity stands in for the real ones (actors, forces, ...), so each rule of ``Sourced``
is one row here: what is given, and the error it must raise (or none).
"""

import pytest
from pydantic import ValidationError

from sim.domain.entity import Probability, Sourced


class Unit(Sourced):
    strength: float = 0.0
    risk: Probability = 0.5


@pytest.mark.parametrize(
    ("given", "error"),
    [
        ({}, None),  # nothing set, nothing to source
        ({"strength": 5, "source": "assumption: a test"}, None),  # source covers every field
        ({"strength": 5, "sources": {"strength": "a quote"}}, None),  # or a field its own
        ({"strength": 5}, "no source for strength: add `source:`"),
        ({"strength": 5, "risk": 0.2, "sources": {"risk": "a quote"}}, "no source for strength"),
        (
            {"sources": {"speed": "a quote"}},
            "sources names unknown field(s) speed; fields are risk, strength",
        ),
        (
            {"strength": 5, "source": "ok"},
            "source: a source must be a quote or 'assumption: <reason>' of at least 3",
        ),
        ({"strength": 5, "sources": {"strength": "  "}}, "sources.strength: a source must be"),
        ({"strenght": 5, "source": "a quote"}, "Extra inputs are not permitted"),
        ({"risk": 1.5, "source": "a quote"}, "less than or equal to 1"),
    ],
)
def test_sourced_rules(given, error):
    if error is None:
        Unit(**given)
    else:
        with pytest.raises(ValidationError) as err:
            Unit(**given)
        assert error in str(err.value)


def test_entities_are_frozen():
    unit = Unit(strength=5, source="assumption: a test")
    with pytest.raises(ValidationError):
        unit.strength = 6  # type: ignore[misc]
