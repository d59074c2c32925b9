"""Relations told by nouns: allegiance, mediation, and wars named as a possession.

- "Turkey, Azerbaijan's closest ally", "its ally Moscow", "Russia remained Armenia's ally",
  "Hezbollah's main backer": an alliance between the ally and the one it stands by ("a treaty
  ally of" a treaty); "Rwanda-backed M23", "militias backed by Tehran": an alliance between
  backer and backed; "Washington's commitment to Israel's security": an alliance.
- "mediators Qatar and the United States": they take part (as actors of the draft).
- "Moscow's war against Ukraine", "Israel's attack on Iran": the possessor attacks the object
  of "against", "on", "with" or "in".
"""

from __future__ import annotations

from sim.seeding.findings import FACT, Finding
from sim.seeding.phrases import PRONOUNS, Parsed, finding_at, phrase_actors
from sim.seeding.verbs import verbs

_MEDIATORS = {"mediator", "mediators", "broker", "brokers", "guarantor", "guarantors"}
_WAR_NOUNS = {
    "war",
    "conflict",
    "aggression",
    "invasion",
    "offensive",
    "attack",
    "incursion",
    "bombardment",
    "assault",
    "campaign",
}


def allegiance(p: Parsed) -> list[Finding]:
    """Alliances from nouns of allegiance and from "<X>-backed"."""
    table = verbs()
    out: list[Finding] = []
    for t in p.doc:
        lemma = t.lemma_.lower()
        if t.lower_ in _MEDIATORS:  # "mediators Qatar and the United States said": parties
            p.participants.update(a for c in t.children if c.dep_ in ("appos", "compound")
                                  for a in phrase_actors(p, c))  # fmt: skip
            if t.dep_ in ("appos", "compound") and t.head.i in p.actor_at:
                p.participants.update(phrase_actors(p, t.head))
        if t.pos_ in ("NOUN", "PROPN") and lemma in table.allies:
            owner = [a for c in t.children if c.dep_ == "poss" for a in _owner(p, c)]
            owner += [a for c in t.children if c.dep_ == "prep" and c.lower_ == "of"
                      for g in c.children for a in phrase_actors(p, g)]  # fmt: skip
            other = _ally_of(p, t)
            kind = "treaty" if any(c.lower_ == "treaty" for c in t.children) else "alliance"
            out += [finding_at(p, kind, "consult_partners", (a, b), FACT, t, {})
                    for a in other for b in owner if a != b]  # fmt: skip
        elif t.pos_ == "NOUN" and lemma in table.pledges:
            owner = [a for c in t.children if c.dep_ == "poss" for a in _owner(p, c)]
            other = [a for c in t.children if c.dep_ == "prep" and c.lower_ in ("to", "for")
                     for g in c.children for a in phrase_actors(p, g)]  # fmt: skip
            out += [finding_at(p, "alliance", "consult_partners", (a, b), FACT, t, {})
                    for a in owner for b in other if a != b]  # fmt: skip
        elif lemma in table.backed and t.dep_ in ("amod", "acl", "compound"):
            backers = [a for c in t.children if c.dep_ in ("npadvmod", "compound", "nmod")
                       for a in phrase_actors(p, c)]  # fmt: skip
            backers += [a for c in t.children if c.dep_ == "agent"
                        for g in c.children for a in phrase_actors(p, g)]  # fmt: skip
            backed = [p.actor_at[i] for i in (t.head.i, *(c.i for c in t.head.children
                      if c.dep_ == "compound")) if i in p.actor_at]  # fmt: skip
            backed = backed or _described(p, t.head)
            out += [finding_at(p, "alliance", "consult_partners", (a, b), FACT, t, {})
                    for a in backers for b in backed if a != b]  # fmt: skip
    return out


def nominal_wars(p: Parsed) -> list[Finding]:
    """ "Moscow's war against Ukraine", "Israel's attack on Iran": the possessor attacks the
    object of "against"/"on"/"with"."""
    out: list[Finding] = []
    for t in p.doc:
        if t.pos_ != "NOUN" or t.lemma_.lower() not in _WAR_NOUNS:
            continue
        owner = [a for c in t.children if c.dep_ == "poss" for a in _owner(p, c)]
        owner += [p.actor_at[c.i] for c in t.children
                  if c.dep_ in ("amod", "compound") and c.i in p.actor_at]  # fmt: skip
        target = [a for c in t.children if c.dep_ == "prep" and c.lower_ in
                  ("against", "on", "with", "in") for g in c.children
                  for a in phrase_actors(p, g)]  # fmt: skip
        out += [finding_at(p, "war", "strike_territory", (a, b), FACT, t, {"noun": t.text})
                for a in owner for b in target if a != b]  # fmt: skip
    return out


def _described(p: Parsed, noun) -> list[str]:
    """The actor a nameless phrase describes through "of" and an apposition: "the PMF, an
    umbrella group of mostly Iran-backed militias" describes the PMF."""
    t = noun
    for _ in range(4):
        if t.dep_ == "appos" and t.head.i in p.actor_at:
            return [p.actor_at[t.head.i]]
        if t.dep_ not in ("pobj", "prep", "appos"):
            return []
        t = t.head
    return []


def _owner(p: Parsed, poss) -> list[str]:
    """The actor of a possessive; "its" is the nearest actor named before it."""
    if poss.lower_ in PRONOUNS:
        before = [a for i, a in sorted(p.actor_at.items()) if i < poss.i]
        return before[-1:]
    return phrase_actors(p, poss)


def _ally_of(p: Parsed, noun) -> list[str]:
    """Whom an ally noun describes: its apposition's head, its own apposition, or the subject
    of "is/remained (an) ally"."""
    if noun.dep_ == "appos":
        return [a for a in (p.actor_at.get(noun.head.i),) if a]
    found = [a for c in noun.children if c.dep_ in ("appos", "compound")
             for a in phrase_actors(p, c)]  # fmt: skip
    if not found and noun.dep_ in ("attr", "oprd"):
        found = [a for c in noun.head.children if c.dep_ == "nsubj" for a in phrase_actors(p, c)]
    if not found and noun.dep_ == "compound" and noun.head.i in p.actor_at:
        found = [p.actor_at[noun.head.i]]
    return found
