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
    noun_verb = said_in(verb)  # "warned Seoul in a letter that it would ..."
    steps = [noun_verb] if noun_verb is not None else []
    t = noun_verb if noun_verb is not None else verb
    while t.dep_ in ("ccomp", "conj", "xcomp", "advcl") and t.head is not t:
        t = t.head
        steps.append(t)
    for t in steps:
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


def said_in(verb):
    """The verb whose noun a clause says ("warned Seoul in a letter that it would take
    action": the parse makes the clause a relative clause of "letter", but "that" is its mark,
    no relative pronoun, so it is what the letter says, and "warned" says it); else None."""
    if verb.dep_ not in ("relcl", "acl") or not _marked_that(verb):
        return None
    noun = verb.head
    if noun.dep_ == "pobj" and noun.head.dep_ == "prep":
        return noun.head.head if noun.head.head.pos_ in ("VERB", "AUX") else None
    return noun.head if noun.dep_ == "dobj" else None


def said_in_noun(verb) -> list:
    """The clauses a verb's object or prepositional noun says ("warned India in a message
    that it would retaliate", "issued a statement that it would respond")."""
    nouns = [c for c in verb.children if c.dep_ == "dobj"]
    nouns += [g for c in verb.children if c.dep_ == "prep" for g in c.children
              if g.dep_ == "pobj"]  # fmt: skip
    return [g for n in nouns for g in n.children
            if g.dep_ in ("relcl", "acl") and _marked_that(g)]  # fmt: skip


def _marked_that(clause) -> bool:
    return any(c.dep_ == "mark" and c.lower_ == "that" for c in clause.children)
