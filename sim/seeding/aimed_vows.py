"""A vow aimed at a named adversary: "vowed to target the movement's commanders".

A verb of threatening ("vow", "pledge", "promise", "threaten", "warn") whose act is not one of
retaliation (``threat_kinds``) still threatens when the act is aimed at an actor the text
names, other than the speaker:
- "to target" what an actor owns or is named in: its object's
  own words ("the movement's commanders", "Hamas commanders", "Houthi boats"), not a place the
  object is in ("target inflation in Russia"), not a goal ("target a budget surplus": no actor;
  ``not_targets``), not the speaker's own ("target its aid at Ukraine"), not denied ("vowed
  not to target").
Other acts of a vow are ``threat_kinds``' (retaliation) or none ("vowed to defend Ukraine" is a
commitment, "vowed to drive the troops out" a war aim; "vowed continued targeting of ..." the
parse reads as "continued" with "vowed" for its auxiliary: not read). The speaker is the vow's
subject; the target the actor the act is aimed at.
"""

from __future__ import annotations

from sim.seeding.findings import Finding
from sim.seeding.phrases import Parsed
from sim.seeding.resolver import Resolver
from sim.seeding.roles import actors_of, subject_of
from sim.seeding.threat_entry import clause_text, doctrine_entry, threat_words

_OWN = ("poss", "compound", "amod", "nmod")


def aimed_vows(p: Parsed, v, resolver: Resolver) -> list[Finding]:
    """The threat of one verb of threatening whose act is aimed at a named actor, if any."""
    words = threat_words()
    if v.lemma_.lower() not in words["threatening"] or any(c.dep_ == "neg" for c in v.children):
        return []
    for act in v.children:
        aimed = _aimed_at(p, v, act, resolver)
        if not aimed:
            continue
        speaker = subject_of(p, v, resolver)
        targets = [a for a in aimed if a not in speaker]
        if speaker and targets:
            return [doctrine_entry(p, speaker[0], targets[0], clause_text(p, act), "")]
    return []


def _aimed_at(p: Parsed, v, act, resolver: Resolver) -> list[str]:
    """The actors one act of a vow is aimed at ("to target X's ..."); [] for any other act."""
    lemma = act.lemma_.lower()
    if act.dep_ == "xcomp" and lemma == "target" and not any(c.dep_ == "neg" for c in act.children):
        return [a for o in act.children if o.dep_ == "dobj" for a in _owners(p, v, o, resolver)]
    return []


def _owners(p: Parsed, v, obj, resolver: Resolver) -> list[str]:
    """The actors an object names in its own words (not in a place it is in)."""
    if obj.lemma_.lower() in threat_words()["not_targets"]:
        return []
    own = [obj] if obj.i in p.actor_at else []
    mods = [c for c in obj.children if c.dep_ in _OWN]
    out = [p.actor_at[t.i] for m in mods for t in m.subtree if t.i in p.actor_at]
    out += [a for m in mods if m.i not in p.actor_at for a in actors_of(p, m, resolver, v)]
    return list(dict.fromkeys([p.actor_at[o.i] for o in own] + out))
