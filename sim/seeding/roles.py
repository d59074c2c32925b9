"""Who does what in a clause: the actors of a verb's subject and objects, over the parse.

A verb's actors are its subject's (coordination included: "the U.S. and Britain conducted"; a
relative pronoun takes its antecedent: "North Korea, which has supplied"; a passive clause takes
its "by" agent; a verb without a subject takes its governing verb's: "vowed to retaliate", or the
object of a verb of control: "urged Russia to stop"; a subject the parse hangs on the object
before "and" is read back; a participle takes the noun it describes: "rebels fighting the
government"). Pronouns and bare group nouns go through the ``Resolver``; a subject pronoun in
reported speech, and "we" in a quote, is the reporter; "a NATO member" is no actor.
"""

from __future__ import annotations

from sim.seeding.body_words import group_noun, one_member, treaty_noun
from sim.seeding.group_words import named_unknown
from sim.seeding.phrases import (
    GROUP_NOUNS,
    OTHER_PARTY,
    PRONOUNS,
    Parsed,
    own_actors,
    phrase_actors,
)
from sim.seeding.reporters import reporter_of, unnamed_group_reporter
from sim.seeding.resolver import Resolver
from sim.seeding.verb_sense import attack_noun, class_of

_CONTROL = {
    "urge",
    "ask",
    "tell",
    "call",
    "order",
    "force",
    "press",
    "push",
    "persuade",
    "encourage",
    "invite",
    "allow",
    "help",
    "warn",
    "request",
    "demand",
}


# "accused X of supplying", "blamed X for", "stopped X from", "quoted X as saying": the object
# does the gerund; after "by", "after", "without" the subject does ("angered Somalia by signing")
_OBJECT_DOES = {"of", "for", "from", "as", "into"}

_PORTIONS = {"one", "some", "several", "many", "most", "dozens", "hundreds", "thousands",
             "part", "all", "each", "none", "two", "three"}  # fmt: skip


def subject_of(p: Parsed, v, resolver: Resolver, depth: int = 0) -> list[str]:
    """The actors doing what the verb says (see the module docstring)."""
    agent = [g for c in v.children if c.dep_ == "agent" for g in c.children if g.dep_ == "pobj"
             and not treaty_noun(g)]  # "bound to Bhutan by a treaty": no doer  # fmt: skip
    if agent:
        return actors_of(p, agent[0], resolver, v)
    subj = [c for c in v.children if c.dep_ in ("nsubj", "csubj")]
    if not subj and depth:  # "X are scheduled to meet": the passive subject of the head
        subj = [c for c in v.children if c.dep_ == "nsubjpass"]
    if subj:  # a misparse may give two subjects; the verb's own is the nearest before it
        before = [c for c in subj if c.i < v.i]
        return actors_of(p, (before or subj)[-1], resolver, v)
    if depth > 4 or v.dep_ == "ROOT":
        return []
    if had_participle(v):  # "it had targeted bases" read as "had [targeted bases]"
        return subject_of(p, v.doc[v.i - 1], resolver, depth + 1)
    stray = _stray_subject(p, v)
    if stray:
        return stray
    if v.dep_ == "relcl":
        return _antecedent(p, v)
    head = v.head
    if v.dep_ == "pcomp" and head.dep_ == "prep" and head.head.pos_ == "VERB":
        obj = [c for c in head.head.children if c.dep_ == "dobj"]  # accused X of supplying,
        if obj and head.lower_ in _OBJECT_DOES:  # stopped X from drilling (not "angered
            return actors_of(p, obj[0], resolver, head.head)  # Somalia by signing")
        head = head.head
    if v.dep_ == "xcomp" and head.lemma_.lower() in _CONTROL:  # "urged Russia to stop",
        controller = [c for c in head.children if c.dep_ in ("dobj", "dative")]  # "called on
        controller += [
            g
            for c in head.children
            if c.dep_ == "prep" and c.lower_ == "on"
            for g in c.children
            if g.dep_ == "pobj"
        ]  # both sides to pull back"
        if controller:
            return actors_of(p, controller[0], resolver, head)
    if (
        v.dep_ in ("advcl", "xcomp")
        and head.dep_ == "acl"
        and head.tag_ == "VBN"
        and (head.head.head.pos_ in ("VERB", "AUX"))
    ):  # "used weapons provided by Britain to strike": the user strikes, not the provider
        return subject_of(p, head.head.head, resolver, depth + 1)
    if _finite_after_complement(v):  # "Turkey, which wants Assad gone and backs the rebels":
        return subject_of(p, head.head, resolver, depth + 1)  # Turkey backs them, not Assad
    if v.dep_ in ("conj", "xcomp", "advcl", "pcomp", "acl") and head.pos_ in ("VERB", "AUX"):
        return subject_of(p, head, resolver, depth + 1)
    if v.dep_ == "acl" and v.tag_ == "VBG" and head.pos_ in ("NOUN", "PROPN"):
        named = phrase_actors(p, head)  # "Turkmen rebels fighting the Syrian government"
        if named:
            return named
    seen = v.tag_ == "VBN" and head.head.lemma_.lower() in _PERCEIVING  # "detected a missile
    if v.dep_ == "acl" and not seen and head.dep_ == "dobj" and head.head.pos_ == "VERB":
        return subject_of(p, head.head, resolver, depth + 1)  # "launched an offensive to retake"
    return []


def had_participle(v) -> bool:
    """A past participle the parse hangs on its object as an adjective after "had" ("it had
    targeted bases of X": "had" the verb, "targeted" the modifier of "bases")."""
    return (v.dep_ == "amod" and v.tag_ == "VBN" and v.i > 0
            and v.doc[v.i - 1].lemma_.lower() == "have" and v.head.head.i == v.i - 1)  # fmt: skip


def _finite_after_complement(v) -> bool:
    """A finite verb the parse joins to a non-finite complement ("wants Assad gone and backs
    the rebels"): it goes with the complement's governing verb."""
    head = v.head
    return (v.dep_ == "conj" and v.tag_ in ("VBZ", "VBD", "VBP")
            and head.tag_ in ("VBN", "VB", "VBG") and head.dep_ in ("ccomp", "xcomp")
            and head.head.pos_ in ("VERB", "AUX"))  # fmt: skip


# "it had detected a missile launched from near Pyongyang": not launched by the detector
_PERCEIVING = {"detect", "spot", "see", "observe", "track", "monitor", "intercept", "report"}


def moved_by_proxy(p: Parsed, v) -> bool:
    """Whether the verb's subject names only a backer ("Iran-backed militias")."""
    subj = [c for c in v.children if c.dep_ == "nsubj" and c.lower_ not in PRONOUNS]
    return (
        bool(subj)
        and not own_actors(p, subj[0])
        and bool(phrase_actors(p, subj[0]))
        and (any(_backed_word(t) for t in subj[0].subtree))
    )


def _backed_word(t) -> bool:
    return t.lemma_.lower() in ("back", "align", "sponsor", "support", "fund", "arm", "link") and (
        t.dep_ in ("amod", "acl", "compound")
    )


def _stray_subject(p: Parsed, v) -> list[str]:
    """ "... to the Central African Republic and Rwanda has deployed": the parse hangs "Rwanda"
    on the object before it; an actor right after "and" and before the verb's auxiliaries is
    the second clause's subject (also when the parse makes that finite verb an adverbial clause:
    "drones crossed into the South on Monday and South Korea responded by opening fire"; not an
    infinitive: "the force it formed with Niger and Cameroon to fight Boko Haram")."""
    if v.dep_ != "conj" and not (v.dep_ == "advcl" and v.tag_ in ("VBD", "VBZ", "VBP")):
        return []
    t = v.i - 1
    while t >= 0 and p.doc[t].dep_ in ("aux", "auxpass", "neg", "advmod"):
        t -= 1
    if t < 1 or t not in p.actor_at or p.doc[t].dep_ not in ("conj", "appos"):
        return []
    first = t
    while first > 0 and p.actor_at.get(first - 1) == p.actor_at[t]:
        first -= 1
    return [p.actor_at[t]] if p.doc[first - 1].lower_ == "and" else []


def actors_of(p: Parsed, token, resolver: Resolver, verb) -> list[str]:
    """A subject's or object's actors; pronouns and bare group nouns through the resolver; a
    subject pronoun in reported speech is the reporter ("Hezbollah said it had fired")."""
    if token.lower_ in ("which", "who", "that") and verb.dep_ == "relcl":
        return _antecedent(p, verb)
    if token.lower_ in ("which", "who") and verb.dep_ == "ccomp" and verb.head.dep_ == "relcl":
        return _antecedent(p, verb.head)  # "Iran, which officials say supplies the Houthis"
    if token.lower_ in ("which", "whom") and token.dep_ == "pobj":
        before = named_before(p, token.head.i)  # "Russia, with which it has a treaty"
        if before:
            return before
    of = [g for c in token.children if c.dep_ == "prep" and c.lower_ == "of"
          for g in c.children if g.dep_ == "pobj"]  # fmt: skip
    portion = token.lower_ in _PORTIONS or token.pos_ == "NUM"
    if of and portion and token.dep_ != "nsubj" and of[0].lower_ not in PRONOUNS:
        return actors_of(p, of[0], resolver, verb)  # "shot down one of its bombers"
    if one_member(token):
        return []  # "a NATO member has downed a Russian jet": a member state, not NATO
    if token.lower_ in PRONOUNS and token.i not in p.actor_at:  # ("the US" is no "us")
        # "'We struck X,' Y said": Y, wherever "we" stands
        if token.dep_ in ("nsubj", "nsubjpass") or PRONOUNS[token.lower_] == "speaker":
            reporter = reporter_of(p, verb, resolver)
            if reporter:
                return reporter
            if token.lower_ == "it" and unnamed_group_reporter(verb):
                return []  # "An alliance of three armed groups said it had captured": itself
        return resolver.resolve(p, token)
    if group_noun(token) and any(c.lower_ == "the" for c in token.children) and not (
            named_unknown(p, token)):  # fmt: skip
        found = own_actors(p, token)  # "the Malian army" names Mali, whatever came before
        found = found or _listed_members(p, token)
        # "the group", "the Iran-aligned group": the latest of its kind, not its backer
        found = found or resolver.resolve(p, token)
        if found:
            return found
    owned = any(c.dep_ == "poss" and c.lower_ in PRONOUNS for c in token.children)
    # "its bombers near the Syrian border": the owner, before a place the phrase names
    found = own_actors(p, token) if owned or attack_noun(token) else phrase_actors(p, token)
    subject_of_attack = token.dep_ == "nsubj" and attack_noun(verb, lemma=True)
    if (
        not found
        and subject_of_attack
        and attack_noun(token)
        and any(c.lower_ == "the" for c in token.children)
    ):
        found = list(resolver.attackers)  # "The strike also killed ...": the last attacker's
    if not found and token.lemma_.lower() in OTHER_PARTY:
        return []  # "its northern neighbour may test a missile": not its own
    if not found:  # "the group's positions", "its bases": the possessor's
        owner = next((c for c in token.children if c.dep_ == "poss"), None)
        pronoun = owner is not None and owner.lower_ in PRONOUNS and token.dep_ != "dobj"
        person = owner is not None and owner.lower_ in ("his", "her")
        before = [a for i, a in sorted(p.actor_at.items()) if owner is not None and i < owner.i]
        if person and before:  # "President Lee ordered his forces": the person's state
            found = before[-1:]
        elif owner is not None and pronoun:  # "X said their fighters": X's
            found = reporter_of(p, verb, resolver) or actors_of(p, owner, resolver, verb)
        elif owner is not None and owner.lemma_.lower() in GROUP_NOUNS:
            found = actors_of(p, owner, resolver, verb)
        elif owner is not None and owner.lower_ in PRONOUNS:  # "X said Y attacked its
            found = reporter_of(p, verb, resolver)  # positions": the reporter's, not Y's
            found = found or _accuser(p, verb, resolver)  # "X accused Y of attacking its"
            found = found or _other_before(p, owner, verb, resolver)
    if found or named_unknown(p, token):  # "the Jaish al-Fatah militants": someone the
        return found  # gazetteer does not know, not the last group named
    return resolver.resolve(p, token)


def _accuser(p: Parsed, verb, resolver: Resolver) -> list[str]:
    """ "Pakistan accused India of attacking its territory": the accuser's territory."""
    if verb.dep_ != "pcomp" or verb.head.lower_ != "of":
        return []
    accuse = verb.head.head
    if accuse.lemma_.lower() not in ("accuse", "blame", "charge"):
        return []
    return subject_of(p, accuse, resolver)


def _other_before(p: Parsed, owner, verb, resolver: Resolver) -> list[str]:
    """ "India, which is bound to Bhutan ..., has long trained its small army": with no
    reporter, the object's "its" of a verb of aid (one does not aid oneself) is the latest
    actor named before it other than the subject."""
    cls = class_of(verb)[0]
    if cls is None or cls.kind not in ("supply", "partnership"):
        return []
    subject = subject_of(p, verb, resolver)
    before = [a for i, a in sorted(p.actor_at.items()) if i < owner.i and a not in subject]
    return before[-1:] if subject else []


def named_before(p: Parsed, i: int) -> list[str]:
    """The actor named right before position ``i``, past a comma ("Russia, with which")."""
    j = i - 1
    while j >= 0 and p.doc[j].is_punct:
        j -= 1
    return [p.actor_at[j]] if j >= 0 and j in p.actor_at else []


def _listed_members(p: Parsed, token) -> list[str]:
    """ "The rebels, an alliance of Ansar Dine and MUJAO": the actors its apposition lists."""
    return [a for c in token.children if c.dep_ == "appos"
            for o in c.children if o.dep_ == "prep" and o.lower_ == "of"
            for g in o.children if g.dep_ == "pobj" for a in phrase_actors(p, g)]  # fmt: skip


def _antecedent(p: Parsed, relcl) -> list[str]:
    """What a relative clause describes; past an apposition to what it stands beside
    ("Iran, Hezbollah's main backer, which supplies it")."""
    head = relcl.head
    if head.dep_ == "appos":
        return phrase_actors(p, head.head)
    if attack_noun(head):  # "a drone attack in Jordan that killed three American soldiers":
        return own_actors(p, head)  # whose the attack is, not where it fell
    return phrase_actors(p, head)
