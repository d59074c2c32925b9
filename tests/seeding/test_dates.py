"""The start date: dateline, the day the lead reports, and the fallbacks said out loud."""

from __future__ import annotations

import datetime as dt

import pytest

from sim.seeding.dates import date_of
from sim.seeding.text import parse_document


def start(text: str, name: str = "doc.txt") -> dt.date:
    return date_of(parse_document(text.encode(), name)).date


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Headline here\n\nSEOUL, Oct 31, 2024 (Reuters) - North Korea fired a missile, "
         "officials said.", dt.date(2024, 10, 31)),
        ("Headline here\n\nSEOUL, Oct 31 (Reuters) - North Korea fired a missile on Thursday.\n"
         "Published October 31, 2024", dt.date(2024, 10, 31)),
        ("Headline\n\nJERUSALEM, April 14, 2024 (Wire) - Iran launched drones late on Saturday, "
         "the military said.", dt.date(2024, 4, 13)),
        ("Headline\n\nKYIV, Nov 5, 2024 (AP) — Officials said the troops arrived last week.",
         dt.date(2024, 10, 29)),
        ("Headline\n\nPARIS, 3 March 2025 - France said yesterday it would act.",
         dt.date(2025, 3, 2)),
        ("Russia and Ukraine met on 12 January 2024 in Geneva, officials said.",
         dt.date(2024, 1, 12)),
    ],
)  # fmt: skip
def test_start_dates(text, expected):
    assert start(text) == expected


def test_without_a_date_the_file_name_dates_the_document_and_says_so():
    d = date_of(parse_document(b"Russia attacked Ukraine, officials said.", "2024-10_x.txt"))
    assert d.date == dt.date(2024, 10, 1) and d.source.startswith("assumption: ")


def test_without_any_date_it_is_today_and_said_so():
    d = date_of(parse_document(b"Russia attacked Ukraine, officials said.", "x.txt"))
    assert d.date == dt.date.today() and "seeded today" in d.source


def test_an_abbreviated_month_does_not_end_the_dateline_sentence():
    text = "Headline\n\nSEOUL, Oct. 31, 2024 (AP) — North Korea fired a missile on Thursday."
    doc = parse_document(text.encode(), "x.txt")
    assert len(doc.sentences) == 2
    assert date_of(doc).date == dt.date(2024, 10, 31)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # "a day after" in the lead: the day before the lead's day
        ("Rebels cross river\n\nGOMA, March 9, 2025 (Wire) - Government troops shelled rebel positions "
         "on Sunday, a day after the insurgents seized a bridge near the town, officials said.",
         dt.date(2025, 3, 8)),
        # the earliest day the lead gives
        ("Embassy row\n\nLIMA, May 4, 2025 (Wire) - Peru expelled Bolivia's ambassador on Sunday after "
         "protesters set fire to its consulate late on Friday, the foreign ministry said.",
         dt.date(2025, 5, 2)),
        # a day told in a relative clause is background
        ("Truce breaks down\n\nTRIPOLI, June 12, 2025 (Wire) - Rival militias fought in the capital on "
         "Thursday in defiance of a truce that took effect on Monday, residents said.",
         dt.date(2025, 6, 12)),
        # what "broke out" on a day starts the crisis, even in the second sentence
        ("Border clashes\n\nDUSHANBE, Aug 15, 2025 (Wire) - Two soldiers were killed, the ministry said "
         "on Friday.\nThe fighting broke out on Tuesday near a disputed water intake.",
         dt.date(2025, 8, 12)),
        # a weekday without "on", as American copy writes it; not a coming day
        ("Ceasefire call\n\nBAKU, Sept 21, 2023 (AP) - The ministry said Wednesday that the "
         "operation would end by Friday.", dt.date(2023, 9, 20)),
        ("Strikes\n\nNEW DELHI (Wire) - India fired missiles at nine sites in the early hours of "
         "May 7, officials said.\n\nPublished May 8, 2025", dt.date(2025, 5, 7)),
        # what "took place" on a day is the event, even in a relative clause; a headline with a
        # full stop is still the headline
        ("Soldiers hurt in border attack, army says.\n\nPARAMARIBO (Wire) - Three soldiers were "
         "wounded by gunmen from across the river, the army said.\nOne is in critical condition "
         "after the ambush that took place on Monday, officials said.\n\nPublished March 4, 2025",
         dt.date(2025, 3, 3)),
        # "last week" counts only when the sentence names no day
        ("Convoy to resume\n\nMANILA, Nov 21, 2025 (Wire) - The minister said on Friday the "
         "convoy will resume, after it was blocked last week by the coast guard.",
         dt.date(2025, 11, 21)),
        # "that" after a verb of saying opens what was said, not a relative clause
        ("Strike\n\nKYIV, Oct 30, 2025 (Wire) - The governor said that drones hit a depot on Tuesday.",
         dt.date(2025, 10, 28)),
    ],
)  # fmt: skip
def test_the_start_is_the_day_the_lead_reports(text, expected):
    assert start(text) == expected


@pytest.mark.parametrize(
    "line",
    ["Posted 2025-10-31T10:21:00Z", "Published October 31st, 2025", "Fri 31 Oct 2025 10.21 GMT"],
)
def test_publication_dates_as_sites_write_them(line):
    text = f"Missile test\n\n{line}\n\nNorth Korea fired a missile, the military said."
    assert start(text) == dt.date(2025, 10, 31)


def test_a_dateline_without_a_date_takes_the_published_line_not_a_date_in_the_body():
    text = ("Missile test\n\nSEOUL, South Korea (AP) — North Korea fired a missile on Thursday, "
            "its first launch since September 19, 2024, the military said.\n\n"
            "Published 3:25 AM EDT, October 31, 2025")  # fmt: skip
    assert start(text) == dt.date(2025, 10, 30)


def test_a_dateline_without_a_year_says_which_year_it_assumed():
    text = (
        "Strike\n\nKYIV, Oct 31 (Reuters) - Russian missiles hit Kyiv on Tuesday, officials said."
    )
    named = date_of(parse_document(text.encode(), "2024-10_kyiv.txt"))
    assert named.date == dt.date(2024, 10, 29)
    assert named.source.startswith("assumption: ") and "file name" in named.source
    bare = date_of(parse_document(text.encode(), "kyiv.txt"))
    assert (bare.date.month, bare.date.weekday()) == (10, 1) and "assumed" in bare.source


@pytest.mark.parametrize(
    ("text", "expected", "why"),
    [
        # a day in the lead, its year the first after the latest month the text places events in
        (
            "North Korea fires ICBM\n\nNorth Korea test-fired a new intercontinental ballistic "
            "missile on October 31, its first launch since December 2023, Seoul's military said.",
            dt.date(2024, 10, 31),
            "December 2023",
        ),
        (
            "Azerbaijan launches offensive\n\nAzerbaijan launched what it called anti-terrorist "
            "operations in Karabakh on September 19, the defence ministry said. The region's forces "
            "have been blockaded since December 2022.",
            dt.date(2023, 9, 19),
            "December 2022",
        ),
        # a day told in a relative clause is background; the lead's own day is taken
        (
            "Clashes resume\n\nTroops exchanged fire on March 4 near the border, which had been calm "
            "since a truce that took effect on January 9, in 2021.",
            dt.date(2021, 3, 4),
            "2021",
        ),
    ],
)
def test_a_day_without_a_year_and_no_dateline_starts_the_draft(text, expected, why):
    found = date_of(parse_document(text.encode(), "wire.txt"))
    assert found.date == expected
    assert found.source.startswith("assumption:") and why in found.source


def test_a_day_without_any_year_is_the_latest_such_day_said_as_an_assumption():
    found = date_of(
        parse_document(b"Strikes\n\nJets struck the port on March 2, it said.", "w.txt")
    )
    today = dt.date.today()
    assert found.date <= today and (found.date.month, found.date.day) == (3, 2)
    assert today - found.date < dt.timedelta(days=366)
    assert "latest such day assumed" in found.source


def test_the_file_name_gives_the_year_of_a_day_without_one():
    assert start("Strikes\n\nJets struck the port on March 2, officials said.",
                 "2019-03_port.txt") == dt.date(2019, 3, 2)  # fmt: skip


def test_a_day_something_lasts_until_is_not_the_start():
    text = ("Turkey extends survey\n\nTurkey said its survey ship would work in disputed waters "
            "until August 23. Greek and Turkish warships collided on August 12 near Crete, the "
            "worst incident since 2020.")  # fmt: skip
    assert start(text, "w.txt") == dt.date(2020, 8, 12)


@pytest.mark.parametrize(
    ("text", "published", "expected"),
    [
        # a dateline without a year takes the year of the publication date given with --date
        ("Drone crash\n\nNICOSIA, Mar 3 - Cyprus said on Tuesday that a drone had crashed near "
         "the buffer zone.", dt.date(2021, 3, 4), dt.date(2021, 3, 2)),
        # ... the year before when the dispatch is of the last days of December
        ("Strike\n\nKYIV, Dec 31 - Russian drones hit the port overnight, officials said.",
         dt.date(2024, 1, 1), dt.date(2023, 12, 31)),
        # a full date only in the body is background: the lead's weekday counts from --date
        ("Strike in Beirut\n\nIsrael said it killed a Hezbollah commander in Beirut on Friday. "
         "It blamed him for the October 8, 2023 rocket fire on its north.",
         dt.date(2024, 7, 5), dt.date(2024, 7, 5)),
        # ... but a publication line still dates the document
        ("Missile test\n\nPublished October 31, 2024\n\nNorth Korea fired a missile on "
         "Thursday, the military said.", dt.date(2024, 11, 2), dt.date(2024, 10, 31)),
    ],
)  # fmt: skip
def test_the_publication_date_given_with_date_dates_what_the_text_leaves_open(
    text, published, expected
):
    assert date_of(parse_document(text.encode(), "doc.txt"), published).date == expected


@pytest.mark.parametrize(
    ("text", "published", "expected"),
    [
        # a dateline with no place before its day, and one in title case on a line of its own
        ("Rocket hits farm\n\nNov. 15 (Wire) — Officials said a rocket struck a farm near the "
         "border Tuesday afternoon, killing two.", None, dt.date(2022, 11, 15)),
        ("News Service\n\nA Reporter\n\nNew Delhi, March 3\n\nThe minister on Tuesday told "
         "parliament that troops had clashed.", dt.date(2020, 3, 3), dt.date(2020, 3, 3)),
        # a lead that is a paragraph of one sentence is no headline: its day counts
        ("SEOUL: North Korea fired a missile over Japan on Tuesday, prompting alerts.\n\n"
         "Japan condemned the launch.", dt.date(2022, 10, 5), dt.date(2022, 10, 4)),
        ("On Friday morning, three foreign fighter jets entered the country's airspace without "
         "permission and stayed there for nearly twelve minutes.\n\nThe ministry protested.",
         dt.date(2025, 9, 22), dt.date(2025, 9, 19)),
        # a dateline on a line of its own: the lead after it, not the summary above it
        ("The army reported that it clashed with a rebel group. The fighting left two soldiers "
         "dead.\n\nSan Pedro (Wire)\n\nTwo soldiers were killed in clashes on Sunday, the army "
         "said in a statement on Monday.", dt.date(2021, 3, 22), dt.date(2021, 3, 21)),
    ],
)  # fmt: skip
def test_leads_and_datelines_as_real_pages_write_them(text, published, expected):
    found = date_of(parse_document(text.encode(), "doc.txt"), published)
    if published is None:  # the year only from the lead's weekday: the latest that fits
        assert (found.date.month, found.date.day) == (expected.month, expected.day)
        assert found.date <= dt.date.today() and found.date.weekday() in (1, 2, 3)
    else:
        assert found.date == expected


def test_the_lead_s_weekday_places_a_day_without_a_year_said_out_loud():
    """A day without a year in a year where it is none of the lead's weekday and the two days
    after it moves to the latest year in which it is the lead's weekday."""
    text = "Rocket hits farm\n\nNov. 15 (Wire) — A rocket struck a farm Tuesday, officials said."
    found = date_of(parse_document(text.encode(), "doc.txt"))
    today = dt.date.today()
    latest = dt.date(today.year if (today.month, today.day) >= (11, 15) else today.year - 1, 11, 15)
    if latest.weekday() in (1, 2, 3):
        assert found.date == latest and "latest such day assumed" in found.source
    else:
        assert found.date.weekday() == 1 and "fell on the Tuesday the lead names" in found.source
    assert found.source.startswith("assumption:")


@pytest.mark.parametrize(
    "text",
    [
        # two weekdays in the lead: neither places the year
        "Clash\n\nNov. 15 (Wire) — Troops clashed on Monday and again on Thursday, it said.",
        # a year the text places events in decides, not the weekday
        "Clash\n\nTroops clashed on November 15 near the border, the worst since 2019. "
        "The army said on Monday it had withdrawn.",
    ],
)
def test_the_lead_s_weekday_does_not_place_the_year_when(text):
    found = date_of(parse_document(text.encode(), "doc.txt"))
    assert "the lead names" not in found.source


def test_a_text_that_dates_nothing_says_so_and_asks_for_the_page_s_date():
    named = date_of(parse_document(b"Strike\n\nJets struck the port on Monday, it said.", "x.txt"))
    assert named.date == dt.date.today() and "seeded today" in named.source
    assert "'Monday'" in named.source and "--date" in named.source
    bare = date_of(parse_document(b"Strike\n\nJets struck the port, it said.", "x.txt"))
    assert "seeded today" in bare.source and "--date" not in bare.source


def test_a_city_and_day_on_a_line_deep_in_the_text_is_no_dateline():
    filler = "".join(f"Officials gave detail number {i} of the strike.\n\n" for i in range(8))
    text = f"Strike\n\nDrones hit the port on Monday, officials said.\n\n{filler}Kyiv, March 3\n"
    found = date_of(parse_document(text.encode(), "doc.txt"), dt.date(2025, 6, 11))
    assert found.date == dt.date(2025, 6, 9)
