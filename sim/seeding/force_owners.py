"""Whose a troop count is: the actor, and where the troops stand.

A count belongs to the mission it makes up ("the African Union's mission, made up of some 9,000
Ugandan and Burundian troops"), else to the actor named in its phrase ("North Korean soldiers"),
else to its possessor ("its 1,500 troops"), else to its "from X" ("5,000 soldiers from Mali"),
else to the subject of the verb it depends on ("France, which has some 1,500 soldiers in
Niger"; "whose", "which says it has", an unowned "the army" the state whose official speaks or
the dateline's). The total a count is said to grow to is the same actor's. Casualties and
captives are nobody's force, nor are a people's fighters or mercenaries ("2,000 Syrian fighters
paid by Ankara"). Ships and aircraft an actor holds are counted the same way ("Two Chinese
coast guard vessels sailed into the waters"), not those struck, downed or intercepted ("shot
down two Indian fighter jets") nor drones, which the press counts as they are fired. A count
its phrase and verb leave unowned is read in its context (``force_context``: the speaker who
sends it, the one actor whose forces the text names around it).
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from sim.seeding.force_context import (
    FORCE_NOUNS,
    IRREGULARS,
    harmed_beside,
    last_named,
    speaker_who_sends,
)
from sim.seeding.quantities import Quantity


@dataclass(frozen=True)
class StatedForce:
    """Troops, ships or aircraft the document counts and whose they are: "some 1,500 French
    soldiers", "two Chinese coast guard vessels" (``quantity.unit`` says which)."""

    actor: str
    quantity: Quantity
    where: str | None  # the actor on whose land they stand ("in Niger"), if the text says


def stated_forces(quantities: list[Quantity], parsed: list, resolver=None) -> list[StatedForce]:
    """Each troop count with the actor it belongs to: the mission it makes up ("the AU's
    mission, made up of some 9,000 Ugandan and Burundian troops"), else a demonym or name inside
    its phrase, else the possessor ("its 1,500 troops"), else its "from X" ("5,000 soldiers
    from Mali"), else the subject of the verb it depends on
    ("the military said it had called up 300,000 reservists": with ``resolver``, the
    document's resolver, an unowned "the military" is the dateline's state). A people's
    demonym on fighters or mercenaries ("2,000 Syrian fighters paid by Ankara") names no
    state's force."""
    from sim.seeding.phrases import phrase_actors  # the parse layer sits above this module

    out: list[StatedForce] = []
    unowned: list[tuple] = []  # (count, sentence, noun, verb), read in context (force_context)
    totals: list[Quantity] = []
    for q in (q for q in quantities if q.unit in FORCE_UNITS and not _munitions(q)):
        if q.follows is not None:  # "to a total of 2,500": the count it continues is whose
            totals.append(q)
            continue
        p = next((p for p in parsed if p.sentence.start <= q.start < p.sentence.end), None)
        if p is None:
            continue
        tokens = [t for t in p.doc if q.start <= p.offset(t) < q.end]
        if not tokens:
            continue
        noun = tokens[-1]
        if harmed_beside(p, tokens[0], noun):
            continue  # "Hezbollah Captures 2 Israeli Soldiers", "30 Peacekeepers Hurt"
        if _casualties(noun.head) and (noun.dep_ in ("dobj", "nsubjpass")
                                       or noun.head.lemma_.lower() in _DIED):  # fmt: skip
            continue  # "a battle that killed more than 70 Vietnamese soldiers": the victims
        owner = _body_of(p, noun, phrase_actors)
        if noun.lower_ in IRREGULARS and any(t.tag_ == "JJ" and t.i in p.actor_at
                                                for t in tokens):  # fmt: skip
            continue  # "2,000 Syrian fighters paid by Ankara": a people, no state's force
        owner = owner or [p.actor_at[t.i] for t in tokens if t.i in p.actor_at]
        owner = owner or [p.actor_at[c.i] for c in noun.children
                          if c.dep_ == "poss" and c.i in p.actor_at]  # fmt: skip
        owner = owner or [
            p.actor_at[g.i]
            for c in noun.children  # "5,000 soldiers from Mali"
            if c.dep_ == "prep" and c.lower_ == "from"
            for g in c.children
            if g.dep_ == "pobj" and g.i in p.actor_at
        ]
        head = noun
        while not owner and head.dep_ not in ("ROOT",) and head.pos_ not in ("VERB", "AUX"):
            head = head.head
        if not owner and head.pos_ in ("VERB", "AUX"):
            if _casualties(head) and not _acting(noun, head):
                continue  # "killed about 40 soldiers": the victims, not the killers' troops
            if head.lemma_.lower() in _OBSERVED:  # the watcher's own words name no owner
                owner = _watched(p, noun)
                if owner:
                    out.append(StatedForce(owner[0], q, None))
                continue
            owner = _subject(p, head, resolver) or speaker_who_sends(p, noun, head, resolver)
        if owner:
            out.append(StatedForce(owner[0], q, _place(p, noun, head, phrase_actors)))
        else:
            unowned.append((q, parsed.index(p), noun, head))
    out += _from_context(unowned, out, parsed, phrase_actors)
    for q in totals:
        out += [replace(f, quantity=q) for f in out if f.quantity.start == q.follows][:1]
    return sorted(out, key=lambda f: f.quantity.start)


def _from_context(unowned, owned: list[StatedForce], parsed: list, phrase_actors) -> list:
    """The counts no phrase or verb gives an owner, read in their context: the one actor whose
    forces the text names around them (``force_context.last_named``)."""
    out: list[StatedForce] = []
    for q, k, noun, head in unowned:  # in document order: a count read here counts as named
        p = parsed[k]
        if _named_elsewise(p, noun, head):
            continue
        counted = [(j, t.i, f.actor) for f in owned + out for j, pp in enumerate(parsed)
                   if pp.sentence.start <= f.quantity.start < pp.sentence.end
                   for t in pp.doc if pp.offset(t) == f.quantity.start]  # fmt: skip
        owner = last_named(parsed, k, noun, counted)
        if owner:
            out.append(StatedForce(owner[0], q, _place(p, noun, head, phrase_actors)))
    return out


FORCE_UNITS = ("troops", "ships", "aircraft")
_OBSERVED = {"detect", "spot", "track", "monitor", "observe", "see", "sight", "report"}


def _munitions(q: Quantity) -> bool:
    """Drones are counted as they are fired ("launched more than 300 drones"), not held."""
    return q.unit == "aircraft" and q.quote.lower().endswith("drones")


def _watched(p, noun) -> list[str]:
    """ "detected 21 Chinese aircraft and seven navy ships": a count after a coordinated one
    whose phrase names its owner is that owner's; the one who detects them owns none."""
    first = noun.head if noun.dep_ == "conj" else None
    words = first.subtree if first is not None else ()
    return [p.actor_at[t.i] for t in words if t.i in p.actor_at and t.i < noun.i]


_MADE_UP = {"make", "compose", "comprise", "consist", "include"}


def _body_of(p, noun, phrase_actors) -> list[str]:
    """The owner of the force a count makes up: "the African Union's mission, made up of some
    9,000 Ugandan and Burundian troops" counts the AU's mission, not Uganda's army."""
    verb = noun.head.head if noun.head.lower_ == "of" else noun.head
    if verb.lemma_.lower() not in _MADE_UP:
        return []
    body = [verb.head] if verb.dep_ == "acl" else [c for c in verb.children if c.dep_ == "nsubj"]
    return [a for b in body if b.pos_ in ("NOUN", "PROPN") for a in phrase_actors(p, b)]


def _casualties(verb) -> bool:
    """Whether a verb makes its counted object casualties or captives, not forces."""
    from sim.seeding.verbs import verbs

    lemma = verb.lemma_.lower()
    cls = verbs().by_lemma.get(lemma)
    return lemma in _HARMED or (cls is not None and cls.kind == "war")


_HARMED = {"wound", "injure", "hurt", "lose", "abduct", "kidnap", "detain", "arrest", "free",
           "release", "capture", "die", "intercept", "shoot", "destroy", "sink", "damage",
           "seize", "surrender", "defect", "desert", "flee"}  # fmt: skip
_DIED = {"die", "surrender", "defect", "desert", "flee"}  # "40 soldiers died": a loss


def _named_elsewise(p, noun, verb) -> bool:
    """Whether the verb's subject is a name that is no actor ("The North has about 1.2 million
    soldiers" where "the North" is not read): the text says whose, in words not understood, so
    the context must not guess. A unit's name is no owner ("The 3rd Brigade has 3,500 troops")."""
    subject = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subject is None or noun in subject.subtree:
        return False
    return (subject.pos_ == "PROPN" and subject.lemma_.lower() not in FORCE_NOUNS
            and not any(t.i in p.actor_at for t in subject.subtree))  # fmt: skip


def _acting(noun, verb) -> bool:
    """Whether the count is the active subject of the verb ("750 paratroopers boarded C-17
    aircraft"): who does it, not who suffers it (unless they die)."""
    return verb.lemma_.lower() not in _DIED and any(
        c.dep_ == "nsubj" and noun in c.subtree for c in verb.children
    )


def _subject(p, verb, resolver=None) -> list[str]:
    """The verb's subject as the sentence was read (pronouns and "the armed forces" resolved),
    else as its own words say (a bare "the military" or "the army" the dateline's state)."""
    from sim.seeding.clauses import subject_of
    from sim.seeding.resolver import Resolver

    fresh = Resolver() if resolver is None else Resolver(
        resolver.kinds, home=resolver.home, present=resolver.present)  # fmt: skip
    return (p.verb_subjects.get(verb.i) or subject_of(p, verb, fresh)
            or _whose(p, verb) or _antecedent_says(p, verb))  # fmt: skip


def _antecedent_says(p, verb) -> list[str]:
    """ "Hezbollah, which says it has 100,000 fighters": "it" in what a relative clause says
    is the clause's antecedent."""
    from sim.seeding.phrases import PRONOUNS, phrase_actors

    if not any(c.dep_ == "nsubj" and c.lower_ in PRONOUNS for c in verb.children):
        return []
    relcl = next((a for a in verb.ancestors if a.dep_ == "relcl"), None)
    return phrase_actors(p, relcl.head)[:1] if relcl is not None else []


def _whose(p, verb) -> list[str]:
    """ "Ghana, whose parliament approved the deployment of 205 soldiers", "General Badjie,
    whose forces number about 2,500 soldiers": a subject "whose X" is the antecedent's, and
    an antecedent that names none is its own phrase's owner ("Gambia's army chief")."""
    from sim.seeding.phrases import phrase_actors

    for clause in (verb, *verb.ancestors):
        if clause.dep_ != "relcl":
            continue
        subj = [c for c in clause.children if c.dep_ in ("nsubj", "nsubjpass")]
        if subj and any(c.lower_ == "whose" for c in subj[0].children):
            head = clause.head
            while head is not None:
                found = phrase_actors(p, head) or [
                    p.actor_at[t.i] for t in head.subtree if t.i in p.actor_at and t.i < clause.i
                ]
                if found:
                    return found[:1]
                head = head.head if head.dep_ == "appos" else None
        return []
    return []


def _place(p, noun, verb, phrase_actors) -> str | None:
    """The actor on whose land the troops stand: "in/to/into X" on the noun or the verb."""
    for h in (noun, verb, *[c for c in noun.children if c.dep_ == "acl"]):
        preps = [c for c in h.children if c.dep_ == "prep" and c.lower_ in ("in", "to", "into")]
        for prep in preps:
            for g in (c for c in prep.children if c.dep_ == "pobj"):
                found = phrase_actors(p, g)
                if found:
                    return found[0]
    return None
