"""How a threat the text states becomes a doctrine finding: condition and action from words.

The condition comes from the words of the condition clause and the action from the words of
the consequence, both through ``data/conditionals.yaml`` (first match wins); a threat of force
whose words name no action is a strike on territory, and a threat with no condition clause
(marked ``bare``) answers the target's escalation. The finding quotes the whole sentence:
condition and consequence together.
"""

from __future__ import annotations

import re
from functools import cache

from sim.seeding.errors import SeedingError
from sim.seeding.findings import CONDITIONAL, Finding, load_data
from sim.seeding.phrases import Parsed

_WORD_LISTS = ("reporting", "threatening", "modals", "hedges", "force", "retaliation",
               "force_words", "calm", "not_attacks", "peaceful", "not_targets", "suffer",
               "penalties", "hostile_acts", "threatened", "answers", "war_nouns", "own_forces",
               "appeals")  # fmt: skip


@cache
def threat_words() -> dict[str, frozenset[str]]:
    """The word lists of ``threat_words`` in ``data/conditionals.yaml`` (lemmas), by name;
    ``needs_force`` as ``needs_force:<verb>``. A list missing or not a list of words is refused
    with one message naming the file, the field and what it must hold."""
    data = load_data("conditionals.yaml").get("threat_words")
    where = "sim/seeding/data/conditionals.yaml: threat_words"
    if not isinstance(data, dict):
        raise SeedingError(f"{where} must be a mapping of word lists ({', '.join(_WORD_LISTS)}, "
                           "needs_force)")  # fmt: skip
    for name in _WORD_LISTS:
        if not _words(data.get(name)):
            raise SeedingError(f"{where}.{name} must be a list of lower-case words (lemmas); "
                               f"the lists are {', '.join(_WORD_LISTS)}, needs_force")  # fmt: skip
    needs = data.get("needs_force")
    if not isinstance(needs, dict) or not all(_words(v, empty=True) for v in needs.values()):
        raise SeedingError(f"{where}.needs_force must map verbs to lists of words "
                           "(use: [force, weapon], act: [])")  # fmt: skip
    out = {k: frozenset(data[k]) for k in _WORD_LISTS}
    out |= {f"needs_force:{k}": frozenset(v) for k, v in needs.items()}
    return out


def _words(value: object, empty: bool = False) -> bool:
    return (isinstance(value, list) and (empty or bool(value))
            and all(isinstance(w, str) and w for w in value))  # fmt: skip


@cache
def _tables() -> tuple[list[tuple[re.Pattern[str], str]], list[tuple[re.Pattern[str], str]]]:
    data = load_data("conditionals.yaml")
    conds = [(re.compile(c["pattern"], re.I), c["condition"]) for c in data["conditions"]]
    cons = [(re.compile(c["pattern"], re.I), c["action"]) for c in data["consequences"]]
    return conds, cons


def clause_text(p: Parsed, token) -> str:
    """The words of a token's clause as written (its subtree's span)."""
    return p.doc[token.left_edge.i : token.right_edge.i + 1].text


def doctrine_entry(p: Parsed, speaker: str, target: str | None, consequence: str,
                   condition: str) -> Finding:  # fmt: skip
    """The doctrine finding of one threat: ``speaker`` does the consequence's action to
    ``target`` when the condition (or, with none, the target's escalation) holds."""
    conds, cons = _tables()
    rule = next((c for rx, c in conds if rx.search(condition)), "adversary_escalated")
    action = next((a for rx, a in cons if rx.search(consequence)), "strike_territory")
    s = p.sentence
    attrs = {"condition": rule} if condition else {"condition": rule, "bare": True}
    return Finding("doctrine", action, (speaker, target), CONDITIONAL, s.number, s.start,
                   s.end, s.text, attrs)  # fmt: skip
