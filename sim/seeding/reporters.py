"""Who says a clause: the subject of the reporting verb it is said under ("Hezbollah said it
had fired": Hezbollah), climbing coordinated reporting verbs ("X condemned ... and said"); and
whether that sayer is a group the text does not name ("an alliance of three armed groups said it
had captured": then "it" is that group, not the latest actor).
"""

from __future__ import annotations

from sim.seeding.phrases import GROUP_NOUNS, Parsed, phrase_actors
from sim.seeding.resolver import Resolver

_REPORTING = {"say", "tell", "state", "add", "announce", "claim", "warn", "insist"}


def unnamed_group_reporter(verb) -> bool:
    """Whether a clause is said by a group the text does not name ("an alliance of three armed
    groups said it had ..."): then "it" is that group, not the latest actor."""
    t = verb
    while t.dep_ in ("ccomp", "conj") and t.head is not t:
        t = t.head
        if t.lemma_.lower() in _REPORTING:
            subj = [c for c in t.children if c.dep_ == "nsubj"]
            return (
                bool(subj)
                and subj[0].lemma_.lower() in GROUP_NOUNS | {"coalition"}
                and not any(c.dep_ == "det" and c.lower_ == "the" for c in subj[0].children)
            )
    return False


def reporter_of(p: Parsed, verb, resolver: Resolver | None = None) -> list[str]:
    """The subject of the reporting verb a clause is said under, if it names an actor."""
    t = verb
    while t.dep_ in ("ccomp", "conj", "xcomp", "advcl") and t.head is not t:
        t = t.head
        if t.lemma_.lower() in _REPORTING:  # "X says ... and has warned that": climb on
            subj = [c for c in t.children if c.dep_ == "nsubj"]
            if (
                not subj and t.dep_ == "conj" and t.head.pos_ == "VERB"
            ):  # "X condemned ... and said"
                subj = [c for c in t.head.children if c.dep_ == "nsubj"]
            if subj:
                found = phrase_actors(p, subj[0])
                return found or (resolver.resolve(p, subj[0]) if resolver else [])
    return []
