"""Whether a threat's condition is something its target already does, and on which rung.

"If the Houthis kept attacking ships", "if attacks on its territory continued", "if it attacked
again", "if the shelling does not stop", "if another drone was detected": a condition that goes
on from the present reports that the target does it now. Such a threat answers from the first
turn, while the target stands on the rung of what it does (``draft_doctrine``). The rung comes
from the condition's words (``ongoing`` in ``data/conditionals.yaml``): harassment and
intrusions ("violated again", "continued its provocations") are a show of force (troop
deployment), attacks (the table's words, the attack nouns of ``data/verbs.yaml``) and the
words of harm are combat. A condition that names no act ("if this
continues", "if they continue this behaviour") continues what the sentence, or the one before
it, reports: combat when that reports hostilities, nothing otherwise. Peace never continues as
a threat ("if the ceasefire continues").
"""

from __future__ import annotations

from functools import cache

from sim.domain.ladder import standard_ladder
from sim.seeding.errors import SeedingError
from sim.seeding.findings import load_data
from sim.seeding.phrases import Parsed
from sim.seeding.unread import HARM, reports_hostilities
from sim.seeding.verbs import verbs

_ANAPHORA = {"this", "that", "it", "these", "those", "such", "they"}


_WHERE = "sim/seeding/data/conditionals.yaml: ongoing"
_LISTS = ("continuing", "stopping", "peaceful")


@cache
def _table() -> dict:
    """The ``ongoing`` table, checked: a field missing or of the wrong shape is refused with one
    message naming the file, the field and what it must hold."""
    d = load_data("conditionals.yaml").get("ongoing")
    rungs = standard_ladder().rung_ids
    if not isinstance(d, dict):
        raise SeedingError(f"{_WHERE} must be a mapping with {', '.join(_LISTS)}, acts, reported")
    for name in _LISTS:
        if not _words(d.get(name)):
            raise SeedingError(f"{_WHERE}.{name} must be a list of lower-case words (lemmas)")
    rows = d.get("acts")
    if not isinstance(rows, list) or not all(
        isinstance(r, dict) and r.get("rung") in rungs and _words(r.get("words")) for r in rows
    ):
        raise SeedingError(f"{_WHERE}.acts must be a list of {{rung: <rung>, words: [...]}}; "
                           f"rungs: {', '.join(rungs)}")  # fmt: skip
    if d.get("reported") not in rungs:
        raise SeedingError(f"{_WHERE}.reported must be a rung: {', '.join(rungs)}")
    attack = {noun for noun, c in verbs().by_noun.items() if c.kind == "war"}
    acts = [(r["rung"], frozenset(r["words"])) for r in rows]
    acts.append(("combat", frozenset(attack | HARM)))
    return {
        "continuing": frozenset(d["continuing"]),
        "stopping": frozenset(d["stopping"]),
        "acts": acts,
        "reported": d["reported"],
        "peaceful": frozenset(d["peaceful"]),
    }


def _words(value: object) -> bool:
    return isinstance(value, list) and bool(value) and all(isinstance(w, str) and w for w in value)


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
