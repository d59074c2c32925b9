"""Milestones and injects of the draft.

Milestones: the standard set, each generated where its actors exist: units of a state sent to
another's war (or said to be about to fight) in combat (``<actor>_in_combat``), a co-belligerent
declaration (``co_belligerent``), restrictions lifted on a recipient's weapons
(``restrictions_lifted``), nuclear signalling and nuclear use by anyone (when any actor is
nuclear-armed), a held salient lost (``<theatre>_salient_lost``), reinforcements sent
(``<actor>_reinforcement``) and both war parties down to diplomacy (``ceasefire``).
Injects: a meeting or consultation the document announces happens a few days after its date.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from sim.seeding.extract import Extraction
from sim.seeding.facts import Facts
from sim.seeding.findings import NEGATED, load_data
from sim.seeding.provenance import Ledger

Table = dict[str, dict[str, Any]]


def draft_milestones(ex: Extraction, facts: Facts, actors: Table, forces: Table,
                     theatres: Table, ledger: Ledger) -> Table:  # fmt: skip
    """The standard milestones whose actors, targets and theatres the draft has."""
    d = load_data("defaults.yaml")["milestones"]
    out: Table = {}

    def add(mid: str, m: dict[str, Any], source: str) -> None:
        out.setdefault(mid, {**m, "source": source})

    _partner_milestones(add, facts, actors, forces, ledger, d)
    _standard(add, actors, theatres, facts, ledger, d)
    for aid, a in actors.items():
        entry = a.get("doctrine", {}).get("reinforce_the_treaty_partner")
        if entry:
            add(
                f"{aid}_reinforcement",
                {
                    "kind": "action_taken",
                    "actors": [aid],
                    "action": "reinforce_troops",
                    "description": d["reinforcement"].format(name=a["name"]),
                },
                entry["source"],
            )
    return out


def _partner_milestones(add, facts: Facts, actors: Table, forces: Table, ledger: Ledger,
                        d: dict) -> None:  # fmt: skip
    """Deployed units in combat, co-belligerent declarations, restrictions lifted."""
    name = {aid: a["name"] for aid, a in actors.items()}
    for f in facts.of("deployment"):
        aid = f.parties[0]
        hedged = next((h for h in facts.hedged_of("combat") if h.parties[0] == aid), None)
        to_war = f.parties[1] in facts.at_war() or hedged is not None
        if to_war and any(u["actor"] == aid for u in forces.values()):
            hedged = hedged or f
            add(
                f"{aid}_in_combat",
                {
                    "kind": "units_in_combat",
                    "actors": [aid],
                    "description": d["in_combat"].format(name=name[aid]),
                },
                ledger.finding(f"milestones.{aid}_in_combat", aid, hedged),
            )
    declared = _doctrine_by_action(actors, "declare_co_belligerent")
    for target, (by, source) in declared.items():
        mid = "co_belligerent" if len(declared) == 1 else f"{target}_co_belligerent"
        add(
            mid,
            {
                "kind": "declaration",
                "actors": by,
                "target": target,
                "description": d["co_belligerent"].format(name=name[target]),
            },
            source,
        )
    recipients = {f.parties[1]: f for f in facts.restricted_supplies()}
    for r, f in recipients.items():
        mid = "restrictions_lifted" if len(recipients) == 1 else f"{r}_restrictions_lifted"
        add(mid, {"kind": "restrictions_lifted", "target": r,
                  "description": d["restrictions_lifted"].format(name=name[r])},
            ledger.finding(f"milestones.{mid}", r, f))  # fmt: skip


def _doctrine_by_action(actors: Table, action: str) -> dict[str, tuple[list[str], str]]:
    """target -> (actors whose doctrine takes ``action`` against it, the first source)."""
    out: dict[str, tuple[list[str], str]] = {}
    for aid, a in actors.items():
        for e in a.get("doctrine", {}).values():
            if e["then"] == action and e.get("target"):
                by, source = out.setdefault(e["target"], ([], e["source"]))
                by.append(aid)
    return out


def _standard(add, actors: Table, theatres: Table, facts: Facts, ledger: Ledger, d) -> None:
    """Nuclear thresholds, salients lost, ceasefire: sourced by assumption or by the theatre."""
    why = d["standard_reason"]
    if any(a["nuclear"] for a in actors.values()):
        for mid, rung in (("nuclear_signal", "nuclear_signalling"), ("nuclear_use", "nuclear_use")):
            add(
                mid,
                {"kind": "rung_reached", "rung": rung, "description": d[mid]},
                ledger.assume(f"milestones.{mid}", rung, why),
            )
    below = load_data("defaults.yaml")["theatre"]["salient_lost_below"]
    for tid, t in theatres.items():
        if t.get("held_by"):
            mid = f"{tid}_salient_lost"
            add(
                mid,
                {
                    "kind": "control_below",
                    "theatre": tid,
                    "below": below,
                    "description": d["salient_lost"].format(
                        holder=actors[t["held_by"]]["name"], theatre=t["name"]
                    ),
                },
                ledger.same_as(f"milestones.{mid}", tid, f"theatres.{tid}.held_by"),
            )
    wars = [w for w in facts.wars() if all(p in actors for p in w)]
    if wars:
        parties = list(wars[0])
        add(
            "ceasefire",
            {
                "kind": "ceasefire",
                "parties": parties,
                "description": d["ceasefire"].format(
                    parties="-".join(actors[p]["name"] for p in parties)
                ),
            },
            ledger.assume("milestones.ceasefire", parties, "the end state analysts hope for"),
        )


def draft_injects(ex: Extraction, facts: Facts, start: dt.date, ledger: Ledger) -> Table:
    """Meetings and consultations the document announces, a few days after its date."""
    d = load_data("defaults.yaml")["injects"]
    when = max(start, ex.date.date) + dt.timedelta(days=d["days_after_document"])
    out: Table = {}
    found = [f for f in ex.findings if f.kind == "consultation" and f.modality != NEGATED]
    for f in found:
        a, b = f.parties
        iid = f"{a}_{b}_consultation"
        if iid in out or b is None:
            continue
        sentence = ex.doc.sentences[f.sentence - 1]
        out[iid] = {
            "date": when.isoformat(), "text": sentence.text,
            "effects": [{"kind": "adjust_actor", "actor": b, "field": "escalation_propensity",
                         "delta": d["consultation_delta"]}],
            "sources": {"text": ledger.quote(f"injects.{iid}.text", sentence.text,
                                             (sentence.start, sentence.end)),
                        "date": ledger.assume(f"injects.{iid}.date", when.isoformat(),
                                              f"{d['days_after_document']} days after the "
                                              "document's date")},
        }  # fmt: skip
    return out
