"""The words of dates: month names, the dateline, a headline line, and a date with its source.

Shared by ``dates`` (the reference date and the fallbacks) and ``lead_day`` (the day the lead
reports).
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from sim.seeding.text import ends_sentence

MONTHS = ["january", "february", "march", "april", "may", "june", "july", "august",
          "september", "october", "november", "december"]  # fmt: skip
WEEKDAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
MONTH = r"(?P<m>(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?)"
DATELINE = re.compile(
    rf"^[A-Z][A-Z .'’/-]+,(?:[^,\n(]{{1,40}},)? {MONTH} (?P<d>\d{{1,2}})(?:,? (?P<y>20\d\d))?"
    r"\s*(?:\(|[-–—])",
    re.M,
)
# other shapes of a dated dateline, only among a dispatch's first lines: no place before the day
# ("Nov. 15 (UPI) —"), or a place in title case and its day on a line of their own ("New Delhi,
# December 13")
_HEAD_LINES = 8
_HEAD_DATELINES = [
    re.compile(rf"^{MONTH} (?P<d>\d{{1,2}})(?:,? (?P<y>20\d\d))? \([A-Z][A-Za-z ]*\) ?[-–—]", re.M),
    re.compile(
        rf"^[A-Z][a-z]+(?: [A-Z][a-z]+)?, {MONTH} (?P<d>\d{{1,2}})(?:,? (?P<y>20\d\d))?[ \t]*$",
        re.M,
    ),
]


def find_dateline(text: str, at_start: bool = False) -> re.Match[str] | None:
    """The first dated dateline in ``text`` (groups ``m``, ``d`` and ``y``), of any shape (the
    shapes other than "SEOUL, Oct 31 (Reuters) -" only among its first lines); with
    ``at_start``, only one that opens it."""
    if at_start:
        found = [m for rx in (DATELINE, *_HEAD_DATELINES) if (m := rx.match(text))]
    else:
        end = _head_end(text)
        found = [m for rx in _HEAD_DATELINES if (m := rx.search(text, 0, end))]
        found += [m for m in [DATELINE.search(text)] if m]
    return min(found, key=lambda m: m.start()) if found else None


def _head_end(text: str) -> int:
    """Where a text's first lines (``_HEAD_LINES`` lines that are not blank) end."""
    pos, seen = 0, 0
    for line in text.splitlines(keepends=True):
        pos += len(line)
        seen += bool(line.strip())
        if seen >= _HEAD_LINES:
            break
    return pos


# a publication line: "Published 3:25 AM EDT, October 31, 2024" (no dateline)
PUBLISHED = re.compile(r"\s*(?:Published|Updated|Posted|Last updated|Date)\b", re.I)


@dataclass(frozen=True)
class DocumentDate:
    """When the document speaks of: a date and its source (a quote or an assumption)."""

    date: dt.date
    source: str
    span: tuple[int, int] | None = None


def month_of(text: str) -> int | None:
    t = text.lower().rstrip(".")
    if t.isdigit():
        return int(t)
    return next((i + 1 for i, m in enumerate(MONTHS) if m.startswith(t[:3])), None)


def make_date(y: int, m: int | None, d: int) -> dt.date | None:
    try:
        return dt.date(y, m, d) if m else None
    except ValueError:
        return None


def headline_text(text: str) -> bool:
    """A headline: the first line without a full stop at its end and no dateline."""
    return not ends_sentence(text) and not find_dateline(text)


def clause_before(text: str, at: int) -> str:
    """The clause a day at ``at`` stands in: the text before it back to the last comma,
    semicolon, colon, bracket or dash (what says whether something began then, or whether the
    day dates a relative clause's background)."""
    return re.split(r"[,;:(]|\s[-–—]\s", text[:at])[-1]
