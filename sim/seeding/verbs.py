"""The table of event verbs (``data/verbs.yaml``) as lookups by lemma and by event noun."""

from __future__ import annotations

from dataclasses import dataclass, field
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
    qualifiers: tuple[str, ...] = ()  # "defence ties": the noun counts only so qualified


@dataclass(frozen=True)
class Verbs:
    """Verb classes by lemma and by event noun, plus the light verbs and allegiance words."""

    by_lemma: dict[str, VerbClass]
    by_noun: dict[str, VerbClass]
    light: frozenset[str]
    allies: frozenset[str]
    backed: frozenset[str]
    goods: frozenset[str]
    pledges: frozenset[str] = frozenset()
    provisions: frozenset[str] = frozenset()  # "aid to X": the owner supplies X
    transfers: frozenset[str] = frozenset()  # "the sale of jets to X": when of arms or aid
    suppliers: frozenset[str] = frozenset()  # "X, Y's biggest arms supplier": X supplies Y
    holding: frozenset[str] = frozenset()  # "has a defence pact with": a treaty noun only
    irregular: dict[str, str] = field(default_factory=dict)  # "retook" -> "retake"
    forced_to: frozenset[str] = frozenset()  # "forced the garrison to surrender": an attack
    war_nouns: frozenset[str] = frozenset()  # "Moscow's war against Ukraine": a noun's war
    reciprocal: frozenset[str] = frozenset()  # "killed in a clash with X": both sides fight
    interceptions: frozenset[str] = frozenset()  # "intercepted the missiles": no attack
    munitions: frozenset[str] = frozenset()  # what an interception stops without a fight
    against_only: frozenset[str] = frozenset()  # "the fight against X", not "a fight with X"
    talkers: frozenset[str] = frozenset()  # "a face-off between diplomats": words, no war


KINDS = (
    "war",
    "deployment",
    "supply",
    "sanctions",
    "condemnation",
    "threat",
    "consultation",
    "partnership",
    "treaty",
    "ceasefire",
    "alliance",
    "nuclear_signal",
    "withdrawal",
)
FIELDS = ("kind", "action", "cameo", "target")


def check_class(name: str, c: object) -> None:
    """A verb class a user wrote: its fields, kind and ladder action, or one clear message."""
    from sim.domain.ladder import standard_ladder
    from sim.seeding.errors import SeedingError

    where = f"sim/seeding/data/verbs.yaml: class {name!r}"
    if not isinstance(c, dict):
        raise SeedingError(f"{where} must be a mapping with the fields {', '.join(FIELDS)}")
    missing = [f for f in FIELDS if f not in c]
    if missing:
        raise SeedingError(f"{where}: missing field {missing[0]!r}; each class needs "
                           f"{', '.join(FIELDS)} (and lemmas or nouns)")  # fmt: skip
    if c["kind"] not in KINDS:
        raise SeedingError(f"{where}: kind {c['kind']!r} is not allowed; allowed: "
                           f"{', '.join(KINDS)}")  # fmt: skip
    actions = standard_ladder().actions
    if c["action"] not in actions:
        raise SeedingError(f"{where}: action {c['action']!r} is not a ladder action; allowed: "
                           f"{', '.join(actions)}")  # fmt: skip


@cache
def verbs() -> Verbs:
    """The shipped verb table (each class checked)."""
    data = load_data("verbs.yaml")
    by_lemma: dict[str, VerbClass] = {}
    by_noun: dict[str, VerbClass] = {}
    for name, c in data["classes"].items():
        check_class(name, c)
        vc = VerbClass(name, c["kind"], c["action"], str(c["cameo"]), tuple(c["target"]),
                       bool(c.get("reverse")), bool(c.get("requires_with")),
                       tuple(c.get("qualifiers", ())))  # fmt: skip
        for lemma in c.get("lemmas", []):
            by_lemma.setdefault(lemma, vc)
        for noun in c.get("nouns", []):
            by_noun.setdefault(noun, vc)
    goods = frozenset(data["classes"]["supply"].get("goods", []))
    return Verbs(by_lemma, by_noun, frozenset(data["light_verbs"]), frozenset(data["allies"]),
                 frozenset(data["backed"]), goods, frozenset(data.get("pledges", [])),
                 frozenset(data.get("provisions", [])),
                 frozenset(data.get("transfers", [])),
                 frozenset(data.get("suppliers", [])),
                 frozenset(data.get("holding_verbs", [])),
                 dict(data.get("irregular", {})), frozenset(data.get("forced_to", [])),
                 frozenset(data.get("war_nouns", [])),
                 frozenset(data.get("reciprocal_nouns", [])),
                 frozenset(data.get("interceptions", [])),
                 frozenset(data.get("munitions", [])),
                 frozenset(data.get("against_only_nouns", [])),
                 frozenset(data.get("talkers", [])))  # fmt: skip
