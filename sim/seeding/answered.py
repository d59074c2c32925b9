"""The attack a threat answers: "Pakistan would retaliate against India's military operation".

A threat to answer a hostile act ("respond to the blatant Israeli aggression", "retaliate
against India's military operation", "avenge the attack by the Houthis") reports that act: its
doer (the act's owner, its "by", or the demonym on it) attacked the speaker. The act must fall
on no one else: "respond to Israel's attack on Hezbollah" reports an attack on Hezbollah, not
on the speaker, and gives nothing here. The finding is a war, the doer first, quoting the
sentence; it is a fact (the threat is conditional, the act it answers is not).
"""

from __future__ import annotations

from sim.seeding.findings import FACT, Finding
from sim.seeding.phrases import Parsed
from sim.seeding.verbs import verbs

_ANSWERING = {"respond", "retaliate", "react", "answer", "avenge", "reply"}
_TO = {"to", "against", "for"}
_OWNERS = {"poss", "amod", "compound", "nmod"}
_FORCE = {"aggression", "bombing", "killing", "assassination"}


def answered_attacks(p: Parsed, threats: list[Finding]) -> list[Finding]:
    """A war of each act a threat of the sentence answers on its speaker (see above)."""
    speakers = [f.parties[0] for f in threats if f.kind == "doctrine" and f.parties[0]]
    if not speakers:
        return []
    out = []
    for act in _answered_acts(p):
        doers = _doers(p, act)
        on = _falls_on(p, act)
        for doer in doers[:1]:
            speaker = next((s for s in speakers if s != doer and on <= {s}), None)
            if speaker is not None:
                s = p.sentence
                out.append(Finding("war", "strike_territory", (doer, speaker), FACT, s.number,
                                   s.start, s.end, s.text, {"answered": True}))  # fmt: skip
    return out


def _answered_acts(p: Parsed) -> list:
    """The nouns of force an answering verb takes ("respond to the aggression"): the attack
    nouns of ``data/verbs.yaml`` and "aggression", not a move, a step or provocations."""
    acts = _FORCE | {n for n, c in verbs().by_noun.items() if c.kind == "war"}
    out = []
    for v in p.doc:
        if v.lemma_.lower() not in _ANSWERING:
            continue
        objs = [c for c in v.children if c.dep_ == "dobj"]
        objs += [g for c in v.children if c.dep_ == "prep" and c.lower_ in _TO
                 for g in c.children if g.dep_ == "pobj"]  # fmt: skip
        out += [o for o in objs if o.lemma_.lower() in acts]
    return out


def _doers(p: Parsed, act) -> list[str]:
    """The act's owner ("India's operation"), its "by" or the demonym on it ("Israeli
    aggression")."""
    out = [a for c in act.children if c.dep_ in _OWNERS
           for t in c.subtree if (a := p.actor_at.get(t.i))]  # fmt: skip
    out += [a for c in act.children if c.dep_ == "prep" and c.lower_ == "by"
            for t in c.subtree if (a := p.actor_at.get(t.i))]  # fmt: skip
    return list(dict.fromkeys(out))


def _falls_on(p: Parsed, act) -> set[str]:
    """Whom the act falls on, as the phrase names them ("attack on Hezbollah")."""
    return {a for c in act.children if c.dep_ == "prep" and c.lower_ in ("on", "against", "in")
            for t in c.subtree if (a := p.actor_at.get(t.i))}  # fmt: skip
