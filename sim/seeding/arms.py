"""Weapons of another's make that an actor uses: "Russia launched Iranian-made drones at Kyiv",
"Azerbaijan's forces used Turkish and Israeli drones", "fired missiles supplied by North Korea",
"weapons provided by Britain", "drones from Iran", "relied on Iranian-made drones", "struck the
base with U.S.-made missiles": the maker or giver supplies the user.

With a verb of use (fire, launch, use, fly, field, operate, employ, drop) the weapon's
demonym names its maker, not the target: "launched Iranian drones at Kyiv" is no attack on
Iran. The verb table's goods (``data/verbs.yaml``) and event nouns of weapons (missile, drone,
rocket) are the weapons; verbs that destroy the weapon ("shot down Russian drones") are not
verbs of use, so there the demonym names the target.
"""

from __future__ import annotations

from sim.seeding.findings import Finding
from sim.seeding.phrases import Parsed, finding_at, own_actors
from sim.seeding.verbs import verbs

USE = {"fire", "launch", "use", "fly", "field", "operate", "employ", "drop", "deploy", "rely"}
_GIVEN = {"supply", "provide", "send", "deliver", "give", "make", "build", "manufacture",
          "donate", "ship", "transfer"}  # fmt: skip
_WITH_PARTY = {"collide"}  # attacks whose "with" names the other party, not the weapon
_WEAPON_NOUNS = {"missile", "drone", "rocket", "bomb", "shell", "jet", "fighter", "tank",
                 "munition", "warplane", "artillery"}  # fmt: skip


def weapons_used(v) -> list:
    """The weapons a verb of use takes as its objects ("fired Iranian missiles")."""
    goods = verbs().goods | _WEAPON_NOUNS
    attack = getattr(verbs().by_lemma.get(v.lemma_.lower()), "kind", None) == "war"
    attack = attack and v.lemma_.lower() not in _WITH_PARTY  # "collided with a U.S. drone"
    subject = {t.i for c in v.children if c.dep_ == "nsubj" for t in c.subtree}
    withs = [n for c in v.subtree if attack and c.dep_ == "prep" and c.lower_ == "with"
             and c.i not in subject for g in c.children if g.dep_ == "pobj"
             for n in (g, *g.conjuncts)]  # fmt: skip
    if v.lemma_.lower() not in USE:  # "struck the base with U.S.-made missiles"
        return [n for n in withs if n.lemma_.lower() in goods]
    objs = [n for c in v.children if c.dep_ == "dobj" for n in (c, *c.conjuncts)]
    objs += [n for c in v.children if c.dep_ == "prep" and c.lower_ == "on"  # "relied on",
             and v.lemma_.lower() == "rely"  # not "fired on Frontier Corps fighters"
             for g in c.children if g.dep_ == "pobj" for n in (g, *g.conjuncts)]  # fmt: skip
    objs += [
        g
        for o in objs
        for c in o.children
        if c.dep_ == "prep" and c.lower_ == "of"
        for g in c.children
        if g.dep_ == "pobj"
    ]  # "dozens of Iranian-made drones"
    return [n for n in objs if n.lemma_.lower() in goods]


def foreign_arms(p: Parsed, v, subjects: list[str], modality: str) -> list[Finding]:
    """A supply from each maker a used weapon names to each subject that uses it."""
    out = []
    for w in weapons_used(v):
        makers = own_actors(p, w) or _given_by(p, w)
        out += [finding_at(p, "supply", "supply_arms", (m, s), modality, v, {"goods": w.text})
                for m in makers for s in subjects if m != s]  # fmt: skip
    return out


def _given_by(p: Parsed, weapon) -> list[str]:
    """ "missiles supplied by North Korea", "weapons provided by Britain", "drones from Iran"."""
    found = [a for c in weapon.children if c.dep_ == "acl" and c.lemma_.lower() in _GIVEN
             for ag in c.children if ag.dep_ == "agent"
             for g in ag.children for a in own_actors(p, g)]  # fmt: skip
    return found or [a for c in weapon.children if c.dep_ == "prep" and c.lower_ == "from"
                     for g in c.children for a in own_actors(p, g)]  # fmt: skip
