"""Updating a scenario with a later document: add what is new, never change what is curated.

Rules, in words:
- An actor, theatre, force unit or milestone the scenario lacks is added whole.
- A relation is added unless the scenario already has one of the same kind between the same
  parties; where the two differ in a detail (goods, restrictions), the curated one stays and
  the difference is reported.
- A doctrine entry is added to an existing actor only when the actor has no entry with the same
  action and target.
- What the later document reports as having happened (troops in combat, restrictions lifted,
  a co-belligerent declaration, reinforcements, nuclear signalling, sanctions) becomes an inject
  dated by the document (never before the scenario's start).
- Existing values are never overwritten; each difference is listed as kept.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from sim.seeding.draft import Draft
from sim.seeding.findings import Finding, load_data
from sim.seeding.quantities import Quantity, quantity_in


def merge(curated: dict[str, Any], draft: Draft) -> tuple[dict[str, Any], list[str]]:
    """The curated scenario plus what the draft adds, and the lines of the difference."""
    out = {k: (dict(v) if isinstance(v, dict) else v) for k, v in curated.items()}
    new = draft.data
    diff: list[str] = []
    same_theatre: dict[str, str] = {}  # drafted theatre id -> curated id of the same place
    for section in ("actors", "theatres", "forces"):
        out[section] = dict(out.get(section, {}))
        for key, value in new.get(section, {}).items():
            if "theatre" in value:
                value = {**value, "theatre": same_theatre.get(value["theatre"], value["theatre"])}
            twin = _twin(section, out[section], value)
            if twin is not None:
                same_theatre[key] = twin
                diff += _kept(section, twin, out[section][twin], value)
            elif key not in out[section]:
                out[section][key] = value
                diff.append(f"+ {section}.{key}")
            else:
                diff += _kept(section, key, out[section][key], value)
    for aid, actor in new["actors"].items():
        if aid in curated.get("actors", {}):
            diff += _merge_doctrine(out["actors"], aid, actor.get("doctrine", {}))
    diff += _merge_relations(out, new.get("relations", {}))
    milestones = {
        k: {**m, "theatre": same_theatre.get(m["theatre"], m["theatre"])} if "theatre" in m else m
        for k, m in new.get("milestones", {}).items()
    }
    diff += _merge_keyed(out, "milestones", milestones, _same_milestone)
    diff += _merge_keyed(
        out, "injects", new.get("injects", {}), lambda a, b: a["text"] == b["text"]
    )
    diff += _merge_keyed(out, "injects", dated_injects(out, draft), lambda a, b: a == b)
    return out, diff


def _twin(section: str, curated: dict, drafted: dict) -> str | None:
    """The curated unit for the same actor and theatre, or theatre of the same name."""
    for key, item in curated.items():
        if section == "forces" and (item["actor"], item["theatre"]) == (
            drafted["actor"], drafted["theatre"]):  # fmt: skip
            return key
        if section == "theatres" and item.get("name") == drafted.get("name"):
            return key
    return None


def _kept(section: str, key: str, curated: dict, drafted: dict) -> list[str]:
    """One line per field where the document (a quote, not a default) differs from the
    curated value, which stays."""
    skip = {"sources", "source", "doctrine", "description"}
    return [
        f"= {section}.{key}.{field}: kept {curated.get(field)!r} (document: {value!r})"
        for field, value in drafted.items()
        if field not in skip
        and field in curated
        and curated[field] != value
        and not _source_of(drafted, field).startswith("assumption:")
    ]


def _source_of(item: dict, field: str) -> str:
    return str(item.get("sources", {}).get(field) or item.get("source") or "")


def _merge_doctrine(actors: dict, aid: str, entries: dict) -> list[str]:
    actor = dict(actors[aid])
    doctrine = dict(actor.get("doctrine", {}))
    have = {(e["then"], e.get("target")) for e in doctrine.values()}
    diff = []
    for eid, e in entries.items():
        if (e["then"], e.get("target")) not in have and eid not in doctrine:
            doctrine[eid] = e
            diff.append(f"+ actors.{aid}.doctrine.{eid}")
    actors[aid] = {**actor, "doctrine": doctrine} if doctrine else actor
    return diff


def _merge_relations(out: dict, relations: dict) -> list[str]:
    out.setdefault("relations", {})
    by_pair = {(r["kind"], frozenset(r["parties"])): rid for rid, r in out["relations"].items()}
    diff = []
    for rid, r in relations.items():
        same = by_pair.get((r["kind"], frozenset(r["parties"])))
        if same is None:
            key = rid if rid not in out["relations"] else f"{rid}_2"
            out["relations"][key] = r
            diff.append(f"+ relations.{key}")
        else:
            diff += _kept("relations", same, out["relations"][same], r)
    return diff


def _same_milestone(a: dict, b: dict) -> bool:
    keys = ("kind", "actors", "target", "rung", "theatre", "action")
    return all(a.get(k) == b.get(k) for k in keys)


def _merge_keyed(out: dict, section: str, items: dict, same) -> list[str]:
    out[section] = dict(out.get(section, {}))
    diff = []
    for key, item in items.items():
        if key in out[section] or any(same(v, item) for v in out[section].values()):
            continue
        out[section][key] = item
        diff.append(f"+ {section}.{key}")
    return diff


def dated_injects(world: dict, draft: Draft) -> dict[str, dict[str, Any]]:
    """The events the document reports as facts, as injects on the document's date."""
    ex = draft.extraction
    start = dt.date.fromisoformat(str(world["start_date"]))
    when = max(ex.date.date, start)
    out: dict[str, dict[str, Any]] = {}
    for f in ex.findings:
        if f.modality != "fact":
            continue
        effects = _effects(world, f, ex.quantities)
        if not effects:
            continue
        iid = f"{when.strftime('%Y_%m_%d')}_{f.parties[0]}_{f.kind}"
        sentence = ex.doc.sentences[f.sentence - 1]
        date_src = ex.date.source
        if when != ex.date.date:
            date_src = "assumption: the document predates the scenario's start; moved to it"
        out.setdefault(iid, {"date": when.isoformat(), "text": sentence.text, "effects": effects,
                             "sources": {"text": sentence.text, "date": date_src}})  # fmt: skip
    return out


def _effects(world: dict, f: Finding, quantities: list[Quantity]) -> list[dict[str, Any]]:
    """The inject effects a reported event has on the (merged) world."""
    actor, target = f.parties
    units = {uid: u for uid, u in world.get("forces", {}).items() if u["actor"] == actor}
    if f.kind == "combat":
        return [{"kind": "commit_unit", "unit": uid} for uid in units]
    if f.kind == "lift_restrictions":
        suppliers = {r["parties"][0] for r in world.get("relations", {}).values()
                     if r["kind"] == "supply" and r.get("restricted_use")}  # fmt: skip
        chosen = [actor] if actor in suppliers else sorted(suppliers)
        return [{"kind": "lift_restrictions", "supplier": s} for s in chosen]
    if f.kind == "co_belligerent" and target:
        return [{"kind": "declare_co_belligerent", "actor": actor, "target": target}]
    if f.kind == "deployment" and units:
        q = quantity_in(quantities, f.start, f.end, "troops")
        extra = q.value if q else load_data("defaults.yaml")["forces"]["deployed_strength"]
        extra = int(extra) if float(extra).is_integer() else extra
        return [{"kind": "reinforce_unit", "unit": next(iter(units)), "strength": extra}]
    if f.kind in ("nuclear_signal", "sanctions"):
        rung = "nuclear_signalling" if f.kind == "nuclear_signal" else "sanctions"
        return [{"kind": "set_rung", "actor": actor, "rung": rung}]
    return []
