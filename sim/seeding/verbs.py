"""The table of event verbs (``data/verbs.yaml``) as lookups by lemma and by event noun."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from sim.seeding.findings import load_data


@dataclass(frozen=True)
class VerbClass:
    """One class of event verbs: the finding it makes and how its target is found."""

    name: str
    kind: str
    action: str
    cameo: str
    targets: tuple[str, ...]
    reverse: bool = False  # "X bought drones from Y": Y is the actor, X the target
    requires_with: bool = False  # "held exercises WITH X": only with a partner it counts


@dataclass(frozen=True)
class Verbs:
    """Verb classes by lemma and by event noun, plus the light verbs and allegiance words."""

    by_lemma: dict[str, VerbClass]
    by_noun: dict[str, VerbClass]
    light: frozenset[str]
    allies: frozenset[str]
    backed: frozenset[str]
    goods: frozenset[str]


@cache
def verbs() -> Verbs:
    """The shipped verb table."""
    data = load_data("verbs.yaml")
    by_lemma: dict[str, VerbClass] = {}
    by_noun: dict[str, VerbClass] = {}
    for name, c in data["classes"].items():
        vc = VerbClass(name, c["kind"], c["action"], str(c["cameo"]), tuple(c["target"]),
                       bool(c.get("reverse")), bool(c.get("requires_with")))  # fmt: skip
        for lemma in c.get("lemmas", []):
            by_lemma.setdefault(lemma, vc)
        for noun in c.get("nouns", []):
            by_noun.setdefault(noun, vc)
    goods = frozenset(data["classes"]["supply"].get("goods", []))
    return Verbs(by_lemma, by_noun, frozenset(data["light_verbs"]), frozenset(data["allies"]),
                 frozenset(data["backed"]), goods)  # fmt: skip
