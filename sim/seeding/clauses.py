"""Relations and events over the dependency parse: who did what to whom.

A clause is an event verb of the verb table (``data/verbs.yaml``) or a light verb carrying an
event noun ("carried out airstrikes against", "launched attacks on"). Its actors are its
subject's (see ``roles``: coordination, relative pronouns, passive agents, governing verbs,
pronouns and group nouns); its targets are those of the direct object and of the prepositions
its class lists, or the state of a capital an attack hit ("fired missiles at Riyadh"). Whether it
happened, was denied, is hedged or is a condition is ``modality``'s. Allegiance, aid and wars
told by nouns are read in ``nouns``; "fighting alongside the Malian army" makes an alliance
(``allies``); membership, coalitions and claimed attacks in ``coalitions``.
"""

from __future__ import annotations

from sim.seeding.allies import HELP_NOUNS, joined_by, stated_allies
from sim.seeding.arms import foreign_arms, weapons_used
from sim.seeding.findings import FACT, HEDGED, NEGATED, Finding
from sim.seeding.modality import in_condition, modality_of
from sim.seeding.nouns import allegiance
from sim.seeding.phrases import (
    Parsed,
    finding_at,
    phrase_actors,
)
from sim.seeding.resolver import Resolver
from sim.seeding.roles import actors_of, moved_by_proxy, subject_of
from sim.seeding.taking_part import takes_part
from sim.seeding.verb_sense import (
    ANNOUNCED,
    MOVEMENT,
    announced,
    class_of,
    deal_to_buy,
    event_really,
    goods_of_clause,
    goods_sent,
    recipient_of_goods,
    rival,
    verb_lemma,
)
from sim.seeding.verbs import VerbClass, verbs
from sim.seeding.war_nouns import OF_TARGET, nominal_wars

# kinds whose subject takes part even when no target is named ("Seoul condemned the launch")
ONE_PARTY = {"condemnation", "nuclear_signal", "deployment", "naval_deployment", "sanctions",
             "war", "consultation", "ceasefire", "withdrawal"}  # fmt: skip
_PAIRED = {"treaty", "ceasefire", "consultation", "partnership"}  # "A and B met / signed"
# "A and B clashed", "Indian and Chinese soldiers fought": at war with each other (not when
# they fought "together" or "alongside" each other)
_RECIPROCAL = {"clash", "exchange", "skirmish", "fight", "battle"}
_TOGETHER = {"together", "alongside", "side", "jointly"}
_AROUND = {"near", "in", "around", "outside", "over"}  # "struck targets near Damascus"


def clause_findings(p: Parsed, resolver: Resolver) -> tuple[list[Finding], bool]:
    """Findings of one parsed sentence, and whether it holds an event verb at all."""
    out: list[Finding] = []
    had_event = False
    for v in p.doc:
        if v.pos_ not in ("VERB", "AUX"):
            continue
        cls, carrier = class_of(v)
        cls = goods_sent(deal_to_buy(cls, v, carrier), v)
        if cls is None or cls.kind == "threat":
            if any(c.dep_ == "nsubj" for c in v.children):
                resolver.heard(subject_of(p, v, resolver), [])
            if cls is None and weapons_used(v):  # "used Turkish drones"
                out += foreign_arms(p, v, subject_of(p, v, resolver), modality_of(v))
            continue
        had_event = True
        if in_condition(v) or rival(carrier):
            continue
        if not event_really(v, cls, carrier) or _dated_history(v, cls):
            continue
        subjects, targets = parties(p, v, cls, carrier, resolver)
        if cls.kind == "deployment" and moved_by_proxy(p, v):
            continue  # "Iran-backed militias have moved to Lebanon": not Iran's troops
        modality = modality_of(v)
        if verb_lemma(v) in verbs().holding:  # "X, with which it has a treaty": a standing
            modality = NEGATED if any(c.dep_ == "neg" for c in v.children) else FACT  # state
        joined = [a for a in joined_by(p, v, resolver) if a not in subjects + targets]
        out += [finding_at(p, "alliance", "consult_partners", (a, b), modality, v, {})
                for a in subjects for b in joined]  # fmt: skip
        subjects = subjects + joined  # "joined by Nigerien soldiers": they act with them
        p.verb_subjects[v.i] = subjects
        if cls.requires_with and not targets:
            continue  # "stood with Guyana" counts, "stood down" does not
        if takes_part(v, cls, targets, modality) and (targets or cls.kind in ONE_PARTY):
            p.participants.update(subjects + targets)
        if modality == HEDGED and cls.kind in ANNOUNCED and announced(v):
            modality = FACT  # "will hold talks", "would conduct exercises with": scheduled
        out += stated_allies(p, v, subjects, modality, resolver)
        out += foreign_arms(p, v, subjects, modality)
        grammatical = (subjects, targets)  # the resolver follows the sentence, not the roles
        if cls.reverse:
            subjects, targets = targets, subjects
        attrs = {"cameo": cls.cameo, "verb": v.text}
        if cls.kind == "supply":
            attrs["goods"] = goods_of_clause(v, carrier)
        for a in subjects:
            for b in targets:
                if a != b:
                    f = finding_at(p, cls.kind, cls.action, (a, b), modality, v, dict(attrs))
                    out.append(f)
                    if cls.kind == "ceasefire" and len({*subjects, *targets}) == 2:
                        # the two parties to a ceasefire were at war (not its brokers)
                        out.append(finding_at(p, "war", "strike_territory", (a, b), FACT, v, {}))
        if cls.kind == "war" and targets and len(subjects) >= 2 and _as_coalition(v):
            # "Saudi Arabia and a coalition of ... Egypt, Jordan and Sudan launched strikes on
            # X": those who attack as a coalition are allies
            out += [finding_at(p, "alliance", "consult_partners", (subjects[0], b), modality,
                               v, {}) for b in subjects[1:] if b not in targets]  # fmt: skip
        resolver.heard(*grammatical)
        if cls.kind == "war" and modality == FACT and subjects and targets:
            resolver.attackers[:], resolver.struck[:] = subjects[:1], targets
        elif cls.kind == "war" and modality == FACT and subjects:
            resolver.attackers[:] = subjects[:1]
        elif cls.kind == "war" and modality == FACT and targets:  # "Kampala was hit by bombings"
            resolver.victims[:] = targets
    out += allegiance(p, resolver) + nominal_wars(p, resolver)
    resolver.fighting += [f.parties for f in out if f.kind == "war" and f.modality == FACT
                          and f.parties not in resolver.fighting]  # fmt: skip
    return _dedupe(out), had_event


def parties(p: Parsed, v, cls: VerbClass, carrier, resolver: Resolver) -> tuple[list, list]:
    """(subjects, targets) of one clause."""
    subjects = subject_of(p, v, resolver)
    holders = [v] + ([carrier] if carrier is not None else [])
    objects = []
    if cls.kind not in ("deployment", "treaty", "consultation", "partnership"):
        used = {w.i for w in weapons_used(v)}  # "launched Iranian drones": not at Iran
        objects += [c for c in v.children if c.dep_ in ("dobj", "dative", "nsubjpass")
                    and (carrier is None or carrier not in c.subtree)
                    and not any(t.i in used for t in c.subtree)]  # fmt: skip
        holders += [h for o in objects if o.dep_ == "dobj" for h in (o, *o.conjuncts)]
    if cls.kind in ("treaty", "partnership", "consultation"):  # "signed a port deal with
        dobjs = [o for o in v.children if o.dep_ == "dobj"]  # X", "a memorandum of
        holders += dobjs + [g for o in dobjs  # understanding with X"
                            for c in o.children if c.dep_ == "prep" and c.lower_ == "of"
                            for g in c.children if g.dep_ == "pobj"]  # fmt: skip
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
    if cls.kind == "partnership" and carrier is not None and v.lemma_.lower() == "join":
        # "France joined the Greek drills with Italy": France and Italy join Greece
        owners = [a for c in carrier.children if c.dep_ in ("amod", "poss", "compound")
                  for a in phrase_actors(p, c)]  # fmt: skip
        withs = [c for h in holders for c in h.children if c.dep_ == "prep" and c.lower_ == "with"]
        fellow = [a for c in withs for g in c.children if g.dep_ == "pobj"
                  for a in actors_of(p, g, resolver, v)]  # fmt: skip
        if owners:
            return [a for a in subjects + fellow if a not in owners], owners
    if cls.kind == "supply" and carrier is None:
        objects += recipient_of_goods(v)
    objects = [o for o in objects if o.lemma_.lower() not in HELP_NOUNS]  # "with the help of"
    if verb_lemma(v) in MOVEMENT and _pursues_group(p, v, resolver):
        objects = [o for o in objects if o.head.lower_ != "into"]  # "crossed into Somalia in
        # pursuit of al Shabaab": an incursion against the group, not a war with the state
    targets: list[str] = []
    for o in objects:
        targets += [a for a in actors_of(p, o, resolver, v) if a not in targets]
    if cls.kind == "war" and not targets:  # "fired missiles at Riyadh": the capital's state
        targets = [p.capital_at[o.i] for o in objects
                   if o.i in p.capital_at and o.head.lower_ in ("at", "on", "against")]  # fmt: skip
    if cls.kind == "war" and not targets:  # "recaptured the town, which insurgents of X had
        targets = _holders_of_place(p, v, objects, resolver)  # held", "retook it from X"
    if cls.kind == "war" and not targets:  # "struck targets near Damascus": its state
        around = [g for h in holders for c in h.children if c.dep_ == "prep"
                  and c.lower_ in _AROUND for g in c.children if g.dep_ == "pobj"]  # fmt: skip
        targets = [p.capital_at[g.i] for g in around if g.i in p.capital_at]
    reciprocal = (cls.kind == "war" and v.lemma_.lower() in _RECIPROCAL
                  and not any(c.lower_ in _TOGETHER for c in v.subtree))  # fmt: skip
    if (cls.kind in _PAIRED or reciprocal) and not targets and len(subjects) >= 2:
        # "Russia and North Korea signed a treaty"; "Burkina Faso, Mali and Niger signed":
        # every pair (the finding loop skips an actor paired with itself)
        return subjects[:-1], subjects[1:]
    return subjects, [t for t in targets if t not in subjects]


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


def _dated_history(v, cls: VerbClass) -> bool:
    """A war the clause fights and dates to a bare year ("the two countries fought a six-week
    war in 2020"): history the text recalls ("invaded Ukraine in 2022" may go on)."""
    wars = [c for c in v.children if c.dep_ == "dobj" and c.lemma_.lower() in ("war", "conflict")]
    ended = any(
        c.dep_ in ("relcl", "acl") and c.lemma_.lower() == "end" for w in wars for c in w.children
    )  # "fought an eight-year war with Iran that ended in 1988"
    return cls.kind == "war" and bool(wars) and (ended or any(
        c.dep_ == "prep" and c.lower_ in ("in", "during", "from", "between") and any(
            g.dep_ == "pobj" and g.text.isdigit() and len(g.text) == 4 for g in c.children)
        for h in (v, *wars) for c in h.children
    ))  # fmt: skip


def _as_coalition(v) -> bool:
    """Whether the verb's subject names a coalition ("a coalition of nine countries")."""
    return any(t.lemma_.lower() == "coalition" for c in v.children if c.dep_ == "nsubj"
               for t in c.subtree)  # fmt: skip


def _dedupe(found: list[Finding]) -> list[Finding]:
    """One finding per kind and parties in a sentence: a fact over a hedge over a denial."""
    rank = {FACT: 0, HEDGED: 1, NEGATED: 2}
    best: dict[tuple, Finding] = {}
    for f in found:
        key = (f.kind, f.parties)
        if key not in best or rank.get(f.modality, 3) < rank.get(best[key].modality, 3):
            best[key] = f
    return list(best.values())
