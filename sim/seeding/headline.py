"""The headline's doers: who a story is about, as its headline says.

A headline names the crisis' protagonists as the subjects of its verbs ("Mexico breaks
relations with Ecuador after police storm its embassy", "India strikes militant camp in
Pakistan; Islamabad vows to respond"): an actor in a headline subject takes part even when the
body tells its part in a sentence no rule reads. A state a headline names only as a place
("... in Syria") or an object does not count by this rule, nor does one that only reports
("..., Seoul says", "..., the White House revealed": a lead standing on its own line is read
as a headline).
"""

from __future__ import annotations

from sim.seeding.phrases import Parsed
from sim.seeding.text import Sentence, ends_sentence


def is_headline(s: Sentence, text: str) -> bool:
    """The document's first sentence standing on its own line: a blank line after it, or no
    full stop at its end ("Guyana reports six soldiers wounded near border." is one too)."""
    if text[: s.start].strip():
        return False
    after = text[s.end :].lstrip(" \t")
    return after.startswith(("\n\n", "\r\n\r\n")) or not ends_sentence(s.text)


def headline_subjects(parsed: list[Parsed], text: str) -> set[str]:
    """Actors inside the subjects of the headline's verbs."""
    if not parsed or not is_headline(parsed[0].sentence, text):
        return set()
    p = parsed[0]
    return {p.actor_at[t.i] for s in p.doc if s.dep_ in ("nsubj", "nsubjpass")
            and not _reports(s.head) for t in s.subtree if t.i in p.actor_at}  # fmt: skip


def _reports(v) -> bool:
    """Whether a verb only reports: a verb of saying, or one of revealing whose object is a
    clause ("..., the White House revealed": not "Iran reveals a new missile")."""
    lemma = v.lemma_.lower()
    return lemma in _SAYING or lemma in _REVEALING and any(c.dep_ == "ccomp" for c in v.children)


# "..., Seoul says": who reports the news is not who makes it
_SAYING = {"say", "tell", "report", "claim", "allege", "confirm", "announce", "believe"}
_REVEALING = {"reveal", "disclose"}
