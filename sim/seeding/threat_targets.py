"""Whom a threat without a condition aims at, and whom it protects.

- protected: the actors an attack the threat names would fall on ("any attack on Belarus",
  "an intervention in Niger"): the speaker guards them, it does not threaten them;
- named: the actors the threat's own clause names, without its coordinated clauses, its subject
  when asked, and the protected ones (but the act it threatens names its target: "would take
  strong action against Pakistan");
- the other party: with no target in the threat itself, the party the rest of the sentence
  sets against the speaker ("Pakistan said the Indian jets had violated its airspace, and that
  it would respond": India): one that attacks, or does something hostile that concerns the
  speaker, or owns or suffers a hostile act ("India's operation", "sanctions on Niger"), or is
  told it "must know". Not one that only appeals, helps or mediates ("as Qatar urged
  restraint"), nor one in a third party's quarrel ("Russia condemned the strike"), not another
  speaker ("Mali and Burkina Faso said"), not one named in a clause or apposition that only
  describes someone ("The Houthis, who control much of Yemen, ..."), not a place ("troops
  killed in a drone attack in Jordan").
"""

from __future__ import annotations

from sim.seeding.phrases import Parsed
from sim.seeding.resolver import Resolver
from sim.seeding.threat_entry import threat_words
from sim.seeding.verbs import verbs

_ON = {"on", "against", "in", "upon", "to", "into"}
_WHERE = {"in", "near", "at", "across", "inside", "over", "from", "off", "around", "along"}


def protected(p: Parsed, c) -> list[str]:
    """The actors an attack the clause names would fall on."""
    acts = threat_words()["hostile_acts"]
    return list(dict.fromkeys(
        a for t in c.subtree if t.dep_ == "prep" and t.lower_ in _ON
        and t.head.lemma_.lower() in acts
        for x in t.subtree if (a := p.actor_at.get(x.i))))  # fmt: skip


def named(p: Parsed, c, skip_subject: bool, resolver: Resolver | None = None) -> list[str]:
    """The actors the clause itself names (see the module docstring); "the region" or "the
    enclave" is the territory the document named last ("would not stop its bombardment of the
    region": Nagorno-Karabakh)."""
    acts = threat_words()["hostile_acts"]
    skip = set()
    for g in c.children:
        if g.dep_ in ("conj", "cc") or (skip_subject and g.dep_ == "nsubj"):
            skip |= {t.i for t in g.subtree}
    for t in c.subtree:
        verb = t.head.head  # "(would not hesitate to) take strong action against X"
        own_act = t.head.dep_ == "dobj" and c.i in (
            verb.i,
            verb.head.i if verb.dep_ == "xcomp" else -1,
        )
        if t.dep_ == "prep" and t.lower_ in _ON and t.head.lemma_.lower() in acts and not own_act:
            skip |= {x.i for x in t.subtree}
    region = _latest_territory(resolver)
    found = [a for t in c.subtree if t.i not in skip
             and (a := p.actor_at.get(t.i) or (region if _region_word(t) else None))]  # fmt: skip
    return list(dict.fromkeys(found))


def _region_word(t) -> bool:
    return t.lemma_.lower() in ("region", "enclave") and any(g.lower_ == "the" for g in t.children)


def _latest_territory(resolver: Resolver | None) -> str | None:
    if resolver is None:
        return None
    return next((a for a in reversed(resolver.mentioned)
                 if resolver.kinds.get(a) == "territory"), None)  # fmt: skip


def other_party(p: Parsed, c, speakers: list[str]) -> list[str]:
    """The first actor of the sentence set against the speaker (see the module docstring)."""
    appeals = threat_words()["appeals"]
    skip = set(protected(p, c)) | set(speakers)
    for t in p.doc:
        a = p.actor_at.get(t.i)
        if a is None or a in skip or _reporter(t) or _describes(t) or _place(t):
            continue
        heads = {h.lemma_.lower() for h in t.ancestors if h.pos_ in ("VERB", "AUX")}
        if not heads & appeals and _set_against(t) and _toward(p, t, speakers):
            return [a]
    return []


def _toward(p: Parsed, t, speakers: list[str]) -> bool:
    """Whether what the actor does or suffers concerns the speaker: the clause around it names
    the speaker or refers back with a pronoun ("violated its airspace", "China accused
    Washington"), not a third party's quarrel ("Russia condemned the strike"); an attack is
    always the speaker's concern ("said after Israel struck Damascus")."""
    verb = next((h for h in t.ancestors if h.pos_ in ("VERB", "AUX")), None)
    cls = verbs().by_lemma.get(verb.lemma_.lower()) if verb is not None else None
    if verb is None or cls is not None and cls.kind == "war":
        return True  # an attacker is set against whoever threatens ("after Israel struck")
    own = {x.i for x in t.subtree}
    return any(p.actor_at.get(x.i) in speakers or x.pos_ == "PRON" and x.lower_ != "it"
               or x.lower_ == "its" for x in verb.subtree if x.i not in own)  # fmt: skip


def _set_against(t) -> bool:
    """Whether the actor's word does something hostile or has it blamed on it: the subject or
    object of a hostile verb ("Indian jets had violated", "accused Washington of"), the owner
    or the target of a hostile act ("India's strikes", "sanctions on Niger"), the one told it
    "must know", or a force within range ("U.S. bases ... within range of its missiles")."""
    hostile = verbs().by_lemma
    while t.dep_ in ("conj", "compound", "amod", "poss", "appos") and t.head.i != t.i:
        if t.head.lemma_.lower() in threat_words()["hostile_acts"]:
            return True  # "India's military operation"
        t = t.head
    if t.dep_ == "pobj" and t.head.lower_ in ("on", "against"):  # "sanctions on Niger"
        owner = t.head.head
        return owner.lemma_.lower() in threat_words()["hostile_acts"] | _AGAINST_NOUNS
    verb = t.head if t.dep_ in ("nsubj", "dobj", "nsubjpass", "agent") else None
    if verb is None:
        return False
    if t.dep_ == "nsubj" and verb.lemma_.lower() in ("know", "understand", "realise", "realize"):
        return True  # "Russia must know that ...": the one warned
    lemma = verb.lemma_.lower()
    cls = hostile.get(lemma)
    return (
        lemma in _AGAINST_VERBS
        or (cls is not None and cls.kind in _HOSTILE_KINDS)
        or any(x.lemma_.lower() == "range" for x in verb.subtree)
    )


_AGAINST_VERBS = {"violate", "accuse", "blame", "provoke", "threaten", "kill", "invade",
                  "overreact", "breach", "enter", "intrude", "sabotage"}  # fmt: skip
_HOSTILE_KINDS = ("war", "sanctions", "condemnation")
_AGAINST_NOUNS = {"sanction", "embargo", "blockade", "raid", "barrage", "airstrike"}


def _place(t) -> bool:
    """Whether the token only says where ("killed in a drone attack in Jordan")."""
    while t.dep_ in ("conj", "compound", "appos", "amod") and t.head.i != t.i:
        t = t.head
    return t.dep_ == "pobj" and t.head.lower_ in _WHERE


def _describes(t) -> bool:
    return any(h.dep_ in ("relcl", "appos") for h in [t, *t.ancestors])


def _reporter(t) -> bool:
    while t.dep_ in ("conj", "compound", "appos", "poss", "amod") and t.head.i != t.i:
        t = t.head
    return t.dep_ == "nsubj" and t.head.lemma_.lower() in threat_words()["reporting"]


_ENEMY_NOUNS = {"invader", "aggressor", "enemy", "occupier", "attacker", "intruder"}


def enemy_named(p: Parsed, c, speakers: list[str], resolver: Resolver) -> list[str]:
    """ "a graveyard for the invaders", "the aggressors will pay": the party the document last
    reported at war with the speaker, when the clause names the enemy by such a noun."""
    if not any(t.lemma_.lower() in _ENEMY_NOUNS for t in c.subtree):
        return []
    for pair in reversed(resolver.fighting):
        if set(pair) & set(speakers):
            return [a for a in pair if a not in speakers][:1]
    return []


_RIVAL_NOUNS = {"rival", "enemy", "opponent", "foe", "adversary"}


def rivals_named(p: Parsed, noun, resolver: Resolver) -> list[str] | None:
    """ "the LNA's rivals", "the enemies of the junta": whoever the document last reported at
    war with the one named (None when the noun is not such a phrase)."""
    if noun is None or noun.lemma_.lower() not in _RIVAL_NOUNS:
        return None
    owners = [a for c in noun.children if c.dep_ == "poss" or c.dep_ == "prep" and c.lower_ == "of"
              for t in c.subtree if (a := p.actor_at.get(t.i))]  # fmt: skip
    if not owners:
        return None
    for pair in reversed(resolver.fighting):
        if owners[0] in pair:
            return [a for a in pair if a != owners[0]][:1]
    return []
