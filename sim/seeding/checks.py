"""What a user must know about a draft before running it, said plainly.

- A draft with nothing that sets it in motion "models nothing yet": no war, no contested
  front, no troops in combat, no actor the document reports acting beyond talk, no doctrine
  entry that holds before anyone moves (a threat that answers an escalation waits for one
  nothing in the draft makes). Its actors stand where the defaults put them and a run shows
  only the rules' noise. The warning says what it lacks.
- A draft that moves but lacks something names it (no relation, no forces, no threat or
  doctrine, every starting rung an assumption): "this draft is thin".
- The start date, when the text gives none, is an assumption and says which.
- Sentences with an event verb ("attacked", "deployed", "condemned") that yielded no finding are
  listed, so the user sees what the extractor could not read.
- Actors named only in passing are listed: they are not in the draft.
"""

from __future__ import annotations

from typing import Any

from sim.domain.ladder import standard_ladder


def draft_checks(draft: Any) -> list[str]:
    """The warnings of a draft, most serious first, each one line."""
    d, ex = draft.data, draft.extraction
    missing = _lacks(d)
    out = []
    if not _drivers(d):
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


def _lacks(d: dict) -> list[str]:
    """What the draft lacks, in words, most telling first."""
    out = []
    kinds = {r["kind"] for r in d["relations"].values()}
    if not kinds:
        out.append("no relation between its actors (war, treaty, supply, alliance)")
    elif "war" not in kinds and not _drivers(d):
        only = ", ".join(sorted(kinds))
        out.append(f"no war or contested front between its actors (only {only})")
    if not d["forces"]:
        out.append("no forces")
    entries = [e for a in d["actors"].values() for e in a.get("doctrine", {}).values()]
    if not entries:
        out.append("no threat or doctrine entry")
    elif not _drivers(d):
        n = len(entries)
        waits = "entry waits" if n == 1 else "entries wait"
        out.append(f"its {n} threat or doctrine {waits} for a move nothing in the draft makes")
    if all(a["sources"]["initial_rung"].startswith("assumption:") for a in d["actors"].values()):
        out.append("every actor's starting rung is an assumption")
    return out


def _fronts(d: dict) -> list[str]:
    return [t for t, v in d["theatres"].items() if v.get("held_by")]


def _drivers(d: dict) -> list[str]:
    """What sets the draft in motion: a war, a contested front, troops in combat, an actor the
    document reports acting beyond talk (a quoted starting rung above diplomacy), or a doctrine
    entry that holds without anyone moving first. Without one, only the rules' noise moves."""
    ladder = standard_ladder()
    out = [r for r, v in d["relations"].items() if v["kind"] == "war"] + _fronts(d)
    out += [u for u, v in d["forces"].items() if v.get("in_combat")]
    out += [a for a, v in d["actors"].items()
            if not v["sources"]["initial_rung"].startswith("assumption:")
            and ladder.index(v["initial_rung"]) > ladder.index("diplomacy")]  # fmt: skip
    out += [e for a in d["actors"].values() for e, v in a.get("doctrine", {}).items()
            if set(v["when"]) & _STANDING]  # fmt: skip
    return out


_STANDING = {"always", "adversary_rung_at_least", "step_at_least"}


def _short(text: str, width: int = 80) -> str:
    return text if len(text) <= width else text[: width - 3].rsplit(" ", 1)[0] + " ..."
