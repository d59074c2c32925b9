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

from sim.seeding.findings import CONDITIONAL, Finding, load_data
from sim.seeding.phrases import Parsed


@cache
def threat_words() -> dict[str, frozenset[str]]:
    """The word lists of ``threat_words`` in ``data/conditionals.yaml`` (lemmas), by name;
    ``needs_force`` as ``needs_force:<verb>``."""
    data = load_data("conditionals.yaml")["threat_words"]
    out = {k: frozenset(v) for k, v in data.items() if k != "needs_force"}
    out |= {f"needs_force:{k}": frozenset(v) for k, v in data["needs_force"].items()}
    return out


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
