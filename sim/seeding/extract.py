"""The whole extraction: a document in, every finding with its span out (no scenario yet).

Order: check and split the document; find actor mentions (gazetteer, office holders); tag each
sentence; match relation and event patterns, conditionals, places and quantities; date the
document. A document that names no actor the gazetteer knows is refused.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from pathlib import Path

from sim.seeding.conditionals import find_conditionals
from sim.seeding.errors import BadDocumentError
from sim.seeding.findings import Finding
from sim.seeding.gazetteer import Gazetteer, standard_gazetteer
from sim.seeding.mentions import Mention, Tagged, find_mentions, tag_sentence
from sim.seeding.patterns import find_in_sentence
from sim.seeding.places import PlaceFinding, find_places
from sim.seeding.quantities import Quantity, find_quantities
from sim.seeding.text import Document, read_document

_MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August",
           "September", "October", "November", "December"]  # fmt: skip
_MONTH = "|".join(_MONTHS)
_DATE_PATTERNS = [
    re.compile(rf"\b(?P<d>\d{{1,2}}) (?P<m>{_MONTH}),? (?P<y>20\d\d)\b"),
    re.compile(rf"\b(?P<m>{_MONTH}) (?P<d>\d{{1,2}}),? (?P<y>20\d\d)\b"),
    re.compile(r"\b(?P<y>20\d\d)-(?P<m>\d\d)-(?P<d>\d\d)\b"),
]


@dataclass(frozen=True)
class DocumentDate:
    """When the document speaks of: a date and its source (a quote or an assumption)."""

    date: dt.date
    source: str
    span: tuple[int, int] | None = None


@dataclass(frozen=True)
class Extraction:
    """Everything found in one document, each item with its sentence and span."""

    doc: Document
    actors: dict[str, Mention]  # actor id -> first mention, in order of first mention
    mentions: list[Mention]
    tagged: list[Tagged]
    findings: list[Finding]
    places: list[PlaceFinding]
    quantities: list[Quantity]
    date: DocumentDate
    gazetteer: Gazetteer


def extract_file(path: Path | str) -> Extraction:
    """Read, check and extract one seed document."""
    return extract(read_document(path))


def extract(doc: Document, gaz: Gazetteer | None = None) -> Extraction:
    """Every actor, finding, place and quantity of a checked document."""
    gaz = gaz or standard_gazetteer()
    mentions = find_mentions(doc, gaz)
    actors: dict[str, Mention] = {}
    for m in mentions:
        if m.form != "g":
            actors.setdefault(m.actor, m)
    if not actors:
        raise BadDocumentError(
            doc.path,
            "it names no state or alliance the gazetteer knows",
            "Seeding needs at least one actor (e.g. 'Russia', 'NATO', 'North Korean', "
            "'Pyongyang'); add missing names to sim/seeding/data/gazetteer.yaml.",
        )
    groups = {"west": tuple(a for a in gaz.groups["Western"] if a in actors)}
    tagged = [tag_sentence(doc, s, mentions) for s in doc.sentences]
    findings: list[Finding] = []
    for t in tagged:
        findings += find_in_sentence(t, groups)
        findings += find_conditionals(t)
    findings = [f for f in findings if all(p is None or p in actors for p in f.parties)]
    return Extraction(doc, actors, mentions, tagged, findings, find_places(doc, tagged, gaz),
                      find_quantities(doc), date_of(doc), gaz)  # fmt: skip


def date_of(doc: Document) -> DocumentDate:
    """The first full date written in the document, else the date its file name starts with
    (``2024-10_...`` is 1 October 2024), else today (each marked as an assumption)."""
    for rx in _DATE_PATTERNS:
        m = rx.search(doc.text)
        if m:
            month = m.group("m")
            month_no = _MONTHS.index(month) + 1 if month in _MONTHS else int(month)
            try:
                when = dt.date(int(m.group("y")), month_no, int(m.group("d")))
            except ValueError:
                continue
            return DocumentDate(when, m.group(), (m.start(), m.end()))
    name = re.match(r"(\d{4})-(\d{2})(?:-(\d{2}))?", Path(doc.path).name)
    if name:
        y, mo, d = int(name.group(1)), int(name.group(2)), int(name.group(3) or 1)
        return DocumentDate(
            dt.date(y, mo, d),
            f"assumption: the file name dates the document "
            f"({name.group()}); the first day of the month when no day is given",
        )
    return DocumentDate(dt.date.today(), "assumption: the document gives no date; seeded today")
