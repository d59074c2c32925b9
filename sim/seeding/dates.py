"""When a document speaks of: the start date of its draft.

The rule, in order:
1. The reference date is the dateline's ("SEOUL, Oct 31 (Reuters) -"; its year from the
   dateline, else from the publication date the user gives with ``--date``, else from the
   text's publication date, else an assumption said out loud: the year
   ``_undated_year`` gives, as for rule 3), else the publication date
   (a full date on a line of its own or on a "Published"/"Updated" line: "Published 3:25 AM
   EDT, October 31, 2024"), else the first full date in the text ("31 October 2024",
   "October 31, 2024", "2024-10-31").
2. The start date is the day the lead reports, counted back from the reference date ("on
   Tuesday", "late on Friday", "yesterday", "a day after"; the rule is ``lead_day``'s: a day
   something "began" or "broke out" on, else the lead's earliest day outside a relative
   clause); else the reference date itself.
3. Without a dateline or a full date, a day the text names ("on October 31", the lead's first)
   is the start; its year is an assumption said out loud (``_undated_year``: the file name's,
   else the first after the latest month or year the text places events in, else the latest
   such day on or before today, unless the one weekday the lead names is none of that day and
   the two before it (weekend copy tells of Friday): then the latest year in which that day
   fell on the lead's weekday, "Nov. 15 (Wire) — ... Tuesday afternoon").
   With ``--date`` (the publication date), a text that dates itself nowhere, or only in its
   body ("the October 7, 2023 massacre": background, not the day of the report), is counted
   from that date instead (the lead's "on Tuesday", else the date itself).
4. Without any date in the text: the date the file name starts with (``2024-10_...``), else
   today; both are said as assumptions in the draft and its report, with the lead's own day
   ("on Monday") named as what the page's publication date (``--date``) would count from.

Datelines come in several shapes (``date_words.find_dateline``), and the lead is found past
headlines, standfirsts and datelines on lines of their own (``lead_lines``).
"""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

from sim.seeding.date_words import (
    MONTH,
    PUBLISHED,
    WEEKDAYS,
    DocumentDate,
    clause_before,
    find_dateline,
    make_date,
    month_of,
)
from sim.seeding.lead_day import RELATIVE_CLAUSE, lead_day, lead_weekdays
from sim.seeding.lead_lines import body_sentences
from sim.seeding.text import Document

_FULL = [
    re.compile(rf"\b(?P<d>\d{{1,2}})(?:st|nd|rd|th)? (?:of )?{MONTH},? (?P<y>(?:19|20)\d\d)\b"),
    re.compile(rf"\b{MONTH} (?P<d>\d{{1,2}})(?:st|nd|rd|th)?,? (?P<y>(?:19|20)\d\d)\b"),
    re.compile(r"\b(?P<y>20\d\d)-(?P<m>\d\d)-(?P<d>\d\d)(?!\d)"),  # "2024-10-31T10:21Z"
]


def full_dates(text: str) -> list[tuple[dt.date, re.Match[str]]]:
    """Every full date (day, month, year) written in the text, in order."""
    out = []
    for rx in _FULL:
        for m in rx.finditer(text):
            when = make_date(int(m.group("y")), month_of(m.group("m")), int(m.group("d")))
            if when:
                out.append((when, m))
    return sorted(out, key=lambda x: x[1].start())


def _own_line(text: str, m: re.Match[str]) -> bool:
    """Whether a full date is a publication date: on a line of its own or on a "Published"/
    "Updated"/"Posted" line ("Published 3:25 AM EDT, October 31, 2024")."""
    a = text.rfind("\n", 0, m.start()) + 1
    b = text.find("\n", m.end())
    line = text[a : b if b >= 0 else len(text)]
    return bool(PUBLISHED.match(line)) or len(line.strip()) <= len(m.group()) + 30


def _published_first(text: str, found: list) -> list:
    """The full dates with the publication date first: it dates the document better than the
    first date its body mentions ("since September 19, 2023")."""
    return sorted(found, key=lambda x: not _own_line(text, x[1]))


def _year_before(published: dt.date, month: int | None, day: int) -> int | None:
    """The year of a dateline's day ("ANKARA, Feb 20") on or just before the publication date
    (a dispatch of December 31 published on January 1 is of the year before)."""
    when = make_date(published.year, month, day) if month else None
    if when is None:
        return None
    return published.year - 1 if when > published + dt.timedelta(days=2) else published.year


def date_of(doc: Document, published: dt.date | None = None) -> DocumentDate:
    """The draft's start date by the rule in the module docstring; ``published`` (the
    publication date a user gives with ``wargame seed --date``) stands in for a dateline when
    the text dates itself nowhere (no dateline date, no full date)."""
    found = _published_first(doc.text, full_dates(doc.text))
    line = find_dateline(doc.text)
    ref: tuple[dt.date, tuple[int, int]] | None = None
    guessed = None
    if line:
        year = int(line.group("y")) if line.group("y") else (
            _year_before(published, month_of(line.group("m")), int(line.group("d")))
            if published else found[0][0].year if found else None)  # fmt: skip
        if year is None:  # "KYIV, Oct 31 (Reuters) -" and no year anywhere in a full date
            day, guessed = _undated_year(doc, month_of(line.group("m")), int(line.group("d")))
            year = day.year if day else None
        when = make_date(year, month_of(line.group("m")), int(line.group("d"))) if year else None
        if when:
            ref = (
                when,
                line.span("d") if not line.group("y") else (line.start("m"), line.end("y")),
            )
    in_body = bool(found) and not _own_line(doc.text, found[0][1])
    if ref is None and published is not None and in_body:  # "the October 7, 2023 massacre":
        return _from_published(doc, published)  # the background, not the day of the report
    if ref is None and found:
        ref = (found[0][0], found[0][1].span())
    if ref is None and published is not None:
        return _from_published(doc, published)
    if ref is None:
        return _undated_day(doc) or _fallback(doc)
    lead = lead_day(doc, ref[0])
    if lead is not None and guessed:
        return DocumentDate(lead.date, f"assumption: {lead.source!r} counted from the dateline; "
                            f"{guessed}", lead.span)  # fmt: skip
    if lead is not None:
        return lead
    if guessed:
        return DocumentDate(ref[0], f"assumption: the dateline's day; {guessed}", ref[1])
    start, end = ref[1]
    if line and not line.group("y"):
        start = line.start("m")
    return DocumentDate(ref[0], doc.text[start:end], (start, end))


def _from_published(doc: Document, published: dt.date) -> DocumentDate:
    """The day the lead reports, counted from the publication date the user gave, else that
    date; either said as an assumption (the date is the user's, not the text's)."""
    given = f"counted from the publication date given with --date ({published.isoformat()})"
    lead = lead_day(doc, published)
    if lead is not None:
        return DocumentDate(lead.date, f"assumption: {lead.source!r} {given}", lead.span)
    return DocumentDate(published, f"assumption: the text dates nothing; {given}")


# a month's day without a year; not a coming or closing one ("until August 23", "by May 1")
MONTH_DAY = re.compile(
    rf"(?<!\buntil )(?<!\btill )(?<!\bby )(?<!\bbefore )(?<!\bnext )(?<!\bthrough )"
    rf"\b{MONTH} (?P<d>\d{{1,2}})(?:st|nd|rd|th)?\b(?!,? \d)"
)
# a year the text places events in: "December 2023", "in 2022", "since 2014" (not "2000 troops")
_YEAR_SAID = re.compile(
    rf"\b(?:{MONTH}|in|since|from|of|until|during|throughout|early|late|mid-?)\s*"
    r"(?P<y>(?:19|20)\d\d)\b(?! [a-z])"
)

_YEARS_BACK = 15  # how far back a weekday may place a day without a year


def _undated_day(doc: Document) -> DocumentDate | None:
    """A text with no dateline and no full date, that names a day ("on October 31", "September
    19"): that day, the lead's first (the first two sentences after the headline), else the
    first any sentence names outside a relative clause. Its year is an assumption said out
    loud: the file name's, else the first after the latest month or year the text places
    events in ("its first since December 2023": 2024), else the latest on or before today."""
    body = body_sentences(doc)
    for sentences in (body[:2], body[2:]):
        for s in sentences:
            for m in MONTH_DAY.finditer(s.text):
                month, day = month_of(m.group("m")), int(m.group("d"))
                clause = clause_before(s.text, m.start())
                if month is None or not 1 <= day <= 31 or RELATIVE_CLAUSE.search(clause):
                    continue
                when, why = _undated_year(doc, month, day)
                if when is not None:
                    a, b = s.start + m.start(), s.start + m.end()
                    return DocumentDate(
                        when, f"assumption: {doc.text[a:b]!r}, the day the text names; {why}",
                        (a, b),
                    )  # fmt: skip
    return None


def _undated_year(doc: Document, month: int | None, day: int) -> tuple[dt.date | None, str]:
    """The date of a month's day the text gives without a year (in its lead or its dateline),
    and why that year."""
    if month is None:
        return None, "no month"
    today = dt.date.today()
    name = re.match(r"(\d{4})-(\d{2})", Path(doc.path).name)
    if name:
        year = int(name.group(1))
        return make_date(year, month, day), f"the year is the file name's ({year})"
    said = []
    for m in _YEAR_SAID.finditer(doc.text):
        y = int(m.group("y"))
        mo = month_of(m.group("m")) if m.group("m") else 1
        if mo and dt.date(y, mo, 1) <= today:
            said.append(dt.date(y, mo, 1))
    if said:
        anchor = max(said)
        year = anchor.year if (month, day) >= (anchor.month, 1) else anchor.year + 1
        when = make_date(year, month, day)
        if when and when > today:
            when = make_date(year - 1, month, day)
        return when, (f"the year is the first after the latest time the text places events in "
                      f"({anchor:%B %Y})")  # fmt: skip
    when = make_date(today.year, month, day)
    if when and when > today:
        when = make_date(today.year - 1, month, day)
    named = lead_weekdays(doc)
    if when and len(named) == 1 and not named & {(when.weekday() - k) % 7 for k in range(3)}:
        # the lead's day ("on Tuesday") is none of that day and the two before it: the latest
        # year in which that day fell on the lead's weekday
        wd = named.pop()
        years = [y for y in range(when.year - 1, when.year - _YEARS_BACK, -1)
                 if (d := make_date(y, month, day)) and d.weekday() == wd]  # fmt: skip
        if years:
            return make_date(years[0], month, day), (
                f"neither the text nor the file name gives the year: the latest year in which "
                f"that day fell on the {WEEKDAYS[wd].title()} the lead names ({years[0]}) assumed"
            )
    return when, "neither the text nor the file name gives the year: the latest such day assumed"


def _fallback(doc: Document) -> DocumentDate:
    name = re.match(r"(\d{4})-(\d{2})(?:-(\d{2}))?", Path(doc.path).name)
    if name:
        y, mo, d = int(name.group(1)), int(name.group(2)), int(name.group(3) or 1)
        return DocumentDate(
            dt.date(y, mo, d),
            f"assumption: the text gives no date; the file name dates the document "
            f"({name.group()}); the first day of the month when no day is given",
        )
    today = dt.date.today()
    lead = lead_day(doc, today)  # "on Sunday" with nothing to count it from
    hint = (f"; the lead's {lead.source!r} is counted from the page's publication date: give it "
            f"with --date" if lead else "")  # fmt: skip
    return DocumentDate(
        today,
        f"assumption: neither the text nor the file name gives a date; seeded today{hint}",
    )
