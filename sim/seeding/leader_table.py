"""The table of leaders (``data/leaders.yaml``): who each person is, read and checked.

One line a person under the actor id they speak for: ``[full name, offices, years, surname,
[other spellings]]`` (the last two optional). A malformed line is refused with one message
naming the file, the line and what it must hold. The rules that bind names in a text to these
people are ``leaders``.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import cache
from importlib.resources import files

import yaml

from sim.seeding.errors import SeedingError
from sim.seeding.gazetteer import standard_gazetteer


@dataclass(frozen=True)
class Leader:
    """One person of the table: a name, a state, offices, terms and the names the press uses."""

    name: str
    state: str
    offices: frozenset[str]
    terms: tuple[tuple[int, int | None], ...]
    surname: str
    spellings: tuple[str, ...]

    def in_office(self, year: int | None) -> bool:
        """In office some time in ``year`` (always, when the year is unknown)."""
        return year is None or any(a <= year <= (b or 9999) for a, b in self.terms)


# what office a title names ("Minister" alone: any minister)


def key(name: str) -> str:
    """A name as compared: no accents, case, dots, hyphens or runs of blanks."""
    plain = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    return " ".join(re.sub(r"[-.‐’']", " ", plain).lower().split())


def _terms(years: str) -> tuple[tuple[int, int | None], ...]:
    out = []
    for term in str(years).split():
        a, _, b = term.partition("-")
        out.append((int(a), int(b) if b else None if term.endswith("-") else int(a)))
    return tuple(out)


@cache
def leaders() -> tuple[Leader, ...]:
    """Every person of ``data/leaders.yaml``; a malformed line is refused with one message
    naming the file, the line's person and state, and what the line must hold."""
    try:
        data = yaml.safe_load(files("sim.seeding").joinpath(_FILE).read_text("utf-8"))
    except yaml.YAMLError as err:
        raise SeedingError(
            f"sim/seeding/{_FILE}: not valid YAML ({' '.join(str(err).split())})"
        ) from None
    return read_table(data)


def read_table(data) -> tuple[Leader, ...]:
    """The people of the table's YAML data, every line checked (see the module docstring)."""
    table = data.get("leaders") if isinstance(data, dict) else None
    if not isinstance(table, dict):
        raise SeedingError(f"sim/seeding/{_FILE}: leaders must be a mapping of actor ids to "
                           "lists of [name, offices, years, surname, [spellings]]")  # fmt: skip
    return tuple(_leader(state, row) for state, rows in table.items() for row in rows or ())


_FILE = "data/leaders.yaml"
_OFFICES = ("president", "vice_president", "prime_minister", "foreign_minister",
            "defence_minister", "military", "official", "leader")  # fmt: skip
_YEARS = re.compile(r"^\d{4}(?:-(?:\d{4})?)?(?: \d{4}(?:-(?:\d{4})?)?)*$")


def _leader(state: str, row) -> Leader:
    """One line of the table, checked."""
    where = f"sim/seeding/{_FILE}: leaders.{state}: {row!r}"
    ok = isinstance(row, list) and 3 <= len(row) <= 5 and all(isinstance(x, str) for x in row[:4])
    ok = ok and (len(row) < 5 or isinstance(row[4], list))
    if not ok:
        raise SeedingError(f"{where} must be [full name, offices, years] with an optional "
                           "surname and a list of other spellings")  # fmt: skip
    name, offices, years = row[0], row[1].split(), str(row[2])
    if not offices or not set(offices) <= set(_OFFICES):
        raise SeedingError(f"{where}: offices must be among {', '.join(_OFFICES)}")
    if not _YEARS.match(years):
        raise SeedingError(f"{where}: years must be written like 2000-2008 2012- (calendar "
                           "years; an open end means still in office)")  # fmt: skip
    if state not in standard_gazetteer().actors:
        raise SeedingError(f"{where}: {state} is no actor id of the gazetteer (an id of "
                           "sim/seeding/data/gazetteer.yaml or a pycountry name)")  # fmt: skip
    surname = row[3] if len(row) > 3 else name.split()[-1]
    spellings = tuple(str(x) for x in row[4]) if len(row) > 4 else ()
    return Leader(name, state, frozenset(offices), _terms(years), surname, spellings)


@cache
def by_name() -> dict[str, tuple[Leader, ...]]:
    """Full names and spellings (as ``key``s) -> the people of that name."""
    index: dict[str, list[Leader]] = {}
    for p in leaders():
        for n in {key(n) for n in (p.name, *p.spellings)}:
            index.setdefault(n, []).append(p)
    return {n: tuple(ps) for n, ps in index.items()}


@cache
def by_any_name() -> dict[str, tuple[Leader, ...]]:
    """Full names, spellings and surnames (as ``key``s) -> the people of that name."""
    index = {n: list(ps) for n, ps in by_name().items()}
    for p in leaders():
        if p not in index.setdefault(key(p.surname), []):
            index[key(p.surname)].append(p)
    return {n: tuple(ps) for n, ps in index.items()}


@cache
def name_pattern() -> re.Pattern[str]:
    """Every full name and spelling, longest first; hyphens and blanks inside interchangeable."""
    names = sorted({n for p in leaders() for n in (p.name, *p.spellings)}, key=len, reverse=True)
    parts = [r"[\s‐-]+".join(re.escape(w) for w in re.split(r"[\s-]+", n)) for n in names]
    return re.compile(rf"(?<![\w'’-])(?:{'|'.join(parts)})(?![\w'’-])", re.I)
