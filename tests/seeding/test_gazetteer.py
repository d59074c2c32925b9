"""Armed groups a wire reader meets, as the gazetteer names them (data/gazetteer.yaml)."""

from __future__ import annotations

import pytest

from sim.seeding.gazetteer import standard_gazetteer
from sim.seeding.mentions import find_mentions
from sim.seeding.text import parse_document


def mentioned(text: str) -> set[str]:
    doc = parse_document(text.encode(), "t.txt")
    return {m.actor for m in find_mentions(doc, standard_gazetteer())}


@pytest.mark.parametrize(
    ("text", "actors"),
    [
        ("Anti-balaka fighters and ex-Seleka units fought near Bossangoa.",
         {"seleka", "anti_balaka"}),
        ("Former Seleka rebels clashed with Anti-Balaka fighters near Bossangoa.",
         {"seleka", "anti_balaka"}),
        ("Burundi said Rwanda was backing the RED-Tabara rebels.", {"burundi", "rwanda",
                                                                   "red_tabara"}),
        ("Fighters of Red Tabara ambushed a convoy in the hills.", {"red_tabara"}),
        # must not fire: the words in other senses
        ("The anti-ballistic shield and the tabard were shown.", set()),
        ("The red tabara flag was not seen.", set()),  # lower case: no name
    ],
)  # fmt: skip
def test_armed_groups_of_central_africa(text, actors):
    assert mentioned(text) == actors


def test_new_ids_and_aliases_collide_with_no_other_actor():
    gaz = standard_gazetteer()
    for aid in ("seleka", "anti_balaka", "red_tabara"):
        assert gaz.actors[aid].kind == "armed_group"
        names = [n for n, (a, _) in gaz.aliases.items() if a == aid]
        assert names and all(gaz.aliases[n][0] == aid for n in names)


@pytest.mark.parametrize(
    ("text", "actor"),
    [
        # the region's full name with its state, and its acronym: the known region, not a new
        # group the acronym introduces
        ("Turkish shelling hit a village in Duhok, Kurdistan Region of Iraq (KRI), on Monday. "
         "Most of the dead came from outside the KRI.", "kurdistan_region"),
        ("The KRI's interior ministry said the shells fell near Amadiya.", "kurdistan_region"),
    ],
)  # fmt: skip
def test_kurdistan_region_of_iraq(text, actor):
    from sim.seeding.extract import extract

    ex = extract(parse_document(text.encode(), "t.txt"))
    named = set(ex.actors) | set(ex.passing)
    assert actor in named and "kri" not in named
    assert {m.actor for m in ex.mentions if text[m.start : m.end].startswith("KRI")} == {actor}


@pytest.mark.parametrize(
    ("text", "actors"),
    [
        # capitals that stand for their states (a state's capital is its metonym)
        ("Freetown said on Monday the curfew would stay.", {"sierra_leone"}),
        ("San Salvador said on Monday it would expel the envoy.", {"el_salvador"}),
        ("Bern froze the assets on Monday, officials said.", {"switzerland"}),
        # must not fire: the words alone in other senses
        ("The bernese mountain dog and the salvador sauce were sold.", set()),
    ],
)  # fmt: skip
def test_capitals_as_metonyms(text, actors):
    assert mentioned(text) == actors
