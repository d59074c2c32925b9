"""When a document speaks of: the start date of its draft.

The rule, in order:
1. The reference date is the dateline's ("SEOUL, Oct 31 (Reuters) -"; its year from the
   dateline, else from a full date elsewhere in the text such as "Published October 31, 2024"),
   else the first full date in the text ("31 October 2024", "October 31, 2024", "2024-10-31").
2. The start date is the day the lead reports: the first "on Tuesday", "yesterday",
   "last week" or "on October 30" in the first two sentences after the headline, counted back
   from the reference date (a weekday is the last such day on or before it); else the
   reference date itself.
3. Without any date in the text: the date the file name starts with (``2024-10_...``), else
   today; both are said as assumptions in the draft and its report.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from pathlib import Path

from sim.seeding.text import Document

MONTHS = ["january", "february", "march", "april", "may", "june", "july", "august",
          "september", "october", "november", "december"]  # fmt: skip
_MONTH = r"(?P<m>(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?)"
_FULL = [
    re.compile(rf"\b(?P<d>\d{{1,2}}) {_MONTH},? (?P<y>(?:19|20)\d\d)\b"),
    re.compile(rf"\b{_MONTH} (?P<d>\d{{1,2}}),? (?P<y>(?:19|20)\d\d)\b"),
    re.compile(r"\b(?P<y>20\d\d)-(?P<m>\d\d)-(?P<d>\d\d)\b"),
]
_DATELINE = re.compile(
    rf"^[A-Z][A-Z .'’/-]+,(?:[^,\n(]{{1,40}},)? {_MONTH} (?P<d>\d{{1,2}})(?:,? (?P<y>20\d\d))?"
    r"\s*(?:\(|[-–—])",
    re.M,
)
_WEEKDAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
_RELATIVE = re.compile(
    rf"\b(?:(?:on|during) (?:the )?(?P<wd>{'|'.join(w.title() for w in _WEEKDAYS)})|"
    rf"(?P<yest>yesterday)|"
    rf"(?P<lw>last week)|on {_MONTH} (?P<d>\d{{1,2}}))\b"
)


@dataclass(frozen=True)
class DocumentDate:
    """When the document speaks of: a date and its source (a quote or an assumption)."""

    date: dt.date
    source: str
    span: tuple[int, int] | None = None


def _month(text: str) -> int | None:
    t = text.lower().rstrip(".")
    if t.isdigit():
        return int(t)
    return next((i + 1 for i, m in enumerate(MONTHS) if m.startswith(t[:3])), None)


def _date(y: int, m: int | None, d: int) -> dt.date | None:
    try:
        return dt.date(y, m, d) if m else None
    except ValueError:
        return None


def full_dates(text: str) -> list[tuple[dt.date, re.Match[str]]]:
    """Every full date (day, month, year) written in the text, in order."""
    out = []
    for rx in _FULL:
        for m in rx.finditer(text):
            when = _date(int(m.group("y")), _month(m.group("m")), int(m.group("d")))
            if when:
                out.append((when, m))
    return sorted(out, key=lambda x: x[1].start())


def date_of(doc: Document) -> DocumentDate:
    """The draft's start date by the rule in the module docstring."""
    found = full_dates(doc.text)
    line = _DATELINE.search(doc.text)
    ref: tuple[dt.date, tuple[int, int]] | None = None
    if line:
        year = int(line.group("y")) if line.group("y") else (found[0][0].year if found else None)
        when = _date(year, _month(line.group("m")), int(line.group("d"))) if year else None
        if when:
            ref = (
                when,
                line.span("d") if not line.group("y") else (line.start("m"), line.end("y")),
            )
    if ref is None and found:
        ref = (found[0][0], found[0][1].span())
    if ref is None:
        return _fallback(doc)
    lead = _lead_day(doc, ref[0])
    if lead is not None:
        return lead
    start, end = ref[1]
    if line and not line.group("y"):
        start = line.start("m")
    return DocumentDate(ref[0], doc.text[start:end], (start, end))


def _lead_day(doc: Document, ref: dt.date) -> DocumentDate | None:
    """The day the first two sentences after the headline report, counted from ``ref``."""
    body = [s for s in doc.sentences if not _is_headline(s.text)][:2]
    for s in body:
        m = _RELATIVE.search(s.text)
        if m is None:
            continue
        if m.group("wd"):
            back = (ref.weekday() - _WEEKDAYS.index(m.group("wd").lower())) % 7
            when = ref - dt.timedelta(days=back)
        elif m.group("yest"):
            when = ref - dt.timedelta(days=1)
        elif m.group("lw"):
            when = ref - dt.timedelta(days=7)
        else:
            when = _date(ref.year, _month(m.group("m")), int(m.group("d")))
            if when is None:
                continue
            if when > ref:
                when = _date(ref.year - 1, when.month, when.day) or when
        return DocumentDate(when, m.group(), (s.start + m.start(), s.start + m.end()))
    return None


def _is_headline(text: str) -> bool:
    """A headline: the first line without a full stop at its end and no dateline."""
    return not re.search(r"[.!?][\"”’)]*$", text) and not _DATELINE.search(text)


def _fallback(doc: Document) -> DocumentDate:
    name = re.match(r"(\d{4})-(\d{2})(?:-(\d{2}))?", Path(doc.path).name)
    if name:
        y, mo, d = int(name.group(1)), int(name.group(2)), int(name.group(3) or 1)
        return DocumentDate(
            dt.date(y, mo, d),
            f"assumption: the text gives no date; the file name dates the document "
            f"({name.group()}); the first day of the month when no day is given",
        )
    return DocumentDate(
        dt.date.today(),
        "assumption: neither the text nor the file name gives a date; seeded today",
    )
