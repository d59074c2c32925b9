"""Relations told by nouns of allegiance, support and mediation.

- "Turkey, Azerbaijan's closest ally", "its ally Moscow", "Russia remained Armenia's ally",
  "Hezbollah's main backer", "counts both as allies": an alliance between the ally and the one
  it stands by ("a treaty ally of" a treaty); "Rwanda-backed M23", "militias backed by
  Tehran": an alliance between backer and backed; "Washington's commitment to Israel's
  security": an alliance; "Ukraine's allies, including the United States and Britain": each
  one listed.
- "the United States, Israel's biggest arms supplier": a supply to the possessor; "U.S.
  military aid to Kyiv", "approved the sale of F-16 jets to Turkey": a supply to the object of
  "to" (only a sale, delivery or transfer of arms or aid).
- "mediators Qatar and the United States": they take part (as actors of the draft).

Wars told by nouns are read in ``war_nouns``.
"""

from __future__ import annotations

from sim.seeding.findings import FACT, Finding
from sim.seeding.goods import civil_aid, pledged_by
from sim.seeding.group_words import named_unknown
from sim.seeding.modality import modality_of
from sim.seeding.phrases import (
    PRONOUNS,
    Parsed,
    antecedents,
    finding_at,
    own_actors,
    phrase_actors,
)
from sim.seeding.roles import subject_of
from sim.seeding.verbs import verbs

_MEDIATORS = {"mediator", "mediators", "broker", "brokers", "guarantor", "guarantors"}


def allegiance(p: Parsed, resolver=None) -> list[Finding]:
    """Alliances from nouns of allegiance and from "<X>-backed"; supplies from nouns of aid."""
    table = verbs()
    out: list[Finding] = []
    for t in p.doc:
        lemma = t.lemma_.lower()
        if t.lower_ in _MEDIATORS:  # "mediators Qatar and the United States said": parties
            p.participants.update(a for c in t.children if c.dep_ in ("appos", "compound")
                                  for a in phrase_actors(p, c))  # fmt: skip
            if t.dep_ in ("appos", "compound") and t.head.i in p.actor_at:
                p.participants.update(phrase_actors(p, t.head))
        if t.pos_ in ("NOUN", "PROPN") and lemma in table.allies and _counted_as(t):
            out += _counted_allies(p, t, resolver)
        elif t.pos_ in ("NOUN", "PROPN") and lemma in table.allies:
            owner = [a for c in t.children if c.dep_ == "poss" for a in (
                     _clause_owner(p, t, c, resolver) if c.lower_ in PRONOUNS
                     else owner_of(p, c))]  # fmt: skip
            owner += [a for c in t.children if c.dep_ == "prep" and c.lower_ == "of"
                      for g in c.children  # "an ally of both countries": the pair
                      for a in named_or_resolved(p, g, resolver)]  # fmt: skip
            other = _ally_of(p, t) or _only_other(p, t, owner)
            kind = "treaty" if any(c.lower_ == "treaty" for c in t.children) else "alliance"
            if not owner and t.tag_ == "NNS" and t.dep_ == "appos":  # "South Korea and the
                owner = other[:1]  # United States, treaty allies": each other's allies
            out += [finding_at(p, kind, "consult_partners", (a, b), FACT, t, {})
                    for a in other for b in owner if a != b]  # fmt: skip
        elif t.pos_ == "NOUN" and lemma in table.suppliers and _of_arms(t):
            owner = [a for c in t.children if c.dep_ == "poss" for a in owner_of(p, c)]
            out += [finding_at(p, "supply", "supply_arms", (a, b), FACT, t, {"goods": "arms"})
                    for a in _ally_of(p, t) for b in owner if a != b]  # fmt: skip
        elif t.pos_ == "NOUN" and (lemma in table.pledges | table.provisions
                                   or lemma in table.transfers and _of_goods(t)):  # fmt: skip
            owner = [a for c in t.children if c.dep_ == "poss" for a in owner_of(p, c)]
            owner += [p.actor_at[c.i] for c in t.children
                      if c.dep_ in ("amod", "compound", "nmod") and c.i in p.actor_at]  # fmt: skip
            pledge, amounts = pledged_by(t, _PLEDGING)
            if not owner and pledge is not None:
                owner = subject_of(p, pledge, resolver)  # "the US pledged ironclad backing
                # for Israel", "approved the sale of F-16 jets to Turkey", "announced $2
                # billion in military aid for Ukraine"
            other = [a for h in (t, *amounts) for c in h.children if c.dep_ == "prep"
                     and c.lower_ in ("to", "for")
                     for g in c.children for a in named_or_resolved(p, g, resolver)]  # fmt: skip
            if lemma not in table.pledges and civil_aid(t):
                continue  # "humanitarian aid for Lebanon": no arms
            if lemma not in table.pledges:  # "U.S. military aid to Kyiv"
                out += [finding_at(p, "supply", "supply_arms", (a, b), FACT, t, {"goods": t.text})
                        for a in owner for b in other if a != b]  # fmt: skip
            else:
                out += [finding_at(p, "alliance", "consult_partners", (a, b), FACT, t, {})
                        for a in owner for b in other if a != b]  # fmt: skip
        elif _participle(t, table.backed | _TRAINED) or _hyphen_backed(p, t, table.backed):
            head = t.head.head if t.dep_ == "conj" else t.head  # "trained and backed by Iran"
            backers = [a for c in t.children if c.dep_ in ("npadvmod", "compound", "nmod")
                       for a in phrase_actors(p, c)]  # fmt: skip
            backers += [p.actor_at[t.i]] if t.i in p.actor_at else []  # "U.S.-backed"
            agents = [c for c in (*t.children, *t.head.children, *t.conjuncts) if c.dep_ == "agent"]
            backers += [a for c in agents for g in c.children for a in phrase_actors(p, g)]
            backed = [p.actor_at[i] for i in (head.i, *(c.i for c in head.children
                      if c.dep_ == "compound")) if i in p.actor_at]  # fmt: skip
            backed = backed or [
                a for c in head.children if c.dep_ == "poss" for a in phrase_actors(p, c)
            ]  # "Yemen's Saudi-backed government"
            if t.dep_ == "acl":  # "Congolese forces, supported by Burundi's military" (not
                backed = backed or own_actors(p, head)  # "Syrian rebels backed by Ankara")
            aligned = lemma.rsplit("-", 1)[-1].startswith("align")  # a stance, not support
            backed = backed or _described(p, head) or _fighters(p, head, resolver, aligned)
            kind, action = (("supply", "supply_arms") if lemma in _TRAINED
                            else ("alliance", "consult_partners"))  # fmt: skip
            out += [finding_at(p, kind, action, (a, b), FACT, t, {})
                    for a in dict.fromkeys(backers) for b in backed if a != b]  # fmt: skip
    return out


_TRAINED = {"train", "equip"}
# verbs whose object noun of aid or pledge is the subject's own: "pledged backing for Israel"
_PLEDGING = {"pledge", "promise", "offer", "approve", "announce", "provide", "send", "give",
             "extend", "deliver", "commit", "grant", "authorize", "authorise", "agree",
             "complete", "finalise", "finalize", "resume", "increase"}  # fmt: skip


def _of_goods(noun) -> bool:
    """ "the sale of F-16 jets", "an arms package": a transfer of arms or aid."""
    goods = verbs().goods | {"jet", "missile", "drone", "tank", "shell", "munition", "rocket"}
    words = [g for c in noun.children if c.dep_ == "prep" and c.lower_ == "of"
             for g in c.children if g.dep_ == "pobj"]  # fmt: skip
    words += [c for c in noun.children if c.dep_ in ("compound", "amod")]  # "arms package"
    return any(w.lemma_.lower() in goods or w.lower_ in goods for w in words)


def _hyphen_backed(p: Parsed, t, lemmas) -> bool:
    """ "the U.S.-backed alliance": a backer and its participle parsed as one word."""
    word = t.lower_.rsplit("-", 1)
    return (len(word) == 2 and t.i in p.actor_at and t.dep_ in ("amod", "compound")
            and any(word[1] in (w, f"{w}ed", f"{w}d") for w in lemmas))  # fmt: skip


def _participle(t, lemmas) -> bool:
    """ "Iran-backed", "militias backed by Tehran", "trained and backed by Iran"."""
    if t.lemma_.lower() not in lemmas:
        return False
    if t.dep_ in ("amod", "acl", "compound"):
        return t.lemma_.lower() not in _TRAINED or t.dep_ == "acl"
    return t.dep_ == "conj" and t.head.dep_ in ("acl", "amod") and t.pos_ == "VERB"


_COUNT = {"count", "consider", "regard", "see", "view", "treat", "call", "describe"}


def _only_other(p: Parsed, noun, owner: list[str]) -> list[str]:
    """Who a bare "its ally" is: the one other actor the sentence names ("the United States,
    which keeps 28,500 troops in the South, said it was in close contact with its ally")."""
    if noun.tag_ != "NN" or not owner:  # "its allies" are more than the one named
        return []
    if not any(c.dep_ == "poss" and c.lower_ in PRONOUNS for c in noun.children):
        return []
    others = {a for a in p.actor_at.values() if a not in owner}
    return list(others) if len(others) == 1 else []


def _counted_as(noun) -> bool:
    """ "counts both as allies", "regards Minsk as its closest partner"."""
    return noun.head.lower_ == "as" and noun.head.head.lemma_.lower() in _COUNT


def _counted_allies(p: Parsed, noun, resolver) -> list[Finding]:
    """ "Russia, which ... counts both as allies": the subject and those it counts (a pair the
    text speaks of for "both" or "them")."""
    verb = noun.head.head
    if resolver is None:
        return []
    owner = subject_of(p, verb, resolver)
    objs = [c for c in verb.children if c.dep_ == "dobj"]
    objs += [c for c in noun.head.children if c.lower_ in ("both", "them")]
    counted = [a for o in objs for a in (
               (resolver.fighting or resolver.pairs or [()])[-1] if o.lower_ in ("both", "them")
               else named_or_resolved(p, o, resolver))]  # fmt: skip
    return [finding_at(p, "alliance", "consult_partners", (a, b), modality_of(verb), verb, {})
            for a in owner for b in dict.fromkeys(counted) if a != b]  # fmt: skip


def _clause_owner(p: Parsed, noun, poss, resolver) -> list[str]:
    """Whose "its ally" it is: the nearest actor named before it in its clause ("Warsaw
    accuses Minsk and its ally Moscow": Minsk), else the clause's subject ("Stoltenberg said
    the alliance stood in solidarity with its ally Turkey": the alliance)."""
    v = noun.head
    while v.pos_ not in ("VERB", "AUX") and v.dep_ != "ROOT":
        v = v.head
    if v.pos_ not in ("VERB", "AUX"):
        return owner_of(p, poss)
    before = [a for i, a in sorted(p.actor_at.items()) if v.left_edge.i <= i < poss.i
              and a in antecedents(p, poss.i, PRONOUNS[poss.lower_] == "one")]  # fmt: skip
    if before or resolver is None:
        return before[-1:]
    return [a for a in subject_of(p, v, resolver) if a not in phrase_actors(p, noun)]


def named_or_resolved(p: Parsed, g, resolver) -> list[str]:
    """A phrase's actors, or who "the government" stands for."""
    found = phrase_actors(p, g)
    if not found and resolver is not None and not named_unknown(p, g):
        found = resolver.resolve(p, g)  # not "the Jaish al-Fatah militants": someone else
    return found


def own_or_resolved(p: Parsed, g, resolver) -> list[str]:
    """What a phrase itself names (not its backer), or who "the rebels" stands for."""
    if resolver is None or named_unknown(p, g):
        return own_actors(p, g)
    return own_actors(p, g) or resolver.resolve(p, g)


def _fighters(p: Parsed, noun, resolver, aligned: bool = False) -> list[str]:
    """ "Russian-backed separatists", "the Iran-backed group" (not "the Iran-aligned group",
    an alignment the keys read as no alliance): who the bare fighters are (see ``Resolver``)."""
    if any(c.dep_ == "amod" and c.i in p.actor_at for c in noun.children):
        return []  # "Syrian rebels backed by Ankara": a people's rebels, not the latest group
    if (
        resolver is not None
        and not aligned
        and noun.lemma_.lower() in ("group", "movement")
        and any(c.lower_ == "the" for c in noun.children)
    ):  # "attacks on the Iran-backed group": the latest group named
        return resolver.resolve(p, noun)
    if resolver is None or noun.lemma_.lower() not in (
        "separatist",
        "rebel",
        "militia",
        "insurgent",
        "militant",
        "fighter",
    ):
        return []
    return resolver.resolve(p, noun)


def _described(p: Parsed, noun) -> list[str]:
    """The actor a nameless phrase describes through "of" and an apposition: "the PMF, an
    umbrella group of mostly Iran-backed militias" describes the PMF."""
    t = noun
    for _ in range(4):
        if t.dep_ == "appos" and t.head.i in p.actor_at:
            return [p.actor_at[t.head.i]]
        if t.dep_ == "appos":  # "Units of the PMF, an umbrella of groups backed by Iran"
            return phrase_actors(p, t.head)
        if t.dep_ not in ("pobj", "prep", "appos"):
            return []
        t = t.head
    return []


def owner_of(p: Parsed, poss) -> list[str]:
    """The actor of a possessive; "its" is the nearest actor named before it."""
    if poss.lower_ in PRONOUNS:
        return antecedents(p, poss.i, PRONOUNS[poss.lower_] == "one")[-1:]
    return phrase_actors(p, poss)


_ARMS = {"arm", "arms", "weapon", "weapons", "military", "defence", "defense", "security"}


def _of_arms(noun) -> bool:
    """ "arms supplier", "main weapons supplier", "supplier of arms": not "gas supplier"."""
    words = [c for c in noun.children if c.dep_ in ("compound", "amod", "nmod")]
    words += [g for c in noun.children if c.dep_ == "prep" and c.lower_ == "of"
              for g in c.children]  # fmt: skip
    return any(w.lower_ in _ARMS or w.lemma_.lower() in _ARMS for w in words)


def _ally_of(p: Parsed, noun) -> list[str]:
    """Whom an ally noun describes: its apposition's head, its own apposition, the list after
    "including" or "such as", or the subject of "is/remained (an) ally"."""
    if noun.dep_ == "appos":  # "Syria and Iran, Hezbollah's main backers": both
        return [a for h in (noun.head, *noun.head.conjuncts) for a in (p.actor_at.get(h.i),) if a]
    found = [a for c in noun.children if c.dep_ in ("appos", "compound")
             for a in phrase_actors(p, c)]  # fmt: skip
    found += [a for c in noun.children if c.dep_ == "prep" and c.lower_ in ("including", "like")
              or c.lower_ == "such" for g in c.subtree if g.i in p.actor_at
              for a in (p.actor_at[g.i],) if a not in found]  # fmt: skip
    if not found and noun.dep_ in ("attr", "oprd"):
        found = [a for c in noun.head.children if c.dep_ == "nsubj" for a in phrase_actors(p, c)]
    if not found and noun.dep_ == "compound" and noun.head.i in p.actor_at:
        found = [p.actor_at[noun.head.i]]
    after = noun.doc[noun.i + 1] if noun.i + 1 < len(noun.doc) else None
    if not found and after is not None and after.i in p.actor_at and after.head.i == noun.head.i:
        found = [p.actor_at[after.i]]  # "Syria's ally Iran welcomed": parsed as two subjects
    return found
