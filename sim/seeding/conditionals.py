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


@cache
def _tables() -> tuple[re.Pattern[str], list[tuple[re.Pattern[str], dict]], list[tuple]]:
    data = load_data("conditionals.yaml")
    conds = [(re.compile(c["pattern"], re.I), c) for c in data["conditions"]]
    cons = [(re.compile(c["pattern"], re.I), c["action"]) for c in data["consequences"]]
    return re.compile(data["markers"]), conds, cons


def find_conditionals(tagged: Tagged) -> list[Finding]:
    """The doctrine entry a conditional sentence states, if its words map onto the vocabulary."""
    markers, conds, cons = _tables()
    marker = markers.search(tagged.text)
    if marker is None:
        return []
    speakers = list(TAG.finditer(tagged.text, 0, marker.start()))
    comma = tagged.text.find(",", marker.end())
    if not speakers or comma < 0:
        return []
    condition, consequence = tagged.text[marker.end() : comma], tagged.text[comma + 1 :]
    rule = next((c for rx, c in conds if rx.search(TAG.sub(" ", condition))), None)
    hit = next(((rx.search(consequence), a) for rx, a in cons if rx.search(consequence)), None)
    if rule is None or hit is None:
        return []
    subject = TAG.search(condition)
    speaker = speakers[-1].group("id")
    target = subject.group("id") if subject and subject.group("id") != speaker else None
    first = next((s for s in speakers if s.group("form") in "mon"), speakers[-1])
    end = comma + 1 + hit[0].end()
    end += len(re.match(r"[^,.;]*", tagged.text[end:]).group())
    span = tagged.span(first.start(), end)
    return [Finding("doctrine", hit[1], (speaker, target), CONDITIONAL,
                    tagged.sentence.number, *span, tagged_quote(tagged, *span),
                    {"condition": rule["condition"]})]  # fmt: skip
