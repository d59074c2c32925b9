"""Quantities in a document: troops, ships, aircraft and money, with approximations.

"around 10,000 troops", "some 2,000 personnel", "12 warships", "$2.5 billion"; ships and aircraft
also counted in words ("two Chinese coast guard vessels", "a dozen fighter jets"; a vague
"dozens of" or "several" counts nothing). Each quantity keeps its exact span; the approximation
word ("around", "some", "up to") is kept as written.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from sim.seeding.date_words import MONTHS
from sim.seeding.text import Document

_APPROX = (r"(?P<approx>around|about|some|roughly|approximately|nearly|almost|more than|over|"
           r"upwards of|"
           r"up to|at least|an estimated|as many as|close to|fewer than|less than)\s+")  # fmt: skip
_NUMBER = r"(?P<num>\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?)"
_SCALE = r"(?:\s*(?P<scale>thousand|million|billion|k)\b)?"
_FORCE_WORDS = ("Force", "Forces", "force", "forces", "army", "Army", "military", "navy", "Navy",
                "police", "Police")  # fmt: skip
# "members" only of a named force: "43 Australian Defence Force members", not "militia members"
_MEMBERS_OF_A_FORCE = "(?:" + "|".join(f"(?<={w} )" for w in _FORCE_WORDS) + ")members"
_UNITS = {
    "troops": r"troops|soldiers|personnel|service members|servicemen|marines|fighters|"
    r"paratroopers|sailors|peacekeepers|mercenaries|contractors|reservists|conscripts|men|"
    r"instructors|advisers|advisors|trainers|police officers|police|policemen|gendarmes|"
    r"commandos|guardsmen|militiamen|combatants|officers|airmen|troopers|infantrymen|"
    r"border guards|special forces|forces|" + _MEMBERS_OF_A_FORCE,
    "ships": r"warships|ships|vessels|destroyers|frigates|submarines|(?<!personnel )carriers|"
    r"boats|corvettes|cruisers",
    "aircraft": r"aircraft|jets|fighter jets|planes|warplanes|bombers|helicopters|gunships|drones",
}
_CRAFT = ("ships", "aircraft")
# a month's name and its short forms, with or without the dot ("Sept." too)
_MONTHS = sorted({f for m in MONTHS for f in (m.capitalize(), m[:3].capitalize(),
                  m[:3].capitalize() + ".")} | {"Sept", "Sept."})  # fmt: skip
_MONTH_BEFORE = "".join(f"(?<!{re.escape(m)} )" for m in _MONTHS)  # "August 23": a date
_SCALES = {"thousand": 1e3, "k": 1e3, "million": 1e6, "billion": 1e9, None: 1.0}
# not a model's number ("F-16 fighter jets", "Su-25 jets"), nor the end of a range ("5,000-7,000")
# or of a date ("until August 23 along with the ships"); the words between a number and its
# noun describe the noun ("2,500 U.S. Marines"), never a preposition or article; nor a civil
# craft ("20 commercial ships", "40 fishing boats": no one's force)
CIVIL_CRAFT = ("commercial", "merchant", "cargo", "container", "civilian", "fishing", "passenger")
_NOT_BETWEEN = (r"(?!(?i:along|with|the|a|by|for|at|on|in|to|from|after|before|since|"
                rf"{'|'.join(CIVIL_CRAFT)})\s)")  # fmt: skip
_COUNTED = re.compile(
    rf"(?<![\w,.-]){_MONTH_BEFORE}(?:{_APPROX})?{_NUMBER}{_SCALE}\s+"
    rf"(?:{_NOT_BETWEEN}[a-zA-Z.-]+\s+(?:and\s+[a-zA-Z.-]+\s+)?){{0,3}}?"
    r"(?P<unit>(?i:" + "|".join(f"(?P<{k}>{v})" for k, v in _UNITS.items()) + r"))\b"
    r"(?!\s+carriers?\b)"  # "armoured personnel carriers" are vehicles, not personnel
)
# "a 10,000-strong force", "a 1,000-person contingent": a force's strength written before it
_STRONG = re.compile(
    rf"(?:{_APPROX})?{_NUMBER}{_SCALE}-(?:strong|member|man|person|soldier|troop)\s+"
    rf"(?:[a-zA-Z.-]+\s+){{0,2}}?"
    r"(?:force|contingent|army|mission|brigade|battalion|unit|corps|militia|garrison)\b"
)
# "200 members of the Russian armed forces": members of a force, the force in the quote
_MEMBERS_OF = re.compile(
    rf"(?<![\w,.-])(?:{_APPROX})?{_NUMBER}{_SCALE}\s+members\s+of\s+(?:the\s+|its\s+|their\s+)?"
    r"(?:[A-Za-z.'’-]+\s+){0,3}?(?:armed forces|security forces|forces|army|military|navy|"
    r"police|guard|corps|Forces|Army|Navy|Police|Guard|Corps)\b"
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
    follows: int | None = None  # the start of the troop count this one continues ("to 2,500")


def find_quantities(doc: Document) -> list[Quantity]:
    """Every counted quantity and sum of money in the document, in order."""
    out: list[Quantity] = []
    for m in _COUNTED.finditer(doc.text):
        unit = next(k for k in _UNITS if m.group(k))
        out.append(_quantity(m, unit, doc))
    out += [_quantity(m, "troops", doc) for m in _STRONG.finditer(doc.text)]
    out += [_quantity(m, "troops", doc) for m in _MEMBERS_OF.finditer(doc.text)]
    for m in _MONEY.finditer(doc.text):
        out.append(_quantity(m, "money", doc))
    out += formations(doc)
    out += craft_in_words(doc)
    out += planned_totals(doc, [q for q in out if q.unit == "troops"])
    return sorted(out, key=lambda q: q.start)


# "about 750 troops, a number that would rise to 2,500", "800 troops in Mali, and expects to
# ramp up to a total of 2,500": the number the same count is said to reach, its unit unsaid;
# "1,000 more police -- adding to 1,700 on the ground": the number it is said to add to
_TOTAL = re.compile(
    rf"\b(?:rise|rises|rising|grow|grows|increase|increased|ramp up|swell|climb|reach|"
    rf"bring(?:ing)? (?:it|the total|that|the number)|"
    rf"add(?:s|ed|ing)? to|on top of|in addition to|joining)\s+(?:up\s+)?(?:to\s+|the\s+)?"
    rf"(?:a total of\s+)?(?:{_APPROX})?{_NUMBER}{_SCALE}(?!\d|,\d|\s*(?:%|percent|per cent|"
    rf"[a-z]+(?<!that)(?<!who)(?<!which)(?<!by)(?<!in)(?<!and)(?<!\bon)(?<!already)(?<!there)"
    rf"(?<!deployed)(?<!stationed)(?<!currently)\b))"
)


def planned_totals(doc: Document, troops: list[Quantity]) -> list[Quantity]:
    """Totals a troop count is said to grow to in the same sentence, in troops."""
    out = []
    for m in _TOTAL.finditer(doc.text):
        s = next((s for s in doc.sentences if s.start <= m.start() < s.end), None)
        before = [q for q in troops if s and s.start <= q.start < m.start()]
        if before:
            q = _quantity(m, "troops", doc)
            a = m.start("num") - (len(m.group("approx")) + 1 if m.group("approx") else 0)
            out.append(Quantity(q.value, "troops", q.approx, a, m.end(), doc.text[a : m.end()],
                                before[-1].start))  # fmt: skip
    return out


def _quantity(m: re.Match[str], unit: str, doc: Document) -> Quantity:
    value = float(m.group("num").replace(",", "")) * _SCALES[m.group("scale")]
    return Quantity(value, unit, m.group("approx"), m.start(), m.end(),
                    doc.text[m.start():m.end()])  # fmt: skip


def quantity_in(quantities: list[Quantity], start: int, end: int, unit: str) -> Quantity | None:
    """The first quantity of ``unit`` inside the span [start, end)."""
    return next((q for q in quantities if q.unit == unit and start <= q.start < end), None)


_WORDS = {"two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
          "nine": 9, "ten": 10, "a dozen": 12, "dozens of": 24, "several": 3,
          "thousands of": 2000}  # fmt: skip
_FORMATIONS = {"brigade": 4000, "battalion": 800, "division": 12000, "regiment": 2500}
_FORMATION = re.compile(
    rf"\b(?P<word>{'|'.join(_WORDS)}|\d+)\s+(?:[a-zA-Z-]+\s+)?(?P<unit>"
    + "|".join(_FORMATIONS)
    + r")s?\b",
    re.I,
)


_IN_WORDS = {"two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
             "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "a dozen": 12}  # fmt: skip
_CRAFT_IN_WORDS = re.compile(
    rf"\b(?P<word>(?i:{'|'.join(_IN_WORDS)}))\s+(?:{_NOT_BETWEEN}[A-Za-z0-9.-]+\s+){{0,3}}?"
    r"(?P<unit>(?i:" + "|".join(f"(?P<{k}>{_UNITS[k]})" for k in _CRAFT) + r"))\b"
    r"(?!\s+carriers?\b)"  # "two aircraft carriers": ships
)


def craft_in_words(doc: Document) -> list[Quantity]:
    """Ships and aircraft counted in words ("Two Chinese coast guard vessels", "a dozen
    fighter jets"), as the press writes small counts."""
    out = []
    for m in _CRAFT_IN_WORDS.finditer(doc.text):
        unit = next(k for k in _CRAFT if m.group(k))
        out.append(Quantity(float(_IN_WORDS[m.group("word").lower()]), unit, None, m.start(),
                            m.end(), m.group()))  # fmt: skip
    return out


def formations(doc: Document) -> list[Quantity]:
    """Formations counted in words ("two brigades"), as troops at a typical size each; the
    size per formation is an assumption the draft states (``approx`` names it)."""
    out = []
    for m in _FORMATION.finditer(doc.text):
        word = m.group("word").lower()
        n = int(word) if word.isdigit() else _WORDS[word]
        size = _FORMATIONS[m.group("unit").lower()]
        out.append(Quantity(float(n * size), "troops", f"{n} x {size} per {m.group('unit')}",
                            m.start(), m.end(), m.group()))  # fmt: skip
    return out
