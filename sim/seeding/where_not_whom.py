"""Places, not parties: a state named only as where a party is or where fighting happens.

- An armed group "based in" a state lives there: the state is not the land of a deployment
  and takes no part by it ("the rebels, a group based in neighbouring Niger, raided border
  posts"). A state's own troops stationed abroad are still deployed there ("U.S. troops based
  in Poland").
- A state's forces fighting "in" or "near" a capital with no one fought named ("Rwandan
  soldiers stand guard during fighting in Bangui, Central African Republic") are where the
  fighting happened, not at war with the capital's state; rebels who "clashed in the capital"
  still fight its state, and an attack on a place near a capital keeps its rule in
  ``targets`` ("struck targets near Damascus").
"""

from __future__ import annotations

from sim.seeding.verb_sense import RECIPROCAL, verb_lemma
from sim.seeding.verbs import verbs


def home_base(v, kind: str, subjects: list[str], kinds: dict[str, str]) -> bool:
    """Whether deployment verb ``v`` only says where a non-state group is based ("a group
    based in Libya", "the militants, who are based in Mali")."""
    if kind != "deployment" or verb_lemma(v) != "base" or v.tag_ != "VBN":
        return False
    if v.dep_ == "acl":  # "a group based in Libya"; not "troops based in Poland"
        moved = verbs().by_noun.get(v.head.lemma_.lower())
        passive = moved is None or moved.kind != "deployment"
    else:  # "the militants, who are based in Mali"
        passive = any(c.dep_ in ("auxpass", "nsubjpass") for c in v.children) and bool(subjects)
    return passive and all(kinds.get(a, "armed_group") != "state" for a in subjects)


def fought_in_place(v, objects: list, subjects: list[str], kinds: dict[str, str]) -> bool:
    """ "French soldiers patrol during fighting in Bangui": a state's forces fighting with no
    one fought named are where the fighting is, not at war with the place's state (rebels who
    "clashed in the capital" still fight its state)."""
    return (v.lemma_.lower() in RECIPROCAL and not objects
            and any(kinds.get(a) == "state" for a in subjects))  # fmt: skip
