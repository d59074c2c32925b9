"""Armed groups the text does not name (``sim/seeding/unnamed_groups.py``), and how the
benchmark matches them to a key's label (``evaluate._same_actor``). Sentences composed in the
style of wire copy.
"""

from __future__ import annotations

import pytest

from sim.seeding.evaluate import _same_actor
from sim.seeding.extract import extract
from sim.seeding.text import parse_document


def extracted(text: str):
    return extract(parse_document(text.encode(), "t.txt"))


def wars(text: str) -> set[tuple[str, ...]]:
    return {tuple(sorted(f.parties)) for f in extracted(text).findings if f.kind == "war"}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("KAMPALA, Jan 16 (Wire) - Ugandan troops are fighting alongside government forces "
         "against rebels north of Juba, the army said.", {("rebels", "uganda")}),
        ("CARACAS, March 22 (Wire) - Venezuelan soldiers clashed with an unidentified armed "
         "group near the border on Sunday, the defence minister said.",
         {("armed_group", "venezuela")}),
        ("PARIS, Jan 16 (Wire) - French warplanes bombed the Islamists for a sixth day on "
         "Wednesday, the defence ministry said.", {("france", "islamists")}),
        # the same actor for every mention
        ("KAMPALA, Jan 16 (Wire) - Ugandan troops attacked rebels near Bor. The rebels fired "
         "back at the Ugandan positions, officials said.", {("rebels", "uganda")}),
        # a named group: the noun is that group, no actor of its own
        ("SANAA, Jan 12 (Wire) - U.S. jets struck Houthi rebels near the port. The rebels fired "
         "missiles at a U.S. destroyer, officials said.", {("houthis", "united_states")}),
        # armed smugglers who exchange fire with border guards are a side too
        ("RABAT, May 3 (Wire) - Moroccan border police exchanged fire with armed smugglers in "
         "the desert overnight, officials said.", {("morocco", "smugglers")}),
        ("HANOI, May 3 (Wire) - Vietnamese patrol boats attacked a camp of smugglers on the "
         "river, the navy said.", {("smugglers", "vietnam")}),
        # must not fire: smugglers only talked about, or a named group's
        ("RABAT, May 3 (Wire) - Morocco said smugglers had grown more daring, and its police "
         "would stay in the desert.", set()),
        ("BEIRUT, May 3 (Wire) - Israeli jets struck Hezbollah smugglers in the valley, "
         "officials said.", {("hezbollah", "israel")}),
        # no event, no actor: rebels only talked about
        ("KAMPALA, Jan 16 (Wire) - Uganda said the rebels had no support among the people, and "
         "its troops would stay.", set()),
    ],
)  # fmt: skip
def test_an_unnamed_side_of_the_fighting_is_an_actor(text, expected):
    assert wars(text) == expected


def test_a_sentence_end_is_no_part_of_a_group_s_name():
    ex = extracted("BAMAKO, Jan 18 (Wire) - Troops from Nigeria are expected in Niger. Forces "
                   "from Chad will follow, officials said.")  # fmt: skip
    assert "niger_forces" not in ex.gazetteer.actors


def test_a_key_labels_an_unnamed_group_as_it_likes():
    ex = extracted("KAMPALA, Jan 16 (Wire) - Ugandan troops are fighting alongside government "
                   "forces against rebels north of Juba, the army said.")  # fmt: skip
    gold = {"actors": ["uganda", "south_sudan", "south_sudan_rebels"]}
    assert _same_actor(ex.gazetteer, gold)["rebels"] == "south_sudan_rebels"
    # two key actors that could be it: no guess
    gold = {"actors": ["uganda", "south_sudan_rebels", "adf_rebels"]}
    assert "rebels" not in _same_actor(ex.gazetteer, gold)
