"""Finding actors: names, demonyms, metonyms, groups and office holders, and what is not one."""

from __future__ import annotations

import pytest

from sim.seeding.extract import extract
from sim.seeding.gazetteer import standard_gazetteer
from sim.seeding.mentions import find_mentions
from sim.seeding.text import parse_document


def actors_in(text: str) -> list[str]:
    doc = parse_document(text.encode(), "t.txt")
    return [m.actor for m in find_mentions(doc, standard_gazetteer())]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("North Korean troops arrived and Pyongyang said so.", ["north_korea", "north_korea"]),
("The Kremlin and the Pentagon traded words; Washington said so.",
         ["russia", "united_states", "united_states"]),
        ("Tokyo lodged a protest with diplomats in Beijing.", ["japan"]),
        ("The U.S. and the UK met in the Indian Ocean.", ["united_states", "united_kingdom"]),
        ("Brazil and Germany talked to Georgia about the weather.", ["brazil", "germany"]),
        ("Chad hit Boko Haram near Lake Chad.", ["chad", "boko_haram"]),
        ("Western-supplied weapons reached Kyiv.", ["west", "ukraine"]),
        ("A Russia-North Korea pact was signed by the two.", ["russia", "north_korea"]),
        # British copy writes acronyms said as words in title case
        ("Nato will send ships after Ecowas met in Abuja.", ["nato", "ecowas"]),
        ("The Royal Air Force struck radar sites, the RAF said.",
         ["united_kingdom", "united_kingdom"]),
        # peacekeeping missions are their organisation's; descriptions of a bloc name it
        ("KFOR and UNIFIL troops watched as the West African regional bloc met.",
         ["nato", "united_nations", "ecowas"]),
        ("The SDF fought HTS and Qassam Brigades fighters.", ["sdf", "hts", "hamas"]),
        ("The IDF said the Islamic Republic had fired at the Jewish state.",
         ["israel", "iran", "israel"]),
        # regional bodies, missions and armed groups the news names without introducing them
        ("SAMIM troops and the ECCAS force met as MINURSO watched.",
         ["sadc", "eccas", "united_nations"]),
        ("Turkish jets struck PKK targets, and the BLA and ISIS-K claimed attacks.",
         ["turkey", "pkk", "bla", "islamic_state_khorasan"]),
        # a dateline's hyphenated city holds no acronym
        ("PORT-AU-PRINCE, June 25 (Wire) - Kenyan police arrived in Haiti.", ["kenya", "haiti"]),
        # a state's commands, services and press wing under their own names
        ("CENTCOM said the FAMa and the Tatmadaw bought drones, the ISPR and the SBU said.",
         ["united_states", "mali", "myanmar", "pakistan", "ukraine"]),
    ],
)  # fmt: skip
def test_aliases_demonyms_metonyms(text, expected):
    assert actors_in(text) == expected


def test_office_holders_are_bound_through_their_title():
    text = (
        "NATO Secretary-General Mark Rutte spoke today about the war. In the United States, "
        "President Joe Biden was worried. Secretary of State Antony Blinken flew to Seoul. "
        "Rutte noted that talks go on."
    )
    doc = parse_document(text.encode(), "t.txt")
    found = {(text[m.start : m.end], m.actor) for m in find_mentions(doc, standard_gazetteer())}
    assert ("Secretary-General Mark Rutte", "nato") in found
    assert ("President Joe Biden", "united_states") in found
    assert ("Secretary of State Antony Blinken", "united_states") in found
    assert ("Rutte", "nato") in found


def test_groups_are_not_actors_of_their_own():
    ex = extract(parse_document(b"Russia blamed the West and Western nations for it.", "t"))
    assert list(ex.actors) == ["russia"]


def test_office_holders_take_linear_time_on_a_large_document():
    """4,000 distinct office holders in a 390 kB text: the quadratic lookup took about 45 s
    on the development machine, the indexed one well under a second."""
    import itertools
    import string
    import time

    caps = string.ascii_uppercase
    people = [f"{a}{b.lower()}{c.lower()}o {d}{e.lower()}ski" for a, b, c, d, e in
              itertools.islice(itertools.product(caps, repeat=5), 4000)]  # fmt: skip
    text = "\n".join(f"Russian Foreign Minister {p} met Ukraine's envoy on Monday. "
                     f"{p.split()[-1]} said talks would go on." for p in people)  # fmt: skip
    doc = parse_document(text.encode(), "large.txt")
    t0 = time.perf_counter()
    found = find_mentions(doc, standard_gazetteer())
    elapsed = time.perf_counter() - t0
    assert [m.actor for m in found[:4]] == ["russia", "russia", "ukraine", "russia"]
    assert len(found) == 4 * len(people)
    assert elapsed < 10, elapsed


def test_titles_read_like_a_news_reader():
    text = ("BOGOTA, Jan 20 (Wire) - Iraq's caretaker Prime Minister Adel Abdul Mahdi said that "
            "the talks were over. Defence Minister Pedro Sanchez told reporters that it was "
            "time for the army to act. President Donald Trump said that he was not worried by "
            "the news. Abu Mahdi al-Muhandis was killed in the attack. Colombia agreed with "
            "the plan.")  # fmt: skip
    doc = parse_document(text.encode(), "t.txt")
    found = {text[m.start : m.end]: m.actor for m in find_mentions(doc, standard_gazetteer())}
    assert found["Prime Minister Adel Abdul Mahdi"] == "iraq"  # possessive and an adjective
    assert found["Defence Minister Pedro Sanchez"] == "colombia"  # a minister: the dateline's
    # a president named alone is not the host's; the table of leaders knows him
    assert found["President Donald Trump"] == "united_states"
    assert "Mahdi" not in found  # a surname inside another person's name


def test_people_stand_for_their_state_as_the_press_names_them():
    text = ("Ukrainian President Volodymyr Zelenskiy said Russia attacked. Zelensky later spoke. "
            "North Korean leader Kim Jong-un watched the launch, and Kim said more would come. "
            "U.S. President Joseph R. Biden spoke, and Biden warned. British PM Rishi Sunak said "
            "so. Turkish Interior Minister Ali Yerlikaya said Yerlikaya agreed.")  # fmt: skip
    doc = parse_document(text.encode(), "t.txt")
    found = {(text[m.start : m.end], m.actor) for m in find_mentions(doc, standard_gazetteer())}
    assert {("Zelensky", "ukraine"), ("Biden", "united_states"), ("Yerlikaya", "turkey"),
            ("PM Rishi Sunak", "united_kingdom")} <= found  # fmt: skip
    assert {("leader Kim Jong-un", "north_korea"), ("Kim", "north_korea")} <= found
