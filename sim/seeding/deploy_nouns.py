"""Deployments told by nouns: "the deployment of North Korean troops to Russia", "Pyongyang's
dispatch of 10,000 soldiers to Russia", "the arrival of Kenyan police in Haiti", "the presence
of Russian troops in Syria".

The sender is the noun's possessor or the actor its "of" phrase names; the host is the actor of
its "to", "in" or "into" phrase. A deployment that is only possible ("any deployment of", "a
planned deployment") is hedged; one the clause condemns, welcomes or confirms happened; else
the governing verb's modality holds (denied, hedged or a fact). Troops sent "to the border" face
the state beyond it (see ``verb_sense.to_frontier``).
"""

from __future__ import annotations

from sim.seeding.findings import FACT, HEDGED, Finding
from sim.seeding.modality import governing_verb, in_condition, modality_of
from sim.seeding.phrases import Parsed, finding_at, own_actors, phrase_actors

_NOUNS = {"deployment", "dispatch", "arrival", "presence", "redeployment", "stationing",
          "deploying", "sending"}  # fmt: skip
_POSSIBLE = {"any", "possible", "planned", "proposed", "potential", "future", "further"}
_STATED = {"condemn", "denounce", "criticize", "criticise", "protest", "welcome", "confirm",
           "report", "follow", "come", "mark", "alarm"}  # fmt: skip
_FRONTIERS = {"border", "frontier", "boundary"}


def nominal_deployments(p: Parsed) -> list[Finding]:
    """A deployment finding for each deployment noun with a sender and a host."""
    out: list[Finding] = []
    for t in p.doc:
        if t.pos_ != "NOUN" or t.lemma_.lower() not in _NOUNS:
            continue
        preps = {c.lower_: [g for g in c.children if g.dep_ == "pobj"]
                 for c in t.children if c.dep_ == "prep"}  # fmt: skip
        senders = [a for c in t.children if c.dep_ in ("poss", "compound", "amod")
                   for a in own_actors(p, c)]  # fmt: skip
        senders += [a for g in preps.get("of", []) for a in own_actors(p, g)]
        places = [g for k in ("to", "in", "into") for g in preps.get(k, [])]
        places += [g for o in preps.get("of", []) for c in o.children if c.dep_ == "prep"
                   and c.lower_ in ("to", "in", "into") for g in c.children
                   if g.dep_ == "pobj"]  # "the arrival of Kenyan officers in Haiti"  # fmt: skip
        if not places and t.dep_ == "dobj":
            places = [
                g
                for c in t.head.children
                if c.dep_ == "prep" and c.lower_ in ("to", "into")
                for g in c.children
                if g.dep_ == "pobj"
            ]  # "condemned the
            # deployment of troops to Russia", the parse hanging "to Russia" on the verb
        hosts = [a for g in places for a in phrase_actors(p, g) if a not in senders]
        modality = _modality(t)
        if modality is None:
            continue
        attrs = {"cameo": "154", "noun": t.text}
        if any(g.lemma_.lower() in _FRONTIERS for g in places):
            attrs["frontier"] = True
        out += [finding_at(p, "deployment", "deploy_troops", (a, b), modality, t, dict(attrs))
                for a in dict.fromkeys(senders) for b in hosts if a != b]  # fmt: skip
    return out


def _modality(noun) -> str | None:
    """Hedged when only possible, a fact when condemned or confirmed, else the verb's."""
    if any(c.lower_ in _POSSIBLE for c in noun.children if c.dep_ in ("det", "amod")):
        return HEDGED
    v = governing_verb(noun)
    if v is None:
        return FACT
    if in_condition(v):
        return None
    return FACT if v.lemma_.lower() in _STATED else modality_of(v)
