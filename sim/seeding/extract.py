"""The whole extraction: a document in, every finding with its span out (no scenario yet).

Order: check and split the document; find actor mentions (gazetteer, office holders); parse each
sentence (spaCy) and give its tokens their actors (the named-entity fallback adds actors the
gazetteer lacks); read relations and events off the parse (``clauses``), threats and
conditionals (``threats``, with the older surface rules as a fallback), the noun-phrase
relations the parse shows poorly (``patterns``: "security agreement between A and B",
restrictions on supplied weapons); places, quantities and the forces they size; date the
document. An actor named only in passing (in no finding) does not become an actor of the draft.
A document that names no actor at all (unnamed "rebels" or "gunmen" are not enough) is refused.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, replace
from pathlib import Path

from sim.seeding.clauses import clause_findings
from sim.seeding.coalitions import coalition_findings
from sim.seeding.conditionals import find_conditionals
from sim.seeding.datelines import dateline_state
from sim.seeding.dates import DocumentDate, date_of
from sim.seeding.errors import BadDocumentError
from sim.seeding.findings import Finding
from sim.seeding.force_owners import StatedForce, stated_forces
from sim.seeding.forces_moving import moving_forces
from sim.seeding.gazetteer import Gazetteer, for_document, standard_gazetteer
from sim.seeding.groups import with_document_groups
from sim.seeding.headline import headline_subjects
from sim.seeding.mentions import (
    Mention,
    Tagged,
    find_mentions,
    located_capitals,
    named_as_themselves,
    tag_sentence,
)
from sim.seeding.nlp import parse_sentences
from sim.seeding.patterns import find_in_sentence
from sim.seeding.phrases import Parsed
from sim.seeding.places import PlaceFinding, find_places
from sim.seeding.quantities import Quantity, find_quantities
from sim.seeding.resolver import Resolver
from sim.seeding.tagging import actors_of_tokens, dateline_length
from sim.seeding.taking_part import (
    helpers_and_patrons,
    hosts_only,
    parties,
    places_only,
    recalled,
)
from sim.seeding.text import Document, read_document
from sim.seeding.threats import ThreatContext, threat_findings
from sim.seeding.unnamed_groups import UNNAMED_IDS, add_unnamed_groups
from sim.seeding.unread import reports_hostilities

__all__ = ["DocumentDate", "Extraction", "extract", "extract_file"]


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
    forces: list[StatedForce] = ()  # type: ignore[assignment]
    passing: tuple[str, ...] = ()  # actors named only in passing (not drafted)
    unread: tuple[int, ...] = ()  # sentences with an event verb that yielded no finding


def extract_file(path: Path | str, published: dt.date | None = None) -> Extraction:
    """Read, check and extract one seed document (``published``: its publication date, when
    the user knows it: ``dates.date_of``)."""
    return extract(read_document(path), published=published)


def extract(doc: Document, gaz: Gazetteer | None = None,
            published: dt.date | None = None) -> Extraction:  # fmt: skip
    """Every actor, finding, place and quantity of a checked document."""
    gaz = with_document_groups(doc.text, for_document(doc.text, gaz or standard_gazetteer()))
    mentions = find_mentions(doc, gaz, published)
    leads = [dateline_length(s.text) for s in doc.sentences]
    texts = [_as_parsed(doc, s, n, mentions) for s, n in zip(doc.sentences, leads, strict=True)]
    sdocs = parse_sentences(texts)
    capitals = located_capitals(doc, gaz)
    parsed = [actors_of_tokens(s, sd, mentions, gaz, n, capitals)
              for s, sd, n in zip(doc.sentences, sdocs, leads, strict=True)]  # fmt: skip
    kinds = {aid: a.kind for aid, a in gaz.actors.items()}
    add_unnamed_groups(parsed, kinds, _introduced(gaz))  # "rebels", when no group is named
    new = {aid: a for p in parsed for aid, a in p.new_actors.items() if aid not in gaz.actors}
    gaz = replace(gaz, actors={**gaz.actors, **new}) if new else gaz
    mentions = sorted(mentions + _entity_mentions(parsed), key=lambda m: m.start)
    if not any(m.form != "g" and m.actor not in UNNAMED_IDS for m in mentions):  # "rebels"
        raise BadDocumentError(
            doc.path,
            "it names no state or alliance (nor any armed group) the gazetteer knows",
            "Seeding needs at least one actor (e.g. 'Russia', 'NATO', 'North Korean', "
            "'Pyongyang'); add missing names to sim/seeding/data/gazetteer.yaml.",
        )
    groups = {"west": tuple(a for a in gaz.groups["Western"] if a in {m.actor for m in mentions})}
    tagged = [tag_sentence(doc, s, mentions) for s in doc.sentences]
    kinds = {aid: a.kind for aid, a in gaz.actors.items()}
    present = named_as_themselves(doc.text, mentions)  # not "Islamic State-linked jihadists"
    introduced = frozenset(a for a in gaz.actors if a not in standard_gazetteer().actors
                           and not _BODIES_OF_STATES.search(gaz.actors[a].name))  # fmt: skip
    resolver = Resolver(kinds, home=dateline_state(doc, gaz), present=present,
                        introduced=introduced)  # fmt: skip
    findings, unread = _read(parsed, tagged, groups, resolver)
    named: dict[str, Mention] = {}
    for m in mentions:
        if m.form != "g":
            named.setdefault(m.actor, m)
    quantities = find_quantities(doc)
    forces = stated_forces(quantities, parsed, resolver)
    background = recalled(findings, parsed)  # once per document, not once per finding
    taking_part = parties([f for f in findings if f not in background])
    taking_part |= {a for p in parsed for a in p.participants}
    taking_part -= places_only(findings, parsed, kinds)  # "planning to invade Transnistria"
    taking_part |= {f.actor for f in forces}
    taking_part |= headline_subjects(parsed, doc.text)  # "Islamabad vows to respond"
    taking_part |= {a for p in parsed for a in moving_forces(p)}  # "troops from Niger arrived"
    taking_part |= {a for p in parsed for a in helpers_and_patrons(p)}  # "Iran-backed group"
    taking_part -= hosts_only(findings, gaz.actors, parsed)  # "Israel's first attack on Yemen"
    for m in capitals:  # "fired missiles at Riyadh": a capital hit names its state
        if m.actor in taking_part:
            named.setdefault(m.actor, m)
    actors = {a: m for a, m in named.items() if a in taking_part} or named
    findings = [f for f in findings if all(p is None or p in actors for p in f.parties)]
    kept = [f for f in forces if f.actor in actors]
    return Extraction(doc, actors, mentions, tagged, findings, find_places(doc, tagged, gaz),
                      quantities, date_of(doc, published), gaz, kept,
                      tuple(a for a in named if a not in actors), tuple(unread))  # fmt: skip


# introduced names of bodies of states, never "the rebels": "the East African Community (EAC)"
_BODIES_OF_STATES = re.compile(r"\b(?:Community|Union|Organi[sz]ation|States)\b")


def _read(parsed: list[Parsed], tagged: list[Tagged], groups: dict[str, tuple[str, ...]],
          resolver: Resolver) -> tuple[list[Finding], list[int]]:  # fmt: skip
    """Findings of every sentence, and the sentences whose event verbs yielded none."""
    findings: list[Finding] = []
    unread: list[int] = []
    threats = ThreatContext()  # carried from sentence to sentence ("If this continues, ...")
    for p, t in zip(parsed, tagged, strict=True):
        got, had_event = clause_findings(p, resolver)
        got += coalition_findings(p, resolver)
        resolver.read(p)  # after the sentence: "the junta" means the last one named
        seen = {(f.kind, f.parties) for f in got}
        got += [f for f in find_in_sentence(t, groups) if (f.kind, f.parties) not in seen]
        got += threat_findings(p, resolver, threats) or find_conditionals(t)
        threats.hostile_before = reports_hostilities(p)
        if not got and (had_event or threats.hostile_before):  # listed as unread
            unread.append(p.sentence.number)
        findings += got
    return findings, unread


def _as_parsed(doc: Document, s, lead: int, mentions: list[Mention]) -> str:
    """The sentence as the parser reads it: after its dateline, with names written in capitals
    ("ECOWAS", "HTS") in title case, same length ("Ecowas"): the small English pipeline takes a
    capitalised word ending in S for a verb ("ECOWAS imposed sanctions" parsed as "ECOWAS" the
    verb). Offsets do not move, and quotes are always cut from the document itself."""
    start = s.start + lead
    chars = list(doc.text[start : s.end])
    for m in mentions:
        if start <= m.start and m.end <= s.end:
            word = doc.text[m.start : m.end]
            for w in re.finditer(r"\b[A-Z]{3,}\b", word):
                a = m.start - start + w.start()
                chars[a : a + len(w.group())] = w.group().capitalize()
    return "".join(chars)


def _introduced(gaz: Gazetteer) -> tuple[str, ...]:
    """The actors the document introduced itself (``groups``), not the gazetteer's."""
    return tuple(a for a in gaz.actors if a not in standard_gazetteer().actors)


def _entity_mentions(parsed: list[Parsed]) -> list[Mention]:
    """Mentions of the actors the named-entity fallback found (whole entity spans)."""
    return [Mention(a, b, aid, "n") for p in parsed for a, b, aid in p.fallback]
