"""What a user must know about a draft before running it, said plainly.

- A draft with nothing that sets it in motion "models nothing yet": no war, no contested
  front, no troops in combat, no actor the document reports acting beyond talk, no doctrine
  entry that holds before anyone moves and can act (a threat that answers an escalation waits
  for one nothing in the draft makes; a threat of force waits for a war). Its actors stand
  where the defaults put them and a run shows only the rules' noise. The warning says what it lacks.
- A draft that moves but lacks something names it (no relation, no forces, no threat or
  doctrine, every starting rung an assumption): "this draft is thin".
- Threats of force (a strike, combat) against an actor the draft does not set at war with the
  speaker wait for a war: the model uses force only between parties at war (or a declared
  co-belligerent). They are named, and they set nothing in motion.
- Threats aimed at no one (no target named, no adversary of the speaker to aim at) are not
  drafted; they are quoted, so the user can aim them.
- The start date, when the text gives none, is an assumption and says which.
- Sentences with an event verb ("attacked", "deployed", "condemned") that yielded no finding are
  listed, so the user sees what the extractor could not read.
- Actors named only in passing are listed: they are not in the draft.
"""

from __future__ import annotations

from typing import Any

from sim.domain.actions import action_table
from sim.domain.ladder import standard_ladder
from sim.seeding.draft_doctrine import UNAIMED


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
    waiting = _force_without_war(d)
    if waiting:
        out.append("threats of force that wait for a war the draft does not have (the model "
                   "uses force only between parties at war): " + ", ".join(waiting))  # fmt: skip
    unaimed = [u.value for u in draft.ledger.assumptions() if u.source.endswith(UNAIMED)]
    if unaimed:
        out.append("threats aimed at no one, not drafted: "
                   + "; ".join(_short(q) for q in dict.fromkeys(unaimed)))  # fmt: skip
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


def _force_without_war(d: dict) -> list[str]:
    """ "<actor> against <target>" for each doctrine entry whose action needs the actor to be at
    war with its target, where no war relation sets them so."""
    out = [f"{a['name']} against {d['actors'].get(e['target'], {}).get('name', e['target'])}"
           for aid, a in d["actors"].items() for e in a.get("doctrine", {}).values()
           if not _can_act(d, aid, e)]  # fmt: skip
    return list(dict.fromkeys(out))


def _can_act(d: dict, aid: str, entry: dict) -> bool:
    """False for an entry of force (a strike, combat) aimed at one the actor is not at war with."""
    target = entry.get("target")
    if not target or "belligerent" not in action_table()[entry["then"]].requires:
        return True
    return any(r["kind"] == "war" and set(r["parties"]) == {aid, target}
               for r in d["relations"].values())  # fmt: skip


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
    out += [e for aid, a in d["actors"].items() for e, v in a.get("doctrine", {}).items()
            if set(v["when"]) & _STANDING and _can_act(d, aid, v)]  # fmt: skip
    return out


_STANDING = {"always", "adversary_rung_at_least", "step_at_least"}


def _short(text: str, width: int = 80) -> str:
    return text if len(text) <= width else text[: width - 3].rsplit(" ", 1)[0] + " ..."
