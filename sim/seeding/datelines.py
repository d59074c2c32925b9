"""The state a dispatch is filed from: the capital its dateline names ("BOGOTA, Jan 20 (Wire)
-": Colombia), in the first three sentences; a city that is no capital names no state.
"""

from __future__ import annotations

import re

from sim.seeding.gazetteer import Gazetteer
from sim.seeding.text import Document

_DATELINE_CITY = re.compile(r"^(?P<city>[A-Z][A-Z .'’-]{2,}?)(?:/[A-Z .'’-]+)?,")


def dateline_state(doc: Document, gaz: Gazetteer) -> str | None:
    """The state whose capital the dateline names ("BOGOTA, Jan 20 (Wire) -": Colombia): a
    minister or spokesperson named by title alone is the host's ("Defence Minister Pedro
    Sanchez told reporters"); presidents and leaders are not (a Baghdad dispatch names
    "President Donald Trump" and "President Hassan Rouhani" by title alone)."""
    for s in doc.sentences[:3]:
        m = _DATELINE_CITY.match(s.text)
        if m:
            city = " ".join(w.capitalize() for w in m.group("city").split())
            found = gaz.aliases.get(city)
            return found[0] if found and found[1] == "m" else None
    return None
