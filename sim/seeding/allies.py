"""Allies a clause states with a preposition or a purpose: "fighting alongside the Malian army",
"struck ... in support of the Syrian army", "in coordination with the Somali government",
"fighting with the help of Russian mercenaries", "moving to Libya to support the GNA",
"struck ... with support from the Netherlands": the clause's subject and that actor are allies
(not "in solidarity with Hamas": a statement, as the development keys read it). "Chadian
troops, joined by Nigerien soldiers, attacked": the troops that joined them act with the
subject and are its allies. "India, which is bound to Bhutan by a friendship treaty": a treaty.
Troops stationed in a country "to aid" it cooperate with their host, and so does a state
"hosting the American forces" (a partnership).
"""

from __future__ import annotations

from sim.seeding.findings import Finding
from sim.seeding.modality import modality_of
from sim.seeding.phrases import Parsed, finding_at, own_actors, phrase_actors
from sim.seeding.verbs import verbs

HELP_NOUNS = {"support", "defence", "defense", "help", "backing", "assistance", "aid"}
_JOINT = {"joint", "combined", "coordinated"}
_SUPPORT = {"support", "defend", "protect", "reinforce", "help", "aid", "assist", "shore"}


def stated_allies(p: Parsed, v, subjects: list[str], modality: str,
                  resolver=None) -> list[Finding]:  # fmt: skip
    """ "fighting alongside the Malian army", "struck ... in support of the Syrian army": the
    subject and that actor are allies."""
    out = []
    preps = ("alongside", "in", "with")
    along = [g for c in v.children if c.dep_ == "prep" and c.lower_ == "along"
             for g in c.children if g.dep_ == "prep"]  # "along with support from X"  # fmt: skip
    for prep in (c for c in (*v.children, *along) if c.dep_ == "prep" and c.lower_ in preps):
        allies = [c for c in prep.children if c.dep_ == "pobj"]
        if prep.lower_ in ("in", "with"):  # "in support of X", "with the help of X"
            joint = _joint_with(allies)  # "in a joint operation with X"
            allies = [g for n in allies if n.lemma_.lower() in HELP_NOUNS
                      for o in n.children if o.dep_ == "prep" and o.lower_ in ("of", "from")
                      for g in o.children if g.dep_ == "pobj"] + joint  # fmt: skip
        for g in allies:  # "alongside the army": the dateline's state (see Resolver)
            named = phrase_actors(p, g) or (resolver.resolve(p, g) if resolver else [])
            out += [finding_at(p, "alliance", "consult_partners", (a, b), modality, v, {})
                    for a in subjects for b in named if a != b]  # fmt: skip
    for purpose in (
        c for c in v.children if c.dep_ in ("advcl", "xcomp") and c.lemma_.lower() in _SUPPORT
    ):  # "moving to Libya to support the GNA"
        helped = [c for c in purpose.children if c.dep_ == "dobj"]
        helped += [
            s
            for c in purpose.children
            if c.dep_ in ("ccomp", "xcomp")
            for s in c.children
            if s.dep_ == "nsubj"
        ]  # "help the government fight"
        for g in helped:
            named = phrase_actors(p, g) or (resolver.resolve(p, g) if resolver else [])
            out += [finding_at(p, "alliance", "consult_partners", (a, b), modality, v, {})
                    for a in subjects for b in named if a != b]  # fmt: skip
    if v.lemma_.lower() in ("pledge", "swear") and any(
        c.dep_ == "dobj" and c.lemma_.lower() in ("allegiance", "loyalty") for c in v.children
    ):  # "pledged allegiance to Islamic State"
        for g in (g for c in v.children if c.dep_ == "prep" and c.lower_ == "to"
                  for g in c.children if g.dep_ == "pobj"):  # fmt: skip
            out += [finding_at(p, "alliance", "consult_partners", (a, b), modality, v, {})
                    for a in subjects for b in phrase_actors(p, g) if a != b]  # fmt: skip
    return out


# nouns that are themselves acting together: "in coordination with the Somali government"
_TOGETHER = {"coordination", "cooperation", "concert", "conjunction", "tandem"}


def _joint_with(nouns: list) -> list:
    """The partners of "a joint operation with X", "in coordination with X" among the given
    nouns."""
    return [g for n in nouns if any(c.lower_ in _JOINT for c in n.children)
            or n.lemma_.lower() in _TOGETHER
            for o in n.children if o.dep_ == "prep" and o.lower_ == "with"
            for g in o.children if g.dep_ == "pobj"]  # fmt: skip


def joint_partners(p: Parsed, v, resolver=None) -> list[str]:
    """Who acts with the subject "in a joint operation with X": they fight its targets too
    ("launched strikes against the ADF ... in a joint operation with Congolese troops")."""
    nouns = [g for c in v.children if c.dep_ == "prep" and c.lower_ in ("in", "with")
             for g in c.children if g.dep_ == "pobj"]  # fmt: skip
    return [
        a
        for g in _joint_with(nouns)
        for a in (phrase_actors(p, g) or (resolver.resolve(p, g) if resolver else []))
    ]


_JOINED = {"join", "accompany", "assist", "reinforce"}


def joined_by(p: Parsed, v, resolver=None) -> list[str]:
    """Who "joined" the verb's subject ("Chadian troops, joined by Nigerien soldiers,
    attacked"): the actors of the participle's "by" agent; "Britain joined the United States
    in striking": Britain."""
    if v.dep_ == "pcomp" and v.head.lower_ == "in" and v.head.head.lemma_.lower() == "join":
        return [a for c in v.head.head.children if c.dep_ == "nsubj" for a in phrase_actors(p, c)]
    subj = [c for c in v.children if c.dep_ == "nsubj"]
    by = [g for s in subj for c in s.children if c.dep_ == "acl"
          and c.lemma_.lower() in _JOINED for ag in c.children if ag.dep_ == "agent"
          for g in ag.children if g.dep_ == "pobj"]  # fmt: skip
    return [
        a for g in by for a in (phrase_actors(p, g) or (resolver.resolve(p, g) if resolver else []))
    ]


_BOUND = {"bind", "tie", "link", "commit"}


def bound_by_treaty(p: Parsed, v, subjects: list[str]) -> list[Finding]:
    """ "India, which is bound to Bhutan by a friendship treaty", "tied to Manila by a mutual
    defence pact": a treaty between the one bound and the object of "to"."""
    if v.lemma_.lower() not in _BOUND:
        return []
    pacts = [g for c in v.children if c.dep_ == "agent" for g in c.children if g.dep_ == "pobj"
             and verbs().by_noun.get(g.lemma_.lower()) is not None
             and verbs().by_noun[g.lemma_.lower()].kind == "treaty"]  # fmt: skip
    others = [a for c in v.children if c.dep_ == "prep" and c.lower_ == "to" and pacts
              for g in c.children if g.dep_ == "pobj" for a in phrase_actors(p, g)]  # fmt: skip
    return [finding_at(p, "treaty", "consult_partners", (a, b), modality_of(v), v,
                       {"cameo": "057", "verb": v.text})
            for a in subjects for b in others if a != b]  # fmt: skip


def helping_host(p: Parsed, v, subjects: list[str], hosts: list[str], modality: str,
                 kind: str) -> list[Finding]:  # fmt: skip
    """ "France has 1,500 troops stationed in Niger to aid in fighting jihadists": troops sent
    to help, with no one else named as helped, cooperate with their host."""
    if kind != "deployment":
        return []
    holders = [v, v.head] if v.dep_ == "acl" else [v]
    helps = [c for h in holders for c in h.children if c.dep_ in ("advcl", "xcomp", "relcl")
             and c.lemma_.lower() in _SUPPORT]  # fmt: skip
    if not helps or any(c.dep_ == "dobj" and phrase_actors(p, c) for h in helps
                        for c in h.children):  # fmt: skip
        return []  # "to support the GNA": an alliance with the GNA (see ``stated_allies``)
    return [finding_at(p, "partnership", "consult_partners", (a, b), modality, v, {})
            for a in subjects for b in hosts if a != b]  # fmt: skip


_HOSTED = {"troop", "troops", "force", "forces", "soldier", "soldiers", "base", "bases",
           "personnel", "contingent", "garrison"}  # fmt: skip


def hosting(p: Parsed, v, subjects: list[str], modality: str) -> list[Finding]:
    """ "King Salman had approved hosting the American forces", "Djibouti hosts a Chinese
    base": the host cooperates with the forces' state (a partnership). A place that hosts them
    names no host by the land it is in ("a base in Syria hosting U.S. troops")."""
    if v.lemma_.lower() != "host":
        return []
    if v.dep_ == "acl" and not own_actors(p, v.head):
        subjects = []
    guests = [a for c in v.children if c.dep_ == "dobj" and c.lemma_.lower() in _HOSTED
              for a in phrase_actors(p, c)]  # fmt: skip
    return [finding_at(p, "partnership", "consult_partners", (a, b), modality, v, {})
            for a in subjects for b in guests if a != b]  # fmt: skip
