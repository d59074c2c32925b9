"""Whether a sentence reports hostilities in words the verb table does not hold as verbs.

The extractor lists a sentence as unread when it holds an event verb of the verb table
(``data/verbs.yaml``) and yields no finding. Wire copy often reports fighting without one:
"six soldiers were wounded in an alleged gang assault", "armed assailants opened fire", "an
exchange of gunfire ensued", "clashes left 30 soldiers hurt". Such a sentence reports an event
too: an event noun of a class of hostilities (attack, sanctions) or a word of harm.
"""

from __future__ import annotations

from sim.seeding.phrases import Parsed
from sim.seeding.verbs import verbs

HARM = {"wound", "injure", "hurt", "gunfire", "fire", "clash", "violence", "fighting",
         "hostility", "shelling", "ambush", "casualty", "skirmish", "firefight", "attacker",
         "assailant", "gunman", "gunmen"}  # fmt: skip
_HOSTILE_KINDS = ("war", "sanctions")


def reports_hostilities(p: Parsed) -> bool:
    """True when the sentence has a noun of hostilities or a word of harm (see above)."""
    nouns = {n for n, c in verbs().by_noun.items() if c.kind in _HOSTILE_KINDS}
    for t in p.doc:
        lemma = t.lemma_.lower()
        if lemma in HARM and t.pos_ in ("NOUN", "VERB"):
            return True
        if t.pos_ == "NOUN" and lemma in nouns:
            return True
    return False
