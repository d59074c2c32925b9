"""Theatres and force units of the draft.

A theatre is a place the document names (the gazetteer says whose land it is). Where the
document shows another actor holding ground there, the theatre is contested: ``held_by`` with
full initial control, and each side gets a grouping in combat of the default size unless the
document sizes it. A deployment of troops becomes a unit of the sender in the first theatre on
the destination's land (or a new theatre named after the destination), with the strength the
document gives ("around 10,000 troops"); it is in combat only if the document says it fights.
"""

from __future__ import annotations

from typing import Any

from sim.seeding.extract import Extraction
from sim.seeding.facts import Facts
from sim.seeding.findings import Finding, load_data
from sim.seeding.provenance import Ledger
from sim.seeding.quantities import quantity_in

Table = dict[str, dict[str, Any]]


def draft_theatres(ex: Extraction, ledger: Ledger) -> Table:
    """Every place the document names, as a theatre; contested where someone holds it."""
    d = load_data("defaults.yaml")["theatre"]
    out: Table = {}
    for p in ex.places:
        if p.territory_of not in ex.actors or (p.held_by and p.held_by not in ex.actors):
            continue
        path = f"theatres.{p.id}"
        t: dict[str, Any] = {"name": p.name, "territory_of": p.territory_of}
        src = {
            "name": ledger.quote(f"{path}.name", p.name, p.span),
            "territory_of": ledger.assume(
                f"{path}.territory_of",
                p.territory_of,
                f"{p.name} lies on {p.territory_of}'s land "
                "(gazetteer; the document does not say so)",
            ),
        }
        if p.held_by and p.held_span:
            t["held_by"], t["initial_control"] = p.held_by, d["held_initial_control"]
            src["held_by"] = ledger.quote(f"{path}.held_by", p.held_by, p.held_span)
            src["initial_control"] = ledger.assume(f"{path}.initial_control",
                                                   t["initial_control"],
                                                   d["held_initial_control_why"])  # fmt: skip
        out[p.id] = {**t, "sources": src}
    return out


def draft_forces(ex: Extraction, facts: Facts, theatres: Table, ledger: Ledger) -> Table:
    """Units for the deployments the document states and for both sides of contested ground."""
    out: Table = {}
    for f in facts.of("deployment"):
        tid = _theatre_for(f.parties[1], theatres, f, ex, ledger)
        _deployed_unit(out, f, tid, ex, facts, theatres, ledger)
    for tid, t in list(theatres.items()):
        if t.get("held_by"):
            _side(out, tid, t, "holder", t["held_by"], ex, ledger)
            _side(out, tid, t, "owner", t["territory_of"], ex, ledger)
    for sf in ex.forces:
        _stated_unit(out, sf, theatres, ex, facts, ledger)
    return out


def _stated_unit(out: Table, sf, theatres: Table, ex: Extraction, facts: Facts,
                 ledger: Ledger) -> None:  # fmt: skip
    """Troops, ships or aircraft the text counts ("some 1,500 French soldiers in Niger", "two
    Chinese coast guard vessels"), where it puts them (else on their own actor's land), unless
    a unit already carries that count. A unit of ships or aircraft has the number of craft as
    its strength, and its description says so."""
    q = sf.quantity
    if any(u["actor"] == sf.actor and u["strength"] == _count(q.value) for u in out.values()):
        return
    first = next((s for s in ex.forces if s.actor == sf.actor and s.quantity.unit == "troops"),
                 None)  # fmt: skip
    if first is sf and sf.actor in _front_parties(ex, facts, theatres):
        return  # the war's front sizes the actor's grouping with its first count
    d = load_data("defaults.yaml")["stated_forces"]
    land = sf.where if sf.where in ex.actors else sf.actor
    tid = next((tid for tid, t in theatres.items() if t["territory_of"] == land), land)
    if tid not in theatres:
        name = ex.gazetteer.actors[land].name
        theatres[tid] = {
            "name": name,
            "territory_of": land,
            "source": ledger.quote(f"theatres.{tid}", name, (q.start, q.end)),
        }
    uid = f"{sf.actor}_{q.unit}_{tid}"
    n = 2
    while uid in out:  # a second count of the same actor's troops there ("3,000 more")
        uid, n = f"{sf.actor}_{q.unit}_{tid}_{n}", n + 1
    path = f"forces.{uid}"
    quote = ledger.quote(path, uid, (q.start, q.end))
    unit = {
        "actor": sf.actor,
        "theatre": tid,
        "strength": _count(q.value),
        "quality": d["quality"],
        "in_combat": False,
        "description": f"{q.unit.capitalize()} of {ex.gazetteer.actors[sf.actor].name}: "
        f"{q.quote}" + ("" if q.unit == "troops" else " (the strength counts craft, not crews)"),
    }
    src = {
        "actor": quote,
        "theatre": quote,
        "description": quote,
        "strength": ledger.quote(f"{path}.strength", unit["strength"], (q.start, q.end)),
        "quality": ledger.assume(f"{path}.quality", d["quality"], d["quality_why"]),
        "in_combat": ledger.assume(
            f"{path}.in_combat", False, "the document does not say these troops fight"
        ),
    }
    if q.approx and " per " in q.approx:
        src["strength"] = ledger.assume(
            f"{path}.strength", unit["strength"], f"{q.quote}: {q.approx} (a typical size)"
        )
    out.setdefault(uid, {**unit, "sources": src})


def _front_parties(ex: Extraction, facts: Facts, theatres: Table) -> set[str]:
    """The actors ``draft_fronts`` will give a grouping on a front: both parties to the first
    stated war against each target, unless contested ground already sets them against each
    other."""
    out: set[str] = set()
    targets: set[str] = set()
    for f in facts.of("war"):
        a, b = f.parties
        held = any(t.get("held_by") and {t["held_by"], t["territory_of"]} == {a, b}
                   for t in theatres.values())  # fmt: skip
        if a in ex.actors and b in ex.actors and not held and b not in targets:
            targets.add(b)
            out |= {a, b}
    return out


def _theatre_for(dest: str, theatres: Table, f: Finding, ex: Extraction, ledger: Ledger) -> str:
    """The first theatre on the destination's land, or a new one named after it."""
    for tid, t in theatres.items():
        if t["territory_of"] == dest:
            return tid
    tid = dest
    name = ex.gazetteer.actors[dest].name
    quote = ledger.finding(f"theatres.{tid}", name, f)
    theatres[tid] = {"name": name, "territory_of": dest, "source": quote}
    return tid


def _count(value: float) -> int | float:
    """A whole number of troops as an int (10000, not 10000.0)."""
    return int(value) if float(value).is_integer() else value


def _deployed_unit(out: Table, f: Finding, tid: str, ex: Extraction, facts: Facts,
                   theatres: Table, ledger: Ledger) -> None:  # fmt: skip
    d = load_data("defaults.yaml")["forces"]
    sender = f.parties[0]
    uid = f"{sender}_troops_{tid}"
    path = f"forces.{uid}"
    q = quantity_in(ex.quantities, f.start, f.end, "troops")
    quote = ledger.finding(path, uid, f)
    fights = [c for c in facts.of("combat") if c.parties[0] == sender]
    unit: dict[str, Any] = {
        "actor": sender,
        "theatre": tid,
        "strength": _count(q.value) if q else d["deployed_strength"],
        "quality": d["deployed_quality"],
        "in_combat": bool(fights),
        "description": f"Troops of {ex.gazetteer.actors[sender].name} sent "
        f"to {ex.gazetteer.actors[f.parties[1]].name}",
    }
    theatre_src = (
        ledger.same_as(f"{path}.theatre", tid, f"theatres.{tid}.name")
        if "sources" in theatres[tid]
        else quote
    )
    src = {"actor": quote, "theatre": theatre_src, "description": quote,
           "strength": ledger.quote(f"{path}.strength", unit["strength"], (q.start, q.end))
           if q else ledger.assume(f"{path}.strength", unit["strength"],
                                   d["deployed_strength_why"]),
           "quality": ledger.assume(f"{path}.quality", unit["quality"],
                                    d["deployed_quality_why"]),
           "in_combat": ledger.finding(f"{path}.in_combat", True, fights[0]) if fights
           else ledger.assume(f"{path}.in_combat", False,
                              "the document does not say these troops fight yet")}  # fmt: skip
    out[uid] = {**unit, "sources": src}


def _side(out: Table, tid: str, t: dict[str, Any], side: str, actor: str, ex: Extraction,
          ledger: Ledger) -> None:  # fmt: skip
    """A grouping of ``actor`` in combat on its side of a contested theatre, default-sized."""
    if any(u["actor"] == actor and u["theatre"] == tid for u in out.values()):
        return
    d = load_data("defaults.yaml")["forces"]
    uid = f"{actor}_grouping_{tid}"
    path = f"forces.{uid}"
    size = d[side]
    unit = {"actor": actor, "theatre": tid, "strength": size["strength"],
            "quality": size["quality"], "in_combat": True,
            "replenishment": size["replenishment"], "reserve": size["reserve"],
            "description": f"Forces of {ex.gazetteer.actors[actor].name} fighting for "
                           f"{t['name']}"}  # fmt: skip
    src = {
        k: ledger.assume(f"{path}.{k}", unit[k], d["sizes_why"])
        for k in ("strength", "quality", "replenishment", "reserve")
    }
    for k in ("actor", "theatre", "in_combat", "description"):
        src[k] = ledger.same_as(f"{path}.{k}", unit[k], f"theatres.{tid}.held_by")
    out[uid] = {**unit, "sources": src}
