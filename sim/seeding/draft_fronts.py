"""Fronts for the wars a document reports, so that a draft of hostilities has dynamics.

A war the text states (a fact: "India launched missile strikes on nine sites in Pakistan")
and the draft keeps as a relation (not one between allies: see ``draft_relations``), with no
contested theatre between its parties yet, becomes a front on the attacked party's land,
held in small part by the attacker, where a grouping of each side fights (sized by the
document's own count of its troops when it gives one, by the defaults otherwise). The attacked
party gets a doctrine entry to strike back while its land is occupied: the retaliation every
report of an attack asks about. Sizes, control and the probability are assumptions, said so.
"""

from __future__ import annotations

from typing import Any

from sim.seeding.extract import Extraction
from sim.seeding.facts import Facts
from sim.seeding.findings import Finding, load_data
from sim.seeding.provenance import Ledger

Table = dict[str, dict[str, Any]]


def draft_fronts(ex: Extraction, facts: Facts, actors: Table, theatres: Table, forces: Table,
                 ledger: Ledger, relations: Table) -> dict[str, Table]:  # fmt: skip
    """Add a front (theatre and two groupings) per uncovered war; return doctrine entries."""
    doctrine: dict[str, Table] = {}
    drafted = {frozenset(r["parties"]) for r in relations.values() if r["kind"] == "war"}
    for f in facts.of("war"):
        a, b = f.parties
        if a not in actors or b not in actors or _covered(a, b, theatres):
            continue
        if frozenset(f.parties) not in drafted:  # allies striking a third party on its soil
            continue
        tid = f"{b}_front"
        if tid in theatres:
            continue
        _front(tid, f, ex, theatres, ledger)
        for side, actor in (("attacker", a), ("defender", b)):
            _grouping(forces, tid, side, actor, ex, ledger)
        d = load_data("defaults.yaml")["war_front"]
        eid = f"strike_back_at_{a}"
        doctrine.setdefault(b, {})[eid] = {
            "when": {"own_territory_occupied": {}}, "then": "strike_territory", "target": a,
            "probability": d["retaliation_probability"],
            "reason": f"{ex.gazetteer.actors[b].name} strikes back while its land is attacked",
            "source": ledger.assume(f"actors.{b}.doctrine.{eid}", "strike_territory",
                                    d["retaliation_why"]),
        }  # fmt: skip
    return doctrine


def _covered(a: str, b: str, theatres: Table) -> bool:
    """True when a contested theatre already sets the two parties against each other."""
    return any(t.get("held_by") and {t["held_by"], t["territory_of"]} == {a, b}
               for t in theatres.values())  # fmt: skip


def _front(tid: str, f: Finding, ex: Extraction, theatres: Table, ledger: Ledger) -> None:
    d = load_data("defaults.yaml")["war_front"]
    a, b = f.parties
    path = f"theatres.{tid}"
    name = f"{ex.gazetteer.actors[b].name} front"
    quote = ledger.finding(path, name, f)
    theatres[tid] = {
        "name": name, "territory_of": b, "held_by": a,
        "initial_control": d["initial_control"],
        "sources": {"name": quote,
                    "territory_of": ledger.finding(f"{path}.territory_of", b, f),
                    "held_by": ledger.finding(f"{path}.held_by", a, f),
                    "initial_control": ledger.assume(f"{path}.initial_control",
                                                     d["initial_control"],
                                                     d["initial_control_why"])},
    }  # fmt: skip


def _grouping(forces: Table, tid: str, side: str, actor: str, ex: Extraction,
              ledger: Ledger) -> None:  # fmt: skip
    """A grouping of ``actor`` in combat at the front, sized by the text when it can be."""
    d = load_data("defaults.yaml")["war_front"]
    uid = f"{actor}_grouping_{tid}"
    path = f"forces.{uid}"
    stated = next((s for s in ex.forces if s.actor == actor and s.quantity.unit == "troops"),
                  None)  # fmt: skip
    size = d[side]
    strength = int(stated.quantity.value) if stated else size["strength"]
    unit = {"actor": actor, "theatre": tid, "strength": strength, "quality": size["quality"],
            "in_combat": True, "replenishment": size["replenishment"], "reserve": size["reserve"],
            "description": f"Forces of {ex.gazetteer.actors[actor].name} at the "
                           f"{ex.gazetteer.actors[forces_owner(tid)].name} front"}  # fmt: skip
    src = {k: ledger.assume(f"{path}.{k}", unit[k], d["sizes_why"])
           for k in ("quality", "replenishment", "reserve")}  # fmt: skip
    src["strength"] = (ledger.quote(f"{path}.strength", strength,
                                    (stated.quantity.start, stated.quantity.end))
                       if stated else ledger.assume(f"{path}.strength", strength,
                                                    d["sizes_why"]))  # fmt: skip
    for k in ("actor", "theatre", "in_combat", "description"):
        src[k] = ledger.same_as(f"{path}.{k}", unit[k], f"theatres.{tid}")
    forces[uid] = {**unit, "sources": src}


def forces_owner(tid: str) -> str:
    """The actor a front theatre id is named after (``<actor>_front``)."""
    return tid.removesuffix("_front")
