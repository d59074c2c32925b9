"""Places and theatres: the fronts a document names, whose land they are, who holds them.

A place is found by the gazetteer's names for it ("the Kursk region"); its territory is the
gazetteer's (world knowledge, so an assumption in the draft). When the sentence naming it shows
another actor advancing on or holding that land ("countering Ukrainian advances", "occupied by
Russia"), that actor holds a salient there (``held_by``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from sim.seeding.gazetteer import Gazetteer
from sim.seeding.mentions import Tagged
from sim.seeding.patterns import tagged_quote
from sim.seeding.text import Document

_HOLDER = [
    re.compile(
        r"⟦(?P<b>[a-z0-9_]+):[dn]⟧(?:['’]s)? (?:advances|incursion|offensive|positions|"
        r"occupation|salient|counteroffensive|troops hold|forces hold)"
    ),  # fmt: skip
    re.compile(r"(?:occupied|held|seized|captured) by ⟦(?P<b>[a-z0-9_]+):[ndmo]⟧"),
    re.compile(
        r"⟦(?P<b>[a-z0-9_]+):[ndmo]⟧[^.;⟦]{0,40}?\b(?:captured|seized|occupies|occupied|"
        r"holds|took|controls)\b"
    ),  # fmt: skip
]


@dataclass(frozen=True)
class PlaceFinding:
    """A theatre the document names, with the spans its values came from."""

    id: str
    name: str
    territory_of: str
    sentence: int
    quote: str
    span: tuple[int, int]
    held_by: str | None = None
    held_quote: str | None = None
    held_span: tuple[int, int] | None = None


def find_places(doc: Document, tagged: list[Tagged], gaz: Gazetteer) -> list[PlaceFinding]:
    """Each gazetteer place the document names (first mention), with its holder if shown."""
    out: list[PlaceFinding] = []
    for place in gaz.places.values():
        names = "|".join(re.escape(p) for p in sorted(place.patterns, key=len, reverse=True))
        m = re.search(rf"\b(?:the\s+)?(?:{names})\b", doc.text)
        if m is None:
            continue
        t = next(t for t in tagged if t.sentence.start <= m.start() < t.sentence.end)
        found = PlaceFinding(place.id, place.name, place.territory_of, t.sentence.number,
                             m.group(), (m.start(), m.end()))  # fmt: skip
        out.append(_with_holder(found, t))
    return out


def _with_holder(place: PlaceFinding, t: Tagged) -> PlaceFinding:
    """The place with ``held_by`` set when its sentence shows a foreign actor on its ground."""
    for rx in _HOLDER:
        for m in rx.finditer(t.text):
            if m.group("b") != place.territory_of:
                span = t.span(m.start(), m.end())
                return PlaceFinding(
                    **{
                        **place.__dict__,
                        "held_by": m.group("b"),
                        "held_quote": tagged_quote(t, *span),
                        "held_span": span,
                    }
                )
    return place
