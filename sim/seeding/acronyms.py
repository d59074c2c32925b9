"""Whether an acronym abbreviates a name: its letters are the initials of the name's words, in
order, from the first ("Hayat Tahrir al-Sham": HTS; "Tehrik-i-Taliban Pakistan": TTP); a name
translated from another language keeps most of its initials (CSP-DPA) unless the match must be
strict.
"""

from __future__ import annotations

import re


def initials_spell(acr: str, name: str, strict: bool = False) -> bool:
    """Whether the acronym's letters are the initials of the name's words, in order, starting
    with the first ("Hayat Tahrir al-Sham": HTS; "Tehrik-i-Taliban Pakistan": TTP)."""
    parts = [p for w in name.split() for p in re.split(r"[-’']", w) if p]
    initials = "".join(p[0] for p in parts if p[0].isupper() or p[0].isdigit()).upper()
    letters = [c for c in acr.upper() if c.isalnum()]
    it = iter(initials)
    if bool(letters) and letters[0] == initials[:1] and all(c in it for c in letters):
        return True
    if strict:
        return False
    # a name translated from another language keeps most of its initials (CSP-DPA)
    shared = sum(1 for c in set(letters) if c in initials)
    return len(initials) >= 4 and shared >= 0.6 * len(set(letters))
