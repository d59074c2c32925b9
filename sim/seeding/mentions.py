"""Finding the actors a document names, and writing sentences with actors as tags.

A mention is a span of the document that stands for an actor: a name, demonym or metonym from
the gazetteer (a capital after "in", "at", "near" is a place, not a metonym), a group word
("Western", expanded later), or an office holder. Office holders are
bound through their title: "<actor> <title> <Name>" ("NATO Secretary-General Mark Rutte") binds
the person to the actor, so a later bare surname ("Rutte noted") names it too; an unqualified
"<title> <Name>" takes the actor that a sentence opened with "In <actor>," set as context, else,
for a minister or spokesperson, the state of the dateline's capital ("BOGOTA, Jan 20 -").
"""

from __future__ import annotations

import datetime as dt
import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass

from sim.seeding.datelines import dateline_state
from sim.seeding.gazetteer import Gazetteer
from sim.seeding.leaders import KnownPeople, former, named_leaders, text_year, titled_leader
from sim.seeding.text import Document, Sentence

_NAME = r"[A-Z][a-zà-ÿ'’-]+(?:\s+(?:[A-Z]\.\s+)?[A-Z][a-zà-ÿ'’-]+){0,2}"  # "Joseph R. Biden"
_LOCATIVE = re.compile(r"\b(?:in|at|near|outside|inside|around)\s+$")
TAG = re.compile(r"⟦(?P<id>[a-z0-9_]+):(?P<form>[ndmgo])⟧")


@dataclass(frozen=True)
class Mention:
    """A span naming an actor; ``form`` is n(ame), d(emonym), m(etonym), g(roup), o(ffice)."""

    start: int
    end: int
    actor: str
    form: str


@dataclass(frozen=True)
class Tagged:
    """A sentence with every mention replaced by ``⟦actor:form⟧``, and the way back to spans."""

    sentence: Sentence
    text: str
    offsets: tuple[int, ...]  # tagged position -> document offset

    def span(self, start: int, end: int) -> tuple[int, int]:
        """The document span of a match in the tagged text."""
        return self.offsets[start], self.offsets[max(start, end - 1)] + 1


def find_mentions(doc: Document, gaz: Gazetteer, published: dt.date | None = None) -> list[Mention]:
    """Every actor mention in the document, in order, never overlapping (``published``: the
    publication date the user gave, which dates the leaders a text names when it does not)."""
    text = _mask(doc.text, gaz.not_actors)
    found: list[Mention] = []
    for m in gaz.alias_pattern().finditer(text):
        alias = m.group("alias")
        if alias in gaz.groups:
            found.append(Mention(m.start(), m.end(), "west", "g"))
        else:
            actor, form = gaz.aliases[alias]
            if text[m.start() - 1 : m.start()] == "-" == text[m.end() : m.end() + 1]:
                continue  # "PORT-AU-PRINCE" holds no African Union
            owner = text[m.end() : m.end() + 2] in ("'s", "’s")  # "in Moscow's war"
            if form == "m" and not owner and _LOCATIVE.search(text, max(0, m.start() - 12),
                                                              m.start()):  # fmt: skip
                continue  # "talks in Beijing": the capital is a place here, not the state
            found.append(Mention(m.start(), m.end(), actor, form))
    found += _office_holders(doc, gaz, found, text_year(doc, published))
    return _without_lone_contextual(_non_overlapping(found), text, gaz)


def located_capitals(doc: Document, gaz: Gazetteer) -> list[Mention]:
    """Capitals and seats named as places ("fired missiles at Riyadh", "talks in Beijing"):
    not actors, but the state whose capital was hit when an attack names it as its target."""
    text = _mask(doc.text, gaz.not_actors)
    out = []
    for m in gaz.alias_pattern().finditer(text):
        alias = m.group("alias")
        if alias in gaz.groups or gaz.aliases[alias][1] != "m":
            continue
        if _LOCATIVE.search(text, max(0, m.start() - 12), m.start()):
            out.append(Mention(m.start(), m.end(), gaz.aliases[alias][0], "m"))
    return out


_AFFILIATION = re.compile(r"-(?:linked|affiliated|aligned|allied|inspired|backed)\b")


def named_as_themselves(text: str, mentions: list[Mention]) -> tuple[str, ...]:
    """The actors the document names as themselves, in order of first mention: not those it
    names only as an affiliation or patron of others ("Islamic State-linked jihadists", "al
    Qaeda-affiliated fighters", "Iran-backed militias"): a bare "the militants" elsewhere in the
    text is not them (``Resolver.present``)."""
    return tuple(dict.fromkeys(m.actor for m in mentions if m.form != "g"
                               and not _AFFILIATION.match(text, m.end)))  # fmt: skip


def _without_lone_contextual(found: list[Mention], text: str, gaz: Gazetteer) -> list[Mention]:
    """Drop "the North" unless North Korea is also named otherwise in the document."""

    def contextual(m: Mention) -> bool:
        return text[m.start : m.end].removeprefix("the ") in gaz.contextual or (
            text[m.start : m.end] in gaz.contextual
        )

    named = {m.actor for m in found if not contextual(m)}
    return [m for m in found if not contextual(m) or m.actor in named]


def _mask(text: str, phrases: tuple[str, ...]) -> str:
    """Blank out phrases that look like actors but are not (same length, offsets kept)."""
    for p in phrases:
        text = re.sub(rf"\b{re.escape(p)}\b", lambda m: "#" * len(m.group()), text)
    return text


def _office_holders(doc: Document, gaz: Gazetteer, found: list[Mention],
                    year: int | None = None) -> list[Mention]:  # fmt: skip
    """Office holders named through their title, then later bare mentions of their surnames.

    Linear in the document: mentions are looked up by start offset in a dict, and every
    person's later mentions are found in one pass of one pattern over the text.
    """
    titles = "|".join(re.escape(t) for t in sorted(gaz.titles, key=len, reverse=True))
    title_re = re.compile(rf"\b(?:{titles})\s+(?P<person>{_NAME})")
    starts: dict[int, str] = {}
    for m in found:
        starts.setdefault(m.start, m.actor)
    people = KnownPeople(doc.text, year)  # "Putin vowed": surnames a reader knows
    out: list[Mention] = []
    context: str | None = None  # set by a sentence opening "In <actor>, ..."
    host = dateline_state(doc, gaz)
    for a, b, leader in named_leaders(doc.text, year):  # "Cyril Ramaphosa", "Kim Jong-un"
        out.append(Mention(a, b, leader.state, "o"))
        people.learn(_names_of(doc.text[a:b]) + [leader.surname], leader.state)
    for s in doc.sentences:
        opener = re.match(r"In\s+", s.text)
        if opener:
            context = starts.get(s.start + opener.end(), context)
        named_here = {starts[i] for i in range(s.start, s.end) if i in starts}
        for m in title_re.finditer(doc.text, s.start, s.end):
            leader = _LEADER_TITLES.match(m.group()) and named_here & {host} == {host}
            title = doc.text[m.start() : m.start("person")]
            known = titled_leader(title, m.group("person"), year)  # "President Ramaphosa"
            known = None if former(doc.text, m.start()) else known
            owner = (
                _actor_just_before(found, m.start(), doc.text)
                or (known.state if known else None)
                or context
                or (host if _HOST_TITLES.match(m.group()) or leader else None)
            )
            if owner is not None:
                out.append(Mention(m.start(), m.end(), owner, "o"))
                extra = [known.surname] if known and known.state == owner else []
                people.learn(_names_of(m.group("person")) + extra, owner)
    named = people.names()
    return out + _people_mentions(doc.text, named) if named else out


def _names_of(person: str) -> list[str]:
    """The forms a later sentence may name a person by: the full name, the surname (the first
    word of an East Asian name: "Kim Jong-un" is "Kim"), and the surname's other
    transliterations ("Zelenskiy", "Zelensky", "Zelenskyy")."""
    words = [w for w in person.split() if not re.fullmatch(r"[A-Z]\.", w)]
    surname = words[0] if re.search(r"-[a-z]", words[-1]) and len(words) > 1 else words[-1]
    out = [person, " ".join(words), surname]
    stem = re.sub(r"(?:iy|yy|y|ij|i)$", "", surname)
    if len(stem) >= 6 and stem != surname:
        out += [stem + end for end in ("iy", "yy", "y", "i")]
    return out


_NAME_AT = re.compile(_NAME)
_NAME_BEFORE = re.compile(r"[A-Z][\w'’-]*\s+$")


def _people_mentions(text: str, people: dict[str, str]) -> list[Mention]:
    """Every mention of a known person's name or surname: at each capitalised word, the longest
    run of up to three capitalised words that is a known name (dict lookups, one pass)."""
    out: list[Mention] = []
    for w in re.finditer(r"(?<![\w'’-])[A-Z]", text):
        run = _NAME_AT.match(text, w.start())
        if run is None:
            continue
        words = run.group().split()
        inside = _NAME_BEFORE.search(text, max(0, w.start() - 30), w.start()) is not None
        for k in range(len(words), 1 if inside else 0, -1):  # "Abu Mahdi": not Mr Mahdi
            name = " ".join(words[:k])
            end = w.start() + len(name)
            if (
                name in people
                and run.group().startswith(name)
                and not (end < len(text) and (text[end].isalnum() or text[end] in "'’-"))
            ):
                out.append(Mention(w.start(), end, people[name], "o"))
                break
    return out


_HOST_TITLES = re.compile(r"(?:\w+ )?(?:Minister|Secretary|spokes\w+)\b")
# a president or prime minister by title alone is the host's only when the same sentence names
# the host ("South Korea's military returned fire, and President Lee ordered ...")
_LEADER_TITLES = re.compile(r"(?:President|Prime Minister)\b")


def _actor_just_before(found: list[Mention], start: int, text: str) -> str | None:
    """The actor whose mention ends right before ``start`` (only blanks between, or its
    possessive and up to two lower-case words); the first such mention in ``found``'s order.

    Looked up by end offset in an index of ``found`` built once per list (kept for the next
    call), so a document's title mentions cost linear time, not mentions x text length.
    """
    ends = _ends_index(found)
    first = start
    while first > 0 and text[first - 1].isspace():
        first -= 1
    hits = [ends[e] for e in range(first, start + 1) if e in ends]
    if not hits:  # "Iraq's caretaker Prime Minister": a possessive and up to two lower words
        m = _OWNER_BEFORE.search(text, max(0, start - 40), start)
        hits = [ends[m.start()]] if m and m.start() in ends else []
    if not hits:  # "Turkish Interior Minister": up to two words of the office between
        hits = [ends[e] for e in range(max(0, start - 30), start)
                if e in ends and _OFFICE_BEFORE.match(text[e:start])][-1:]  # fmt: skip
    return min(hits)[1] if hits else None


_OWNER_BEFORE = re.compile(r"['’]s(?:\s+[a-z-]+){0,2}\s+$")
# "Turkish Interior Minister", "Israeli Deputy Prime Minister": words of the office between
_OFFICE_BEFORE = re.compile(r"^(?:\s+[A-Z][a-z]+){1,2}\s+$")


_INDEX: list = [None, 0, {}]  # the last ``found`` list, its length, its end -> (order, actor)


def _ends_index(found: list[Mention]) -> dict[int, tuple[int, str]]:
    if _INDEX[0] is not found or _INDEX[1] != len(found):
        index: dict[int, tuple[int, str]] = {}
        for order, m in enumerate(found):
            if m.form != "g":
                index.setdefault(m.end, (order, m.actor))
        _INDEX[:] = [found, len(found), index]
    return _INDEX[2]


def _non_overlapping(found: list[Mention]) -> list[Mention]:
    """Keep the earliest, then longest, mention wherever two overlap."""
    out: list[Mention] = []
    for m in sorted(found, key=lambda m: (m.start, -(m.end - m.start))):
        if not out or m.start >= out[-1].end:
            out.append(m)
    return out


def tag_sentence(doc: Document, s: Sentence, mentions: list[Mention]) -> Tagged:
    """The sentence with its mentions replaced by tags, keeping each position's offset."""
    parts: list[str] = []
    offsets: list[int] = []
    pos = s.start
    for m in _within(mentions, s.start, s.end):
        parts.append(doc.text[pos : m.start])
        offsets.extend(range(pos, m.start))
        tag = f"⟦{m.actor}:{m.form}⟧"
        parts.append(tag)
        offsets.extend([m.start] * (len(tag) - 1) + [m.end - 1])
        pos = m.end
    parts.append(doc.text[pos : s.end])
    offsets.extend(range(pos, s.end))
    offsets.append(s.end)
    return Tagged(s, "".join(parts), tuple(offsets))


_STARTS: list = [None, 0, None]  # the last mentions list, its length, its starts if sorted


def _within(mentions: list[Mention], start: int, end: int) -> list[Mention]:
    """The mentions inside [start, end], in order; ``mentions`` is sorted by start (as
    ``find_mentions`` returns it), so a binary search finds them (linear for a document)."""
    if _STARTS[0] is not mentions or _STARTS[1] != len(mentions):
        starts = [m.start for m in mentions]
        _STARTS[:] = [mentions, len(mentions), starts if starts == sorted(starts) else None]
    starts = _STARTS[2]
    if starts is None:  # not sorted: scan, as before
        return [m for m in mentions if start <= m.start and m.end <= end]
    lo, hi = bisect_left(starts, start), bisect_right(starts, end)
    return [m for m in mentions[lo:hi] if m.end <= end]
