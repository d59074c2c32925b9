"""Capitalised words that name no armed group of their own.

- A **title-case headline** capitalises every word, so its capitals say nothing of names:
  "Venezuelan Troops Clash with Unidentified Group near Colombian Border", "France Deploys
  Additional Forces To Quell Unrest". A group name read only off such a line is no name; one the
  body also writes in capitals is ("Hezbollah Captures Two Soldiers" and "Hezbollah fighters
  ..." in the text).
- A **numbered unit** ("the 1st Brigade Combat Team", "82nd Airborne Division", "the Fifth
  Fleet", "2nd Battalion") is a formation of a state's armed forces, which the text names
  beside its state ("the Army's", "U.S."): that state's, never an actor of its own.
"""

from __future__ import annotations

import re

_ORDINAL = re.compile(r"^(?:\d+(?:st|nd|rd|th)|First|Second|Third|Fourth|Fifth|Sixth|Seventh|"
                      r"Eighth|Ninth|Tenth|Eleventh|Twelfth)$")  # fmt: skip
_WORD = re.compile(r"[A-Za-z][\w'’-]*")
_SMALL = {"a", "an", "the", "and", "or", "of", "in", "on", "at", "to", "for", "by", "with",
          "from", "as", "vs", "after", "over", "near"}  # fmt: skip


def numbered_unit(name: str) -> bool:
    """Whether a name is a numbered formation of an army ("1st Brigade", "Fifth Fleet")."""
    words = re.sub(r"^(?:the|The)\s+", "", name).split()
    return bool(words) and bool(_ORDINAL.match(words[0]))


def title_case(line: str) -> bool:
    """Whether a line is written in title case: four words or more, and every word but the
    short function words ("with", "near", "to") capitalised."""
    words = [w for w in _WORD.findall(line) if w.lower() not in _SMALL]
    return len(words) >= 4 and all(w[0].isupper() or w[0].isdigit() for w in words)


def only_in_title_case(name: str, text: str) -> bool:
    """Whether every place the text writes ``name`` lies on a title-case line (see above)."""
    where = [m.start() for m in re.finditer(rf"(?<![\w’'-]){re.escape(name)}(?![\w’'-])", text)]
    if not where:
        return False
    for at in where:
        start = text.rfind("\n", 0, at) + 1
        end = text.find("\n", at)
        if not title_case(text[start : end if end >= 0 else len(text)]):
            return False
    return True
