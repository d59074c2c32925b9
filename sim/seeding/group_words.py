"""Armed groups a phrase describes rather than names: "Islamist rebels", "militants from
Afghanistan" (an unnamed group, whose place is not its owner), "the Jaish al-Fatah militants" (a
name the gazetteer lacks, not the last group named), "Russian Wagner mercenaries" (a named group
and its nationality, one party).
"""

from __future__ import annotations

from sim.seeding.gazetteer import standard_gazetteer


def named_unknown(p, head) -> bool:
    """A phrase that names someone the gazetteer does not know ("the Jaish al-Fatah
    militants"): no pronoun or bare "the militants" to resolve to an actor named before."""
    return any(c.dep_ == "compound" and c.pos_ == "PROPN"
               and not any(t.i in p.actor_at for t in c.subtree)
               for c in head.children)  # fmt: skip


# words for an armed group that a phrase describes without naming it
_GROUP_WORDS = {"rebel", "insurgent", "separatist", "militant", "guerrilla", "jihadist",
                "islamist", "terrorist", "extremist", "gunman", "gunmen", "mutineer"}  # fmt: skip


def unnamed_group(head) -> bool:
    """A phrase about an armed group it does not name ("Islamist rebels in Mali", "militant
    hideouts across the north"): the place it is in is not its owner (the state hosting them is
    no party for being their place)."""
    return any(t.lemma_.lower() in _GROUP_WORDS or t.lower_ in _GROUP_WORDS for t in
               (head, *(c for c in head.children if c.dep_ in ("amod", "compound"))))  # fmt: skip


def names_group(p, head) -> bool:
    """Whether the head, a modifier of it or its "from" names an armed group ("Wagner" in
    "Russian Wagner mercenaries" and "Russian paramilitaries from the Wagner Group",
    "Hezbollah" in "Lebanese Hezbollah fighters")."""
    known = standard_gazetteer().actors
    near = [c for c in head.children if c.dep_ in ("compound", "nmod")]
    near += [
        g for c in head.children if c.dep_ == "prep" and c.lower_ == "from" for g in c.subtree
    ]  # "Russian paramilitaries from the Wagner Group"
    return any(t.i in p.actor_at and getattr(known.get(p.actor_at[t.i]), "kind", "")
               == "armed_group" for t in (head, *near))  # fmt: skip
