"""Forces a document shows on the move or arriving: their actor takes part in the crisis.

"Troops from Nigeria are expected in Mali", "forces from Burkina Faso and Togo are expected to
be in place", "Chadian soldiers arrived in Bamako": whose troops go somewhere is a party even
when no event verb of the verb table carries the sentence. The troops' actor is a demonym or
name in their phrase, a "from X" after them (coordination included), or their possessor. Troops
that are hurt, killed or captured are victims, not parties ("11 Italians were hurt"), so only
verbs of movement and arrival count.
"""

from __future__ import annotations

from sim.seeding.phrases import Parsed

_TROOPS = {"troop", "force", "soldier", "unit", "contingent", "personnel", "marine",
           "peacekeeper", "battalion", "brigade", "warship", "jet"}  # fmt: skip
_MOVING = {"arrive", "deploy", "expect", "join", "land", "reach", "enter", "head", "move",
           "station", "base", "sail", "fly", "leave", "withdraw", "pull"}  # fmt: skip


def moving_forces(p: Parsed) -> set[str]:
    """Actors whose troops the sentence shows moving, arriving or expected somewhere."""
    out: set[str] = set()
    for t in p.doc:
        if t.lemma_.lower() not in _TROOPS or t.dep_ not in ("nsubj", "nsubjpass"):
            continue
        if t.head.lemma_.lower() not in _MOVING:
            continue
        out.update(_owners(p, t))
    return out


def _owners(p: Parsed, troops) -> list[str]:
    """The actors whose troops these are: in the phrase itself, after "from", or owning it."""
    own = [p.actor_at[c.i] for c in troops.children
           if c.dep_ in ("amod", "compound", "poss", "nmod") and c.i in p.actor_at]  # fmt: skip
    for prep in (c for c in troops.children if c.dep_ == "prep" and c.lower_ == "from"):
        for g in (c for c in prep.children if c.dep_ == "pobj"):
            own += [p.actor_at[x.i] for x in (g, *g.conjuncts) if x.i in p.actor_at]
    return own
