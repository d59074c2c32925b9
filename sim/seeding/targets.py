"""Who a clause is done to: the subjects and targets of one event verb over the parse.

The targets are those of the direct object and of the prepositions the verb's class lists
(``data/verbs.yaml``), on the verb and on the event noun a light verb carries; what an object
was said to be ("struck what officials said was a camp of X"); the second "of" of an ellipsis
("bases of X in Iraq and of Y in Syria"); the maker a bought weapon's demonym names; the
state of a capital an attack hit ("fired missiles at Riyadh") or struck near, when the
sentence names no other party ("struck Hamas leaders in Qatar, targeting a compound in Doha":
Doha is where they were; a civil airliner hit is none); the state of a military site attacked
there (``sites.py``: "attacked a military barracks in Niger"); who held a
place an attack took ("retook the town from X"); the sides of a truce "to end hostilities
with Y". Two subjects of a paired or reciprocal verb ("A and B signed", "A and B clashed")
are each other's targets.
"""

from __future__ import annotations

from sim.seeding.allies import HELP_NOUNS
from sim.seeding.arms import weapons_used
from sim.seeding.goods import recipient_of_goods
from sim.seeding.phrases import Parsed, own_actors, phrase_actors
from sim.seeding.quantities import CIVIL_CRAFT
from sim.seeding.resolver import Resolver
from sim.seeding.roles import actors_of, had_participle, subject_of
from sim.seeding.sites import site_state
from sim.seeding.verb_sense import ENDING, MOVEMENT, RECIPROCAL, verb_lemma
from sim.seeding.verbs import VerbClass, verbs
from sim.seeding.war_nouns import OF_TARGET
from sim.seeding.where_not_whom import fought_in_place

_PAIRED = {"treaty", "ceasefire", "consultation", "partnership"}  # "A and B met / signed"
# "A and B clashed", "Indian and Chinese soldiers fought" (verb_sense.RECIPROCAL): at war with
# each other (not when they fought "together" or "alongside" each other)
_TOGETHER = {"together", "alongside", "side", "jointly"}
_FRONTIERS = {"border", "frontier", "boundary"}
_AROUND = {"near", "in", "around", "outside", "over"}  # "struck targets near Damascus"


def parties(p: Parsed, v, cls: VerbClass, carrier, resolver: Resolver) -> tuple[list, list]:
    """(subjects, targets) of one clause."""
    subjects = subject_of(p, v, resolver)
    holders = [v] + ([carrier, *carrier.conjuncts] if carrier is not None else [])
    # ("launched 120 missiles and 90 drones at Ukraine": "at" hung on the second noun)
    objects = []
    if cls.kind not in ("deployment", "treaty", "consultation") and not cls.requires_with:
        used = {w.i for w in weapons_used(v)}  # "launched Iranian drones": not at Iran
        objects += [c for c in v.children if c.dep_ in ("dobj", "dative", "nsubjpass")
                    and (carrier is None or carrier not in c.subtree)
                    and not any(t.i in used for t in c.subtree)]  # fmt: skip
        if not objects:  # "has armed and financed the Houthis": the object they share
            objects += [c for w in v.conjuncts if w.i > v.i and w.pos_ == "VERB"
                        and not any(s.dep_ in ("nsubj", "nsubjpass") for s in w.children)
                        for c in w.children if c.dep_ == "dobj"][:1]  # fmt: skip
        holders += [h for o in objects if o.dep_ == "dobj" for h in (o, *o.conjuncts)]
    if cls.kind == "deployment" and carrier is None:  # "sending the patrol ship HMS Trent
        holders += [c for c in v.children if c.dep_ == "dobj"]  # to Guyana": "to" on the ship
    if cls.kind in ("treaty", "partnership", "consultation"):  # "signed a port deal with
        dobjs = [o for o in v.children if o.dep_ == "dobj"]  # X", "a memorandum of
        holders += dobjs + [g for o in dobjs  # understanding with X"
                            for c in o.children if c.dep_ == "prep" and c.lower_ == "of"
                            for g in c.children if g.dep_ == "pobj"]  # fmt: skip
    if cls.kind == "ceasefire":  # "agreed to a ceasefire to end hostilities with X"
        truces = [t for t in v.subtree if verbs().by_noun.get(t.lemma_.lower()) is cls]
        ends = [c for h in (v, *truces) for c in h.children
                if c.dep_ in ("acl", "advcl", "xcomp") and c.lemma_.lower() in ENDING]  # fmt: skip
        holders += truces + ends + [o for e in ends for o in e.children if o.dep_ == "dobj"]
    if cls.kind == "war":  # "rammed and boarded Philippine navy boats": a misparsed object
        objects += [c for c in v.children if c.dep_ == "conj" and c.pos_ in ("NOUN", "PROPN")]
        # "fighting alongside the Malian army against X": "against" hung on the ally
        holders += [g for c in v.children if c.dep_ == "prep" and c.lower_ == "alongside"
                    for g in c.children if g.dep_ == "pobj"]  # fmt: skip
    preps = cls.targets  # "launched a full-scale invasion of Ukraine"
    if cls.kind == "war" and carrier is not None and carrier.lemma_.lower() in OF_TARGET:
        preps = (*preps, "of")
    for h in holders:
        for prep in (c for c in h.children if c.dep_ in ("prep", "dative") and c.lower_ in preps):
            objects += [g for g in prep.children if g.dep_ == "pobj"]
    if cls.kind == "deployment":  # "ordered troops to the border with Guyana"
        objects += [g for o in objects if o.lemma_.lower() in _FRONTIERS for c in o.children
                    if c.dep_ == "prep" and c.lower_ == "with"
                    for g in c.children if g.dep_ == "pobj"]  # fmt: skip
    if cls.requires_with and not objects:  # "shares intelligence on the militants with Iraq":
        objects += [g for h in holders for c in h.children if c.dep_ == "prep"  # "with" hung
                    for o in c.children if o.dep_ == "pobj"  # on the topic
                    for w in o.children if w.dep_ == "prep" and w.lower_ == "with"
                    for g in w.children if g.dep_ == "pobj"]  # fmt: skip
    if cls.kind == "partnership" and carrier is not None and v.lemma_.lower() == "join":
        # "France joined the Greek drills with Italy": France and Italy join Greece
        owners = [a for c in carrier.children if c.dep_ in ("amod", "poss", "compound")
                  for a in phrase_actors(p, c)]  # fmt: skip
        withs = [c for h in holders for c in h.children if c.dep_ == "prep" and c.lower_ == "with"]
        fellow = [a for c in withs for g in c.children if g.dep_ == "pobj"
                  for a in actors_of(p, g, resolver, v)]  # fmt: skip
        if owners:
            return [a for a in subjects + fellow if a not in owners], owners
    objects += _said_to_be(v, holders, cls.targets)
    if had_participle(v):  # "it had targeted bases of the group": the misread object
        objects.append(v.head)
        holders.append(v.head)
    if any(c.dep_ == "prep" and c.lower_ == "of" for o in objects for c in o.children):
        objects += [g for c in v.children if c.dep_ == "prep" for j in c.conjuncts
                    if j.lower_ == "of" for g in j.children if g.dep_ == "pobj"]  # fmt: skip
        # "against bases of the PKK in Iraq and of the YPG in Syria": the second "of"
    if cls.kind == "supply" and carrier is None:
        objects += recipient_of_goods(v)
    objects = [o for o in objects if o.lemma_.lower() not in HELP_NOUNS  # "with the help of"
               and not (cls.kind == "war" and _airliner(o))]  # fmt: skip
    if verb_lemma(v) in _MISHAPS and _no_clash(p, v, objects):
        objects = []  # "collided with a container ship", "collided during a joint drill"
    if verb_lemma(v) in MOVEMENT and _pursues_group(p, v, resolver):
        objects = [o for o in objects if o.head.lower_ != "into"]  # "crossed into Somalia in
        # pursuit of al Shabaab": an incursion against the group, not a war with the state
    targets: list[str] = []
    for o in objects:
        targets += [a for a in actors_of(p, o, resolver, v) if a not in targets]
    if cls.reverse and not targets:  # "the Russian-made jets Venezuela bought": the maker
        made = [c for c in v.children if c.dep_ == "dobj"] + ([v.head] if v.dep_ == "relcl" else [])
        targets = [a for o in made for a in own_actors(p, o) if a not in subjects]
    if cls.kind == "war" and not targets:  # "fired missiles at Riyadh": the capital's state
        targets = [p.capital_at[o.i] for o in objects
                   if o.i in p.capital_at and o.head.lower_ in ("at", "on", "against")]  # fmt: skip
    if cls.kind == "war" and not targets:  # "recaptured the town, which insurgents of X had
        targets = _holders_of_place(p, v, objects, resolver)  # held", "retook it from X"
    placed = fought_in_place(v, objects, subjects, resolver.kinds)  # "during fighting in Bangui"
    if cls.kind == "war" and not targets and not placed:  # "struck targets near Damascus"
        around = [g for h in holders for c in h.children if c.dep_ == "prep"
                  and c.lower_ in _AROUND for g in c.children if g.dep_ == "pobj"]  # fmt: skip
        targets = [p.capital_at[g.i] for g in around if g.i in p.capital_at]
        if set(p.actor_at.values()) - set(subjects) - set(targets):
            targets = []  # "strikes Hamas officials in Qatar, targeting leadership in Doha":
            # with another party named, the place is where the target was, not the target
    if cls.kind == "war" and not targets:  # "attacked a military barracks in Niger"
        targets = site_state(p, v, objects, subjects, resolver)
    reciprocal = (cls.kind == "war" and v.lemma_.lower() in RECIPROCAL
                  and not any(c.lower_ in _TOGETHER for c in v.subtree))  # fmt: skip
    if (cls.kind in _PAIRED or reciprocal) and not targets and len(subjects) >= 2:
        # "Russia and North Korea signed a treaty"; "Burkina Faso, Mali and Niger signed":
        # every pair (the finding loop skips an actor paired with itself)
        return subjects[:-1], subjects[1:]
    return subjects, [t for t in targets if t not in subjects]


def _said_to_be(v, holders: list, preps: tuple[str, ...]) -> list:
    """ "struck what New Delhi said was a camp of the group", "launched strikes on what it said
    were camps in Pakistan": what the object was said to be (the attribution does not change
    the target)."""
    out = []
    saying = [c for c in v.children if c.dep_ == "ccomp"]
    saying += [c for h in holders[1:] for c in h.children if c.dep_ == "relcl"]
    saying += [c for h in holders for pr in h.children if pr.dep_ == "prep" and pr.lower_ in preps
               for c in pr.children if c.dep_ == "pcomp"]  # fmt: skip
    for said in (c for c in saying if c.lemma_.lower() in _SAYING):
        # "a boat that Trump said was operated by the Tren de Aragua gang": its operator
        out += [g for t in said.subtree if t.lemma_.lower() in _RUN_BY for a in t.children
                if a.dep_ == "agent" for g in a.children if g.dep_ == "pobj"]  # fmt: skip
        for be in (c for c in said.children if c.dep_ == "ccomp" and c.lemma_.lower() == "be"):
            if any(c.dep_ == "nsubj" and c.lower_ == "what" for c in be.children):
                out += [c for c in be.children if c.dep_ == "attr"]
    return out


_RUN_BY = {"operate", "own", "run", "use", "control", "crew", "charter"}
_SAYING = {"say", "call", "describe", "claim", "believe", "suspect", "allege"}
_TAKE = {"retake", "recapture", "capture", "seize", "liberate", "wrest", "reclaim", "take"}
_HOLD = {"hold", "control", "occupy", "seize", "capture", "run"}


def _holders_of_place(p: Parsed, v, objects: list, resolver: Resolver) -> list[str]:
    """Who held the place an attack took: "recaptured the port town, which insurgents of Ansar
    al-Sunna had held", "the town held by the rebels", "retook Kherson from Russian forces"."""
    if verb_lemma(v) not in _TAKE:
        return []
    found: list[str] = []
    for o in objects:
        for c in o.children:
            if c.dep_ == "relcl" and c.lemma_.lower() in _HOLD:
                found += [a for s in c.children if s.dep_ == "nsubj"
                          for a in actors_of(p, s, resolver, c)]  # fmt: skip
            if c.dep_ == "acl" and c.lemma_.lower() in _HOLD:
                found += [a for ag in c.children if ag.dep_ == "agent"
                          for g in ag.children for a in actors_of(p, g, resolver, c)]  # fmt: skip
    found += [a for h in (v, *objects) for c in h.children if c.dep_ == "prep"
              and c.lower_ == "from" for g in c.children if g.dep_ == "pobj"
              for a in actors_of(p, g, resolver, v)]  # fmt: skip
    return list(dict.fromkeys(found))


def _pursues_group(p: Parsed, v, resolver: Resolver) -> bool:
    """Whether the clause of a movement names an armed group besides its subject ("crossed into
    Ecuador and killed a FARC commander", "in pursuit of al Shabaab militants")."""
    subject = set(subject_of(p, v, resolver))
    clause = [t for h in (v, *v.conjuncts) for t in h.subtree]
    return any(resolver.kinds.get(a) == "armed_group" and a not in subject
               for t in clause if (a := p.actor_at.get(t.i)))  # fmt: skip


_AIRCRAFT = {"jet", "plane", "aircraft", "flight", "airliner", "jetliner"}
_MISHAPS = {"collide"}  # hostile only between armed craft outside a drill
# a civil craft's words: those no force is counted in (quantities), and ships' own kinds
_CIVIL = {*CIVIL_CRAFT, "tanker", "ferry", "cruise", "freighter", "liner"}
_DRILLS = {"exercise", "drill", "manoeuvre", "maneuver", "wargame"}


def _no_clash(p: Parsed, v, objects: list) -> bool:
    """ "a Russian jet collided with a U.S. drone" is a clash; a collision with a civil craft
    ("a destroyer collided with a container ship") or in a drill ("collided with a Japanese
    destroyer during joint exercises") is a mishap."""
    crafts = [t for o in objects for t in (o, *o.children)] + [
        t for s in v.children if s.dep_ == "nsubj" for t in (s, *s.children)
    ]
    return any(t.lemma_.lower() in _CIVIL or t.lower_.endswith("-flagged") for t in crafts) or any(
        t.lemma_.lower() in _DRILLS for t in v.doc
    )


def _airliner(noun) -> bool:
    """ "an Azerbaijan Airlines passenger jet had been hit by Russian air defences": a civil
    airliner downed names its airline's country, not an enemy."""
    civil = any(c.lower_ in ("passenger", "civilian", "commercial") for c in noun.children)
    return noun.lemma_.lower() in ("airliner", "jetliner") or (
        civil and noun.lemma_.lower() in _AIRCRAFT
    )
