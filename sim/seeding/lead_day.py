"""The day a document's lead reports, counted back from its reference date.

A day something "began", "broke out", "erupted" or "took place" on in the first two sentences
of the lead (``lead_lines``: after the headline, and after a dateline on a line of its own) is
the start; else the earliest day of the first of those sentences that
names one ("broke off relations on Saturday after police stormed the embassy late on Friday":
Friday; "a day after ..." is the day before the lead's), leaving out a day told inside a
relative clause, which dates the background ("a ceasefire that came into force on Sunday"), and
"last week" where the sentence names a day. A weekday is the last such day on or before the
reference date; a coming day ("by Friday", "next Monday") is none.
"""

from __future__ import annotations

import datetime as dt
import re

from sim.seeding.date_words import (
    MONTH,
    WEEKDAYS,
    DocumentDate,
    clause_before,
    find_dateline,
    make_date,
    month_of,
)
from sim.seeding.lead_lines import body_sentences
from sim.seeding.text import Document

_DAY = "|".join(w.title() for w in WEEKDAYS)
# a day the text names: a weekday ("on Tuesday", "said Thursday", "late on Saturday", "Monday
# night"; not a coming one: "by Friday", "next Monday"), "yesterday", "last night", "last week",
# a month's day ("on October 30", "in the early hours of May 7"), "a day after"
_RELATIVE = re.compile(
    rf"(?<!\bby )(?<!\bsince )(?<!\buntil )(?<!\btill )(?<!\bnext )(?<!\bcoming )(?<!\bthis )"
    rf"\b(?:(?P<wd>{_DAY})|(?P<yest>yesterday|last night)|(?P<lw>last week)|"
    rf"{MONTH} (?P<d>\d{{1,2}})(?:st|nd|rd|th)?(?!\d|,? \d)|"
    rf"(?P<after>(?:a|one) day (?:after|earlier)|the day before))\b"
)
# the clause before a day says something began then ("fighting that broke out on Wednesday")
_BEGAN = re.compile(
    r"\b(?:began|begun|broke out|erupted|started|flared(?: up)?|took place|happened|occurred)\b"
)
_VAGUE = re.compile(r"last week", re.I)
# ... or opens a relative clause, which dates the background ("a ceasefire that came into force
# on Sunday"); "that" after a verb of saying opens what was said, not a relative clause
RELATIVE_CLAUSE = re.compile(
    r"\b(?:which|who|whose)\b|(?<!\bsaid )(?<!\bsays )(?<!\bsay )(?<!\btold )"
    r"(?<!\bannounced )(?<!\badded )(?<!\bclaimed )(?<!\bwarned )(?<!\bconfirmed )\bthat\b"
)


def lead_day(doc: Document, ref: dt.date) -> DocumentDate | None:
    """The day the first two sentences after the headline report, counted from ``ref``.

    A day the text says something began on ("fighting that broke out on Wednesday", "the
    clashes began on Sunday") is the start. Otherwise the earliest day of the first of the two
    sentences that gives one ("broke off relations on Saturday after police stormed the embassy
    late on Friday"; "a day after Colombian forces raided" is the day before the lead's), leaving
    out a day told inside a relative clause, which dates the background ("a ceasefire that came
    into force on Sunday", "an explosion that damaged the bridge on Saturday"), and "last week"
    where the sentence also names a day ("said on Sunday ..., after it was aborted last week").
    """
    body = body_sentences(doc)[:2]
    found = [_days_of(doc, s, ref) for s in body]
    began = [d for days in found for d in days if d[3] == "began"]
    if began:
        return _earliest(doc, began)
    for days in found:
        lead = [d for d in days if d[3] == "lead"]
        exact = [d for d in lead if not _VAGUE.match(doc.text[d[1] : d[2]])]
        if lead:  # "last week" only when the sentence names no day
            return _earliest(doc, exact or lead)
    return None


def _days_of(doc: Document, s, ref: dt.date) -> list[tuple[dt.date, int, int, str]]:
    """Every day one sentence names, with its span and role: "began", "lead" or background."""
    out = []
    anchor = ref
    line = find_dateline(s.text, at_start=True)
    for m in _RELATIVE.finditer(s.text, line.end() if line else 0):
        when = _day(m, ref, anchor)
        if when is None or when > ref:
            continue
        clause = clause_before(s.text, m.start())
        role = ("began" if _BEGAN.search(clause)
                else "background" if RELATIVE_CLAUSE.search(clause) else "lead")  # fmt: skip
        out.append((when, s.start + m.start(), s.start + m.end(), role))
        if not m.group("after") and role != "background":
            anchor = when
    return out


def _earliest(doc: Document, days: list[tuple[dt.date, int, int, str]]) -> DocumentDate:
    when, a, b, _ = min(days, key=lambda d: (d[0], d[1]))
    return DocumentDate(when, doc.text[a:b], (a, b))


def _day(m: re.Match[str], ref: dt.date, anchor: dt.date) -> dt.date | None:
    """The date one relative expression names: a weekday is the last such day on or before
    ``ref``; "a day after" is the day before ``anchor`` (the day the sentence spoke of last)."""
    weekday = m.group("wd")
    if weekday:
        return ref - dt.timedelta(days=(ref.weekday() - WEEKDAYS.index(weekday.lower())) % 7)
    if m.group("yest"):
        return ref - dt.timedelta(days=1)
    if m.group("lw"):
        return ref - dt.timedelta(days=7)
    if m.group("after"):
        return anchor - dt.timedelta(days=1)
    when = make_date(ref.year, month_of(m.group("m")), int(m.group("d")))
    if when is not None and when > ref:
        when = make_date(ref.year - 1, when.month, when.day) or when
    return when


def lead_weekdays(doc: Document) -> set[int]:
    """The weekdays (Monday 0) the first two sentences after the headline name for their own
    news (not inside a relative clause; not a coming day)."""
    out = set()
    for s in body_sentences(doc)[:2]:
        for m in _RELATIVE.finditer(s.text):
            if m.group("wd") and not RELATIVE_CLAUSE.search(clause_before(s.text, m.start())):
                out.add(WEEKDAYS.index(m.group("wd").lower()))
    return out
