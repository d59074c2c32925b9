"""The state of a military site an attack hit, when the text only says where the site is.

"Gunmen attacked a military barracks in Niger": a barracks, garrison or armoury, or a base or
post an adjective calls military ("an army base", "a military post"), is the state's own
forces, so an attack on one the clause places in a state (its name, or its capital, also
through an apposition: "in the capital, Niamey") is an attack on that state. The place may
hang on the verb, on the site, or on a verb coordinated with the attack that has no subject of
its own ("attacked a barracks and tried to break into an armoury in the capital"). Not when
the site's state is the attacker's own (``targets.parties`` drops a subject from the targets),
nor for a site that is no military one ("struck a hotel in Iraq": where it was, not whose), nor
when the sentence names another party (the site is then where that party was).
"""

from __future__ import annotations

from sim.seeding.phrases import Parsed
from sim.seeding.resolver import Resolver

# nouns that are military sites by themselves, and those that are only with a military word
_SITES = {"barrack", "barracks", "garrison", "armoury", "armory", "cantonment"}
_SITES_IF_MILITARY = {"base", "post", "outpost", "camp", "depot", "headquarters", "academy"}
_MILITARY = {"military", "army", "air", "naval", "navy", "garrison"}
_WHERE = {"in", "at", "near", "outside"}
# clauses of their own: a place inside them is not where the attack was
_OWN_CLAUSE = {"ccomp", "advcl", "relcl", "acl", "parataxis", "csubj", "nsubj", "nsubjpass"}


def military_site(noun) -> bool:
    """Whether a noun names a military site ("a military barracks", "an army base")."""
    lemma = noun.lemma_.lower()
    if lemma in _SITES or noun.lower_ in _SITES:
        return True
    return lemma in _SITES_IF_MILITARY and any(
        c.dep_ in ("amod", "compound") and c.lower_ in _MILITARY for c in noun.children
    )


def site_state(p: Parsed, v, objects: list, subjects: list[str], resolver: Resolver) -> list[str]:
    """The state where an attacked military site is, by the place the clause gives it."""
    if not any(military_site(o) for o in objects):
        return []
    found: list[str] = []
    for place in _places(v):
        for t in (place, *(c for c in place.children if c.dep_ == "appos")):
            a = p.actor_at.get(t.i) or p.capital_at.get(t.i)
            if a and resolver.kinds.get(a, "state") == "state" and a not in found:
                found.append(a)
    found = [a for a in found if a not in subjects]
    others = set(p.actor_at.values()) - set(subjects) - set(found)
    return [] if others else found


def _places(v) -> list:
    """The objects of "in", "at", "near" in the attack's clause and in the subjectless verbs
    coordinated with it, not inside a clause of their own."""
    out, todo = [], [v]
    while todo:
        h = todo.pop()
        for c in h.children:
            if c.dep_ in _OWN_CLAUSE:
                continue
            if c.dep_ == "conj" and c.pos_ in ("VERB", "AUX") and any(
                    s.dep_ in ("nsubj", "nsubjpass") for s in c.children):  # fmt: skip
                continue  # "... and the army said": a clause of its own
            if c.dep_ == "prep" and c.lower_ in _WHERE:
                out += [g for g in c.children if g.dep_ == "pobj"]
            todo.append(c)
    return out
