"""Quantities in a document: troops, ships, aircraft and money, with approximations.

"around 10,000 troops", "some 2,000 personnel", "12 warships", "$2.5 billion". Each quantity
keeps its exact span; the approximation word ("around", "some", "up to") is kept as written.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from sim.seeding.text import Document

_APPROX = (r"(?P<approx>around|about|some|roughly|approximately|nearly|almost|more than|over|"
           r"up to|at least|an estimated|as many as|close to|fewer than|less than)\s+")  # fmt: skip
_NUMBER = r"(?P<num>\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?)"
_SCALE = r"(?:\s*(?P<scale>thousand|million|billion|k)\b)?"
_UNITS = {
    "troops": r"troops|soldiers|personnel|service members|servicemen|marines|fighters|"
    r"paratroopers|sailors|men",
    "ships": r"warships|ships|vessels|destroyers|frigates|submarines|carriers|boats",
    "aircraft": r"aircraft|jets|fighter jets|planes|bombers|helicopters|drones",
}
_SCALES = {"thousand": 1e3, "k": 1e3, "million": 1e6, "billion": 1e9, None: 1.0}
_COUNTED = re.compile(
    rf"(?:{_APPROX})?{_NUMBER}{_SCALE}\s+(?:[a-zA-Z-]+\s+){{0,2}}?(?P<unit>"
    + "|".join(f"(?P<{k}>{v})" for k, v in _UNITS.items())
    + r")\b"
)
_MONEY = re.compile(rf"(?:{_APPROX})?(?P<cur>\$|US\$|€|£){_NUMBER}{_SCALE}")


@dataclass(frozen=True)
class Quantity:
    """A number with its unit category (troops, ships, aircraft, money) and where it stands."""

    value: float
    unit: str
    approx: str | None
    start: int
    end: int
    quote: str


def find_quantities(doc: Document) -> list[Quantity]:
    """Every counted quantity and sum of money in the document, in order."""
    out: list[Quantity] = []
    for m in _COUNTED.finditer(doc.text):
        unit = next(k for k in _UNITS if m.group(k))
        out.append(_quantity(m, unit, doc))
    for m in _MONEY.finditer(doc.text):
        out.append(_quantity(m, "money", doc))
    return sorted(out, key=lambda q: q.start)


def _quantity(m: re.Match[str], unit: str, doc: Document) -> Quantity:
    value = float(m.group("num").replace(",", "")) * _SCALES[m.group("scale")]
    return Quantity(value, unit, m.group("approx"), m.start(), m.end(),
                    doc.text[m.start():m.end()])  # fmt: skip


def quantity_in(quantities: list[Quantity], start: int, end: int, unit: str) -> Quantity | None:
    """The first quantity of ``unit`` inside the span [start, end)."""
    return next((q for q in quantities if q.unit == unit and start <= q.start < end), None)
