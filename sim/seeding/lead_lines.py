"""Where a document's lead begins: what comes before it is a headline, a standfirst or a byline.

The rule, for the start date's readers (``lead_day``, ``dates``):
1. A headline is a first line without a full stop at its end, or the document's first sentence
   standing on a line of its own (``headline.is_headline``), unless that sentence opens with a
   dispatch's place ("SEOUL: North Korea fired ...", "QUITO - ...", "WARSAW, Poland — ...") or
   runs to 20 words or more: a news lead often is a paragraph of one sentence, and headlines,
   even those ending in a full stop, are shorter.
2. A dateline on a line of its own among the first lines ("San Cristóbal (Venezuela) (AFP)",
   "New Delhi, December 13", "Sydney (AFP) Nov 18, 2023": a short line with no full stop that
   names an agency in brackets or a month's day), before any sentence that opens with a dateline
   of its own or tells its day ("on Monday", "yesterday": that is the lead, and a line after it
   a caption), and not a publication line ("Published October 31, 2024"), ends the summary and
   bylines above it: the lead is what follows it.
"""

from __future__ import annotations

import re

from sim.seeding.date_words import MONTH, PUBLISHED, WEEKDAYS, find_dateline, headline_text
from sim.seeding.headline import is_headline
from sim.seeding.text import Document, Sentence, ends_sentence

# a dispatch's place opening the lead: "SEOUL:", "QUITO -", "WARSAW, Poland —", "KYIV (AP) —"
_DISPATCH = re.compile(
    r"^[A-Z][A-Z'’./-]+(?: [A-Z][A-Z'’./-]+)*(?:, [A-Z][a-z]+)?"
    r"(?::|\s+[-–—]|\s*\([^)]{1,30}\)\s*[-–—:])"
)
_LEAD_WORDS = 20
# a dateline standing alone: an agency in brackets or a month's day, and little else
_MONTH = MONTH.replace("?P<m>", "?:")
_ALONE = re.compile(rf"\([A-Z][A-Za-z/ ]*\)|\b{_MONTH} \d{{1,2}}\b|\b\d{{1,2}} {_MONTH}")
_ALONE_WORDS = 7
_FIRST_LINES = 8
_DAY_NAMED = re.compile(rf"\b(?:{'|'.join(WEEKDAYS)}|yesterday|last night|overnight)\b", re.I)


def is_lead_sentence(s: Sentence, text: str) -> bool:
    """Whether the document's first sentence is its lead although it stands on its own line."""
    return bool(_DISPATCH.match(s.text)) or len(s.text.split()) >= _LEAD_WORDS


def _headline(s: Sentence, text: str) -> bool:
    if headline_text(s.text):
        return True
    return is_headline(s, text) and not is_lead_sentence(s, text)


def _dateline_alone(s: Sentence, text: str) -> bool:
    """A short line of its own, without a full stop, that names an agency or a day."""
    before, after = text[: s.start], text[s.end :]
    own_line = (not before.strip() or before.rstrip(" \t").endswith("\n")) and (
        not after.strip() or after.lstrip(" \t").startswith("\n"))  # fmt: skip
    short = len(s.text.split()) <= _ALONE_WORDS
    unstopped = not ends_sentence(s.text)
    return own_line and short and unstopped and bool(_ALONE.search(s.text))


def body_sentences(doc: Document) -> list[Sentence]:
    """The sentences from the lead on: headlines left out, and everything up to a dateline on
    a line of its own among the first lines."""
    alone = []
    for i, s in enumerate(doc.sentences[:_FIRST_LINES]):
        if _dateline_alone(s, doc.text) and not PUBLISHED.match(s.text):
            alone.append(i)
        elif find_dateline(s.text, at_start=True) or _DISPATCH.match(s.text):
            break  # the lead opens with its own dateline
        elif ends_sentence(s.text) and _DAY_NAMED.search(s.text):
            break  # a sentence that tells its day is the lead: a line after it is a caption
    start = alone[-1] + 1 if alone else 0
    return [s for s in doc.sentences[start:] if not _headline(s, doc.text)]
