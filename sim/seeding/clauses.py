"""Relations and events over the dependency parse: who did what to whom.

A clause is an event verb of the verb table (``data/verbs.yaml``) or a light verb carrying an
event noun ("carried out airstrikes against", "launched attacks on"). Its actors are its
subject's (see ``roles``: coordination, relative pronouns, passive agents, governing verbs,
pronouns and group nouns); its targets are ``targets``' (the direct object, the prepositions
its class lists, the state of a capital an attack hit: "fired missiles at Riyadh"). Whether it
happened, was denied, is hedged or is a condition is ``modality``'s. Allegiance, aid and wars
told by nouns are read in ``nouns``; "fighting alongside the Malian army" makes an alliance
(``allies``); membership, coalitions and claimed attacks in ``coalitions``.
"""

from __future__ import annotations

import re

from sim.seeding.allies import (
    bound_by_treaty,
    helping_host,
    hosting,
    joined_by,
    joint_partners,
    stated_allies,
)
from sim.seeding.arms import foreign_arms, weapons_used
from sim.seeding.deploy_nouns import nominal_deployments
from sim.seeding.envoys import host_of_envoy
from sim.seeding.findings import FACT, HEDGED, NEGATED, Finding
from sim.seeding.goods import (
    GIVING,
    armed_too,
    deal_to_buy,
    goods_named,
    goods_of_clause,
    goods_sent,
)
from sim.seeding.modality import attempted, in_condition, modality_of, purpose_of_dispatch
from sim.seeding.nouns import allegiance
from sim.seeding.phrases import Parsed, co_subjects, finding_at
from sim.seeding.reporters import reporter_of
from sim.seeding.resolver import Resolver
from sim.seeding.roles import moved_by_proxy, subject_of
from sim.seeding.taking_part import arms_without_recipient, takes_part
from sim.seeding.targets import parties
from sim.seeding.verb_sense import (
    ANNOUNCED,
    MOVEMENT,
    announced,
    class_of,
    endorsement,
    event_really,
    intercepts_munitions,
    peace_made,
    rival,
    to_frontier,
    verb_lemma,
)
from sim.seeding.verbs import VerbClass, verbs
from sim.seeding.war_nouns import nominal_wars
from sim.seeding.where_not_whom import home_base

# kinds whose subject takes part even when no target is named ("Seoul condemned the launch")
ONE_PARTY = {"condemnation", "nuclear_signal", "deployment", "naval_deployment", "sanctions",
             "war", "consultation", "ceasefire", "withdrawal"}  # fmt: skip


def clause_findings(p: Parsed, resolver: Resolver) -> tuple[list[Finding], bool]:
    """Findings of one parsed sentence, and whether it holds an event verb at all."""
    out: list[Finding] = []
    had_event = False
    for v in p.doc:
        if v.pos_ not in ("VERB", "AUX"):
            continue
        cls, carrier = class_of(v)
        cls = armed_too(v, goods_sent(deal_to_buy(cls, v, carrier), v))
        if cls is None or cls.kind == "threat":
            if any(c.dep_ == "nsubj" for c in v.children):
                resolver.heard(subject_of(p, v, resolver), [])
            if cls is None and weapons_used(v):  # "used Turkish drones"
                out += foreign_arms(p, v, subject_of(p, v, resolver), modality_of(v))
            if cls is None:  # "bound to Bhutan by a friendship treaty", "hosting US forces"
                out += bound_by_treaty(p, v, subject_of(p, v, resolver))
                host = subject_of(p, v, resolver) or reporter_of(p, v, resolver)  # "Riyadh
                out += hosting(p, v, host, modality_of(v))  # said King Salman approved hosting"
            continue
        had_event = True
        if in_condition(v) or rival(carrier) or endorsement(v, cls):
            continue
        if intercepts_munitions(v):  # "Qatar's air defences intercepted the missiles": a
            p.participants.update(subject_of(p, v, resolver))  # party, at war with no one
        if not event_really(v, cls, carrier) or _dated_history(v, cls):
            continue
        if (cls.reverse or cls.kind == "supply" and verb_lemma(v) in GIVING) and not goods_named(
            v, carrier
        ):
            continue  # "received four million Russian tourists", "gave him 48 hours": no supply
        subjects, targets = parties(p, v, cls, carrier, resolver)
        subjects = host_of_envoy(p, v, subjects, targets, resolver.kinds)  # "the ministry
        # summoned the envoy of Russia in Estonia": Estonia summons
        if home_base(v, cls.kind, subjects, resolver.kinds):
            continue  # "a rebel group based in Libya": where it lives, not a deployment
        if cls.kind in ("deployment", "war") and moved_by_proxy(p, v):
            continue  # "Iran-backed militias have moved to Lebanon": not Iran's troops
        modality = modality_of(v)
        if verb_lemma(v) in verbs().holding:  # "X, with which it has a treaty": a standing
            modality = NEGATED if any(c.dep_ == "neg" for c in v.children) else FACT  # state
        joined = [a for a in joined_by(p, v, resolver) if a not in subjects + targets]
        if cls.kind == "war" and targets:  # "in a joint operation with Congolese troops"
            joined += [a for a in joint_partners(p, v, resolver)
                       if a not in subjects + targets + joined]  # fmt: skip
        out += [finding_at(p, "alliance", "consult_partners", (a, b), modality, v, {})
                for a in subjects for b in joined]  # fmt: skip
        subjects = subjects + joined  # "joined by Nigerien soldiers": they act with them
        p.verb_subjects[v.i] = subjects
        if cls.requires_with and not targets:
            continue  # "stood with Guyana" counts, "stood down" does not
        if cls.kind == "war" and _incursion(v):  # "crossed into Gambia at the head of a West
            p.participants.update(subjects)  # African force": the mover takes part, but no
            resolver.heard(subjects, targets)  # fighting is told with the land entered
            continue
        if takes_part(v, cls, targets, modality) and (
            targets or cls.kind in ONE_PARTY or arms_without_recipient(v, cls)
        ):
            p.participants.update(subjects + targets)
        if modality == HEDGED and cls.kind == "war" and attempted(v):
            modality = FACT  # "opened fire to try to shoot down the aircraft": an attack made
        if modality == HEDGED and cls.kind in ANNOUNCED and announced(v):
            modality = FACT  # "will hold talks", "would conduct exercises with": scheduled
        out += stated_allies(p, v, subjects, modality, resolver)
        out += helping_host(p, v, subjects, targets, modality, cls.kind)
        out += foreign_arms(p, v, subjects, modality)
        grammatical = (subjects, targets)  # the resolver follows the sentence, not the roles
        if modality == FACT and cls.kind == "war" and purpose_of_dispatch(v):
            modality = HEDGED  # "jets were scrambled to repel the fighters": no shot told
            # (the allies of "deployed to fight alongside the army" stand, above)
        if cls.reverse:
            subjects, targets = targets, subjects
        attrs = {"cameo": cls.cameo, "verb": v.text}
        if cls.kind == "supply":
            attrs["goods"] = goods_of_clause(v, carrier)
        if cls.kind == "deployment" and to_frontier(v, carrier):
            attrs["frontier"] = True  # sent against the state beyond it, not to help it
        if cls.kind == "treaty" and peace_made(v, carrier):
            attrs["peace"] = True  # no allies: the former enemies stay at war in the draft
        for a in subjects:
            for b in targets:
                if a != b:
                    f = finding_at(p, cls.kind, cls.action, (a, b), modality, v, dict(attrs))
                    out.append(f)
                    if cls.kind == "ceasefire" and len({*subjects, *targets}) == 2:
                        # the two parties to a ceasefire were at war (not its brokers)
                        out.append(finding_at(p, "war", "strike_territory", (a, b), FACT, v, {}))
        if cls.kind == "war" and targets and len(subjects) >= 2:
            # "Saudi Arabia and a coalition of ... Egypt, Jordan and Sudan launched strikes on
            # X": those who attack as a coalition are allies; "the U.S. and Britain struck X":
            # so are those who attack together (not "Russian mercenaries from the Wagner Group")
            allies = subjects[1:] if _as_coalition(v) else co_subjects(p, v, subjects)
            out += [finding_at(p, "alliance", "consult_partners", (subjects[0], b), modality,
                               v, {}) for b in allies if b not in targets]  # fmt: skip
        resolver.heard(*grammatical)
        if cls.kind == "war" and modality == FACT and subjects and targets:
            resolver.attackers[:], resolver.struck[:] = subjects[:1], targets
        elif cls.kind == "war" and modality == FACT and subjects:
            resolver.attackers[:] = subjects[:1]
        elif cls.kind == "war" and modality == FACT and targets:  # "Kampala was hit by bombings"
            resolver.victims[:] = targets
    out += allegiance(p, resolver) + nominal_wars(p, resolver) + nominal_deployments(p)
    resolver.fighting += [f.parties for f in out if f.kind == "war" and f.modality == FACT
                          and f.parties not in resolver.fighting]  # fmt: skip
    return _dedupe(out), had_event


def _incursion(v) -> bool:
    """A movement into a land ("crossed into Gambia", "pushed into southern Somalia"), not a
    blow at someone ("pushing out Kurdish fighters")."""
    return verb_lemma(v) in MOVEMENT and not any(c.dep_ == "dobj" for c in v.children)


def _dated_history(v, cls: VerbClass) -> bool:
    """A war the clause fights and dates to a bare year or decade ("the two countries fought a
    six-week war in 2020", "fought a border war from 1998 to 2000", "fought two wars against
    the Soviet Union in the 1940s"): history the text recalls ("invaded Ukraine in 2022" may
    go on)."""
    wars = [c for c in v.children if c.dep_ == "dobj" and c.lemma_.lower() in ("war", "conflict")]
    if v.dep_ == "relcl" and v.head.lemma_.lower() in ("war", "conflict"):
        wars.append(v.head)  # "the brief war the two countries fought in 1962"
    ended = any(
        c.dep_ in ("relcl", "acl") and c.lemma_.lower() == "end" for w in wars for c in w.children
    )  # "fought an eight-year war with Iran that ended in 1988"
    return cls.kind == "war" and bool(wars) and (ended or any(
        c.dep_ == "prep" and c.lower_ in ("in", "during", "from", "between", "until") and any(
            g.dep_ == "pobj" and re.fullmatch(r"\d{4}s?", g.text) for g in c.children)
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
