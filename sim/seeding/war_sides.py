"""Who fought a war a noun tells ("clashes between A and B", "the Israel-Hamas war", "killed in
a face-off with X", "joined Y in the fight against Z", "A and B have been locked in a
conflict", "withdrew after shelling by X"): the sides of ``war_nouns``' nouns.

- "between": every actor the list names, on the noun, on the verb it is the subject of, or on
  the border where it happened; a hyphenated pair before the noun; sides that are diplomats or
  officials are words, not fighting (the verb table's ``talkers``).
- the coordinated subject of "locked in", "engaged in": each actor named side by side.
- "joined the war against Z", "joined Y in the fight against Z": the joiner, and Y.
- "is at war with", "went to war with": the subject of the verb.
- whoever suffered a noun with no target: the subject of the verb it hangs from ("49 of its
  soldiers had been killed"), the reporter of "its fighters", a bare "the rebels" resolved.
"""

from __future__ import annotations

from sim.seeding.nouns import named_or_resolved, owner_of
from sim.seeding.phrases import GROUP_NOUNS, PRONOUNS, Parsed, co_subjects, phrase_actors
from sim.seeding.reporters import reporter_of
from sim.seeding.roles import subject_of
from sim.seeding.verbs import verbs


def between_talkers(noun) -> bool:
    """Whether the sides of a war noun are people of words ("the face-off between U.S. and
    Chinese diplomats", "a scuffle with opposition lawmakers"): the verb table's ``talkers``."""
    sides = [g for c in noun.children if c.dep_ == "prep" and c.lower_ in ("between", "with")
             for g in c.children if g.dep_ == "pobj"]  # fmt: skip
    return any(s.lemma_.lower() in verbs().talkers for g in sides for s in (g, *g.conjuncts))


_BORDERS = {"border", "frontier", "boundary", "line"}


def _named_after(p: Parsed, g) -> list[str]:
    """The actor a side is named as: itself ("Hezbollah"), or the name after a description of a
    group ("Lebanese armed group Hezbollah", however the parse hangs the name)."""
    if g.i in p.actor_at:
        return [p.actor_at[g.i]]
    name = [c for c in g.children if c.dep_ == "appos" and c.i in p.actor_at]
    nxt = g.doc[g.i + 1] if g.i + 1 < len(g.doc) else None
    if not name and g.lemma_.lower() in GROUP_NOUNS and nxt is not None:
        name = [nxt] if nxt.i in p.actor_at and nxt.pos_ == "PROPN" else []
    return [p.actor_at[t.i] for t in name]


def between(p: Parsed, noun, resolver) -> list[str]:
    """The sides "between" names, on the noun, on the verb it is the subject of ("clashes
    erupted between A and B") or on the border where it happened ("fighting flared along the
    border between A and B"): every actor the list names, a bare "the army" resolved; a side
    named by its name is that actor alone ("Lebanese armed group Hezbollah")."""
    holders = [noun] + ([noun.head] if noun.dep_ == "nsubj" else [])
    holders += [
        g
        for h in list(holders)
        for c in h.children
        if c.dep_ == "prep"
        for g in c.children
        if g.lemma_.lower() in _BORDERS
    ]  # "along the border
    sides: list[str] = []  # between Peru and Ecuador"
    for h in holders:
        for prep in (c for c in h.children if c.dep_ == "prep" and c.lower_ == "between"):
            for g in (g for c in prep.children if c.dep_ == "pobj" for g in (c, *c.conjuncts)):
                named = [p.actor_at[x.i] for x in g.subtree if x.i in p.actor_at
                         and not any(a.dep_ == "relcl" for a in x.ancestors)]  # fmt: skip
                name = _named_after(p, g)
                if name:  # "Lebanese armed group Hezbollah": the name, not the description's
                    named = name  # demonym
                named = named or named_or_resolved(p, g, resolver)
                sides += [a for a in dict.fromkeys(named) if a not in sides]
    return sides


def _portion_of(token):
    """ "49 of its soldiers", "some of the troops": the whole the portion is of."""
    of = [g for c in token.children if c.dep_ == "prep" and c.lower_ == "of"
          for g in c.children if g.dep_ == "pobj"]  # fmt: skip
    numeric = token.pos_ == "NUM" or token.lower_ in ("some", "many", "most", "dozens")
    return of[0] if of and numeric and of[0].lower_ not in PRONOUNS else token


def hyphenated(p: Parsed, noun) -> list[str]:
    """The two sides a hyphenated pair before the noun names: "the Israel-Hamas war",
    "Thai-Cambodian border clashes", "the Ethiopia-Eritrea border war"."""
    sides: list[str] = []
    hyphen = False
    i = noun.i - 1
    while i >= 0 and (p.doc[i].dep_ in ("compound", "amod", "punct", "nmod")
                      or p.doc[i].lemma_.lower() in _BORDERS):  # fmt: skip
        hyphen = hyphen or p.doc[i].text in ("-", "–")
        a = p.actor_at.get(i)
        if a and a not in sides:
            sides.insert(0, a)
        i -= 1
    return sides if hyphen and len(sides) == 2 else []


def joining(p: Parsed, noun, resolver) -> tuple[list[str], list[str]]:
    """Who joins a war a noun tells, and whom they join: "X joined the war against Z" (X),
    "X joined Y in the fight against Z" (X, and Y, whom X fights beside)."""
    verb = noun.head.head if noun.head.lower_ == "in" and noun.dep_ == "pobj" else noun.head
    if resolver is None or verb.lemma_.lower() != "join" or verb.pos_ != "VERB":
        return [], []
    if noun.dep_ != "dobj" and noun.head.dep_ != "prep":
        return [], []
    joined = [a for c in verb.children if c.dep_ == "dobj" and c.i != noun.i
              for a in named_or_resolved(p, c, resolver)]  # fmt: skip
    return subject_of(p, verb, resolver), joined


_LOCKED = {"lock", "engage", "embroil", "mire", "entangle"}


def locked_in(p: Parsed, noun, resolver) -> list[str]:
    """The sides a war noun is fought between when they are the coordinated subject of "locked
    in", "engaged in" ("Sudan's army and the RSF have been locked in a fierce conflict"): two
    actors named side by side (not "Russian mercenaries from the Wagner Group", one side; not
    "Rwandan, Congolese and Burundian forces", where who fights whom is not said)."""
    verb = noun.head.head
    if noun.head.lower_ != "in" or verb.lemma_.lower() not in _LOCKED or resolver is None:
        return []
    heads = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
    subjects = [a for h in heads[:1] for a in phrase_actors(p, h)]
    sides = subjects[:1] + co_subjects(p, verb, subjects)
    return sides if len(sides) == 2 else []  # of three, who fights whom is not said


def at_war(p: Parsed, noun, resolver) -> list[str]:
    """Who "is at war" or "went to war": the subject of the verb the phrase hangs on (a
    relative pronoun's antecedent included)."""

    verb = noun.head.head
    if verb.pos_ not in ("VERB", "AUX") or resolver is None:
        return []
    if noun.head.lower_ == "to" and verb.lemma_.lower() != "go":
        return []  # "went to war with", not "a path to war with"
    return subject_of(p, verb, resolver)


def sufferer(p: Parsed, noun, resolver=None) -> list[str]:
    """Whom an attack noun with no target fell on: the subject of the verb it hangs from
    ("Ukrainian troops withdrew after weeks of shelling by ..."), a bare "the rebels" the
    last rebels named."""
    t = noun
    for _ in range(5):
        t = t.head
        if t.pos_ in ("VERB", "AUX"):
            subj = [c for c in t.children if c.dep_ in ("nsubj", "nsubjpass")]
            subj = [_portion_of(s) for s in subj]  # "49 of its soldiers had been killed"
            found = [a for s in subj for a in phrase_actors(p, s)]
            owners = [c for s in subj for c in s.children if c.dep_ == "poss"]
            if not found and owners and owners[0].lower_ in PRONOUNS:  # "X said its
                found = reporter_of(p, t)  # fighters had repelled an attack by Y": X
            found = found or [a for o in owners for a in owner_of(p, o)]  # "its forces came"
            if not found and not owners and subj and resolver is not None:
                found = resolver.resolve(p, subj[0])  # "the rebels retook the town after
            return found  # clashes with the Malian army"
        if t.dep_ == "ROOT":
            break
    return []
