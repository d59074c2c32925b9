"""A state's own services are the state, never a group (sim/seeding/state_names.py)."""

from __future__ import annotations

import pytest

from sim.seeding.gazetteer import standard_gazetteer
from sim.seeding.groups import with_document_groups
from sim.seeding.state_names import bare_service, state_military


def introduced(text: str) -> dict[str, str]:
    """Name -> actor id for every name the text adds to the gazetteer."""
    base = standard_gazetteer()
    gaz = with_document_groups(text, base)
    return {n: a for n, (a, _) in gaz.aliases.items() if n not in base.aliases}


@pytest.mark.parametrize(
    ("text", "added"),
    [
        # a service with no state named is some state's military: no group of its own
        ("The Armed Forces named three new generals, the minister said.", {}),
        ("As commander of the Armed Forces, the president signed the order.", {}),
        ("A spokesman for the Navy said two ships were damaged.", {}),
        ("Jets of the French Air and Space Force flew over the capital.", {}),
        ("The U.S. Space Force tracked the launch.", {}),
        # a service "of" a state is that state
        ("A brigade of the Armed Forces of the Russian Federation moved north.", {}),
        ("The Armed Forces of the Philippines (AFP) said it repelled the attack.",
         {"AFP": "philippines"}),
        # "Military Forces" is a service too; "People's" stands inside a name (a navy of a
        # state's army, named with its acronym, is the state)
        ("Earlier today, U.S. Military Forces conducted a strike on a boat.", {}),
        ("Two People's Liberation Army Navy (PLAN) frigates shadowed the convoy.",
         {"PLAN": "china"}),
        ("The People's Defence Forces (PDF) attacked the junta's post.",
         {"PDF": "pdf", "People's Defence Forces": "pdf"}),
        # must not fire: a possessive before a name is its owner, not part of it
        ("Sudan's Rapid Support Forces (RSF) took the town.", {}),
        ("Haftar's Libyan National Army (LNA) advanced.",
         {"LNA": "lna", "Libyan National Army": "lna"}),
        # must not fire: groups whose names only begin like a service
        ("The Army of Conquest attacked the town.", {"Army of Conquest": "army_of_conquest"}),
        ("Fighters of the Arakan Liberation Army (ALA) attacked.", {"ALA": "ala",
                                                                  "Arakan Liberation Army": "ala"}),
    ],
)  # fmt: skip
def test_services_named_without_or_with_their_state(text, added):
    assert introduced(text) == added


@pytest.mark.parametrize(
    ("name", "state"),
    [
        ("Armed Forces of the Russian Federation", "russia"),
        ("Armed Forces of Ukraine", "ukraine"),
        ("Sudanese Armed Forces", "sudan"),
        ("French Air and Space Force", "france"),
        ("U.S. Military Forces", "united_states"),
        ("People's Liberation Army Navy", "china"),
        ("Army of Conquest", None),  # no state after "of"
        ("Armed Forces of National Liberation", None),  # a movement's name, no state
    ],
)
def test_state_military(name, state):
    found = state_military(name, standard_gazetteer())
    assert (found[0] if found else None) == state


@pytest.mark.parametrize(
    ("name", "bare"),
    [("Armed Forces", True), ("the Army", True), ("Navy", True), ("Coast Guard", True),
     ("Arakan Army", False), ("Armed Forces of Ukraine", False), ("Rapid Support Forces", False)],
)  # fmt: skip
def test_bare_service(name, bare):
    assert bare_service(name) is bare
