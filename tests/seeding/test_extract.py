"""The whole extraction: the named-entity fallback adds only actors (sim/seeding/extract.py)."""

from __future__ import annotations

import pytest

from tests.seeding.helpers import kept_and_passing


@pytest.mark.parametrize(
    "text",
    [
        # a party's adjective is no demonym, the Group of Seven no armed group
        "Putin said he was ready for dialogue with the Republican president-elect.",
        "Biden will convene leaders of the Group of Seven major economies on Sunday.",
    ],
)
def test_entities_that_are_no_actors(text):
    kept, passing = kept_and_passing("Russia attacked Ukraine on Monday. " + text)
    assert kept | passing <= {"russia", "ukraine", "united_states"}


def test_a_place_a_group_is_based_in_is_not_the_group():
    kept, passing = kept_and_passing(
        "The Houthis fired missiles at ships on Monday. The United States struck the "
        "Yemen-based rebels on Tuesday, the Pentagon said."
    )
    assert {"houthis", "united_states"} <= kept and "yemen" in passing
