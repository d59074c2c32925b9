"""Quantities in a document: troops, ships, aircraft and money, with approximations.

"around 10,000 troops", "some 2,000 personnel", "12 warships", "$2.5 billion". Each quantity
keeps its exact span; the approximation word ("around", "some", "up to") is kept as written.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from sim.seeding.text import Document

_APPROX = (r"(?P<approx>around|about|some|roughly|approximately|nearly|almost|more than|over|"
           r"upwards of|"
           r"up to|at least|an estimated|as many as|close to|fewer than|less than)\s+")  # fmt: skip
_NUMBER = r"(?P<num>\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?)"
_SCALE = r"(?:\s*(?P<scale>thousand|million|billion|k)\b)?"
_UNITS = {
    "troops": r"troops|soldiers|personnel|service members|servicemen|marines|fighters|"
    r"paratroopers|sailors|peacekeepers|mercenaries|contractors|reservists|conscripts|men|"
    r"instructors|advisers|advisors|trainers|police officers|police|policemen|gendarmes|"
    r"commandos|guardsmen|militiamen|combatants",
    "ships": r"warships|ships|vessels|destroyers|frigates|submarines|carriers|boats",
    "aircraft": r"aircraft|jets|fighter jets|planes|bombers|helicopters|drones",
}
_SCALES = {"thousand": 1e3, "k": 1e3, "million": 1e6, "billion": 1e9, None: 1.0}
_COUNTED = re.compile(
    rf"(?:{_APPROX})?{_NUMBER}{_SCALE}\s+(?:[a-zA-Z.-]+\s+(?:and\s+[a-zA-Z.-]+\s+)?){{0,2}}?"
    r"(?P<unit>(?i:" + "|".join(f"(?P<{k}>{v})" for k, v in _UNITS.items()) + r"))\b"
)
# "a 10,000-strong force": a force's strength written before it
_STRONG = re.compile(
    rf"(?:{_APPROX})?{_NUMBER}{_SCALE}-strong\s+(?:[a-zA-Z.-]+\s+){{0,2}}?"
    r"(?:force|contingent|army|mission|brigade|battalion|unit|corps|militia|garrison)\b"
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
    for m in _MONEY.finditer(doc.text):
        out.append(_quantity(m, "money", doc))
    out += formations(doc)
    out += planned_totals(doc, [q for q in out if q.unit == "troops"])
    return sorted(out, key=lambda q: q.start)


# "about 750 troops, a number that would rise to 2,500", "800 troops in Mali, and expects to
# ramp up to a total of 2,500": the number the same count is said to reach, its unit unsaid
_TOTAL = re.compile(
    rf"\b(?:rise|rises|rising|grow|grows|increase|increased|ramp up|swell|climb|reach|"
    rf"bring(?:ing)? (?:it|the total|that|the number))\s+(?:up\s+)?(?:to\s+)?"
    rf"(?:a total of\s+)?(?:{_APPROX})?{_NUMBER}{_SCALE}(?!\d|,\d|\s*(?:%|percent|per cent|"
    rf"[a-z]+(?<!that)(?<!who)(?<!which)(?<!by)(?<!in)(?<!and)\b))"
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


@dataclass(frozen=True)
class StatedForce:
    """Troops the document counts and whose they are: "some 1,500 French soldiers"."""

    actor: str
    quantity: Quantity
    where: str | None  # the actor on whose land they stand ("in Niger"), if the text says


def stated_forces(quantities: list[Quantity], parsed: list, resolver=None) -> list[StatedForce]:
    """Each troop count with the actor it belongs to: the mission it makes up ("the AU's
    mission, made up of some 9,000 Ugandan and Burundian troops"), else a demonym or name inside
    its phrase, else the possessor ("its 1,500 troops"), else its "from X" ("5,000 soldiers
    from Mali"), else the subject of the verb it depends on
    ("the military said it had called up 300,000 reservists": with ``resolver``, the
    document's resolver, an unowned "the military" is the dateline's state). A people's
    demonym on fighters or mercenaries ("2,000 Syrian fighters paid by Ankara") names no
    state's force."""
    from sim.seeding.phrases import phrase_actors  # the parse layer sits above this module

    out: list[StatedForce] = []
    for q in (q for q in quantities if q.unit == "troops"):
        if q.follows is not None:  # "to a total of 2,500": the count it continues is whose
            out += [replace(f, quantity=q) for f in out if f.quantity.start == q.follows][:1]
            continue
        p = next((p for p in parsed if p.sentence.start <= q.start < p.sentence.end), None)
        if p is None:
            continue
        tokens = [t for t in p.doc if q.start <= p.offset(t) < q.end]
        if not tokens:
            continue
        noun = tokens[-1]
        if _casualties(noun.head) and (noun.dep_ in ("dobj", "nsubjpass")
                                       or noun.head.lemma_.lower() in _DIED):  # fmt: skip
            continue  # "a battle that killed more than 70 Vietnamese soldiers": the victims
        owner = _body_of(p, noun, phrase_actors)
        if noun.lower_ in _IRREGULARS and any(t.tag_ == "JJ" and t.i in p.actor_at
                                                for t in tokens):  # fmt: skip
            continue  # "2,000 Syrian fighters paid by Ankara": a people, no state's force
        owner = owner or [p.actor_at[t.i] for t in tokens if t.i in p.actor_at]
        owner = owner or [p.actor_at[c.i] for c in noun.children
                          if c.dep_ == "poss" and c.i in p.actor_at]  # fmt: skip
        owner = owner or [
            p.actor_at[g.i]
            for c in noun.children  # "5,000 soldiers from Mali"
            if c.dep_ == "prep" and c.lower_ == "from"
            for g in c.children
            if g.dep_ == "pobj" and g.i in p.actor_at
        ]
        head = noun
        while not owner and head.dep_ not in ("ROOT",) and head.pos_ not in ("VERB", "AUX"):
            head = head.head
        if not owner and head.pos_ in ("VERB", "AUX"):
            if _casualties(head):
                continue  # "killed about 40 soldiers": the victims, not the killers' troops
            owner = _subject(p, head, resolver)
        if owner:
            out.append(StatedForce(owner[0], q, _place(p, noun, head, phrase_actors)))
    return out


_MADE_UP = {"make", "compose", "comprise", "consist", "include"}


def _body_of(p, noun, phrase_actors) -> list[str]:
    """The owner of the force a count makes up: "the African Union's mission, made up of some
    9,000 Ugandan and Burundian troops" counts the AU's mission, not Uganda's army."""
    verb = noun.head.head if noun.head.lower_ == "of" else noun.head
    if verb.lemma_.lower() not in _MADE_UP:
        return []
    body = [verb.head] if verb.dep_ == "acl" else [c for c in verb.children if c.dep_ == "nsubj"]
    return [a for b in body if b.pos_ in ("NOUN", "PROPN") for a in phrase_actors(p, b)]


def _casualties(verb) -> bool:
    """Whether a verb makes its counted object casualties or captives, not forces."""
    from sim.seeding.verbs import verbs

    lemma = verb.lemma_.lower()
    cls = verbs().by_lemma.get(lemma)
    return lemma in _HARMED or (cls is not None and cls.kind == "war")


_HARMED = {"wound", "injure", "hurt", "lose", "abduct", "kidnap", "detain", "arrest", "free",
           "release", "capture", "die"}  # fmt: skip
_DIED = {"die"}  # "40 soldiers died": the subject is the victim


_IRREGULARS = {"fighters", "mercenaries", "militiamen", "combatants", "contractors"}


def _subject(p, verb, resolver=None) -> list[str]:
    """The verb's subject as the sentence was read (pronouns and "the armed forces" resolved),
    else as its own words say (a bare "the military" or "the army" the dateline's state)."""
    from sim.seeding.clauses import subject_of
    from sim.seeding.resolver import Resolver

    fresh = Resolver() if resolver is None else Resolver(
        resolver.kinds, home=resolver.home, present=resolver.present)  # fmt: skip
    return (p.verb_subjects.get(verb.i) or subject_of(p, verb, fresh)
            or _whose(p, verb) or _antecedent_says(p, verb))  # fmt: skip


def _antecedent_says(p, verb) -> list[str]:
    """ "Hezbollah, which says it has 100,000 fighters": "it" in what a relative clause says
    is the clause's antecedent."""
    from sim.seeding.phrases import PRONOUNS, phrase_actors

    if not any(c.dep_ == "nsubj" and c.lower_ in PRONOUNS for c in verb.children):
        return []
    relcl = next((a for a in verb.ancestors if a.dep_ == "relcl"), None)
    return phrase_actors(p, relcl.head)[:1] if relcl is not None else []


def _whose(p, verb) -> list[str]:
    """ "Ghana, whose parliament approved the deployment of 205 soldiers", "General Badjie,
    whose forces number about 2,500 soldiers": a subject "whose X" is the antecedent's, and
    an antecedent that names none is its own phrase's owner ("Gambia's army chief")."""
    from sim.seeding.phrases import phrase_actors

    for clause in (verb, *verb.ancestors):
        if clause.dep_ != "relcl":
            continue
        subj = [c for c in clause.children if c.dep_ in ("nsubj", "nsubjpass")]
        if subj and any(c.lower_ == "whose" for c in subj[0].children):
            head = clause.head
            while head is not None:
                found = phrase_actors(p, head) or [
                    p.actor_at[t.i] for t in head.subtree if t.i in p.actor_at and t.i < clause.i
                ]
                if found:
                    return found[:1]
                head = head.head if head.dep_ == "appos" else None
        return []
    return []


def _place(p, noun, verb, phrase_actors) -> str | None:
    """The actor on whose land the troops stand: "in/to/into X" on the noun or the verb."""
    for h in (noun, verb, *[c for c in noun.children if c.dep_ == "acl"]):
        preps = [c for c in h.children if c.dep_ == "prep" and c.lower_ in ("in", "to", "into")]
        for prep in preps:
            for g in (c for c in prep.children if c.dep_ == "pobj"):
                found = phrase_actors(p, g)
                if found:
                    return found[0]
    return None
