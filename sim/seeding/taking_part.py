"""Whether an event clause makes its subjects and targets parties to the crisis.

A state named only in passing becomes an actor only when it takes part in a relation or an
event. An event clause makes its parties take part unless:

- it is denied ("Russia said it would not send peacekeepers");
- the act is only asked for or weighed ("Pakistan is considering a Saudi request to send
  troops", "urged both sides to pull back");
- it is talk with no party named ("would inform the public", "the Security Council was set to
  meet"; mediating is taking part: "Egypt, which also mediated");
- it deplores violence nobody is named for ("condemned the bloodshed and called for calm").
"""

from __future__ import annotations

from sim.seeding.findings import NEGATED
from sim.seeding.verb_sense import verb_lemma
from sim.seeding.verbs import VerbClass

_WEIGHED = {"consider", "weigh", "mull", "request", "ask", "urge", "propose", "discuss"}
_VIOLENCE = {"bloodshed", "violence", "escalation", "fighting", "hostility", "clash", "killing",
             "loss", "death", "unrest", "tension"}  # fmt: skip
_MEDIATING = {"mediate", "broker"}


def takes_part(v, cls: VerbClass, targets: list, modality: str) -> bool:
    """Whether the clause of verb ``v`` (its class, its targets' actors, its modality) makes
    its parties take part, by the rules in the module docstring."""
    if modality == NEGATED or any(a.lemma_.lower() in _WEIGHED for a in v.ancestors):
        return False
    if targets:
        return True
    if cls.kind == "consultation":
        return verb_lemma(v) in _MEDIATING
    deplored = any(c.dep_ == "dobj" and c.lemma_.lower() in _VIOLENCE for c in v.children)
    return not (cls.kind == "condemnation" and deplored)
