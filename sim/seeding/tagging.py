"""Which token of a parsed sentence stands for which actor: the gazetteer mention it lies in,
else the named-entity recogniser's reading. A demonym it tags NORP whose stem starts a known
state's name ("Cambodian", "Thai") names that state (not a party's, a faith's or a people's:
"Republican", "Christian", "Malay"); an organisation it tags ORG that reads like
an armed group ("Rapid Support Forces", "M23 rebels") becomes an actor of its own; a name listed
with an armed group is one too. A title-case headline's capitals and an army's numbered units
("the 1st Brigade") name no group (``name_checks``). The dateline ("SEOUL, Oct 31 (Reuters) -
") is cut off first.
"""

from __future__ import annotations

import re

from sim.seeding.gazetteer import Gazetteer, KnownActor, slug
from sim.seeding.mentions import Mention
from sim.seeding.name_checks import numbered_unit, title_case
from sim.seeding.phrases import Parsed
from sim.seeding.text import Sentence

_GROUP_WORDS = re.compile(r"\b(?:rebels?|forces|group|movement|army|militias?|front|brigades?|"
                          r"resistance|taliban|fighters|jihadists|insurgents|gangs?|cartel)\b",
                          re.I)  # fmt: skip
_NOT_GROUPS = re.compile(r"\b(?:ministry|council|agency|news|wire|reuters|commission|office|"
                         r"court|parliament|bank|company|committee|press|media|kcna|"
                         r"self-defen[cs]e|navy|air force|coast guard|police|"
                         r"group of(?: seven| eight| twenty| \d+)?)\b", re.I)  # fmt: skip
# a party's members are no demonym ("the Republican president-elect" is not the Congo's), nor
# a faith's or a people's that only begins like a state's name ("Christian militias" are not
# Christmas Island's, "Malay" not Malawi's, "Roma" not Romania's, "Francophone" not France's)
_PARTIES = re.compile(r"^(?:Republicans?|Democrats?|Democratic|Conservatives?|Labour|"
                      r"Liberals?|Socialists?|Greens?|Christians?|Christianity|Israelites?|"
                      r"Malays?|Roma|Romani|Romanies|Moros?|(?:Franco|Anglo)phones?)$")  # fmt: skip
_DIRECTIONS = re.compile(r"(?:North|South|East|West|Central)(?:ern)?\b", re.I)  # not "South..."

DATELINE = re.compile(r"^[A-Z][A-Z .'’/-]{2,}(?:,[^\n]{0,60}?)?(?:\([^)]{1,30}\))?\s*[-–—]+\s+")
# a dateline in title case with the day and the agency, as EFE and AFP write it: "Rabuni, (Sahrawi
# refugee camp in Algeria), Nov 14 (efe-epa).- "
_TITLE_DATELINE = re.compile(
    r"^[A-Z][a-z]+(?:[ -][A-Z][a-z]+)*,[^\n]{0,80}?\b(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|"
    r"Nov|Dec)[a-z]*\.? \d{1,2}(?:, \d{4})?\s*\([^)]{1,30}\)\s*\.?\s*[-–—]+\s*"
)


def dateline_length(text: str) -> int:
    """How many characters of a sentence are its dateline ("SEOUL, Oct 31 (Reuters) - ")."""
    m = DATELINE.match(text) or _TITLE_DATELINE.match(text)
    return m.end() if m else 0


def actors_of_tokens(sentence: Sentence, sdoc, mentions: list[Mention], gaz: Gazetteer,
                     lead: int = 0, capitals: list[Mention] = ()) -> Parsed:  # fmt: skip
    """The parse with each token's actor: gazetteer mentions first, then the NER fallback."""
    inside = [m for m in mentions if sentence.start <= m.start < sentence.end]
    actor_at: dict[int, str] = {}
    covered: set[int] = set()  # tokens in any mention, group words ("Western") included
    for t in sdoc:
        at = sentence.start + lead + t.idx
        m = next((m for m in inside if m.start <= at < m.end), None)
        if m is not None:
            covered.add(t.i)
            if m.form != "g" and t.lower_ != "the":  # "the Iran-aligned group": not "the"
                actor_at[t.i] = m.actor
    p = Parsed(sentence, sdoc, actor_at, lead=lead)
    for m in (m for m in capitals if sentence.start <= m.start < sentence.end):
        for t in sdoc:
            if m.start <= sentence.start + lead + t.idx < m.end:
                p.capital_at[t.i] = m.actor
    headline_case = title_case(sentence.text[lead:])  # its capitals name nothing
    for ent in sdoc.ents:
        if any(t.i in covered for t in ent) or headline_case and ent.label_ != "NORP":
            continue
        known = _fallback_actor(ent, gaz) or _listed_with_group(ent, actor_at, gaz)
        if known is not None:
            p.new_actors[known.id] = known
            start = sentence.start + lead + ent.start_char
            p.fallback.append((start, start + len(ent.text), known.id))
            for t in ent:
                actor_at[t.i] = known.id
    return p


def _listed_with_group(ent, actor_at: dict[int, str], gaz: Gazetteer) -> KnownActor | None:
    """A name coordinated with an armed group the text names ("an alliance of Ansar Dine and
    the Movement for Oneness and Jihad in West Africa"): an armed group too."""
    if ent.label_ not in ("PERSON", "ORG") or len(ent.text) < 4:
        return None
    root = ent.root
    around = [*root.conjuncts]
    groups = [actor_at[t.i] for t in around if t.i in actor_at]
    if not any(getattr(gaz.actors.get(a), "kind", "") == "armed_group" for a in groups):
        return None
    name = ent.text.removeprefix("the ").strip()
    return KnownActor(slug(name), name, "armed_group")


def _state_of_demonym(text: str, gaz: Gazetteer) -> KnownActor | None:
    """The state a demonym the gazetteer lacks names: the longest stem of it (four letters at
    least) that starts a state's name, and of those states the shortest name ("Peruvian":
    Peru, "Djiboutian": Djibouti)."""
    states = [a for a in gaz.actors.values() if a.kind == "state"]
    for end in range(len(text) - 1 if len(text) > 4 else 4, 3, -1):
        stem = text[:end].lower()
        hits = [a for a in states if a.name.lower().startswith(stem)]
        if hits:
            return min(hits, key=lambda a: len(a.name))
    return None


def _misread(ent) -> bool:
    """An entity span a title-case headline made of a clause ("Pak Army Continues Cross-Border
    Firing for"): a finite verb inside it, or a preposition or conjunction at its end."""
    return any(t.tag_ in ("VBZ", "VBD", "VBP", "MD") for t in ent) or ent[-1].tag_ in ("IN", "CC")


_MODELS_OF = {"aircraft", "plane", "jet", "drone", "missile", "bomber", "helicopter", "tank",
              "system", "rocket", "launcher", "howitzer", "fighter", "warship",
              "submarine"}  # fmt: skip
_ORDINAL = re.compile(r"\d+(?:st|nd|rd|th)\b")  # a numbered unit of an army
_STATE_WORDS = {"army", "military", "government", "navy", "air force", "police", "forces",
                "security forces", "armed forces", "junta", "regime", "coast guard"}  # fmt: skip


def _fallback_actor(ent, gaz: Gazetteer) -> KnownActor | None:
    """The actor an entity the gazetteer lacks stands for, if it reads like one."""
    text = re.sub(r"^(?:the\s+|\d[\d,.]*\s+)", "", ent.text).strip()  # "12 Afghan Taliban"
    if (ent.label_ == "NORP" and len(text) >= 4 and not _DIRECTIONS.match(text)
            and not _PARTIES.match(text)):  # fmt: skip
        return _state_of_demonym(text, gaz)
    if (ent.label_ == "ORG" and not _NOT_GROUPS.search(text) and not _misread(ent)
            and not numbered_unit(text)):  # fmt: skip
        words = text.split()
        doc = ent.doc  # a group word in the name, or right beside it ("M23 rebels", "group X")
        beside = doc[max(0, ent.start - 1) : min(len(doc), ent.end + 1)].text
        group = _GROUP_WORDS.search(beside)
        after = doc[ent.end].lemma_.lower() if ent.end < len(doc) else ""
        if after in _MODELS_OF:
            return None  # "a Y-9 aircraft", "MQ-9 drones": a model of weapon, not a group
        if _ORDINAL.match(re.sub(r"^The\s+", "", text)):
            return None  # "1st Brigade", "82nd Airborne Division": a state's unit, not a group
        if group or any(w.isupper() and any(c.isdigit() for c in w) for w in words):
            name = re.sub(r"\s+(?:rebels?|militants?|fighters|militias?|militiamen)$", "", text)
            if _GROUP_WORDS.fullmatch(name) or name.lower() in _STATE_WORDS:
                return None  # "Army jets struck": a state's army, not a group named "Army"
            return KnownActor(slug(name), name, "armed_group")
    return None
