"""Leaders by name (sim/seeding/leaders.py, data/leaders.yaml): whom "Putin" or "President
Ramaphosa" speaks for."""

from __future__ import annotations

import datetime as dt

import pytest

from sim.seeding.errors import SeedingError
from sim.seeding.extract import extract
from sim.seeding.findings import CONDITIONAL
from sim.seeding.gazetteer import standard_gazetteer
from sim.seeding.leader_table import read_table
from sim.seeding.leaders import leaders
from sim.seeding.mentions import find_mentions
from sim.seeding.text import parse_document


def bound(text: str, name: str) -> str | None:
    """The actor the last mention holding ``name`` stands for, None when none holds it."""
    doc = parse_document(text.encode(), "t.txt")
    found = [m.actor for m in find_mentions(doc, standard_gazetteer())
             if name in text[m.start : m.end]]  # fmt: skip
    return found[-1] if found else None


@pytest.mark.parametrize(
    ("text", "name", "actor"),
    [
        # a full name the table lists, any spelling
        (
            "Cyril Ramaphosa told reporters on Tuesday that the talks had failed.",
            "Cyril Ramaphosa",
            "south_africa",
        ),
        (
            "Kim Jong-un oversaw the launch from a hill near the coast, state media said.",
            "Kim Jong-un",
            "north_korea",
        ),
        ("Tayyip Erdogan spoke to reporters before leaving for Baku.", "Erdogan", "turkey"),
        # a chief of staff between two the table had (a plain gap filled)
        ("Gen. Charles Brown visited the base on Monday.", "Charles Brown", "united_states"),
        # a title and a surname: the person of that office
        ("President Ramaphosa said the deployment would go ahead.", "Ramaphosa", "south_africa"),
        (
            "Prime Minister Sogavare asked for help after rioters burned shops in Honiara.",
            "Sogavare",
            "solomon_islands",
        ),
        # a surname the text introduced, later alone
        (
            "Lee Jae-myung chaired an emergency meeting. Lee said his country would respond.",
            "Lee",
            "south_korea",
        ),
        # a surname a reader knows without an introduction
        ("Putin said the West would regret its decision.", "Putin", "russia"),
        # two people of that name in office, of two states, named without a title: nobody
        ("Pedro Sanchez said the talks would resume.", "Pedro Sanchez", None),
        # ... the title tells them apart (a Colombian defence minister, a Spanish premier)
        (
            "BOGOTA, Jan 20 (Reuters) - Defence Minister Pedro Sanchez said troops had arrived.",
            "Pedro Sanchez",
            "colombia",
        ),
        # a spokesperson the table knows speaks for her state, not for the dateline's
        (
            "KYIV, March 3 (Reuters) - Foreign ministry spokeswoman Maria Zakharova said the "
            "strikes would go on.",
            "Maria Zakharova",
            "russia",
        ),
        # a former leader speaks for no state
        ("Former President Donald Trump criticised the strikes on Sunday.", "Donald Trump", None),
        # the text's year: out of office then, no state; in office, the state
        (
            "WASHINGTON, May 2, 2023 (Reuters) - Donald Trump said the talks were a disgrace.",
            "Donald Trump",
            None,
        ),
        (
            "WASHINGTON, May 2, 2019 (Reuters) - Donald Trump said the talks were a disgrace.",
            "Donald Trump",
            "united_states",
        ),
        # a surname that is someone else's too in this text, or a word, binds alone to no one
        (
            "Ahmed Saleh, a spokesman for the council, said Saleh had not been consulted.",
            "Saleh",
            None,
        ),
        ("May said talks may resume in June.", "May", None),
    ],
)
def test_leaders_bind_to_their_state(text: str, name: str, actor: str | None) -> None:
    assert bound(text, name) == actor


def threats(text: str) -> set[tuple[str, str | None]]:
    ex = extract(parse_document(text.encode(), "t.txt"))
    return {f.parties for f in ex.findings if f.modality == CONDITIONAL}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Rwandan troops shelled the camp. President Cyril Ramaphosa warned Rwanda that any "
            "attack on the peacekeepers would be treated as a declaration of war.",
            {("south_africa", "rwanda")},
        ),
        (
            "The Houthis fired two missiles at a tanker on Friday. Joe Biden said the strikes had "
            "worked. Biden threatened to order more strikes if the Houthis did not stop their "
            "attacks.",
            {("united_states", "houthis")},
        ),
        (
            "Putin vowed to retaliate against Ukraine for the attack on the bridge.",
            {("russia", "ukraine")},
        ),
    ],
)
def test_threats_of_leaders_named_by_name(text: str, expected: set) -> None:
    assert threats(text) == expected


def test_every_leader_belongs_to_an_actor_of_the_gazetteer() -> None:
    actors = standard_gazetteer().actors
    offices = {"president", "vice_president", "prime_minister", "foreign_minister",
               "defence_minister", "military", "official", "leader"}  # fmt: skip
    assert len(leaders()) >= 500
    assert len({(p.name, p.state) for p in leaders()}) == len(leaders())  # each person once
    for p in leaders():
        assert p.state in actors, p.name
        assert p.offices <= offices, p.name
        assert p.terms and all(b is None or a <= b for a, b in p.terms), p.name


def test_a_surname_used_as_a_first_name_is_nobody_s_surname():
    text = ("Petro Poroshenko called an emergency meeting. Petro said the navy would respond. "
            "Abbas Araqchi flew to Muscat, and Abbas spoke to reporters.")  # fmt: skip
    doc = parse_document(text.encode(), "t.txt")
    found = [(text[m.start : m.end], m.actor) for m in find_mentions(doc, standard_gazetteer())]
    assert ("Petro", "colombia") not in found and ("Abbas", "palestine") not in found
    assert ("Petro Poroshenko", "ukraine") in found and ("Abbas Araqchi", "iran") in found


def test_the_publication_date_given_with_date_dates_the_leaders_of_an_undated_text():
    text = b"Donald Trump said the strikes would go on until the group gave up."
    doc = parse_document(text, "t.txt")

    def trump(published):
        found = find_mentions(doc, standard_gazetteer(), published)
        return [m.actor for m in found if text[m.start : m.end] == b"Donald Trump"]

    assert trump(None) == ["united_states"]  # no year known: any term
    assert trump(dt.date(2023, 5, 2)) == []  # out of office then
    assert trump(dt.date(2019, 5, 2)) == ["united_states"]


def test_a_leader_introduced_with_title_and_adjective_is_known_by_surname_later():
    text = ("Russian President Vladimir Putin met his generals on Monday. Putin said the "
            "offensive would go on.")  # fmt: skip
    doc = parse_document(text.encode(), "t.txt")
    found = {text[m.start : m.end]: m.actor for m in find_mentions(doc, standard_gazetteer())}
    assert found["Putin"] == "russia"


@pytest.mark.parametrize(
    ("text", "name", "actor"),
    [
        # a surname several leaders share binds alone within the text's year
        ("SEOUL, June 12, 2025 (Reuters) - North Korea fired two missiles on Thursday. Lee said "
         "his country would respond.", "Lee", "south_korea"),
        # ... and not without a year
        ("North Korea fired two missiles on Thursday. Lee said his country would respond.",
         "Lee", None),
        # a leader's surname that is a month, or someone else's first name, stays a word
        ("Prime Minister Theresa May said talks would resume in May.", "May", None),
        ("President Irfaan Ali met envoys. Ali Khamenei spoke in Tehran.", "Ali", None),
    ],
)  # fmt: skip
def test_a_surname_alone_binds_only_where_it_can_mean_one_leader(text, name, actor):
    doc = parse_document(text.encode(), "t.txt")
    found = [m.actor for m in find_mentions(doc, standard_gazetteer())
             if text[m.start : m.end] == name]  # fmt: skip
    assert found == ([actor] if actor else [])


@pytest.mark.parametrize(
    ("row", "says"),
    [
        (["Jane Doe", "queen", "2001-"], "offices must be among president"),
        (["Jane Doe", "president", "since 2001"], "years must be written like 2000-2008 2012-"),
        (["Jane Doe"], "must be [full name, offices, years]"),
        (["Jane Doe", "president", "2001-", "Doe", "Dough"], "must be [full name, offices"),
    ],
)
def test_a_malformed_line_of_the_table_is_refused_with_one_message(row, says):
    with pytest.raises(SeedingError) as err:
        read_table({"leaders": {"france": [row]}})
    message = str(err.value)
    assert "\n" not in message and "sim/seeding/data/leaders.yaml: leaders.france" in message
    assert says in message


def test_a_line_under_an_unknown_actor_is_refused():
    with pytest.raises(SeedingError, match="atlantis is no actor id of the gazetteer"):
        read_table({"leaders": {"atlantis": [["Jane Doe", "president", "2001-"]]}})


def test_a_surname_two_states_people_share_stands_for_neither():
    text = ("North Korean leader Kim Jong Un watched the launch. South Korean Defence Minister "
            "Kim Yong-hyun said Seoul would respond. Kim said the army was ready.")  # fmt: skip
    doc = parse_document(text.encode(), "t.txt")
    found = [(text[m.start : m.end], m.actor) for m in find_mentions(doc, standard_gazetteer())]
    assert ("leader Kim Jong Un", "north_korea") in found
    assert ("Defence Minister Kim Yong-hyun", "south_korea") in found
    assert not [a for span, a in found if span == "Kim"]
