"""Conditional statements become doctrine entries: condition -> action, never events.

"Pentagon spokeswoman Sabrina Singh stated that if North Korean troops are seen engaging in
combat, they would be considered co-belligerents" gives the speaker (the last actor named before
"if") a doctrine entry: when ``adversary_partner_in_combat`` then ``declare_co_belligerent``,
target North Korea (the actor the condition names). Condition and consequence words are mapped
by ``data/conditionals.yaml`` onto the safe condition vocabulary and the ladder's actions.
"""

from __future__ import annotations

import re
from functools import cache

from sim.seeding.findings import CONDITIONAL, Finding, load_data
from sim.seeding.mentions import TAG, Tagged
from sim.seeding.patterns import tagged_quote

_MODAL = re.compile(r"\b(?:would|will|could|might|may|shall)\b")


@cache
def _tables() -> tuple[re.Pattern[str], list[tuple[re.Pattern[str], dict]], list[tuple]]:
    data = load_data("conditionals.yaml")
    conds = [(re.compile(c["pattern"], re.I), c) for c in data["conditions"]]
    cons = [(re.compile(c["pattern"], re.I), c["action"]) for c in data["consequences"]]
    return re.compile(data["markers"]), conds, cons


def find_conditionals(tagged: Tagged) -> list[Finding]:
    """The doctrine entry a conditional sentence states, if its words map onto the vocabulary.

    Two orders are read: "if X, (then) Y" and "Y if X" (the consequence before the marker
    carries a modal verb: "Pyongyang would take action if the drills continue").
    """
    markers, conds, cons = _tables()
    marker = markers.search(tagged.text)
    speakers = list(TAG.finditer(tagged.text, 0, marker.start())) if marker else []
    if marker is None or not speakers:
        return []
    parts = _clauses(tagged.text, marker)
    if parts is None:
        return []
    condition, (c_start, c_end) = parts
    consequence = tagged.text[c_start:c_end]
    rule = next((c for rx, c in conds if rx.search(TAG.sub(" ", condition))), None)
    hit = next(((rx.search(consequence), a) for rx, a in cons if rx.search(consequence)), None)
    if rule is None or hit is None:
        return []
    subject = TAG.search(condition)
    speaker = speakers[-1].group("id")
    named = subject is not None and subject.group("form") != "g"  # a group word is no target
    target = subject.group("id") if named and subject.group("id") != speaker else None
    first = next((s for s in speakers if s.group("form") in "mon"), speakers[-1])
    end = max(c_start + hit[0].end(), marker.end() + len(condition))
    end += len(re.match(r"[^,.;]*", tagged.text[end:]).group())
    span = tagged.span(first.start(), end)
    return [Finding("doctrine", hit[1], (speaker, target), CONDITIONAL,
                    tagged.sentence.number, *span, tagged_quote(tagged, *span),
                    {"condition": rule["condition"]})]  # fmt: skip


def _clauses(text: str, marker: re.Match[str]) -> tuple[str, tuple[int, int]] | None:
    """(condition text, consequence span) for "Y if X" or "if X, Y"; None if neither."""
    before = text[: marker.start()]
    lead = max(before.rfind(" that "), before.rfind(","), 0)
    if _MODAL.search(before[lead:]):
        tail = re.match(r"[^.;]*", text[marker.end() :]).group()
        return tail, (lead, marker.start())
    comma = text.find(",", marker.end())
    if comma < 0:
        return None
    return text[marker.end() : comma], (comma + 1, len(text))
