"""Nouns that stand for a body, or for one of its members, in a clause: "the group", "the army",
"the armed forces" and "the security forces" (a state's) stand for the body a sentence names;
"a NATO member" is one member, not the body; a treaty noun ("treaty", "pact", "agreement") binds
parties but does nothing itself.
"""

from __future__ import annotations

from sim.seeding.phrases import GROUP_NOUNS
from sim.seeding.verbs import verbs


def one_member(token) -> bool:
    """ "a NATO member", "another member of the alliance": one member, not the body."""
    return (
        token.lemma_.lower() == "member"
        and token.tag_ == "NN"
        and any(
            c.dep_ == "det" and c.lower_ in ("a", "an", "another", "one") for c in token.children
        )
    )


def group_noun(token) -> bool:
    """ "the group", "the army", and "the armed forces" / "the security forces" (a state's)."""
    if token.lemma_.lower() in GROUP_NOUNS:
        return True
    return token.lemma_.lower() == "force" and any(
        c.lower_ in ("armed", "security") for c in token.children
    )


def treaty_noun(token) -> bool:
    """A noun of the treaty class ("treaty", "pact", "agreement")."""
    cls = verbs().by_noun.get(token.lemma_.lower())
    return cls is not None and cls.kind == "treaty"
