"""Relations and events by pattern: ``data/patterns.yaml`` matched on tagged sentences.

A pattern names its parties by slot ({A}, {B}); the words between them come from the word
lists. A finding is negated when a negation word stands in its match or in the stretch of its
clause before it ("China denied sending troops to Russia"), hedged when a hedge does ("could
soon", "the possibility of adjusting"), and a fact otherwise, unless the pattern says
``modality: fact``. Group words ("Western") expand to the group's members the document names.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from sim.seeding.findings import FACT, HEDGED, NEGATED, Finding, load_data
from sim.seeding.mentions import TAG, Tagged

_PLACEHOLDER = re.compile(r"\{([A-Za-z_]+)\}")
_CLAUSE_START = re.compile(r".*(?:[,;:]|\bthat\b|\bwhile\b|\bbut\b|\bwhich\b)", re.S)


@dataclass(frozen=True)
class Pattern:
    """One compiled pattern with what it finds."""

    kind: str
    action: str
    regex: re.Pattern[str]
    modality: str | None
    restricted: bool


@cache
def compiled_patterns() -> tuple[Pattern, ...]:
    """Every pattern of ``data/patterns.yaml`` with its slots and word lists filled in."""
    data = load_data("patterns.yaml")
    table = {**data["slots"], **data["words"]}

    def fill(text: str) -> str:
        return _PLACEHOLDER.sub(lambda m: table.get(m.group(1), m.group(0)), text)

    return tuple(
        Pattern(
            p["kind"],
            p["action"],
            re.compile(fill(rx)),
            p.get("modality"),
            bool(p.get("restricted", False)),
        )  # fmt: skip
        for p in data["patterns"]
        for rx in p["regex"]
    )


@cache
def _modality_words() -> tuple[re.Pattern[str], re.Pattern[str]]:
    m = load_data("patterns.yaml")["modality"]
    return re.compile(m["negation"], re.I), re.compile(m["hedge"], re.I)


def modality_of(tagged: Tagged, start: int, end: int) -> str:
    """Negated, hedged or fact, from the match and its clause's stretch before it."""
    before = tagged.text[:start]
    clause = before[_CLAUSE_START.match(before).end() :] if _CLAUSE_START.match(before) else before
    window = TAG.sub(" ", clause + tagged.text[start:end])
    negation, hedge = _modality_words()
    if negation.search(window):
        return NEGATED
    if hedge.search(window):
        return HEDGED
    return FACT


def find_in_sentence(tagged: Tagged, groups: dict[str, tuple[str, ...]]) -> list[Finding]:
    """Every pattern's findings in one tagged sentence, with group words expanded."""
    out: list[Finding] = []
    for p in compiled_patterns():
        for m in p.regex.finditer(tagged.text):
            out += _findings(p, m, tagged, groups)
    return _dedupe(out)


def _findings(p: Pattern, m: re.Match[str], tagged: Tagged,
              groups: dict[str, tuple[str, ...]]) -> list[Finding]:  # fmt: skip
    """The findings of one match: one per pair of parties after expanding groups."""
    start, end = tagged.span(m.start(), m.end())
    quote = tagged_quote(tagged, start, end)
    modality = p.modality or modality_of(tagged, m.start(), m.end())
    attrs = {k: v for k, v in m.groupdict().items() if k in ("goods",) and v}
    if p.restricted:
        attrs["restricted"] = True
    firsts = _expand(m.groupdict().get("a"), groups)
    if m.groupdict().get("a2"):
        firsts += _expand(m.group("a2"), groups)
    seconds = (
        [t.group("id") for t in TAG.finditer(m.group("list"))]
        if "list" in m.groupdict()
        else _expand(m.groupdict().get("b"), groups)
    )
    return [
        Finding(
            p.kind,
            p.action,
            (a, b),
            modality,
            tagged.sentence.number,
            start,
            end,
            quote,
            dict(attrs),
        )  # fmt: skip
        for a in firsts
        for b in seconds
        if a is None or a != b
    ]


def tagged_quote(tagged: Tagged, start: int, end: int) -> str:
    """The exact document text of a span (the sentence holds it)."""
    s = tagged.sentence
    return s.text[start - s.start : end - s.start].strip()


def _expand(actor: str | None, groups: dict[str, tuple[str, ...]]) -> list[str | None]:
    if actor is None:
        return [None]
    if actor in groups:
        return list(groups[actor])
    return [actor]


def _dedupe(found: list[Finding]) -> list[Finding]:
    """One finding per kind and parties in a sentence: the first pattern's."""
    seen: set[tuple] = set()
    out = []
    for f in found:
        key = (f.kind, f.parties, f.sentence)
        if key not in seen:
            seen.add(key)
            out.append(f)
    return out
