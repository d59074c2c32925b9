"""What a user must know about a draft before running it, said plainly.

- A draft with no relation, no force and no threat "models nothing yet": its actors stand
  where the defaults put them and a run shows only the rule's noise.
- A thinner draft names what it lacks (no relation, no forces, no threat or doctrine, every
  starting rung an assumption).
- The start date, when the text gives none, is an assumption and says which.
- Sentences with an event verb ("attacked", "deployed", "condemned") that yielded no finding are
  listed, so the user sees what the extractor could not read.
- Actors named only in passing are listed: they are not in the draft.
"""

from __future__ import annotations

from typing import Any


def draft_checks(draft: Any) -> list[str]:
    """The warnings of a draft, most serious first, each one line."""
    d, ex = draft.data, draft.extraction
    missing = []
    if not d["relations"]:
        missing.append("no relation between its actors (war, treaty, supply, alliance)")
    if not d["forces"]:
        missing.append("no forces")
    if not any(a.get("doctrine") for a in d["actors"].values()):
        missing.append("no threat or doctrine entry")
    rungs = [a["sources"]["initial_rung"] for a in d["actors"].values()]
    if all(r.startswith("assumption:") for r in rungs):
        missing.append("every actor's starting rung is an assumption")
    out = []
    if len(missing) >= 3:
        out.append(
            "this draft models nothing yet: " + "; ".join(missing) + ". A run shows only "
            "the rules' noise; add what the document implies, or seed a fuller report."
        )
    elif missing:
        out.append("this draft is thin: " + "; ".join(missing) + ".")
    if ex.date.span is None:
        out.append(f"start date {d['start_date']}: {ex.date.source.removeprefix('assumption: ')}")
    if ex.unread:
        quoted = "; ".join(f"{n}: {_short(ex.doc.sentences[n - 1].text)}" for n in ex.unread)
        out.append(f"sentences with event verbs that yielded no finding: {quoted}")
    if ex.passing:
        names = ", ".join(ex.gazetteer.actors[a].name for a in ex.passing)
        out.append(f"named only in passing, so not drafted: {names}")
    return out


def _short(text: str, width: int = 80) -> str:
    return text if len(text) <= width else text[: width - 3].rsplit(" ", 1)[0] + " ..."
