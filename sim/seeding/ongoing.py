"""Whether a threat's condition is something its target already does, and on which rung.

"If the Houthis kept attacking ships", "if attacks on its territory continued", "if it attacked
again", "if the shelling does not stop", "if another drone was detected": a condition that goes
on from the present reports that the target does it now. Such a threat answers from the first
turn, while the target stands on the rung of what it does (``draft_doctrine``). The rung comes
from the condition's words (``ongoing`` in ``data/conditionals.yaml``): harassment and
intrusions ("violated again", "continued its provocations") are a show of force (troop
deployment), attacks and the words of harm are combat. A condition that names no act ("if this
continues", "if they continue this behaviour") continues what the sentence, or the one before
it, reports: combat when that reports hostilities, nothing otherwise. Peace never continues as
a threat ("if the ceasefire continues").
"""

from __future__ import annotations

from functools import cache

from sim.seeding.findings import load_data
from sim.seeding.phrases import Parsed
from sim.seeding.unread import HARM, reports_hostilities
from sim.seeding.verbs import verbs

_ANAPHORA = {"this", "that", "it", "these", "those", "such", "they"}


@cache
def _table() -> dict:
    d = load_data("conditionals.yaml")["ongoing"]
    attack = {lemma for lemma, c in verbs().by_lemma.items() if c.kind == "war"}
    attack |= {noun for noun, c in verbs().by_noun.items() if c.kind == "war"}
    acts = [(row["rung"], frozenset(row["words"])) for row in d["acts"]]
    acts.append(("combat", frozenset(attack | HARM)))
    return {
        "continuing": frozenset(d["continuing"]),
        "stopping": frozenset(d["stopping"]),
        "acts": acts,
        "reported": d["reported"],
        "peaceful": frozenset(d["peaceful"]),
    }


def ongoing_rung(p: Parsed, cond, hostile_before: bool = False) -> str | None:
    """The rung of what the condition ``cond`` (the "if" clause's verb) says its target goes
    on doing, or None when the condition does not go on from the present (see above)."""
    t = _table()
    tokens = list(cond.subtree)
    lemmas = {w.lemma_.lower() for w in tokens} | {w.lower_ for w in tokens}
    goes_on = bool(lemmas & t["continuing"]) or any(
        w.lemma_.lower() in t["stopping"] and any(c.dep_ == "neg" for c in w.children)
        for w in tokens
    )
    if not goes_on or lemmas & t["peaceful"]:
        return None
    for rung, words in t["acts"]:
        if lemmas & words:
            return rung
    said_before = any(w.lower_ in _ANAPHORA and w.i != cond.i for w in tokens)
    if said_before and (hostile_before or reports_hostilities(p)):
        return t["reported"]
    return None
